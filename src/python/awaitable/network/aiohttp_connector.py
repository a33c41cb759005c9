"""Connections for aiohttp requests: the connector's limits, and the protocol
that reads a response off a connection.

``TCPConnector`` hands out at most ``limit`` connections at a time (100 by
default, 0 for no limit) and ``limit_per_host`` to one host; a request that
finds none free waits, first come first served. The slot is held from the
moment the connection is being made until the response is released.
"""

import asyncio
import contextlib
import math
import socket
from collections import deque, namedtuple

from .aiohttp_exceptions import (
    ClientConnectionError, ClientConnectorDNSError, ClientConnectorError, ClientOSError,
    ClientPayloadError, ServerDisconnectedError, SocketTimeoutError,
)
from .aiohttp_streams import StreamReader
from .http_wire import HttpParseError, IncompleteMessage, MessageParser

__all__ = ["TCPConnector", "Connection", "ConnectionKey", "ResponseHandler", "deadline"]

ConnectionKey = namedtuple(
    "ConnectionKey", ["host", "port", "is_ssl", "ssl", "proxy", "proxy_auth", "proxy_headers_hash"])


def deadline(loop, delay, ceil_threshold, *, at_threshold):
    """When a timeout of ``delay`` seconds from now fires, or None.

    aiohttp rounds long timeouts up to a whole second of loop time (its
    ``ceil_timeout`` and ``TimeoutHandle``), so that many of them share one
    wake-up; ``at_threshold`` says whether a delay equal to the threshold is
    long (``TimeoutHandle``) or not (``ceil_timeout``).
    """
    if delay is None or delay <= 0:
        return None
    when = loop.time() + delay
    if delay > ceil_threshold or (at_threshold and delay == ceil_threshold):
        when = math.ceil(when)
    return when


class ResponseHandler(asyncio.Protocol):
    """The client's end of a connection: parses the response as it arrives."""

    def __init__(self, loop):
        self._loop = loop
        self.transport = None
        self._parser = None
        self._head = loop.create_future()
        self._payload = None
        self._deadline = None
        self._read_timeout = None
        self._read_timeout_handle = None

    def set_response_params(self, *, head_request, read_timeout, deadline, read_until_eof):
        self._parser = MessageParser(is_response=True, head_request=head_request,
                                     read_until_eof=read_until_eof)
        self._read_timeout = read_timeout
        self._deadline = deadline

    async def read_head(self):
        """The response's head and its body stream, once the head arrived."""
        try:
            return await self._head
        finally:
            # An exception in the future references the frames awaiting it,
            # which reference this protocol: drop the future so no cycle
            # keeps the session alive past its last use.
            self._head = None

    # Read timeout (ClientTimeout.sock_read): restarted by every arrival.

    def start_timeout(self):
        self._reschedule_timeout()

    def _reschedule_timeout(self):
        self._drop_timeout()
        if self._read_timeout:
            self._read_timeout_handle = self._loop.call_later(self._read_timeout, self._on_read_timeout)

    def _drop_timeout(self):
        if self._read_timeout_handle is not None:
            self._read_timeout_handle.cancel()
            self._read_timeout_handle = None

    def _on_read_timeout(self):
        self._read_timeout_handle = None
        error = SocketTimeoutError("Timeout on reading data from socket")
        self._fail_head(error)
        if self._payload is not None:
            self._payload.set_exception(error)

    def abandon(self):
        """No request will read this response: its connection is closed
        unused. Without its future, closing the connection fails nothing that
        asyncio would report as never retrieved."""
        if self._head is not None:
            self._head.cancel()
            self._head = None

    def _fail_head(self, error):
        if self._head is not None and not self._head.done():
            self._head.set_exception(error)

    # asyncio.Protocol

    def connection_made(self, transport):
        self.transport = transport

    def data_received(self, data):
        self._reschedule_timeout()
        if self._parser is None or self._parser.done:
            return
        try:
            events = self._parser.feed(data)
        except HttpParseError as exc:
            self.transport.close()
            self._fail_head(exc)
            return
        self._handle(events)

    def _handle(self, events):
        for kind, value in events:
            if kind == "head":
                self._payload = StreamReader(self._loop, self._deadline)
                if self._head is not None and not self._head.done():
                    self._head.set_result((value, self._payload))
            elif kind == "body":
                self._payload.feed_data(value)
            else:
                self._drop_timeout()
                self._payload.feed_eof()

    def eof_received(self):
        self._drop_timeout()

    def connection_lost(self, exc):
        self._drop_timeout()
        if self._parser is not None and not self._parser.done:
            try:
                self._handle(self._parser.feed_eof())
            except IncompleteMessage as incomplete:
                if self._payload is not None:
                    message = f"Response payload is not completed: {_describe_incomplete(incomplete)}"
                    if exc is not None:
                        message = f"{message}. {exc!r}"
                    self._payload.set_exception(ClientPayloadError(message))
        if exc is None:
            self._fail_head(ServerDisconnectedError())
        else:
            self._fail_head(ClientOSError(*exc.args))
        self.transport = None


