"""Two stream transports joined in memory, their data delivered on the virtual clock.

A connection is a pair of ``VirtualTransport``s, one per end, and two
``_Direction``s between them. Each end behaves like asyncio's selector socket
transport as a protocol sees it: ``connection_made`` and ``connection_lost``
arrive through ``call_soon``; ``data_received`` and ``eof_received`` follow
the same rules (reading stops after EOF when the protocol keeps the
connection open, and ``close()`` stops reading at once); write-side flow
control pauses and resumes the protocol around the same default limits, so
``StreamWriter.drain()`` blocks exactly when it would on a socket.

What stands in for the two kernels is a ``_Direction``: the bytes one end
has sent and the other has not yet read, each piece arriving ``delay``
virtual seconds after it was sent, in order. It holds at most
``SOCKET_BUFFER`` bytes; what a writer writes beyond that stays in the
transport's own buffer, which is the one ``get_write_buffer_size()`` reports
and flow control watches. The kernel's rules for closing are kept as Linux
has them: closing a socket that still has unread data, or receiving data on
a closed one, resets the connection (``ConnectionResetError``), and a reset
that arrives after EOF surfaces on the next write.
"""

import asyncio
import asyncio.trsock
import collections
import heapq
import itertools
import socket
from asyncio.log import logger

__all__ = ["VirtualTransport", "VirtualSocket", "Deliveries", "connect_pair", "SOCKET_BUFFER", "reset_error"]

#: Bytes one direction of a connection holds in flight or unread (the
#: sender's and the receiver's socket buffers together).
SOCKET_BUFFER = 256 * 1024

# asyncio.constants.LOG_THRESHOLD_FOR_CONNLOST_WRITES: after this many writes
# to a lost connection, every further write logs a warning.
_LOG_THRESHOLD_FOR_CONNLOST_WRITES = 5

# Errno values as Linux numbers them, whatever platform runs the sandbox:
# what a learner sees must match CPython on their own (Linux) machine.
_ECONNRESET = 104
_EPIPE = 32


def reset_error():
    """The error a socket reports when its peer resets the connection."""
    return ConnectionResetError(_ECONNRESET, "Connection reset by peer")


class VirtualSocket:
    """What ``get_extra_info('socket')`` and ``Server.sockets`` wrap.

    asyncio hands out sockets wrapped in ``asyncio.trsock.TransportSocket``,
    which reads ``family``, ``type``, ``proto``, ``fileno()``,
    ``getsockname()`` and ``getpeername()`` from the socket it wraps; this
    object answers those with the simulated addresses.
    """

    family = socket.AF_INET
    type = socket.SOCK_STREAM
    proto = 6

    def __init__(self, fd, sockname, peername=None):
        self._fd = fd
        self._sockname = sockname
        self._peername = peername

    def fileno(self):
        return self._fd

    def getsockname(self):
        return self._sockname

    def getpeername(self):
        if self._peername is None:
            raise OSError(107, "Transport endpoint is not connected")
        return self._peername

    def setsockopt(self, *args):
        pass

    def getsockopt(self, *args):
        return 0

    def setblocking(self, flag):
        pass

    def gettimeout(self):
        return 0.0


class Deliveries:
    """The arrivals due on one loop, across all its connections.

    One timer serves them all, so that pieces due at the same virtual time
    arrive in the order they were sent, whatever their connection: the
    loop's own timers due at one instant run in no set order.
    """

    def __init__(self, loop):
        self._loop = loop
        # (arrival time, sequence number, direction)
        self._heap = []
        self._sequence = itertools.count()
        self._timer = None

    def add(self, when, direction):
        heapq.heappush(self._heap, (when, next(self._sequence), direction))
        if self._loop.is_closed():
            return
        if self._timer is None or when < self._timer.when():
            if self._timer is not None:
                self._timer.cancel()
            self._timer = self._loop.call_at(when, self._run)

    def _run(self):
        self._timer = None
        now = self._loop.time()
        try:
            while self._heap and self._heap[0][0] <= now:
                _, _, direction = heapq.heappop(self._heap)
                direction.arrive(now)
        finally:
            if self._heap and self._timer is None:
                self._timer = self._loop.call_at(self._heap[0][0], self._run)


