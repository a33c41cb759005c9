"""The shells: ``/bin/sh`` (dash, as on Debian) and ``bash``.

``create_subprocess_shell(cmd)`` runs ``/bin/sh -c cmd``, so this is what a
learner's shell commands meet. It is a process like any other, and it runs
commands the way dash does: every external command is a child process of
the shell (forked, then ``exec``), the stages of a pipeline run at the same
time, and builtins (``echo``, ``printf``, ``cd``, ``exit``...) run inside
the shell. So killing the shell leaves its children running, holding the
pipes it shares with them, exactly as on a real system. bash differs where
a learner can see it: its ``echo`` takes ``-e``, its messages are worded
differently, and it replaces itself with the last command of ``-c``.
"""

import re

from .command_context import CommandContext, InputStream, OutputStream
from .file_system import HOME
from .open_files import FileReader, FileWriter, NullFile, Pipe
from .printf_format import echo_output, format_printf
from .process import SIGNALS
from .shell_syntax import (CommandSubstitution, Group, Literal, Parameter, Parser, ShellSyntaxError,
                           ShellUnsupported, SimpleCommand, Subshell)

__all__ = ["shell_command", "Shell"]

_IFS_WHITESPACE = re.compile(r"[ \t\n]+")

#: glibc's ``strsignal()``: what a shell reports when a child it waited
#: for was killed by a signal.
_SIGNAL_DESCRIPTIONS = {
    1: "Hangup", 3: "Quit", 4: "Illegal instruction", 5: "Trace/breakpoint trap", 6: "Aborted",
    7: "Bus error", 8: "Floating point exception", 9: "Killed", 10: "User defined signal 1",
    11: "Segmentation fault", 12: "User defined signal 2", 14: "Alarm clock", 15: "Terminated",
    16: "Stack fault", 24: "CPU time limit exceeded", 25: "File size limit exceeded",
    26: "Virtual timer expired", 27: "Profiling timer expired", 29: "I/O possible",
    30: "Power failure", 31: "Bad system call",
}


class _ShellExit(Exception):
    """``exit``, or an error that ends a non-interactive shell."""

    def __init__(self, status):
        super().__init__(status)
        self.status = status


def _wait_status(returncode):
    """``$?`` for a child's return code: 128 + N for a death by signal N."""
    return 128 - returncode if returncode < 0 else returncode


async def shell_command(ctx):
    """``sh``/``dash``/``bash``: ``-c SCRIPT [NAME [ARGS...]]``, a script
    file, or a script on standard input."""
    dialect = "bash" if ctx.name == "bash" else "dash"
    args = list(ctx.args)
    command_mode = False
    while args and args[0].startswith("-") and args[0] not in ("-", "--"):
        letters = args.pop(0)[1:]
        for letter in letters:
            if letter == "c":
                command_mode = True
            elif letter not in "l":
                if dialect == "dash":
                    await ctx.stderr.write(f"{ctx.argv[0]}: 0: Illegal option -{letter}\n")
                else:
                    await ctx.stderr.write(f"{ctx.argv[0]}: -{letter}: invalid option\n")
                return 2
    if args[:1] == ["--"]:
        args.pop(0)
    if command_mode:
        if not args:
            message = "-c requires an argument" if dialect == "dash" else "-c: option requires an argument"
            await ctx.stderr.write(f"{ctx.argv[0]}: {'0: ' if dialect == 'dash' else ''}{message}\n")
            return 2
        script, args = args[0], args[1:]
        name = args[0] if args else ctx.argv[0]
        positional = args[1:]
    elif args:
        name, positional = args[0], args[1:]
        try:
            script = ctx.files.open_file(name, ctx.cwd, "r").data.decode("utf-8", "surrogateescape")
        except OSError as error:
            if dialect == "dash":
                reason = "No such file" if isinstance(error, FileNotFoundError) else error.strerror
                await ctx.stderr.write(f"{ctx.argv[0]}: 0: cannot open {name}: {reason}\n")
                return 2
            await ctx.stderr.write(f"{ctx.argv[0]}: {name}: {error.strerror}\n")
            return 127 if isinstance(error, FileNotFoundError) else 126
    else:
        name, positional = ctx.argv[0], []
        script = (await ctx.stdin.read()).decode("utf-8", "surrogateescape")
    shell = Shell(ctx, dialect, name, positional, command_mode=command_mode)
    return await shell.run(script)