def _describe_incomplete(incomplete):
    if incomplete.framing == "chunked":
        return "<TransferEncodingError: 400, message='Not enough data to satisfy transfer length header.'>"
    return "<ContentLengthError: 400, message='Not enough data to satisfy content length header.'>"


class Connection:
    """A connection a request holds from its connector."""

    def __init__(self, connector, key, transport, protocol):
        self._connector = connector
        self.key = key
        self.transport = transport
        self.protocol = protocol
        self._released = False

    def release(self):
        """Give the slot back; with no pooling, the connection closes."""
        if self._released:
            return
        self._released = True
        self.transport.close()
        self._connector._release(self)

    close = release

    def __repr__(self):
        return f"Connection<{self.key}>"


class TCPConnector:
    """Opens connections for a session, at most ``limit`` at a time in all
    (0 for no limit) and ``limit_per_host`` to one host.

    DNS caching, keep-alive and TLS settings are accepted and ignored: the
    sandbox resolves names at once and never reuses a connection.
    """

    def __init__(self, *, limit=100, limit_per_host=0, force_close=False, ssl=True,
                 ttl_dns_cache=10, use_dns_cache=True, family=0, keepalive_timeout=None,
                 enable_cleanup_closed=False, verify_ssl=True):
        self._loop = asyncio.get_running_loop()
        self._limit = limit
        self._limit_per_host = limit_per_host
        self._force_close = force_close
        self._acquired = set()
        self._acquired_per_host = {}
        self._waiters = deque()
        self._closed = False

    @property
    def limit(self):
        return self._limit

    @property
    def limit_per_host(self):
        return self._limit_per_host

    @property
    def force_close(self):
        return self._force_close

    @property
    def closed(self):
        return self._closed

    async def close(self):
        """Close every connection still held by a request."""
        if self._closed:
            return
        self._closed = True
        for connection in list(self._acquired):
            # A slot held while a connection is being made has nothing to
            # close yet: that request finds the connector closed when it connects.
            if isinstance(connection, Connection):
                connection.release()
        for _, waiter in self._waiters:
            if not waiter.done():
                waiter.cancel()
        self._waiters.clear()

    async def __aenter__(self):
        return self

    async def __aexit__(self, *exc_info):
        await self.close()

    def _available(self, key):
        if self._limit and len(self._acquired) >= self._limit:
            return False
        if self._limit_per_host and len(self._acquired_per_host.get(key, ())) >= self._limit_per_host:
            return False
        return True

    async def _connect(self, key, timeout):
        if self._closed:
            raise ClientConnectionError("Connector is closed.")
        while not self._available(key):
            waiter = self._loop.create_future()
            self._waiters.append((key, waiter))
            try:
                await waiter
            except BaseException:
                with contextlib.suppress(ValueError):
                    self._waiters.remove((key, waiter))
                if waiter.done() and not waiter.cancelled():
                    self._wake_waiter()
                raise
        # The slot is taken while the connection is being made, as in aiohttp.
        placeholder = object()
        self._hold(key, placeholder)
        try:
            try:
                async with asyncio.timeout_at(deadline(
                        self._loop, timeout.sock_connect, timeout.ceil_threshold, at_threshold=False)):
                    transport, protocol = await self._loop.create_connection(
                        lambda: ResponseHandler(self._loop), key.host, key.port)
            except socket.gaierror as exc:
                raise ClientConnectorDNSError(key, exc) from exc
            except OSError as exc:
                if exc.errno is None and isinstance(exc, asyncio.TimeoutError):
                    raise
                raise ClientConnectorError(key, exc) from exc
        except BaseException:
            self._unhold(key, placeholder)
            self._wake_waiter()
            raise
        self._unhold(key, placeholder)
        if self._closed:
            protocol.abandon()
            transport.close()
            raise ClientConnectionError("Connector is closed.")
        connection = Connection(self, key, transport, protocol)
        self._hold(key, connection)
        return connection

    def _hold(self, key, connection):
        self._acquired.add(connection)
        if self._limit_per_host:
            self._acquired_per_host.setdefault(key, set()).add(connection)

    def _unhold(self, key, connection):
        self._acquired.discard(connection)
        per_host = self._acquired_per_host.get(key)
        if per_host is not None:
            per_host.discard(connection)
            if not per_host:
                del self._acquired_per_host[key]

    def _release(self, connection):
        self._unhold(connection.key, connection)
        self._wake_waiter()

    def _wake_waiter(self):
        # The first waiter (in arrival order) whose host has room goes next.
        for entry in list(self._waiters):
            key, waiter = entry
            if waiter.done():
                self._waiters.remove(entry)
                continue
            if self._available(key):
                self._waiters.remove(entry)
                waiter.set_result(None)
                return


TCPConnector.__module__ = "aiohttp.connector"
