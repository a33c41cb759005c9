"""A response body as it arrives: what ``resp.content`` is (aiohttp's ``StreamReader``)."""

import asyncio

__all__ = ["StreamReader"]


class StreamReader:
    """A response body as it arrives (``resp.content``)."""

    def __init__(self, loop, deadline):
        self._loop = loop
        # The request's total timeout covers reading the body too.
        self._deadline = deadline
        self._buffer = bytearray()
        self._eof = False
        self._exception = None
        self._waiter = None
        self._eof_callbacks = []
        self.total_bytes = 0

    def __repr__(self):
        return f"<StreamReader {len(self._buffer)} bytes{' eof' if self._eof else ''}>"

    # Fed by the connection

    def feed_data(self, data):
        self._buffer += data
        self.total_bytes += len(data)
        self._wake()

    def feed_eof(self):
        self._eof = True
        self._wake()
        callbacks, self._eof_callbacks = self._eof_callbacks, []
        for callback in callbacks:
            callback()

    def on_eof(self, callback):
        if self._eof:
            callback()
        else:
            self._eof_callbacks.append(callback)

    def set_exception(self, exc):
        self._exception = exc
        self._eof_callbacks.clear()
        waiter, self._waiter = self._waiter, None
        if waiter is not None and not waiter.done():
            waiter.set_exception(exc)

    def exception(self):
        return self._exception

    def _wake(self):
        waiter, self._waiter = self._waiter, None
        if waiter is not None and not waiter.done():
            waiter.set_result(None)

    async def _wait(self):
        self._waiter = self._loop.create_future()
        try:
            async with asyncio.timeout_at(self._deadline):
                await self._waiter
        finally:
            self._waiter = None

    # Read by the program

    def is_eof(self):
        return self._eof

    def at_eof(self):
        return self._eof and not self._buffer

    async def readany(self):
        if self._exception is not None:
            raise self._exception
        while not self._buffer and not self._eof:
            await self._wait()
        return self._take(len(self._buffer))

    async def read(self, n=-1):
        if self._exception is not None:
            raise self._exception
        if n == 0:
            return b""
        if n < 0:
            blocks = []
            while True:
                block = await self.readany()
                if not block:
                    return b"".join(blocks)
                blocks.append(block)
        while not self._buffer and not self._eof:
            await self._wait()
        return self._take(n)

    async def readline(self):
        if self._exception is not None:
            raise self._exception
        while b"\n" not in self._buffer and not self._eof:
            await self._wait()
        end = self._buffer.find(b"\n")
        return self._take(end + 1 if end >= 0 else len(self._buffer))

    async def readexactly(self, n):
        if self._exception is not None:
            raise self._exception
        while len(self._buffer) < n and not self._eof:
            await self._wait()
        if len(self._buffer) < n:
            partial = self._take(len(self._buffer))
            raise asyncio.IncompleteReadError(partial, n)
        return self._take(n)

    async def readchunk(self):
        """(data, end_of_chunk): the body arrives whole, never in HTTP chunks."""
        data = await self.readany()
        return data, False

    def read_nowait(self, n=-1):
        if self._exception is not None:
            raise self._exception
        return self._take(len(self._buffer) if n < 0 else n)

    def _take(self, n):
        data = bytes(self._buffer[:n])
        del self._buffer[:n]
        return data

    def iter_chunked(self, n):
        return _Chunks(lambda: self.read(n))

    def iter_any(self):
        return _Chunks(self.readany)

    def __aiter__(self):
        return _Chunks(self.readline)


class _Chunks:
    """Async iteration over a read method until it returns b""."""

    def __init__(self, read):
        self._read = read

    def __aiter__(self):
        return self

    async def __anext__(self):
        data = await self._read()
        if not data:
            raise StopAsyncIteration
        return data


StreamReader.__module__ = "aiohttp.streams"