class Shell:
    """One shell process's state and the interpreter that runs its commands."""

    def __init__(self, ctx, dialect, name, positional, *, command_mode=True):
        self.ctx = ctx
        self.system = ctx.system
        self.process = ctx.process
        self.files = ctx.files
        self.dialect = dialect
        #: ``$0``, and the start of every message
        self.name = name
        self.positional = list(positional)
        self.variables = dict(ctx.env)
        self.exported = set(ctx.env)
        self.cwd = ctx.process.cwd
        #: ``$?``
        self.status = 0
        #: ``$$``: the pid of the shell, also in its subshells
        self.shell_pid = ctx.process.pid
        self.line = 1
        self.jobs = []
        self.last_background = None
        self._command_mode = command_mode
        self._substitution_status = None

    def _subshell(self, ctx):
        """A copy of this shell's state for a forked child."""
        shell = Shell.__new__(Shell)
        shell.__dict__.update(self.__dict__)
        shell.ctx, shell.process = ctx, ctx.process
        shell.variables = dict(self.variables)
        shell.exported = set(self.exported)
        shell.positional = list(self.positional)
        shell.jobs = []
        return shell

    # Messages

    def _prefix(self):
        if self.dialect == "dash":
            return f"{self.name}: {self.line}: "
        return f"{self.name}: line {self.line}: "

    async def _message(self, text, fds=None):
        stream = OutputStream((fds or self.process.fds).get(2) or NullFile())
        await stream.write(self._prefix() + text + "\n")

    async def _syntax_error(self, error):
        self.line = error.line
        if self.dialect == "dash":
            detail = {
                "unexpected": f'Syntax error: "{error.token}" unexpected'
                if error.token != "newline" else "Syntax error: newline unexpected",
                "eof": "Syntax error: end of file unexpected",
                "unterminated": "Syntax error: Unterminated quoted string",
                "substitution": "Bad substitution",
                "paren": 'Syntax error: end of file unexpected (expecting ")")',
            }[error.kind]
            await self._message(detail)
            return
        where = f"{self.name}: -c: line {error.line}: " if self._command_mode else self._prefix()
        detail = {
            "unexpected": f"syntax error near unexpected token `{error.token}'",
            "eof": "syntax error: unexpected end of file",
            "unterminated": f"unexpected EOF while looking for matching `{error.token}'",
            "substitution": "bad substitution",
            "paren": "unexpected EOF while looking for matching `)'",
        }[error.kind]
        await OutputStream(self.process.fds.get(2) or NullFile()).write(where + detail + "\n")

    async def _report_signal(self, child, text=None):
        """Say that a child the shell waited for was killed by a signal, as
        the shell does (never for SIGINT and SIGPIPE): dash with the
        signal's description, bash with the pid and the command too."""
        signal = -child.returncode
        if signal <= 0 or signal in (2, 13):
            return
        description = _SIGNAL_DESCRIPTIONS.get(signal, f"Signal {signal}")
        if self.dialect == "dash":
            await OutputStream(self.process.fds.get(2) or NullFile()).write(description + "\n")
        elif text is not None:
            await self._message(f"{child.pid} {description:<24}{text}")

    # Running scripts and lists

    async def run(self, script):
        """Run a whole script, one complete command at a time."""
        parser = Parser(script, self.dialect)
        try:
            while True:
                try:
                    node = parser.next_command()
                    if node is None:
                        break
                    last = self.dialect == "bash" and parser.at_end()
                except ShellSyntaxError as error:
                    await self._syntax_error(error)
                    return 2
                except ShellUnsupported as error:
                    self.line = error.line
                    await self._message(f"the sandbox's shell does not run {error.feature}")
                    return 2
                await self._list(node, last)
        except _ShellExit as exit_:
            return exit_.status
        return self.status

    async def _list(self, node, last=False):
        status = self.status
        for index, (and_or, background) in enumerate(node.items):
            if background:
                self._background(and_or)
                status = 0
            else:
                status = await self._and_or(and_or, last and index == len(node.items) - 1)
            self.status = status
        return status

    async def _and_or(self, node, last):
        status = await self._pipeline(node.first, last and not node.rest)
        for index, (operator, pipeline) in enumerate(node.rest):
            if (operator == "&&") == (status == 0):
                status = await self._pipeline(pipeline, last and index == len(node.rest) - 1)
        return status

    async def _pipeline(self, pipeline, last):
        if len(pipeline.commands) == 1:
            status = await self._command(pipeline.commands[0], in_place=last and not pipeline.negate)
        else:
            status = await self._stages(pipeline.commands)
        if pipeline.negate:
            status = int(status == 0)
        self.status = status
        return status

    async def _stages(self, commands):
        """A pipeline: every stage a child process, all running at once."""
        children = []
        reader = None
        for index, command in enumerate(commands):
            fds = _duplicate(self.process.fds)
            if reader is not None:
                _replace(fds, 0, reader)
            reader = None
            if index < len(commands) - 1:
                reader, writer = Pipe().open()
                _replace(fds, 1, writer)
            children.append(self._fork(fds, lambda shell, command=command: shell._command(
                command, in_place=True)))
        for child in children:
            await child.wait()
            if self.dialect == "dash":
                await self._report_signal(child)
        return _wait_status(children[-1].returncode)

    def _background(self, and_or):
        fds = _duplicate(self.process.fds)
        # A non-interactive shell gives background commands /dev/null as
        # their standard input.
        _replace(fds, 0, NullFile())
        child = self._fork(fds, lambda shell: shell._and_or(and_or, last=True))
        self.jobs.append(child)
        self.last_background = child.pid

    def _fork(self, fds, body):
        """Start a child process that runs ``body(shell)`` in a copy of this shell."""
        async def main(process):
            shell = self._subshell(CommandContext(self.system, process))
            try:
                status = await body(shell)
            except _ShellExit as exit_:
                status = exit_.status
            return status & 0xFF

        return self.system.spawn(self.process.argv, fds, env=self._environment(), cwd=self.cwd,
                                 parent=self.process, main=main)

    async def _command(self, command, in_place=False):
        if isinstance(command, SimpleCommand):
            return await self._simple(command, in_place)
        fds = await self._redirected(self.process.fds, command.redirects)
        if fds is None:
            return self._redirection_status()
        if isinstance(command, Group) or in_place:
            saved, self.process.fds = self.process.fds, fds
            try:
                status = await self._list(command.body, last=in_place)
            except BaseException:
                # The shell is ending (exit, exec, a signal): what it holds
                # now is closed when its process exits.
                _close_all(saved)
                raise
            self.process.fds = saved
            _close_all(fds)
            return status
        assert isinstance(command, Subshell)
        child = self._fork(fds, lambda shell: shell._list(command.body, last=True))
        await child.wait()
        await self._report_signal(child)
        return _wait_status(child.returncode)

    # Simple commands

    async def _simple(self, command, in_place):
        self.line = command.line
        self._substitution_status = None
        argv = []
        for word in command.words:
            argv.extend(await self._expand(word))
        assignments = [(name, await self._expand_text(value)) for name, value in command.assignments]
        fds = await self._redirected(self.process.fds, command.redirects)
        if fds is None:
            return self._redirection_status()
        if not argv:
            _close_all(fds)
            for name, value in assignments:
                self.variables[name] = value
            return self._substitution_status or 0
        if argv[0] == "exec":
            return await self._exec(argv, fds, assignments)
        builtin = _BUILTINS.get(argv[0])
        if builtin is not None:
            try:
                return await builtin(self, argv, _BuiltinIO(fds))
            finally:
                _close_all(fds)
        env = self._environment(assignments)
        try:
            program = self.system.find_program(argv[0], env.get("PATH", ""), self.cwd, shell=True)
        except OSError as error:
            status = await self._not_runnable(argv[0], error, fds)
            _close_all(fds)
            return status
        if in_place:
            return await self._replace_process(program, argv, fds, env)
        child = self.system.spawn(argv, fds, env=env, cwd=self.cwd, parent=self.process,
                                  main=lambda process: self.system.run_program(process, program, argv))
        await child.wait()
        await self._report_signal(child, " ".join(word.text for word in command.words))
        return _wait_status(child.returncode)

    async def _replace_process(self, program, argv, fds, env):
        """``exec``: this process becomes ``argv``, with ``fds`` as its descriptors."""
        old, self.process.fds = self.process.fds, fds
        _close_all(old)
        self.process.env = env
        self.process.cwd = self.cwd
        status = await self.system.run_program(self.process, program, argv)
        _close_all(self.process.fds)
        raise _ShellExit(status)

    async def _not_runnable(self, name, error, fds):
        if isinstance(error, FileNotFoundError):
            text = "not found" if self.dialect == "dash" else (
                "command not found" if "/" not in name else "No such file or directory")
            await self._message(f"{name}: {text}", fds)
            return 127
        reason = error.strerror
        if self.dialect == "dash" and isinstance(error, IsADirectoryError):
            reason = "Permission denied"
        await self._message(f"{name}: {reason}", fds)
        return 126

    async def _exec(self, argv, fds, assignments):
        if len(argv) == 1:
            old, self.process.fds = self.process.fds, fds
            _close_all(old)
            return 0
        env = self._environment(assignments)
        try:
            program = self.system.find_program(argv[1], env.get("PATH", ""), self.cwd, shell=True)
        except OSError as error:
            status = await self._not_runnable(argv[1], error, fds)
            _close_all(fds)
            raise _ShellExit(status) from None
        return await self._replace_process(program, argv[1:], fds, env)

    def _environment(self, assignments=()):
        env = {name: self.variables[name] for name in self.variables if name in self.exported}
        env.update(assignments)
        return env

    # Redirections

    def _redirection_status(self):
        return 2 if self.dialect == "dash" else 1

    async def _redirected(self, fds, redirects):
        """A copy of ``fds`` with ``redirects`` applied, or None (reported) on failure."""
        fds = _duplicate(fds)
        for redirect in redirects:
            self.line = redirect.line
            target = await self._expand_text(redirect.target)
            operator = redirect.operator
            fd = redirect.fd if redirect.fd is not None else (0 if operator in ("<", "<>", "<&") else 1)
            if operator in (">&", "<&"):
                if target == "-":
                    _replace(fds, fd, None)
                    continue
                if target.isdigit():
                    source = fds.get(int(target))
                    if source is None:
                        await self._message(f"{target}: Bad file descriptor", fds)
                        _close_all(fds)
                        return None
                    _replace(fds, fd, source.dup())
                    continue
                if self.dialect == "dash" or redirect.fd is not None:
                    await self._message(f"{target}: Bad fd number" if self.dialect == "dash"
                                        else f"{target}: ambiguous redirect", fds)
                    _close_all(fds)
                    return None
                operator = "&>"
            try:
                opened = self._open(target, operator)
            except OSError as error:
                await self._message(self._open_error(target, operator, error), fds)
                _close_all(fds)
                return None
            if operator == "&>":
                _replace(fds, 1, opened)
                _replace(fds, 2, opened.dup())
            else:
                _replace(fds, fd, opened)
        return fds

    def _open(self, target, operator):
        # `<>` opens for reading, creating the file if need be.
        mode = {"<": "r", ">>": "a", "<>": "a"}.get(operator, "w")
        node = self.files.open_file(target, self.cwd, mode)
        if not node.is_file:
            return NullFile()
        if operator in ("<", "<>"):
            return FileReader(node)
        return FileWriter(node, self.files, append=mode == "a")

    def _open_error(self, target, operator, error):
        if self.dialect == "bash":
            return f"{target}: {error.strerror}"
        if operator == "<":
            reason = "No such file" if isinstance(error, FileNotFoundError) else error.strerror
            return f"cannot open {target}: {reason}"
        reason = "Directory nonexistent" if isinstance(error, FileNotFoundError) else error.strerror
        return f"cannot create {target}: {reason}"

    # Expansion

    async def _expand(self, word):
        """A word's fields: expanded, split and matched against the files."""
        fields = []
        for field in _split_fields(await self._segments(word)):
            text = "".join(piece for piece, _ in field)
            matches = self._glob(field)
            fields.extend(matches or [text])
        return fields

    async def _expand_text(self, word):
        """A word expanded to one string (assignments, redirection targets)."""
        return "".join(text for text, _, _ in await self._segments(word) if text is not None)

    async def _segments(self, word):
        """``(text, split, pattern)`` pieces: whether field splitting and
        pathname matching apply to each (only to unquoted expansions, and
        unquoted text, respectively); text None is a forced field break."""
        if not self.positional and any(isinstance(part, Parameter) for part in word.parts) and all(
                isinstance(part, Parameter) and part.name == "@" and part.quoted and part.operator is None
                or isinstance(part, Literal) and part.quoted and not part.text for part in word.parts):
            # "$@" with no positional parameters is no field at all, not an empty one.
            return []
        segments = []
        for index, part in enumerate(word.parts):
            if isinstance(part, Literal):
                text = part.text
                if index == 0 and not part.quoted and text.startswith("~"):
                    user, slash, rest = text[1:].partition("/")
                    home = {"": self.variables.get("HOME", HOME), "learner": HOME, "root": "/root"}.get(user)
                    if home is not None:
                        segments.append((home, False, False))
                        text = slash + rest
                segments.append((text, False, not part.quoted))
            elif isinstance(part, CommandSubstitution):
                text = await self._substitute(part)
                segments.append((text, not part.quoted, not part.quoted))
            else:
                segments.extend(await self._parameter(part))
        return segments

    async def _parameter(self, part):
        name = part.name
        if name in ("@", "*") and part.operator is None:
            if part.quoted and name == "@":
                segments = []
                for index, value in enumerate(self.positional):
                    if index:
                        segments.append((None, False, False))
                    segments.append((value, False, False))
                return segments
            return [(" ".join(self.positional), not part.quoted, not part.quoted)]
        value = self._lookup(name)
        operator = part.operator
        if operator == "#":
            value = str(len(value or ""))
        elif operator is not None:
            missing = value is None or (operator.startswith(":") and value == "")
            if operator.lstrip(":") == "+":
                value = await self._expand_text(part.argument) if not missing else ""
            elif missing:
                argument = await self._expand_text(part.argument)
                if operator.lstrip(":") == "=":
                    self.variables[name] = value = argument
                elif operator.lstrip(":") == "?":
                    text = argument or ("parameter not set" if value is None else "parameter null or not set")
                    await self._message(f"{name}: {text}")
                    raise _ShellExit(2 if self.dialect == "dash" else 1)
                else:
                    value = argument
        return [(value or "", not part.quoted, not part.quoted)]

    def _lookup(self, name):
        if name == "?":
            return str(self.status)
        if name == "$":
            return str(self.shell_pid)
        if name == "!":
            return "" if self.last_background is None else str(self.last_background)
        if name == "#":
            return str(len(self.positional))
        if name == "-":
            return ""
        if name == "0":
            return self.name
        if name.isdigit():
            index = int(name)
            return self.positional[index - 1] if index <= len(self.positional) else None
        return self.variables.get(name)

    async def _substitute(self, part):
        """``$(...)``: the output of the script, run in a subshell, without
        its trailing newlines."""
        reader, writer = Pipe().open()
        fds = _duplicate(self.process.fds)
        _replace(fds, 1, writer)
        line = part.line

        async def body(shell):
            shell.line = line
            return await shell.run(part.source)

        child = self._fork(fds, body)
        stream = InputStream(reader)
        output = await stream.read()
        reader.close()
        self._substitution_status = _wait_status(await child.wait())
        self.status = self._substitution_status
        return output.decode("utf-8", "surrogateescape").rstrip("\n")

    def _glob(self, field):
        """The paths a field matches as a pattern, sorted; None when it is
        not a pattern, [] when nothing matches."""
        pattern = []
        for text, active in field:
            pattern.extend((char, active) for char in text)
        if not any(active and char in "*?[" for char, active in pattern):
            return None
        components = [[]]
        for char, active in pattern:
            if char == "/":
                components.append([])
            else:
                components[-1].append((char, active))
        absolute = bool(pattern) and pattern[0][0] == "/"
        if absolute:
            components = components[1:]
        paths = ["/" if absolute else ""]
        for position, component in enumerate(components):
            final = position == len(components) - 1
            if not component:
                if final:
                    paths = [path + "/" for path in paths if self._is_dir(path)]
                continue
            regex = _component_regex(component)
            found = []
            for path in paths:
                if regex is None:
                    candidate = path + "".join(char for char, _ in component)
                    if final or self._is_dir(candidate):
                        found.append(candidate + ("" if final else "/"))
                    continue
                try:
                    entries = self.files.entries_at(path or ".", self.cwd)
                except OSError:
                    continue
                hidden = component[0][0] == "."
                for entry in entries:
                    if (hidden or not entry.startswith(".")) and regex.fullmatch(entry):
                        found.append(path + entry + ("" if final else "/"))
            paths = found
        matches = [path for path in paths if self._exists(path)]
        return sorted(matches, key=lambda path: path.encode("utf-8", "surrogateescape"))

    def _is_dir(self, path):
        try:
            return self.files.stat_at(path or ".", self.cwd).is_dir
        except OSError:
            return False

    def _exists(self, path):
        try:
            self.files.stat_at(path, self.cwd, follow=False)
        except OSError:
            return False
        return True


