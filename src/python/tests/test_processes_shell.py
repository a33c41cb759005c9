"""The sandbox's /bin/sh (dash) and bash: syntax, expansion, redirections,
builtins and process structure, as ``create_subprocess_shell`` meets them.

Expected outputs and messages are dash 0.5.12's and bash 5.2's on Debian.
"""

import textwrap
import unittest

from awaitable import run_program

_PROGRAM = """
import asyncio
from asyncio.subprocess import PIPE

async def main():
    proc = await asyncio.create_subprocess_{kind}(*ARGS, stdout=PIPE, stderr=PIPE)
    out, err = await proc.communicate()
    return out.decode(), err.decode(), proc.returncode

result = asyncio.run(main())
"""


def sh(command, prepare=None):
    """Run ``command`` with ``create_subprocess_shell``: (stdout, stderr, status)."""
    return _run("shell", [command], prepare)


def bash(command, prepare=None):
    return _run("exec", ["bash", "-c", command], prepare)


def _run(kind, args, prepare):
    result = run_program(f"ARGS = {args!r}\n" + _PROGRAM.format(kind=kind), prepare=prepare)
    if result.error or result.stopped:
        raise AssertionError(result.error or result.stopped.message)
    return result.namespace["result"]


class ExpansionTest(unittest.TestCase):
    def test_quotes_and_escapes(self):
        self.assertEqual(sh("""X='a  b'; echo $X; echo "$X" '$X' \\$X "\\$X" a\\ b"""),
                         ("a b\na  b $X $X $X a b\n", "", 0))
        self.assertEqual(sh("""printf '[%s]' "" '' a"b"'c' $UNSET "$UNSET"; echo"""),
                         ("[][][abc][]\n", "", 0))

    def test_parameters(self):
        self.assertEqual(sh("X=5; echo ${X}y ${Y:-default} ${#X} ${X:+set} $?; false; echo $?"),
                         ("5y default 1 set 0\n1\n", "", 0))
        self.assertEqual(sh("sh -c 'echo $0 $# \"$1\"; printf \"<%s>\" \"$@\"; echo' name 'a b' c"),
                         ("name 2 a b\n<a b><c>\n", "", 0))
        self.assertEqual(sh('printf "<%s>" "$@" x; echo'), ("<x>\n", "", 0))

    def test_field_splitting_of_unquoted_expansions(self):
        self.assertEqual(sh("""X=" lead  trail "; printf '[%s]' $X x$X; echo"""),
                         ("[lead][trail][x][lead][trail]\n", "", 0))

    def test_environment_and_home(self):
        self.assertEqual(sh("echo $HOME $USER ~ ~/notes.txt \"~\""),
                         ("/home/learner learner /home/learner /home/learner/notes.txt ~\n", "", 0))
        self.assertEqual(sh("X=1 sh -c 'echo [$X]'; echo [$X]; Y=2; sh -c 'echo [$Y]'; "
                            "export Y; sh -c 'echo [$Y]'"),
                         ("[1]\n[]\n[]\n[2]\n", "", 0))

    def test_command_substitution(self):
        self.assertEqual(sh("""echo "$(echo 'in  ner' | tr a-z A-Z)" `echo back` $(printf 'x\\n\\n\\n')."""),
                         ("IN  NER back x.\n", "", 0))
        self.assertEqual(sh("X=$(exit 3); echo $?"), ("3\n", "", 0))

    def test_pathname_expansion(self):
        def prepare(sandbox):
            sandbox.processes.files.write("data/b.csv", "")
            sandbox.processes.files.write("data/a.csv", "")
            sandbox.processes.files.write("data/.hidden.csv", "")
            sandbox.processes.files.write("data/notes.txt", "")

        self.assertEqual(sh("echo data/*.csv; echo data/?.csv; echo '*.csv' nomatch*; cd data && echo *",
                            prepare),
                         ("data/a.csv data/b.csv\ndata/a.csv data/b.csv\n*.csv nomatch*\n"
                          "a.csv b.csv notes.txt\n", "", 0))


