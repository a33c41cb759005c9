"""The subprocess transport that asyncio's own ``Process`` runs on.

``asyncio.create_subprocess_exec/shell`` build a ``SubprocessStreamProtocol``
and a ``Process`` around whatever transport the loop returns. This one
drives that protocol exactly as CPython's ``base_subprocess`` and the Unix
pipe transports of ``unix_events`` do on Linux, call for call and loop
iteration for loop iteration: ``connection_made`` once every pipe is
connected, ``pipe_data_received(fd, data)`` as the process writes,
``pipe_connection_lost(fd, exc)`` at end of file, ``process_exited()``, and
finally ``connection_lost`` and the ``wait()`` waiters. Where a real
transport learns from the selector that a pipe is ready, these learn it
from the simulated pipe (``Pipe.watch``) and act one loop iteration later,
as the selector would have let them.
"""

import collections

from asyncio import constants, protocols, transports
from asyncio.log import logger

from .process import SIGKILL, SIGTERM

__all__ = ["VirtualSubprocessTransport"]


def _set_result_unless_cancelled(future, result):
    if not future.cancelled():
        future.set_result(result)


class VirtualSubprocessTransport(transports.SubprocessTransport):
    """Transport of one simulated child process.

    ``parent_ends`` maps 0, 1, 2 to the program's end of each pipe (for the
    streams that are ``PIPE``): the write end of the child's stdin, the
    read ends of its stdout and stderr.
    """

    def __init__(self, loop, protocol, process, parent_ends, waiter=None, extra=None):
        super().__init__(extra)
        self._closed = False
        self._protocol = protocol
        self._loop = loop
        self._proc = process
        self._pid = process.pid
        self._returncode = None
        self._exit_waiters = []
        # Until every pipe is connected, callbacks for the protocol wait
        # here so that `connection_made` comes first (None once connected).
        self._pending_calls = collections.deque()
        #: fd -> the pipe's protocol (its `pipe` attribute is the transport)
        self._pipes = dict.fromkeys(parent_ends)
        self._finished = False
        self._extra["subprocess"] = process
        process.add_exit_callback(self._child_exited)
        loop.create_task(self._connect_pipes(parent_ends, waiter))

    def __repr__(self):
        info = [self.__class__.__name__]
        if self._closed:
            info.append("closed")
        info.append(f"pid={self._pid}")
        if self._returncode is not None:
            info.append(f"returncode={self._returncode}")
        else:
            info.append("running")
        return "<{}>".format(" ".join(info))

    def set_protocol(self, protocol):
        self._protocol = protocol

    def get_protocol(self):
        return self._protocol

    def is_closing(self):
        return self._closed

    def close(self):
        if self._closed:
            return
        self._closed = True
        for proto in self._pipes.values():
            if proto is not None:
                proto.pipe.close()
        # Closing the transport of a running child kills it.
        if self._proc is not None and self._returncode is None and self._proc.returncode is None:
            self._proc.send_signal(SIGKILL)

    def get_pid(self):
        return self._pid

    def get_returncode(self):
        return self._returncode

    def get_pipe_transport(self, fd):
        if fd in self._pipes:
            return self._pipes[fd].pipe
        return None

    def _check_proc(self):
        # After the transport has finished, the child has been reaped and
        # its pid may belong to anyone: asyncio refuses to signal it.
        if self._proc is None:
            raise ProcessLookupError()

    def send_signal(self, signal):
        self._check_proc()
        self._proc.send_signal(signal)

    def terminate(self):
        self.send_signal(SIGTERM)

    def kill(self):
        self.send_signal(SIGKILL)

    async def _connect_pipes(self, parent_ends, waiter):
        try:
            loop = self._loop
            if 0 in parent_ends:
                self._pipes[0] = await _connect(
                    loop, _WritePipeTransport, _WriteSubprocessPipeProto(self, 0), parent_ends[0])
            if 1 in parent_ends:
                self._pipes[1] = await _connect(
                    loop, _ReadPipeTransport, _ReadSubprocessPipeProto(self, 1), parent_ends[1])
            if 2 in parent_ends:
                self._pipes[2] = await _connect(
                    loop, _ReadPipeTransport, _ReadSubprocessPipeProto(self, 2), parent_ends[2])
            loop.call_soon(self._protocol.connection_made, self)
            for callback, data in self._pending_calls:
                loop.call_soon(callback, *data)
            self._pending_calls = None
        except (SystemExit, KeyboardInterrupt):
            raise
        except BaseException as exc:
            if waiter is not None and not waiter.cancelled():
                waiter.set_exception(exc)
        else:
            if waiter is not None and not waiter.cancelled():
                waiter.set_result(None)

    def _call(self, callback, *data):
        if self._pending_calls is not None:
            self._pending_calls.append((callback, data))
        else:
            self._loop.call_soon(callback, *data)

    def _pipe_connection_lost(self, fd, exc):
        self._call(self._protocol.pipe_connection_lost, fd, exc)
        self._try_finish()

    def _pipe_data_received(self, fd, data):
        self._call(self._protocol.pipe_data_received, fd, data)

    def _child_exited(self, returncode):
        # What the child watcher does on Linux: the exit is handled in a
        # later loop iteration than the one in which the child died.
        if self._loop is not None and not self._loop.is_closed():
            self._loop.call_soon(self._process_exited, returncode)

    def _process_exited(self, returncode):
        self._returncode = returncode
        self._call(self._protocol.process_exited)
        self._try_finish()

    async def _wait(self):
        """The return code, once the process has exited and every pipe is closed."""
        if self._returncode is not None:
            return self._returncode
        waiter = self._loop.create_future()
        self._exit_waiters.append(waiter)
        return await waiter

    def _try_finish(self):
        if self._returncode is None:
            return
        if all(proto is not None and proto.disconnected for proto in self._pipes.values()):
            self._finished = True
            self._call(self._call_connection_lost, None)

    def _call_connection_lost(self, exc):
        try:
            self._protocol.connection_lost(exc)
        finally:
            for waiter in self._exit_waiters:
                if not waiter.cancelled():
                    waiter.set_result(self._returncode)
            self._exit_waiters = None
            self._loop = None
            self._proc = None
            self._protocol = None