def _component_regex(component):
    """A path component's pattern as a regex, or None if it has no wildcard."""
    if not any(active and char in "*?[" for char, active in component):
        return None
    out = []
    index = 0
    while index < len(component):
        char, active = component[index]
        index += 1
        if not active:
            out.append(re.escape(char))
        elif char == "*":
            out.append(".*")
        elif char == "?":
            out.append(".")
        elif char == "[":
            end = index
            if end < len(component) and component[end][0] in "!^":
                end += 1
            if end < len(component) and component[end][0] == "]":
                end += 1
            while end < len(component) and component[end][0] != "]":
                end += 1
            if end >= len(component):
                out.append(re.escape(char))
                continue
            body = "".join(c for c, _ in component[index:end])
            if body[:1] in "!^":
                body = "^" + body[1:]
            out.append("[" + body.replace("\\", "\\\\") + "]")
            index = end + 1
        else:
            out.append(re.escape(char))
    return re.compile("".join(out), re.DOTALL)


def _split_fields(segments):
    """Fields after splitting the unquoted expansions on whitespace; each
    field a list of ``(text, pattern)`` pieces."""
    fields = []
    current = []
    started = False
    for text, split, pattern in segments:
        if text is None:
            fields.append(current)
            current, started = [], False
            continue
        if not split:
            current.append((text, pattern))
            started = True
            continue
        for index, piece in enumerate(_IFS_WHITESPACE.split(text)):
            if index and started:
                fields.append(current)
                current, started = [], False
            if piece:
                current.append((piece, pattern))
                started = True
    if started:
        fields.append(current)
    return fields