class ListTest(unittest.TestCase):
    def test_lists_and_statuses(self):
        self.assertEqual(sh("false || echo alt; true && echo yes; false && echo no; ! false; echo $?"),
                         ("alt\nyes\n0\n", "", 0))
        self.assertEqual(sh("true | false; echo $?; false | true; echo $?"), ("1\n0\n", "", 0))
        self.assertEqual(sh("exit 300"), ("", "", 44))
        self.assertEqual(sh("echo a; exit 3; echo b"), ("a\n", "", 3))

    def test_subshells_and_groups(self):
        self.assertEqual(sh("(cd /tmp; X=1; exit 4); echo $? $X; pwd"), ("4\n/home/learner\n", "", 0))
        self.assertEqual(sh("{ echo a; echo b; } | wc -l; { X=1; }; echo $X"), ("2\n1\n", "", 0))

    def test_pipeline_stages_run_at_the_same_time(self):
        result = run_program(textwrap.dedent("""
            import asyncio, time
            from asyncio.subprocess import PIPE

            async def main():
                proc = await asyncio.create_subprocess_shell("sleep 2 | sleep 3 | echo done", stdout=PIPE)
                print(await proc.stdout.readline())
                await proc.wait()
                print(time.monotonic())

            asyncio.run(main())
        """))
        self.assertEqual([(line.t, line.text) for line in result.trace.output],
                         [(0, "b'done\\n'"), (3, "3.0")])

    def test_output_streams_through_cat_but_grep_buffers_it(self):
        result = run_program(textwrap.dedent("""
            import asyncio
            from asyncio.subprocess import PIPE

            async def main():
                for command in ("(echo a; sleep 1; echo b) | cat", "(echo a; sleep 1; echo b) | grep ."):
                    proc = await asyncio.create_subprocess_shell(command, stdout=PIPE)
                    async for line in proc.stdout:
                        print(line)

            asyncio.run(main())
        """))
        # grep writes through stdio, which is block buffered on a pipe.
        self.assertEqual([(line.t, line.text) for line in result.trace.output],
                         [(0, "b'a\\n'"), (1, "b'b\\n'"), (2, "b'a\\n'"), (2, "b'b\\n'")])

    def test_background_jobs_and_wait(self):
        self.assertEqual(sh("(sleep 2; echo two) & (sleep 1; echo one) & wait; echo all"),
                         ("one\ntwo\nall\n", "", 0))
        self.assertEqual(sh("sleep 10 & kill -9 $!; wait $!; echo $?"), ("137\n", "Killed\n", 0))
        self.assertEqual(sh("sleep 10 & kill $!; sleep 1; wait $!; echo $?"), ("143\n", "", 0))
        self.assertEqual(sh("sh -c 'kill -9 $$'; echo $?"), ("137\n", "Killed\n", 0))
        self.assertRegex(bash("sh -c 'kill -9 $$'; echo $?")[1],
                         r"^bash: line 1: \d+ Killed                  sh -c 'kill -9 \$\$'\n$")

    def test_a_shell_that_signals_itself(self):
        self.assertEqual(sh("kill $$; echo unreachable"), ("", "", -15))


class RedirectionTest(unittest.TestCase):
    def test_files(self):
        self.assertEqual(sh("echo one > f; echo two >> f; cat f; wc -l < f; echo x >/dev/null"),
                         ("one\ntwo\n2\n", "", 0))
        self.assertEqual(sh("echo new > f; cat f < f"), ("new\n", "", 0))

    def test_descriptors(self):
        script = "(echo out; echo err >&2)"
        self.assertEqual(sh(f"{script} 2>&1"), ("out\nerr\n", "", 0))
        self.assertEqual(sh(f"{script} 2>/dev/null"), ("out\n", "", 0))
        self.assertEqual(sh(f"{script} 2>&1 >/dev/null"), ("err\n", "", 0))
        self.assertEqual(sh(f"{script} >/dev/null 2>&1"), ("", "", 0))
        self.assertEqual(sh("echo a 1>&3"), ("", "/bin/sh: 1: 3: Bad file descriptor\n", 2))

    def test_failures(self):
        self.assertEqual(sh("echo a > /nodir/x; echo $?"),
                         ("2\n", "/bin/sh: 1: cannot create /nodir/x: Directory nonexistent\n", 0))
        self.assertEqual(sh("echo a > /tmp"), ("", "/bin/sh: 1: cannot create /tmp: Is a directory\n", 2))
        self.assertEqual(sh("cat < nofile"), ("", "/bin/sh: 1: cannot open nofile: No such file\n", 2))
        self.assertEqual(sh("echo a > /etc/hostname"),
                         ("", "/bin/sh: 1: cannot create /etc/hostname: Permission denied\n", 2))
        self.assertEqual(bash("echo a > /nodir/x"),
                         ("", "bash: line 1: /nodir/x: No such file or directory\n", 1))


class CommandLookupTest(unittest.TestCase):
    def test_not_found_and_not_executable(self):
        self.assertEqual(sh("nonexist arg"), ("", "/bin/sh: 1: nonexist: not found\n", 127))
        self.assertEqual(sh("nonexist 2>/dev/null; echo $?"), ("127\n", "", 0))
        self.assertEqual(sh("echo\n\n/tmp"), ("\n", "/bin/sh: 3: /tmp: Permission denied\n", 126))
        self.assertEqual(sh("./notes.txt"), ("", "/bin/sh: 1: ./notes.txt: Permission denied\n", 126))
        self.assertEqual(bash("nonexist"), ("", "bash: line 1: nonexist: command not found\n", 127))
        self.assertEqual(bash("/no/such"), ("", "bash: line 1: /no/such: No such file or directory\n", 127))

    def test_scripts(self):
        def prepare(sandbox):
            files = sandbox.processes.files
            files.write("greet.sh", "#!/bin/sh\necho hello $1\n", executable=True)
            files.write("plain.sh", "echo no interpreter line\n", executable=True)
            files.write("lines.sh", "echo from a file\n")

        self.assertEqual(sh("./greet.sh you; ./plain.sh; sh lines.sh; echo 'echo from stdin' | sh", prepare),
                         ("hello you\nno interpreter line\nfrom a file\nfrom stdin\n", "", 0))

    def test_the_shells_children_are_processes_but_builtins_are_not(self):
        result = run_program(textwrap.dedent("""
            import asyncio

            async def main():
                proc = await asyncio.create_subprocess_shell("echo builtin; sleep 1; cd /tmp; date >/dev/null")
                await proc.wait()
                proc = await asyncio.create_subprocess_exec("bash", "-c", "true; sleep 1")
                await proc.wait()

            asyncio.run(main())
        """))
        self.assertEqual([record.args for record in result.trace.processes],
                         [["/bin/sh", "-c", "echo builtin; sleep 1; cd /tmp; date >/dev/null"],
                          ["sleep", "1"], ["date"],
                          # bash runs its last command in place of itself.
                          ["sleep", "1"]])