async def _connect(loop, transport_class, protocol, end):
    """What ``loop.connect_read_pipe``/``connect_write_pipe`` do: the
    transport is usable once its ``connection_made`` has run."""
    waiter = loop.create_future()
    transport = transport_class(loop, end, protocol, waiter)
    try:
        await waiter
    except BaseException:
        transport.close()
        raise
    return protocol


class _WriteSubprocessPipeProto(protocols.BaseProtocol):
    """Connects one pipe transport to the subprocess transport."""

    def __init__(self, proc, fd):
        self.proc = proc
        self.fd = fd
        self.pipe = None
        self.disconnected = False

    def connection_made(self, transport):
        self.pipe = transport

    def connection_lost(self, exc):
        self.disconnected = True
        self.proc._pipe_connection_lost(self.fd, exc)
        self.proc = None

    def pause_writing(self):
        self.proc._protocol.pause_writing()

    def resume_writing(self):
        self.proc._protocol.resume_writing()


class _ReadSubprocessPipeProto(_WriteSubprocessPipeProto, protocols.Protocol):
    def data_received(self, data):
        self.proc._pipe_data_received(self.fd, data)


class _ReadPipeTransport(transports.ReadTransport):
    """The program's end of a child's stdout or stderr."""

    #: the most one loop iteration reads, as in asyncio's pipe transport
    max_size = 256 * 1024

    def __init__(self, loop, end, protocol, waiter=None):
        super().__init__({"pipe": end})
        self._loop = loop
        self._end = end
        self._pipe = end.pipe
        self._protocol = protocol
        self._closing = False
        self._paused = False
        # Registered with the "selector": a read is scheduled whenever the
        # pipe is readable, and `_handle` is that scheduled read.
        self._polling = False
        self._handle = None
        loop.call_soon(protocol.connection_made, self)
        loop.call_soon(self._add_reader)
        if waiter is not None:
            loop.call_soon(_set_result_unless_cancelled, waiter, None)

    def _add_reader(self):
        if self.is_reading():
            self._start_polling()

    def _start_polling(self):
        self._polling = True
        self._pipe.watch(self._pipe_changed)
        self._pipe_changed()

    def _stop_polling(self):
        self._polling = False
        self._pipe.unwatch(self._pipe_changed)
        if self._handle is not None:
            self._handle.cancel()
            self._handle = None

    def _pipe_changed(self):
        if self._polling and self._handle is None and self._pipe.readable:
            self._handle = self._loop.call_soon(self._read_ready)

    def _read_ready(self):
        self._handle = None
        data = self._pipe.read_nowait(self.max_size)
        if data is None:
            return
        if data:
            self._protocol.data_received(data)
        else:
            self._closing = True
            self._stop_polling()
            self._loop.call_soon(self._protocol.eof_received)
            self._loop.call_soon(self._call_connection_lost, None)

    def is_reading(self):
        return not self._paused and not self._closing

    def pause_reading(self):
        if not self.is_reading():
            return
        self._paused = True
        self._stop_polling()

    def resume_reading(self):
        if self._closing or not self._paused:
            return
        self._paused = False
        self._start_polling()

    def set_protocol(self, protocol):
        self._protocol = protocol

    def get_protocol(self):
        return self._protocol

    def is_closing(self):
        return self._closing

    def close(self):
        if not self._closing:
            self._close(None)

    def _close(self, exc):
        self._closing = True
        self._stop_polling()
        self._loop.call_soon(self._call_connection_lost, exc)

    def _call_connection_lost(self, exc):
        try:
            self._protocol.connection_lost(exc)
        finally:
            # Only now is the program's read end closed: a child still
            # writing gets EPIPE (SIGPIPE) from here on.
            self._end.close()
            self._end = None
            self._protocol = None
            self._loop = None