class _Direction:
    """One direction of a connection: what one end sent, in order, each piece
    with the virtual time it reaches the other end."""

    def __init__(self, deliveries, loop, delay):
        self._deliveries = deliveries
        self._loop = loop
        self.delay = delay
        self.sender = None
        self.receiver = None
        # [arrival time, kind, payload]; kind is data, eof or rst
        self._queue = collections.deque()
        #: bytes sent and not yet read by the receiving protocol (in flight,
        #: or arrived while the receiver was not reading)
        self.pending = 0

    def send(self, kind, payload=b""):
        when = self._loop.time() + self.delay
        if kind == "data":
            self.pending += len(payload)
            last = self._queue[-1] if self._queue else None
            if last is not None and last[1] == "data" and last[0] == when:
                last[2] += payload
                return
            payload = bytearray(payload)
        self._queue.append([when, kind, payload])
        self._deliveries.add(when, self)

    def arrive(self, now):
        """Hand over the pieces due by ``now`` (called by ``Deliveries``)."""
        while self._queue and self._queue[0][0] <= now:
            _, kind, payload = self._queue.popleft()
            self.receiver._arrived(kind, bytes(payload) if kind == "data" else None)

    def consumed(self, size):
        """The receiver read (or dropped) ``size`` bytes: room for more."""
        self.pending -= size
        self.sender._flush()


