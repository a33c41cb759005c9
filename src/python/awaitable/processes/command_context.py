"""What a command's code sees: its arguments, streams, environment and machine.

Built-in commands and the commands an exercise registers are the same kind
of thing: an ``async def handler(ctx)`` that gets a ``CommandContext`` and
returns an exit status.
"""

import asyncio
import inspect
import posixpath
import traceback
from dataclasses import dataclass
from typing import Any, Callable

from .open_files import OpenFile, PipeWriter
from .process import SIGPIPE, Signalled

__all__ = ["Command", "CommandContext", "InputStream", "OutputStream", "run_command"]

#: stdio's buffer for a stream that is not a terminal (glibc uses the
#: pipe's block size).
_STDIO_BUFFER = 4096

#: How much a command reads at once, like coreutils' 128 KiB reads cut to
#: what a pipe can hold.
_READ_SIZE = 65536

#: Output to a file, /dev/null or the program's own output never waits, so
#: without a cost a command that writes without end would keep the event
#: loop busy forever at one virtual instant. Every this many bytes it
#: yields to the loop for this many virtual seconds.
_PACE_BYTES = 65536
_PACE_SECONDS = 0.001


@dataclass(frozen=True)
class Command:
    """A program the simulated machine can run."""

    #: ``async def handler(ctx) -> int`` (a plain function works too)
    handler: Callable[["CommandContext"], Any]
    #: whether its standard output goes through a stdio buffer, as a C
    #: program's does when it is not a terminal: output then arrives in
    #: 4 KiB blocks, and at exit, rather than line by line
    buffered: bool = False


class InputStream:
    """A command's standard input, read as a program reads a descriptor."""

    def __init__(self, open_file):
        self._file = open_file
        self._buffer = bytearray()
        self._eof = False

    @property
    def regular_size(self):
        """The size of the regular file this reads from, else None."""
        return self._file.regular_size

    async def _fill(self):
        data = await self._file.read(_READ_SIZE)
        if data:
            self._buffer += data
        else:
            self._eof = True

    def _take(self, size):
        data = bytes(self._buffer[:size])
        del self._buffer[:size]
        return data

    async def read(self, size=-1):
        """Up to ``size`` bytes as soon as some are there, or everything up
        to end of file when ``size`` is negative; ``b""`` at end of file."""
        if size < 0:
            while not self._eof:
                await self._fill()
            return self._take(len(self._buffer))
        if not self._buffer and not self._eof:
            await self._fill()
        return self._take(size)

    async def readline(self):
        """One line, with its ``\\n`` (not on a last unterminated line)."""
        while True:
            end = self._buffer.find(b"\n")
            if end >= 0:
                return self._take(end + 1)
            if self._eof:
                return self._take(len(self._buffer))
            await self._fill()

    async def read_text(self):
        """Everything up to end of file, as text."""
        return (await self.read()).decode("utf-8", "replace")

    def __aiter__(self):
        return self

    async def __anext__(self):
        line = await self.readline()
        if not line:
            raise StopAsyncIteration
        return line


class OutputStream:
    """A command's standard output or error.

    ``write`` takes text or bytes and waits while a pipe is full. Writing
    to a pipe nobody reads any more kills the command with SIGPIPE, as it
    does a real program.
    """

    def __init__(self, open_file, *, buffered=False):
        self._file = open_file
        self._buffered = buffered
        self._buffer = bytearray()
        self._unpaced = 0

    async def write(self, data):
        if isinstance(data, str):
            data = data.encode("utf-8", "surrogateescape")
        if not self._buffered:
            await self._emit(data)
            return
        self._buffer += data
        if len(self._buffer) >= _STDIO_BUFFER:
            await self.flush()

    async def flush(self):
        """Write out what the stdio buffer holds."""
        if self._buffer:
            data = bytes(self._buffer)
            self._buffer.clear()
            await self._emit(data)

    async def _emit(self, data):
        try:
            await self._file.write(data)
        except BrokenPipeError:
            raise Signalled(SIGPIPE) from None
        if not isinstance(self._file, PipeWriter):
            self._unpaced += len(data)
            if self._unpaced >= _PACE_BYTES:
                self._unpaced = 0
                await asyncio.sleep(_PACE_SECONDS)


class CommandContext:
    """Everything a command's handler gets.

    ``argv`` (``argv[0]`` is the name it was run by), ``args``
    (``argv[1:]``), ``env``, ``cwd``, ``pid``, ``files`` (the machine's
    ``VirtualFileSystem``), ``stdin`` (an ``InputStream``: ``read``,
    ``readline``, ``read_text``, ``async for line in ctx.stdin``),
    ``stdout`` and ``stderr`` (``OutputStream``: ``await write(text)``),
    ``sleep(seconds)``, ``hang()`` and ``now()``. A signal arrives as
    ``Signalled`` raised where the handler waits; ``system`` and
    ``process`` (the machine and this process) are for the commands that
    start others, such as the shells.
    """

    def __init__(self, system, process, *, buffered=False):
        self.system = system
        self.process = process
        self.files = system.files
        self.argv = process.argv
        self.env = process.env
        self.pid = process.pid
        self.stdin = InputStream(process.fds.get(0) or OpenFile())
        self.stdout = OutputStream(process.fds.get(1) or OpenFile(), buffered=buffered)
        self.stderr = OutputStream(process.fds.get(2) or OpenFile())

    @property
    def args(self):
        return self.argv[1:]

    @property
    def name(self):
        """The command's name, as its messages begin with it."""
        return posixpath.basename(self.argv[0])

    @property
    def cwd(self):
        return self.process.cwd

    def path(self, path):
        """``path`` made absolute against the working directory."""
        return self.files.absolute(path, self.cwd)

    def now(self):
        """The virtual wall-clock time, as ``time.time()`` gives it."""
        return self.system.clock.wall()

    async def sleep(self, seconds):
        """Take ``seconds`` of virtual time."""
        await asyncio.sleep(seconds)

    async def hang(self):
        """Never finish: wait until the process is killed."""
        await asyncio.get_running_loop().create_future()

    async def error(self, message):
        """Write ``name: message`` and a newline to standard error."""
        await self.stderr.write(f"{self.name}: {message}\n")


async def run_command(command, ctx):
    """Run a command's handler to its exit status, as a C runtime would:
    flush stdio at exit. An uncaught error prints a traceback, like an
    uncaught Python exception, and the status is 1; ``sys.exit(...)``
    works as in a Python program."""
    try:
        status = command.handler(ctx)
        if inspect.isawaitable(status):
            status = await status
        if status is not None and not isinstance(status, int):
            raise TypeError(f"a command must return an exit status (an int), not {status!r}")
    except SystemExit as exit_:
        status = exit_.code
        if status is not None and not isinstance(status, int):
            await ctx.stderr.write(f"{status}\n")
            status = 1
    except Exception as error:
        await ctx.stdout.flush()
        await ctx.stderr.write("".join(traceback.format_exception(error)))
        return 1
    await ctx.stdout.flush()
    # What the parent sees of `exit(status)` is its low byte.
    return (status or 0) & 0xFF