class _WritePipeTransport(transports.WriteTransport):
    """The program's end of a child's stdin, with asyncio's flow control."""

    def __init__(self, loop, end, protocol, waiter=None):
        super().__init__({"pipe": end})
        self._loop = loop
        self._end = end
        self._pipe = end.pipe
        self._protocol = protocol
        self._buffer = bytearray()
        self._conn_lost = 0
        self._closing = False
        self._protocol_paused = False
        self._set_write_buffer_limits()
        # Two registrations with the "selector", each with its scheduled
        # callback: the writer while the buffer holds data, and the reader
        # that tells when the child has closed its end of the pipe.
        self._writing = False
        self._write_handle = None
        self._watching_hangup = False
        self._hangup_handle = None
        self._pipe.watch(self._pipe_changed)
        loop.call_soon(protocol.connection_made, self)
        loop.call_soon(self._add_hangup_reader)
        if waiter is not None:
            loop.call_soon(_set_result_unless_cancelled, waiter, None)

    def _add_hangup_reader(self):
        if self._end is not None and not self._closing:
            self._watching_hangup = True
            self._pipe_changed()

    def _remove_hangup_reader(self):
        self._watching_hangup = False
        if self._hangup_handle is not None:
            self._hangup_handle.cancel()
            self._hangup_handle = None

    def _add_writer(self):
        self._writing = True
        self._pipe_changed()

    def _remove_writer(self):
        self._writing = False
        if self._write_handle is not None:
            self._write_handle.cancel()
            self._write_handle = None

    def _pipe_changed(self):
        pipe = self._pipe
        if self._writing and self._write_handle is None and pipe.writable:
            self._write_handle = self._loop.call_soon(self._write_ready)
        if self._watching_hangup and self._hangup_handle is None and not pipe.readers:
            self._hangup_handle = self._loop.call_soon(self._read_ready)

    def _read_ready(self):
        # The child closed its end of the pipe.
        self._hangup_handle = None
        if self._buffer:
            self._close(BrokenPipeError())
        else:
            self._close()

    def get_write_buffer_size(self):
        return len(self._buffer)

    def write(self, data):
        assert isinstance(data, (bytes, bytearray, memoryview)), repr(data)
        if not data:
            return
        if self._conn_lost or self._closing:
            if self._conn_lost >= constants.LOG_THRESHOLD_FOR_CONNLOST_WRITES:
                logger.warning("pipe closed by peer or os.write(pipe, data) raised exception.")
            self._conn_lost += 1
            return
        if not self._buffer:
            try:
                written = self._pipe.write_nowait(data)
            except BrokenPipeError as exc:
                self._conn_lost += 1
                self._fatal_error(exc)
                return
            if written == len(data):
                return
            data = memoryview(data)[written:]
            self._add_writer()
        self._buffer += data
        self._maybe_pause_protocol()

    def _write_ready(self):
        self._write_handle = None
        try:
            written = self._pipe.write_nowait(self._buffer)
        except BrokenPipeError as exc:
            self._buffer.clear()
            self._conn_lost += 1
            self._remove_writer()
            self._fatal_error(exc)
            return
        if written == len(self._buffer):
            self._buffer.clear()
            self._remove_writer()
            self._maybe_resume_protocol()
            if self._closing:
                self._remove_hangup_reader()
                self._call_connection_lost(None)
        elif written:
            del self._buffer[:written]

    def can_write_eof(self):
        return True

    def write_eof(self):
        if self._closing:
            return
        self._closing = True
        if not self._buffer:
            self._remove_hangup_reader()
            self._loop.call_soon(self._call_connection_lost, None)

    def set_protocol(self, protocol):
        self._protocol = protocol

    def get_protocol(self):
        return self._protocol

    def is_closing(self):
        return self._closing

    def close(self):
        if self._end is not None and not self._closing:
            self.write_eof()

    def abort(self):
        self._close(None)

    def _fatal_error(self, exc):
        # asyncio's pipe transport only logs an OSError (in debug mode),
        # and EPIPE is the only error a simulated pipe raises.
        self._close(exc)

    def _close(self, exc=None):
        self._closing = True
        if self._buffer:
            self._remove_writer()
        self._buffer.clear()
        self._remove_hangup_reader()
        self._loop.call_soon(self._call_connection_lost, exc)

    def _call_connection_lost(self, exc):
        try:
            self._protocol.connection_lost(exc)
        finally:
            self._pipe.unwatch(self._pipe_changed)
            self._end.close()
            self._end = None
            self._protocol = None
            self._loop = None

    # Flow control, as asyncio's transports do it: pause the protocol (and
    # so `drain()`) above the high-water mark, resume below the low one.

    def _maybe_pause_protocol(self):
        if self.get_write_buffer_size() <= self._high_water or self._protocol_paused:
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
        if self._protocol_paused and self.get_write_buffer_size() <= self._low_water:
            self._protocol_paused = False
            try:
                self._protocol.resume_writing()
            except (SystemExit, KeyboardInterrupt):
                raise
            except BaseException as exc:
                self._loop.call_exception_handler({
                    "message": "protocol.resume_writing() failed",
                    "exception": exc, "transport": self, "protocol": self._protocol})

    def get_write_buffer_limits(self):
        return (self._low_water, self._high_water)

    def _set_write_buffer_limits(self, high=None, low=None):
        if high is None:
            high = 64 * 1024 if low is None else 4 * low
        if low is None:
            low = high // 4
        if not high >= low >= 0:
            raise ValueError(f"high ({high!r}) must be >= low ({low!r}) must be >= 0")
        self._high_water = high
        self._low_water = low

    def set_write_buffer_limits(self, high=None, low=None):
        self._set_write_buffer_limits(high=high, low=low)
        self._maybe_pause_protocol()