class SyntaxTest(unittest.TestCase):
    def test_dash_messages(self):
        for script, message in [
            ("echo 'abc", "Syntax error: Unterminated quoted string"),
            ('echo "abc', "Syntax error: Unterminated quoted string"),
            ("echo a |", "Syntax error: end of file unexpected"),
            ("| echo", 'Syntax error: "|" unexpected'),
            ("; echo a", 'Syntax error: ";" unexpected'),
            ("echo a;; echo b", 'Syntax error: ";;" unexpected'),
            ("echo a & ; echo b", 'Syntax error: ";" unexpected'),
            ("echo >", "Syntax error: end of file unexpected"),
            ("echo a; }", 'Syntax error: "}" unexpected'),
        ]:
            with self.subTest(script=script):
                self.assertEqual(sh(script), ("", f"/bin/sh: 1: {message}\n", 2))

    def test_lines_before_an_error_run(self):
        self.assertEqual(sh('echo a\necho "b'),
                         ("a\n", "/bin/sh: 2: Syntax error: Unterminated quoted string\n", 2))

    def test_bash_messages(self):
        self.assertEqual(bash("| x"), ("", "bash: -c: line 1: syntax error near unexpected token `|'\n", 2))
        self.assertEqual(bash("echo 'a"),
                         ("", "bash: -c: line 1: unexpected EOF while looking for matching `''\n", 2))

    def test_unsupported_constructs_say_so(self):
        self.assertEqual(sh("for i in 1 2; do echo $i; done"),
                         ("", "/bin/sh: 1: the sandbox's shell does not run for loops\n", 2))
        self.assertEqual(sh("echo $((1 + 2))"),
                         ("", "/bin/sh: 1: the sandbox's shell does not run arithmetic expansion "
                              "$((...))\n", 2))

    def test_comments_and_continuations(self):
        self.assertEqual(sh("echo a # not this\n# nor this\necho b \\\n  c"), ("a\nb c\n", "", 0))


class BuiltinTest(unittest.TestCase):
    def test_echo_differs_between_dash_and_bash(self):
        self.assertEqual(sh(r"echo -e 'a\tb'; echo 'c\td'; echo -n x; echo"), ("-e a\tb\nc\td\nx\n", "", 0))
        self.assertEqual(bash(r"echo -e 'a\tb'; echo 'c\td'"), ("a\tb\nc\\td\n", "", 0))

    def test_printf(self):
        self.assertEqual(sh(r"printf '%s=%d|%5.2f|%-3s|%x\n' a 3 2.5 b 255 c"),
                         ("a=3| 2.50|b  |ff\nc=0| 0.00|   |0\n", "", 0))
        self.assertEqual(sh("printf '%d\\n' x"),
                         ("0\n", "/bin/sh: 1: printf: x: expected numeric value\n", 1))
        self.assertEqual(bash("printf '%d\\n' x"),
                         ("0\n", "bash: line 1: printf: x: invalid number\n", 1))

    def test_cd_pwd_and_exit(self):
        self.assertEqual(sh("cd /tmp && pwd; cd; pwd; cd -; cd /nowhere"),
                         ("/tmp\n/home/learner\n/tmp\n", "/bin/sh: 1: cd: can't cd to /nowhere\n", 2))
        self.assertEqual(sh("exit x"), ("", "/bin/sh: 1: exit: Illegal number: x\n", 2))
        self.assertEqual(bash("exit x"), ("", "bash: line 1: exit: x: numeric argument required\n", 2))

    def test_test_and_read(self):
        self.assertEqual(sh("[ -f notes.txt ] && echo file; test -d /tmp && echo dir; [ 3 -gt 10 ]; echo $?; "
                            "[ a = a ] && [ -n x ] && [ -z '' ] && echo strings"),
                         ("file\ndir\n1\nstrings\n", "", 0))
        self.assertEqual(sh("printf 'first line\\nsecond\\n' | { read a b; read c; echo \"$b|$a|$c\"; }"),
                         ("line|first|second\n", "", 0))


if __name__ == "__main__":
    unittest.main()