class VirtualTransport(asyncio.Transport):
    """One end of a simulated TCP connection."""

    def __init__(self, loop, sock, server=None):
        super().__init__({
            "socket": asyncio.trsock.TransportSocket(sock),
            "sockname": sock.getsockname(),
            "peername": sock.getpeername(),
        })
        self._loop = loop
        self._sock = sock
        self._protocol = None
        self._server = server
        self._outgoing = None
        self._incoming = None
        # Written, not yet taken by the outgoing direction (it was full).
        self._buffer = bytearray()
        # Arrived before connection_made, while reading was paused, or after
        # close(): bytes, and an EOF that comes after them.
        self._unread = bytearray()
        self._unread_eof = False
        self._connected = False
        self._paused = False
        self._closing = False
        self._conn_lost = 0
        self._eof = False
        self._eof_sent = False
        self._eof_received = False
        self._socket_closed = False
        # A reset that arrived after EOF, while nothing was reading: like a
        # socket's pending error, the next write reports it.
        self._reset_error = None
        self._protocol_paused = False
        self._high_water = 64 * 1024
        self._low_water = 16 * 1024
        if server is not None:
            server._attach(self)

    def __repr__(self):
        # Learners meet transports in asyncio's own messages ("transport:
        # <...>"): show what a socket transport on their machine shows.
        info = ["_SelectorSocketTransport"]
        if self._socket_closed:
            info.append("closed")
        elif self._closing:
            info.append("closing")
        info.append(f"fd={self._sock.fileno()}")
        if not self._socket_closed and not self._loop.is_closed():
            reading = self._connected and self.is_reading() and not self._eof_received
            info.append(f"read={'polling' if reading else 'idle'}")
            info.append(f"write=<{'polling' if self._buffer else 'idle'}, bufsize={len(self._buffer)}>")
        return f"<{' '.join(info)}>"

    def start(self, protocol, waiter=None):
        """Attach ``protocol`` and call its ``connection_made`` soon, as a
        socket transport does; ``waiter`` resolves right after it."""
        self._protocol = protocol
        self._loop.call_soon(self._call_connection_made)
        if waiter is not None:
            self._loop.call_soon(_set_result_unless_cancelled, waiter, None)

    def _call_connection_made(self):
        if self._closing:
            return
        self._connected = True
        self._protocol.connection_made(self)
        self._deliver_unread()

    # Protocol and state

    def get_protocol(self):
        return self._protocol

    def set_protocol(self, protocol):
        self._protocol = protocol

    def is_closing(self):
        return self._closing

    def is_reading(self):
        return not self._paused and not self._closing

    def pause_reading(self):
        if not self.is_reading():
            return
        self._paused = True

    def resume_reading(self):
        if self._closing or not self._paused:
            return
        self._paused = False
        self._loop.call_soon(self._deliver_unread)

    # Writing

    def write(self, data):
        if not isinstance(data, (bytes, bytearray, memoryview)):
            raise TypeError(f"data argument must be a bytes-like object, not {type(data).__name__!r}")
        if self._eof:
            raise RuntimeError("Cannot call write() after write_eof()")
        if not data:
            return
        if self._conn_lost:
            if self._conn_lost >= _LOG_THRESHOLD_FOR_CONNLOST_WRITES:
                logger.warning("socket.send() raised exception.")
            self._conn_lost += 1
            return
        if self._reset_error is not None:
            self._force_close(self._reset_error)
            return
        self._buffer += data
        self._flush()
        self._maybe_pause_protocol()

    def write_eof(self):
        if self._closing or self._eof:
            return
        self._eof = True
        if not self._buffer:
            self._send_eof()

    def can_write_eof(self):
        return True

    def get_write_buffer_size(self):
        return len(self._buffer)

    def get_write_buffer_limits(self):
        return (self._low_water, self._high_water)

    def set_write_buffer_limits(self, high=None, low=None):
        if high is None:
            high = 64 * 1024 if low is None else 4 * low
        if low is None:
            low = high // 4
        if not high >= low >= 0:
            raise ValueError(f"high ({high!r}) must be >= low ({low!r}) must be >= 0")
        self._high_water = high
        self._low_water = low
        self._maybe_pause_protocol()

    def _flush(self):
        """Move buffered bytes into the outgoing direction while it has room."""
        if self._conn_lost and not self._buffer:
            return
        room = SOCKET_BUFFER - self._outgoing.pending
        if self._buffer and room > 0:
            chunk = bytes(self._buffer[:room])
            del self._buffer[:room]
            self._outgoing.send("data", chunk)
        if not self._buffer:
            if self._eof and not self._eof_sent:
                self._send_eof()
            if self._closing and not self._conn_lost:
                self._conn_lost += 1
                self._loop.call_soon(self._call_connection_lost, None)
        self._maybe_resume_protocol()

    def _send_eof(self):
        self._eof_sent = True
        self._outgoing.send("eof")

    def _maybe_pause_protocol(self):
        if len(self._buffer) <= self._high_water or self._protocol_paused:
            return
        self._protocol_paused = True
        try:
            self._protocol.pause_writing()
        except (SystemExit, KeyboardInterrupt):
            raise
        except BaseException as exc:
            self._loop.call_exception_handler({
                "message": "protocol.pause_writing() failed",
                "exception": exc, "transport": self, "protocol": self._protocol})

    def _maybe_resume_protocol(self):
        if not self._protocol_paused or len(self._buffer) > self._low_water:
            return
        self._protocol_paused = False
        try:
            self._protocol.resume_writing()
        except (SystemExit, KeyboardInterrupt):
            raise
        except BaseException as exc:
            self._loop.call_exception_handler({
                "message": "protocol.resume_writing() failed",
                "exception": exc, "transport": self, "protocol": self._protocol})

    # Closing

    def close(self):
        if self._closing:
            return
        self._closing = True
        if not self._buffer:
            self._conn_lost += 1
            self._loop.call_soon(self._call_connection_lost, None)

    def abort(self):
        self._force_close(None)

    def reset(self):
        """Close with a reset (RST) rather than an orderly EOF, as a socket
        closed with ``SO_LINGER`` set to zero does."""
        if self._socket_closed:
            return
        self._buffer.clear()
        self._outgoing.send("rst")
        self._eof_sent = True
        self._force_close(None)

    def _force_close(self, exc):
        if self._conn_lost:
            return
        self._buffer.clear()
        self._closing = True
        self._conn_lost += 1
        self._loop.call_soon(self._call_connection_lost, exc)

    def _call_connection_lost(self, exc):
        try:
            if self._connected:
                self._protocol.connection_lost(exc)
        finally:
            self._close_socket()

    def _close_socket(self):
        # The socket closes after connection_lost, as in asyncio; Linux sends
        # a reset instead of EOF when unread data is left behind.
        self._socket_closed = True
        if self._unread:
            self._incoming.consumed(len(self._unread))
            self._unread.clear()
            self._outgoing.send("rst")
        elif not self._eof_sent:
            self._send_eof()
        self._protocol = None
        server, self._server = self._server, None
        if server is not None:
            server._detach(self)

    # Receiving

    def _arrived(self, kind, payload):
        if self._socket_closed:
            if kind == "data":
                self._incoming.consumed(len(payload))
                self._outgoing.send("rst")
            return
        if kind == "rst":
            self._on_reset()
            return
        if kind == "data":
            self._unread += payload
        else:
            self._unread_eof = True
        self._deliver_unread()

    def _deliver_unread(self):
        if not self._connected or self._paused or self._closing or self._eof_received:
            return
        if self._unread:
            data = bytes(self._unread)
            self._unread.clear()
            self._incoming.consumed(len(data))
            try:
                self._protocol.data_received(data)
            except (SystemExit, KeyboardInterrupt):
                raise
            except BaseException as exc:
                self._fatal_error(exc, "Fatal error: protocol.data_received() call failed.")
                return
            if not self.is_reading():
                return
        if self._unread_eof:
            self._unread_eof = False
            self._eof_received = True
            try:
                keep_open = self._protocol.eof_received()
            except (SystemExit, KeyboardInterrupt):
                raise
            except BaseException as exc:
                self._fatal_error(exc, "Fatal error: protocol.eof_received() call failed.")
                return
            if not keep_open:
                self.close()

    def _fatal_error(self, exc, message):
        # As asyncio's socket transports: OS errors end the connection
        # quietly, anything else is reported to the loop's exception handler.
        if not isinstance(exc, OSError):
            self._loop.call_exception_handler({
                "message": message, "exception": exc,
                "transport": self, "protocol": self._protocol})
        self._force_close(exc)

    def _on_reset(self):
        if not self._eof_received:
            self._force_close(reset_error())
            return
        # After the peer's EOF (Linux's CLOSE_WAIT) a reset is EPIPE, and
        # with nothing reading, only a send notices it.
        error = BrokenPipeError(_EPIPE, "Broken pipe")
        if self._buffer:
            self._force_close(error)
        else:
            self._reset_error = error


def _set_result_unless_cancelled(future, result):
    if not future.cancelled():
        future.set_result(result)


def connect_pair(deliveries, client_sock, server_sock, delay, server=None):
    """Create the two ends of a connection and the directions between them,
    on the loop of ``deliveries``.

    The server end's transport belongs to ``server`` (for its client count)
    and is returned second.
    """
    loop = deliveries._loop
    client = VirtualTransport(loop, client_sock)
    accepted = VirtualTransport(loop, server_sock, server)
    upstream = _Direction(deliveries, loop, delay)
    downstream = _Direction(deliveries, loop, delay)
    upstream.sender, upstream.receiver = client, accepted
    downstream.sender, downstream.receiver = accepted, client
    client._outgoing = accepted._incoming = upstream
    accepted._outgoing = client._incoming = downstream
    return client, accepted