def _duplicate(fds):
    return {fd: open_file.dup() for fd, open_file in fds.items()}


def _replace(fds, fd, open_file):
    """Point ``fd`` at ``open_file`` (None closes it), closing what it was."""
    old = fds.pop(fd, None)
    if old is not None:
        old.close()
    if open_file is not None:
        fds[fd] = open_file


def _close_all(fds):
    for open_file in fds.values():
        open_file.close()
    fds.clear()


# Builtins: commands the shell runs itself, on a copy of its descriptors.


class _BuiltinIO:
    def __init__(self, fds):
        self.fds = fds
        self.stdout = OutputStream(fds.get(1) or NullFile())
        self.stderr = OutputStream(fds.get(2) or NullFile())


async def _colon(shell, argv, io):
    return 0


async def _false(shell, argv, io):
    return 1


async def _echo(shell, argv, io):
    await io.stdout.write(echo_output(argv[1:], shell.dialect))
    return 0


async def _printf(shell, argv, io):
    if len(argv) < 2:
        usage = "printf format [arg ...]" if shell.dialect == "dash" else "printf [-v var] format [arguments]"
        await shell._message(f"printf: usage: {usage}", io.fds)
        return 2
    output, messages, status = format_printf(argv[1], argv[2:], shell.dialect)
    await io.stdout.write(output)
    for message in messages:
        await shell._message(f"printf: {message}", io.fds)
    return status


