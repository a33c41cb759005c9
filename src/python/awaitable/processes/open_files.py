"""What a file descriptor refers to: pipes, files, ``/dev/null`` and the
program's own output.

Each class is an *open file description* in the POSIX sense: ``dup`` and
fork share one, and it is released when its last descriptor is closed. That
reference count is what makes end-of-file work as on a real system: the
reader of a pipe sees EOF only when every process holding the write end
(a shell's children included) has closed it or exited.

Processes read and write with coroutines that wait, on the virtual clock,
for a full pipe to drain or an empty one to fill. Transports, which run in
loop callbacks, use the non-waiting ``*_nowait`` calls and a watch
callback instead, as a selector would tell them that a pipe is ready.
"""

import codecs

from asyncio import events

__all__ = [
    "OpenFile", "Pipe", "PipeReader", "PipeWriter", "NullFile",
    "FileReader", "FileWriter", "TerminalWriter",
]

#: Linux's default pipe capacity.
PIPE_CAPACITY = 65536


class OpenFile:
    """An open file description, shared by every descriptor that refers to it."""

    readable = False
    writable = False

    def __init__(self):
        self._references = 1

    def dup(self):
        """Another descriptor for this description (``dup``, fork)."""
        self._references += 1
        return self

    def close(self):
        """Close one descriptor; the description goes when the last one does."""
        if self._references > 0:
            self._references -= 1
            if self._references == 0:
                self._release()

    def _release(self):
        pass

    @property
    def regular_size(self):
        """The size of the regular file this reads, else None (``wc`` pads
        its columns differently for pipes and files)."""
        return None

    async def read(self, size):
        """Up to ``size`` bytes; ``b""`` at end of file."""
        raise OSError(9, "Bad file descriptor")

    async def write(self, data):
        """Write all of ``data``, waiting while a pipe is full; raises
        ``BrokenPipeError`` when nobody can read it any more."""
        raise OSError(9, "Bad file descriptor")


class Pipe:
    """A kernel pipe: a bounded byte buffer between two kinds of ends."""

    def __init__(self):
        self._buffer = bytearray()
        #: open descriptions of each end; EOF and EPIPE follow from these
        self.readers = 0
        self.writers = 0
        self._waiters = []
        self._watchers = []

    def open(self):
        """A (read end, write end) pair, as ``os.pipe()`` returns."""
        return PipeReader(self), PipeWriter(self)

    # Readiness, as a selector would report it

    @property
    def readable(self):
        """A read would not block: there is data, or no writer is left (EOF)."""
        return bool(self._buffer) or not self.writers

    @property
    def writable(self):
        """A write would not block: there is room, or no reader is left (EPIPE)."""
        return len(self._buffer) < PIPE_CAPACITY or not self.readers

    def watch(self, callback):
        """Call ``callback()`` whenever the pipe's state changes."""
        self._watchers.append(callback)

    def unwatch(self, callback):
        if callback in self._watchers:
            self._watchers.remove(callback)

    # Non-waiting calls, for transports

    def read_nowait(self, size):
        """Like a non-blocking ``os.read``: data, ``b""`` at EOF, or None
        when the read would block."""
        if not self._buffer:
            return b"" if not self.writers else None
        data = bytes(self._buffer[:size])
        del self._buffer[:size]
        self._changed()
        return data

    def write_nowait(self, data):
        """Like a non-blocking ``os.write``: the number of bytes accepted."""
        if not self.readers:
            raise BrokenPipeError(32, "Broken pipe")
        room = PIPE_CAPACITY - len(self._buffer)
        accepted = data[:room]
        if accepted:
            self._buffer += accepted
            self._changed()
        return len(accepted)

    # Waiting calls, for processes

    async def read(self, size):
        while not self.readable:
            await self._wait()
        return self.read_nowait(size)

    async def write(self, data):
        data = memoryview(data)
        while data:
            if not self.writable:
                await self._wait()
                continue
            data = data[self.write_nowait(data):]

    def _wait(self):
        waiter = events.get_running_loop().create_future()
        self._waiters.append(waiter)
        return waiter

    def _changed(self):
        waiters, self._waiters = self._waiters, []
        for waiter in waiters:
            if not waiter.done():
                waiter.set_result(None)
        for callback in list(self._watchers):
            callback()

    def _end_closed(self, end):
        if end == "read":
            self.readers -= 1
        else:
            self.writers -= 1
        self._changed()


class PipeReader(OpenFile):
    readable = True

    def __init__(self, pipe):
        super().__init__()
        self.pipe = pipe
        pipe.readers += 1

    def _release(self):
        self.pipe._end_closed("read")

    async def read(self, size):
        return await self.pipe.read(size)


class PipeWriter(OpenFile):
    writable = True

    def __init__(self, pipe):
        super().__init__()
        self.pipe = pipe
        pipe.writers += 1

    def _release(self):
        self.pipe._end_closed("write")

    async def write(self, data):
        await self.pipe.write(data)


class NullFile(OpenFile):
    """``/dev/null``: reads nothing, swallows everything. Also what a
    process reads when it inherits the program's standard input, which in
    the sandbox has nothing to give."""

    readable = writable = True

    async def read(self, size):
        return b""

    async def write(self, data):
        pass


class FileReader(OpenFile):
    """A regular file opened for reading, with its own offset."""

    readable = True

    def __init__(self, node):
        super().__init__()
        self._node = node
        self._offset = 0

    @property
    def regular_size(self):
        return len(self._node.data)

    async def read(self, size):
        data = bytes(self._node.data[self._offset:self._offset + size])
        self._offset += len(data)
        return data


class FileWriter(OpenFile):
    """A regular file opened for writing (``>``) or appending (``>>``)."""

    writable = True

    def __init__(self, node, file_system, append):
        super().__init__()
        self._node = node
        self._file_system = file_system
        self._append = append
        self._offset = 0

    async def write(self, data):
        node = self._node
        if self._append:
            self._offset = len(node.data)
        node.data[self._offset:self._offset + len(data)] = data
        self._offset += len(data)
        self._file_system.touched(node)


class TerminalWriter(OpenFile):
    """The program's own stdout or stderr, inherited by a process started
    with ``stdout=None``/``stderr=None``: what it writes appears in the
    run's output, line by line, at the virtual time it was written."""

    writable = True

    def __init__(self, stream, capture):
        super().__init__()
        self._stream = stream
        self._capture = capture
        self._decoder = codecs.getincrementaldecoder("utf-8")("replace")

    async def write(self, data):
        if self._capture.dropped:
            # The run's output is full and no more of it is kept: the
            # process blocks like a writer to a terminal that stopped
            # scrolling, rather than spinning forever on output nobody sees.
            await events.get_running_loop().create_future()
        self._stream.write(self._decoder.decode(bytes(data)))

    def _release(self):
        self._stream.write(self._decoder.decode(b"", final=True))
