"""The simulated machine behind ``asyncio.create_subprocess_exec/shell``.

One ``VirtualProcesses`` serves a sandbox (``sandbox.processes``): its file
system, its programs, the processes that run and the transports the event
loop hands to asyncio. Exercises prepare it through three things:

- ``files``: the ``VirtualFileSystem`` (``files.write("data.txt", "...")``);
- ``environ``: the environment the program's processes start with;
- ``register_command(name, handler)`` or
  ``register_command(name, output="...", delay=2.0, exit_code=0, stderr="",
  hang=False)``: a program of the exercise's own.

Checks read what ran from ``trace.processes`` (one ``ProcessRecord`` per
process, shells' children included) and what was written from ``files``.
"""

import os
import posixpath
import subprocess

from asyncio import events

from ..trace import ProcessRecord
from .command_context import Command, CommandContext, run_command
from .commands import BUILTIN_COMMANDS
from .file_system import HOME, USER, VirtualFileSystem
from .open_files import NullFile, Pipe, TerminalWriter
from .process import VirtualProcess
from .transport import VirtualSubprocessTransport

__all__ = ["VirtualProcesses"]

#: The pid of the first process; later ones count up from it.
_FIRST_PID = 4211

#: ``os.defpath``: where a program is looked for without a PATH.
_DEFAULT_PATH = "/bin:/usr/bin"

#: What ``subprocess.Popen`` accepts besides what asyncio passes on; the
#: ones that mean nothing here (``close_fds``, ``start_new_session``...)
#: are accepted and have no effect.
_POPEN_KEYWORDS = {
    "executable", "preexec_fn", "close_fds", "pass_fds", "cwd", "env", "startupinfo",
    "creationflags", "restore_signals", "start_new_session", "group", "extra_groups",
    "user", "umask", "pipesize", "process_group",
}

#: Interpreters that a ``#!`` line may name, and the command each runs.
_INTERPRETERS = {"sh": "sh", "dash": "dash", "bash": "bash"}


class _Program:
    """A program found on the machine: the command to run and, for a
    script, the interpreter words that ``exec`` puts before its path."""

    def __init__(self, command, interpreter=(), path=None):
        self.command = command
        self.interpreter = list(interpreter)
        self.path = path

    def argv(self, argv):
        if self.interpreter:
            return self.interpreter + [self.path] + list(argv[1:])
        return list(argv)


def _canned(output, delay, exit_code, stderr, hang):
    async def handler(ctx):
        if delay:
            await ctx.sleep(delay)
        if output:
            await ctx.stdout.write(output)
        if stderr:
            await ctx.stderr.write(stderr)
        if hang:
            await ctx.hang()
        return exit_code

    return handler