async def _cd(shell, argv, io):
    target = argv[1] if len(argv) > 1 else shell.variables.get("HOME", HOME)
    announce = target == "-"
    if announce:
        target = shell.variables.get("OLDPWD", shell.cwd)
    path = shell.files.absolute(target, shell.cwd)
    try:
        info = shell.files.stat_at(path, "/")
        if not info.is_dir:
            raise NotADirectoryError(20, "Not a directory", path)
    except OSError as error:
        if shell.dialect == "dash":
            await shell._message(f"cd: can't cd to {target}", io.fds)
            return 2
        await shell._message(f"cd: {target}: {error.strerror}", io.fds)
        return 1
    shell.variables["OLDPWD"] = shell.cwd
    shell.cwd = shell.variables["PWD"] = path
    shell.process.cwd = path
    if announce:
        await io.stdout.write(path + "\n")
    return 0


async def _pwd(shell, argv, io):
    await io.stdout.write(shell.cwd + "\n")
    return 0


async def _exit(shell, argv, io):
    if len(argv) < 2:
        raise _ShellExit(shell.status)
    if not re.fullmatch(r"[+-]?\d+", argv[1]) or shell.dialect == "dash" and argv[1].startswith("-"):
        if shell.dialect == "dash":
            await shell._message(f"exit: Illegal number: {argv[1]}", io.fds)
        else:
            await shell._message(f"exit: {argv[1]}: numeric argument required", io.fds)
        raise _ShellExit(2)
    raise _ShellExit(int(argv[1]) & 0xFF)


