"""The ``asyncio.Server`` that ``loop.create_server`` returns in the sandbox.

It follows ``asyncio.base_events.Server`` of the Python running it, line by
line where it matters: ``close()`` stops accepting and leaves open
connections alone; ``serve_forever()`` is cancellable and closes the server
when cancelled; ``async with server`` closes it and waits. ``wait_closed()``
changed in 3.12.1: before, it returned at once once the server was closed;
since, it waits until every connection the server accepted has closed too.
The sandbox keeps the behaviour of the running version, so a learner sees
what their own Python does.
"""

import asyncio
import asyncio.trsock
import sys

__all__ = ["VirtualServer"]

_WAIT_CLOSED_WAITS_FOR_CLIENTS = sys.version_info >= (3, 12, 1)


class VirtualServer(asyncio.AbstractServer):
    """Listening sockets on the virtual network and the connections they accepted."""

    def __init__(self, loop, network, sockets, protocol_factory):
        self._loop = loop
        self._network = network
        #: the bound ``VirtualSocket``s; None once the server is closed
        self._sockets = sockets
        self._clients = set()
        #: futures of ``wait_closed()`` callers; None once the server is
        #: closed and its last connection has gone
        self._waiters = []
        self._protocol_factory = protocol_factory
        self._serving = False
        self._serving_forever_fut = None

    def __repr__(self):
        # asyncio's Server says "Server"; a learner printing one sees the same.
        return f"<Server sockets={self.sockets!r}>"

    # Connections

    def _attach(self, transport):
        self._clients.add(transport)

    def _detach(self, transport):
        self._clients.discard(transport)
        if not self._clients and self._sockets is None:
            self._wakeup()

    def _wakeup(self):
        waiters = self._waiters
        self._waiters = None
        for waiter in waiters or ():
            if not waiter.done():
                waiter.set_result(None)

    def accept(self, transport):
        """A connection arrived at one of the listening sockets.

        A server whose loop is not the one running (it was created by an
        earlier ``asyncio.run``) never accepts it: the kernel would complete
        the handshake, and nothing would ever read.
        """
        if self._loop is not transport._loop or self._loop.is_closed():
            return
        try:
            protocol = self._protocol_factory()
        except Exception as exc:
            self._loop.call_exception_handler({
                "message": "Error on transport creation for incoming connection",
                "exception": exc})
            transport.abort()
            return
        transport.start(protocol)

    @property
    def listening(self):
        """True between start_serving and close: connections are not refused."""
        return self._serving

    # asyncio.AbstractServer

    def _start_serving(self):
        if self._serving:
            return
        self._serving = True

    def get_loop(self):
        return self._loop

    def is_serving(self):
        return self._serving

    @property
    def sockets(self):
        if self._sockets is None:
            return ()
        return tuple(asyncio.trsock.TransportSocket(sock) for sock in self._sockets)

    def close(self):
        sockets = self._sockets
        if sockets is None:
            return
        self._sockets = None
        for sock in sockets:
            self._network.unbind(sock)
        self._serving = False
        if self._serving_forever_fut is not None and not self._serving_forever_fut.done():
            self._serving_forever_fut.cancel()
            self._serving_forever_fut = None
        if not self._clients:
            self._wakeup()

    if sys.version_info >= (3, 13):
        def close_clients(self):
            for transport in self._clients.copy():
                transport.close()

        def abort_clients(self):
            for transport in self._clients.copy():
                transport.abort()

    async def start_serving(self):
        self._start_serving()
        await asyncio.sleep(0)

    async def serve_forever(self):
        if self._serving_forever_fut is not None:
            raise RuntimeError(f"server {self!r} is already being awaited on serve_forever()")
        if self._sockets is None:
            raise RuntimeError(f"server {self!r} is closed")
        self._start_serving()
        self._serving_forever_fut = self._loop.create_future()
        try:
            await self._serving_forever_fut
        except asyncio.CancelledError:
            try:
                self.close()
                await self.wait_closed()
            finally:
                raise
        finally:
            self._serving_forever_fut = None

    async def wait_closed(self):
        if not _WAIT_CLOSED_WAITS_FOR_CLIENTS and self._sockets is None:
            return
        if self._waiters is None:
            return
        waiter = self._loop.create_future()
        self._waiters.append(waiter)
        await waiter