class VirtualProcesses:
    """Processes, programs and files of one sandbox's simulated machine."""

    def __init__(self, sandbox):
        self._sandbox = sandbox
        self.clock = sandbox.clock
        self.files = VirtualFileSystem(sandbox.clock)
        #: the environment of the processes the program starts
        self.environ = {
            "HOME": HOME, "LANG": "C.UTF-8", "LOGNAME": USER,
            "PATH": "/usr/local/bin:/usr/bin:/bin", "PWD": HOME, "SHELL": "/bin/bash", "USER": USER,
        }
        self._processes = {}
        self._next_pid = _FIRST_PID
        for name, command in BUILTIN_COMMANDS.items():
            self.files.install_program(posixpath.join("/usr/bin", name), command)

    # Fixture API

    def register_command(self, name, handler=None, *, output=None, delay=0.0, exit_code=0,
                         stderr=None, hang=False):
        """Add a program to the machine.

        With ``handler``, an ``async def handler(ctx)`` that gets a
        ``CommandContext`` and returns an exit status. Without, a program
        that waits ``delay`` virtual seconds, writes ``output`` to its
        stdout and ``stderr`` to its stderr, and exits with ``exit_code``,
        or with ``hang=True`` never exits until it is killed.

        A plain ``name`` goes to ``/usr/local/bin`` (found on the PATH, before
        the built-in programs); a name with a ``/`` is a path (relative to
        the home directory), for programs run as ``./tool``.
        """
        if handler is None:
            handler = _canned(output, delay, exit_code, stderr, hang)
        elif output is not None or delay or exit_code or stderr is not None or hang:
            raise TypeError("register_command() takes a handler or the output=... options, not both")
        path = name if "/" in name else posixpath.join("/usr/local/bin", name)
        self.files.install_program(path, Command(handler))

    def reserve_pid(self):
        """A pid for a process the sandbox runs itself (a process pool's
        worker), taken from the same count as the simulated processes'."""
        pid = self._next_pid
        self._next_pid += 1
        return pid

    def process(self, pid):
        """The process with this pid, or None."""
        return self._processes.get(pid)

    # Programs and processes

    def find_program(self, name, search_path, cwd, *, shell=False):
        """The program ``name`` runs: a path if it has a ``/``, else the
        first match in ``search_path``.

        Raises what ``execve`` fails with: ``FileNotFoundError``,
        ``PermissionError``, ``IsADirectoryError`` or, for an executable
        file with no ``#!`` line, ``OSError(ENOEXEC)``, which a shell
        (``shell=True``) answers by running the file as a script itself.
        """
        if "/" in name:
            return self._program_at(name, cwd, shell)
        denied = None
        for directory in search_path.split(":"):
            try:
                return self._program_at(posixpath.join(directory or ".", name), cwd, shell)
            except FileNotFoundError:
                continue
            except OSError as error:
                denied = denied or error
        raise denied or FileNotFoundError(2, "No such file or directory", name)

    def _program_at(self, path, cwd, shell):
        node = self.files.lookup(path, cwd)
        if node.is_dir:
            raise IsADirectoryError(21, "Is a directory", path)
        if not node.is_file or not node.is_executable:
            raise PermissionError(13, "Permission denied", path)
        if node.command is not None:
            return _Program(node.command)
        first_line = bytes(node.data.split(b"\n", 1)[0])
        if first_line.startswith(b"#!"):
            words = first_line[2:].decode("utf-8", "replace").split()
            if words and posixpath.basename(words[0]) == "env" and len(words) > 1:
                words = words[1:]
            interpreter = _INTERPRETERS.get(posixpath.basename(words[0])) if words else None
            if interpreter is None:
                raise FileNotFoundError(2, "No such file or directory", path)
            return _Program(self.files.lookup(f"/usr/bin/{interpreter}", "/").command, words, path)
        if shell:
            return _Program(self.files.lookup("/bin/sh", "/").command, ["/bin/sh"], path)
        raise OSError(8, "Exec format error", path)

    def spawn(self, argv, fds, *, env, cwd, parent, main=None):
        """Create a process that owns ``fds`` and start it running
        ``main(process)`` (a coroutine function); without ``main``, the
        caller starts it."""
        loop = events.get_running_loop()
        pid = self._next_pid
        self._next_pid += 1
        record = ProcessRecord(pid=pid, args=list(argv), started=loop.time(),
                               parent=parent.pid if parent is not None else None)
        self._sandbox.trace.processes.append(record)
        process = VirtualProcess(pid, argv, fds, env=env, cwd=cwd, parent=parent, record=record)
        self._processes[pid] = process
        if main is not None:
            process.start(loop, main)
        return process

    async def run_program(self, process, program, argv):
        """Run ``program`` as what ``process`` executes now (``exec``)."""
        process.exec(program.argv(argv))
        ctx = CommandContext(self, process, buffered=program.command.buffered)
        return await run_command(program.command, ctx)

    async def exec_program(self, process, argv, env):
        """``exec`` by name, as ``env`` does: find ``argv[0]`` and run it in
        ``process`` with ``env``; raises like ``find_program``."""
        program = self.find_program(argv[0], env.get("PATH", _DEFAULT_PATH), process.cwd)
        process.env = dict(env)
        return await self.run_program(process, program, argv)

    # The event loop's side

    async def make_transport(self, loop, protocol, args, shell, stdin, stdout, stderr,
                             extra=None, **kwargs):
        """Start a process for ``create_subprocess_exec/shell`` and return
        its transport, once its pipes are connected; raises as
        ``subprocess.Popen`` does when the program cannot be started."""
        for name in kwargs:
            if name not in _POPEN_KEYWORDS:
                raise TypeError(f"Popen.__init__() got an unexpected keyword argument '{name}'")
        env = self._child_environment(kwargs.get("env"))
        cwd = self._child_directory(kwargs.get("cwd"))
        if shell:
            argv = ["/bin/sh", "-c", os.fsdecode(args)]
        else:
            argv = [os.fsdecode(arg) for arg in args]
        executable = os.fsdecode(kwargs["executable"]) if kwargs.get("executable") else argv[0]
        program = self._find_for_popen(executable, env, cwd)
        child_fds, parent_ends = self._standard_streams(stdin, stdout, stderr)
        process = self.spawn(argv, child_fds, env=env, cwd=cwd, parent=None)
        waiter = loop.create_future()
        transport = VirtualSubprocessTransport(loop, protocol, process, parent_ends, waiter, extra)
        try:
            await waiter
        except (SystemExit, KeyboardInterrupt):
            raise
        except BaseException:
            transport.close()
            process.start(loop, lambda process: self.run_program(process, program, argv))
            await transport._wait()
            raise
        # A real child needs a moment to start: the program goes on from
        # `await create_subprocess_exec(...)` before the child runs, and sees
        # `returncode` None even for a command as quick as `true`.
        process.start(loop, lambda process: self.run_program(process, program, argv))
        return transport

    def _child_environment(self, env):
        if env is None:
            return dict(self.environ)
        return {os.fsdecode(name): os.fsdecode(value) for name, value in env.items()}

    def _child_directory(self, cwd):
        if cwd is None:
            return HOME
        path = self.files.absolute(os.fsdecode(cwd))
        try:
            node = self.files.lookup(path, "/")
        except OSError as error:
            raise type(error)(error.errno, error.strerror, os.fsdecode(cwd)) from None
        if not node.is_dir:
            raise NotADirectoryError(20, "Not a directory", os.fsdecode(cwd))
        return path

    def _find_for_popen(self, name, env, cwd):
        # subprocess reports the program as it was given, with Linux's errno.
        try:
            return self.find_program(name, env.get("PATH", _DEFAULT_PATH), cwd)
        except FileNotFoundError:
            raise FileNotFoundError(2, "No such file or directory", name) from None
        except (PermissionError, IsADirectoryError):
            raise PermissionError(13, "Permission denied", name) from None
        except OSError as error:
            raise OSError(error.errno, error.strerror, name) from None

    def _terminal(self, value, fd):
        """The program's own output stream that ``value`` stands for, if any:
        inherited (None), descriptor 1 or 2, or ``sys.stdout``/``sys.stderr``."""
        output = self._sandbox.output
        if value is None:
            return output.stdout if fd == 1 else output.stderr
        if value is output.stdout or value is output.stderr:
            return value
        if type(value) is int and value in (1, 2):
            return output.stdout if value == 1 else output.stderr
        return None

    def _standard_streams(self, stdin, stdout, stderr):
        """The child's descriptors 0, 1, 2 and the program's ends of its pipes."""
        output = self._sandbox.output
        child_fds, parent_ends = {}, {}
        for fd, value in ((0, stdin), (1, stdout), (2, stderr)):
            if value == subprocess.PIPE:
                reader, writer = Pipe().open()
                child_fds[fd], parent_ends[fd] = (reader, writer) if fd == 0 else (writer, reader)
            elif value == subprocess.DEVNULL:
                child_fds[fd] = NullFile()
            elif value == subprocess.STDOUT and fd == 2:
                child_fds[fd] = child_fds[1].dup()
            elif fd == 0 and value in (None, 0):
                # The sandbox's program has no terminal to read from.
                child_fds[fd] = NullFile()
            elif fd and self._terminal(value, fd) is not None:
                child_fds[fd] = TerminalWriter(self._terminal(value, fd), output)
            else:
                for open_file in [*child_fds.values(), *parent_ends.values()]:
                    open_file.close()
                raise ValueError(
                    f"the sandbox's processes cannot use {value!r} as their "
                    f"{('stdin', 'stdout', 'stderr')[fd]}: use PIPE, DEVNULL, None"
                    + (" or STDOUT" if fd == 2 else ""))
        return child_fds, parent_ends