async def _export(shell, argv, io):
    if len(argv) == 1:
        for name in sorted(shell.exported):
            if name in shell.variables:
                value = shell.variables[name]
                line = (f"export {name}='{value}'" if shell.dialect == "dash"
                        else f'declare -x {name}="{value}"')
                await io.stdout.write(line + "\n")
        return 0
    for arg in argv[1:]:
        name, has_value, value = arg.partition("=")
        if has_value:
            shell.variables[name] = value
        shell.exported.add(name)
    return 0


async def _unset(shell, argv, io):
    for name in argv[1:]:
        shell.variables.pop(name, None)
        shell.exported.discard(name)
    return 0


async def _wait(shell, argv, io):
    if len(argv) == 1:
        for job in shell.jobs:
            await job.wait()
        shell.jobs = []
        return 0
    status = 127
    for job in [job for job in shell.jobs if str(job.pid) in argv[1:]]:
        running = job.returncode is None
        status = _wait_status(await job.wait())
        # dash reports a job's death only if this wait is what reaped it.
        if running and shell.dialect == "dash":
            await shell._report_signal(job)
    return status


async def _kill(shell, argv, io):
    args = argv[1:]
    signal = 15
    if args and args[0] == "-l":
        await io.stdout.write(" ".join(SIGNALS[number] for number in sorted(SIGNALS)) + "\n")
        return 0
    if args and args[0] == "-s" and len(args) > 1:
        args = ["-" + args[1]] + args[2:]
    if args and args[0].startswith("-") and len(args[0]) > 1:
        name = args.pop(0)[1:].upper()
        name = name[3:] if name.startswith("SIG") else name
        numbers = {value: number for number, value in SIGNALS.items()}
        if name.isdigit():
            signal = int(name)
        elif name in numbers:
            signal = numbers[name]
        else:
            await shell._message(f"kill: invalid signal number or name: {name}", io.fds)
            return 1
    status = 0
    for arg in args:
        process = shell.system.process(int(arg)) if arg.isdigit() else None
        if process is None or process.returncode is not None:
            text = "No such process" if shell.dialect == "dash" else f"({arg}) - No such process"
            await shell._message(f"kill: {text}", io.fds)
            status = 1
            continue
        if process is shell.process:
            process.raise_signal(signal)
        else:
            process.send_signal(signal)
    return status


async def _read(shell, argv, io):
    names = [arg for arg in argv[1:] if arg != "-r"]
    raw = "-r" in argv[1:]
    source = io.fds.get(0) or NullFile()
    data = bytearray()
    # One byte at a time, as `read` does on a pipe, so that the commands
    # after it still find the rest of the input.
    while True:
        byte = await source.read(1)
        if not byte or byte == b"\n":
            break
        data += byte
    text = data.decode("utf-8", "surrogateescape")
    if not raw:
        text = re.sub(r"\\(.)", r"\1", text)
    fields = text.strip(" \t").split(None, max(0, len(names) - 1)) if names else []
    for index, name in enumerate(names or ["REPLY"]):
        shell.variables[name] = fields[index] if index < len(fields) else ("" if names else text)
    return 0 if byte else 1


async def _test(shell, argv, io):
    args = argv[1:]
    if argv[0] == "[":
        if args[-1:] != ["]"]:
            await shell._message("[: missing ]", io.fds)
            return 2
        args = args[:-1]
    try:
        return 0 if _evaluate_test(shell, args) else 1
    except ValueError as error:
        await shell._message(f"{argv[0]}: {error}", io.fds)
        return 2


def _evaluate_test(shell, args):
    if not args:
        return False
    if args[0] == "!":
        return not _evaluate_test(shell, args[1:])
    for operator in ("-o", "-a"):
        if operator in args[1:-1]:
            index = args.index(operator, 1)
            left, right = _evaluate_test(shell, args[:index]), _evaluate_test(shell, args[index + 1:])
            return (left or right) if operator == "-o" else (left and right)
    if len(args) == 1:
        return args[0] != ""
    if len(args) == 2:
        operator, operand = args
        if operator == "-n":
            return operand != ""
        if operator == "-z":
            return operand == ""
        try:
            info = shell.files.stat_at(operand, shell.cwd)
        except OSError:
            return False
        checks = {"-e": True, "-f": info.is_file, "-d": info.is_dir, "-s": info.size > 0,
                  "-r": True, "-w": info.owner == "learner", "-x": bool(info.mode & 0o111)}
        if operator not in checks:
            raise ValueError(f"{operator}: unexpected operator")
        return checks[operator]
    if len(args) == 3:
        left, operator, right = args
        if operator in ("=", "=="):
            return left == right
        if operator == "!=":
            return left != right
        comparisons = {"-eq": int.__eq__, "-ne": int.__ne__, "-lt": int.__lt__,
                       "-le": int.__le__, "-gt": int.__gt__, "-ge": int.__ge__}
        if operator in comparisons:
            for value in (left, right):
                if not re.fullmatch(r"\s*[+-]?\d+\s*", value):
                    raise ValueError(f"Illegal number: {value}")
            return comparisons[operator](int(left), int(right))
    raise ValueError(f"{args[1] if len(args) > 1 else args[0]}: unexpected operator")


_BUILTINS = {
    ":": _colon, "true": _colon, "false": _false, "echo": _echo, "printf": _printf,
    "cd": _cd, "pwd": _pwd, "exit": _exit, "export": _export, "unset": _unset,
    "wait": _wait, "kill": _kill, "read": _read, "test": _test, "[": _test,
}
