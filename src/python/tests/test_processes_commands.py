"""The built-in programs: GNU coreutils' output, messages and exit statuses.

Every row of ``GNU_CASES`` was checked against coreutils 9.1 and grep 3.8
on Debian (LANG=C.UTF-8, TZ=UTC); the other tests cover what depends on the
simulated machine: its files, its clock and its pipes.
"""

import textwrap
import unittest

from awaitable import run_program

_PROGRAM = """
import asyncio
from asyncio.subprocess import PIPE

async def main():
    results = []
    for argv, data in CASES:
        proc = await asyncio.create_subprocess_exec(*argv, stdin=PIPE, stdout=PIPE, stderr=PIPE)
        out, err = await proc.communicate(data)
        results.append((out.decode(), err.decode(), proc.returncode))
    return results

result = asyncio.run(main())
"""


def run_all(cases, prepare=None):
    """Run each ``(argv, stdin data)`` in one program; their (stdout, stderr, status)."""
    result = run_program(f"CASES = {cases!r}\n" + _PROGRAM, prepare=prepare)
    if result.error or result.stopped:
        raise AssertionError(result.error or result.stopped.message)
    return result.namespace["result"]


def sh(command, prepare=None):
    return run_all([(["sh", "-c", command], None)], prepare)[0]


GNU_CASES = [
    (['echo', '-e', 'a\\tb\\101\\x41\\c', 'more'], None, ('a\tbAA', '', 0)),
    (['echo', '-n', 'a', 'b'], None, ('a b', '', 0)),
    (['printf', '%s|%5s|%-5s|%.2s\\n', 'a', 'b', 'c', 'defg'], None, ('a|    b|c    |de\n', '', 0)),
    (['printf', '%d %i %u %x %X %o %#x %+d % d %05d\\n',
      '1', '-2', '-1', '255', '255', '8', '255', '5', '5', '42'],
     None, ('1 -2 18446744073709551615 ff FF 10 0xff +5  5 00042\n', '', 0)),
    (['printf', '%f %.1f %e %E %g %G %10.3f|\\n',
      '1.5', '2.25', '1234.5', '0.001', '0.0001', '1e20', '3.14159'],
     None, ('1.500000 2.2 1.234500e+03 1.000000E-03 0.0001 1E+20      3.142|\n', '', 0)),
    (['printf', '%d\\n', '3x'], None, ('3\n', 'printf: ‘3x’: value not completely converted\n', 1)),
    (['printf', 'a\\n', 'extra'], None,
     ('a\n', 'printf: warning: ignoring excess arguments, starting with ‘extra’\n', 0)),
    (['printf', '%q\\n', "a b'c"], None, ('"a b\'c"\n', '', 0)),
    (['sleep', 'x'], None,
     ('', "sleep: invalid time interval ‘x’\nTry 'sleep --help' for more information.\n", 1)),
    (['sleep', '-1'], None,
     ('', "sleep: invalid option -- '1'\nTry 'sleep --help' for more information.\n", 1)),
    (['cat', '-n'], b'a\n\nb\n', ('     1\ta\n     2\t\n     3\tb\n', '', 0)),
    (['cat', '-b'], b'a\n\nb\n', ('     1\ta\n\n     2\tb\n', '', 0)),
    (['wc'], b'hello world\nfoo\n', ('      2       3      16\n', '', 0)),
    (['wc', '-l'], b'a\nb\n', ('2\n', '', 0)),
    (['wc', '-m'], 'héllo\n'.encode(), ('6\n', '', 0)),
    (['wc', '-', '-'], b'a b\n',
     ('      1       2       4 -\n      0       0       0 -\n      1       2       4 total\n', '', 0)),
    (['head', '-2'], b'1\n2\n3\n', ('1\n2\n', '', 0)),
    (['head', '-n', '-1'], b'1\n2\n3\n', ('1\n2\n', '', 0)),
    (['head', '-n', 'x'], b'', ('', 'head: invalid number of lines: ‘x’\n', 1)),
    (['tail', '-1'], b'1\n2\n3', ('3', '', 0)),
    (['tail', '-n', '+2'], b'1\n2\n3\n', ('2\n3\n', '', 0)),
    (['grep', '-n', 'b'], b'abc\nxyz\nb\n', ('1:abc\n3:b\n', '', 0)),
    (['grep', '-v', '-c', 'b'], b'abc\nxyz\nb\n', ('1\n', '', 0)),
    (['grep', '-i', 'B'], b'abc\nxyz\n', ('abc\n', '', 0)),
    (['grep', 'z'], b'abc\n', ('', '', 1)),
    (['grep', '-o', '[0-9]\\+'], b'a1b22\nc333\n', ('1\n22\n333\n', '', 0)),
    (['grep', '-E', '(ab|cd)+$'], b'abcd\nxab\nabx\n', ('abcd\nxab\n', '', 0)),
    (['grep', 'a\\|x'], b'abc\nxyz\nq\n', ('abc\nxyz\n', '', 0)),
    (['grep', '\\('], b'x\n', ('', 'grep: Unmatched ( or \\(\n', 2)),
    (['grep', '*a'], b'*a\na\n', ('*a\n', '', 0)),
    (['grep', '\\<is\\>'], b'this is\nthis\n', ('this is\n', '', 0)),
    (['sort'], b'b\na\nB\n_\n1\n', ('1\nB\n_\na\nb\n', '', 0)),
    (['sort', '-r', '-u'], b'b\na\nb\n', ('b\na\n', '', 0)),
    (['sort', '-n'], b'10\n9\n-1\nx\n2.5\n', ('-1\nx\n2.5\n9\n10\n', '', 0)),
    (['sort', '-nu'], b'1\n01\n2\n', ('1\n2\n', '', 0)),
    (['sort', '-k2,2n'], b'a 10\nb 9\nc 100\n', ('b 9\na 10\nc 100\n', '', 0)),
    (['sort', '-t', ':', '-k2'], b'a:z\nb:y\n', ('b:y\na:z\n', '', 0)),
    (['seq', '5', '-2', '0'], None, ('5\n3\n1\n', '', 0)),
    (['seq', '0.5', '0.25', '1.5'], None, ('0.50\n0.75\n1.00\n1.25\n1.50\n', '', 0)),
    (['seq', '-w', '1', '10'], None, ('01\n02\n03\n04\n05\n06\n07\n08\n09\n10\n', '', 0)),
    (['seq', '-s', ' ', '3'], None, ('1 2 3\n', '', 0)),
    (['seq', '1', '0', '2'], None,
     ('', "seq: invalid Zero increment value: ‘0’\nTry 'seq --help' for more information.\n", 1)),
    (['uniq', '-c'], b'a\na\nb\n', ('      2 a\n      1 b\n', '', 0)),
    (['tr', '-cd', '[:alnum:]\\n'], b'a-b c!\n', ('abc\n', '', 0)),
    (['tr', 'abc', 'x'], b'aabbcc\n', ('xxxxxx\n', '', 0)),
    (['cut', '-d', ':', '-f', '1,3'], b'a:b:c:d\n', ('a:c\n', '', 0)),
    (['date', '-u', '-d', '@1736154000.5', '+%s %N %3N %-d %_m %e %j %Z %z %:z %P %p %A %B %h %c|%x|%X|%D|%F'
      '|%T|%R|%r|%u|%w|%U|%V|%G|%C|%y|%k|%l|%I|%^a|%#Z|%10A|%-H|%q'], None,
     ('1736154000 500000000 500 6  1  6 006 UTC +0000 +00:00 am AM Monday January Jan Mon Jan  6 09:00:00 '
      '2025|01/06/25|09:00:00|01/06/25|2025-01-06|09:00:00|09:00|09:00:00 AM|1|1|01|02|2025|20|25| 9| 9|09'
      '|MON|utc|    Monday|9|1\n', '', 0)),
    (['date', '-u', '-d', '@1736154000', '-R'], None, ('Mon, 06 Jan 2025 09:00:00 +0000\n', '', 0)),
    (['date', '-u', '-d', '@1736154000', '-Iseconds'], None, ('2025-01-06T09:00:00+00:00\n', '', 0)),
    (['date', '-d', 'nonsense'], None, ('', 'date: invalid date ‘nonsense’\n', 1)),
]


class GnuOutputTest(unittest.TestCase):
    def test_each_command_prints_what_gnu_prints(self):
        results = run_all([(argv, data) for argv, data, _ in GNU_CASES])
        for (argv, data, expected), got in zip(GNU_CASES, results):
            with self.subTest(argv=argv):
                self.assertEqual(got, expected)


def _files(sandbox):
    files = sandbox.processes.files
    files.write("w/a.txt", "one two\nthree\n", mtime=files_time(-86400))
    files.write("w/b.txt", "x\ny\nz\n", mtime=files_time(-400 * 86400))
    files.write("w/dir/c.txt", "deep\n", mtime=files_time(0))


def files_time(offset):
    # 2025-01-06 09:00:00 UTC, the virtual clock's t=0, plus `offset` seconds.
    return 1736154000.0 + offset


class FileTest(unittest.TestCase):
    def test_ls_long_format(self):
        out, err, status = sh("cd w; ls -l; ls -la dir; ls -l nofile b.txt", _files)
        self.assertEqual(out, textwrap.dedent("""\
            total 12
            -rw-r--r-- 1 learner learner   14 Jan  5 09:00 a.txt
            -rw-r--r-- 1 learner learner    6 Dec  3  2023 b.txt
            drwxr-xr-x 2 learner learner 4096 Jan  6 09:00 dir
            total 12
            drwxr-xr-x 2 learner learner 4096 Jan  6 09:00 .
            drwxr-xr-x 3 learner learner 4096 Jan  6 09:00 ..
            -rw-r--r-- 1 learner learner    5 Jan  6 09:00 c.txt
            -rw-r--r-- 1 learner learner 6 Dec  3  2023 b.txt
            """))
        self.assertEqual((err, status), ("ls: cannot access 'nofile': No such file or directory\n", 2))

    def test_ls_short_formats(self):
        self.assertEqual(sh("cd w; ls; ls -a dir; ls -t; ls -S -r; ls -d dir b.txt; ls dir a.txt", _files),
                         ("a.txt\nb.txt\ndir\n.\n..\nc.txt\ndir\na.txt\nb.txt\nb.txt\na.txt\ndir\n"
                          "b.txt\ndir\na.txt\n\ndir:\nc.txt\n", "", 0))

    def test_ls_of_the_machine(self):
        out, _, _ = sh("ls -a ~; ls -l /; ls /usr/bin | head -n 3")
        self.assertEqual(out.splitlines()[:6], [".", "..", ".bashrc", ".profile", "notes.txt", "todo.txt"])
        self.assertIn("lrwxrwxrwx 1 root root    7 Dec  4 09:00 bin -> usr/bin", out)
        self.assertIn("drwxrwxrwt 2 root root 4096 Jan  3 09:00 tmp", out)
        self.assertTrue(out.endswith("basename\nbash\ncat\n"))

    def test_wc_and_friends_on_files(self):
        # Columns are as wide as the total size of the files needs.
        self.assertEqual(sh("cd w; wc a.txt b.txt; wc -l a.txt; wc a.txt nofile", _files), (
            " 2  3 14 a.txt\n 3  3  6 b.txt\n 5  6 20 total\n2 a.txt\n 2  3 14 a.txt\n 2  3 14 total\n",
            "wc: nofile: No such file or directory\n", 1))
        self.assertEqual(sh("cd w; head -n 1 a.txt b.txt; tail -n 1 b.txt; cat -n a.txt", _files), (
            "==> a.txt <==\none two\n\n==> b.txt <==\nx\nz\n     1\tone two\n     2\tthree\n", "", 0))
        self.assertEqual(sh("cd w; grep -n e a.txt dir/c.txt; grep -c x a.txt b.txt; grep q nofile", _files), (
            "a.txt:1:one two\na.txt:2:three\ndir/c.txt:1:deep\na.txt:0\nb.txt:1\n",
            "grep: nofile: No such file or directory\n", 2))

    def test_file_tools_change_the_file_system(self):
        def check(sandbox):
            _files(sandbox)

        result = run_program(textwrap.dedent("""
            import asyncio

            async def main():
                await asyncio.sleep(60)
                proc = await asyncio.create_subprocess_shell(
                    "cd w && touch new && mkdir -p x/y && cp a.txt x/y/copy && mv b.txt moved && rm -r dir"
                    " && sort -o sorted moved && echo end >> sorted")
                await proc.wait()

            asyncio.run(main())
        """), prepare=check)
        files = result.sandbox.processes.files
        self.assertEqual(files.listdir("w"), ["a.txt", "moved", "new", "sorted", "x"])
        self.assertEqual(files.read("w/x/y/copy"), "one two\nthree\n")
        self.assertEqual(files.read("w/sorted"), "x\ny\nz\nend\n")
        self.assertEqual(files.stat("w/new").mtime, files_time(60))
        self.assertEqual(files.stat("w/new").size, 0)

    def test_file_tool_errors(self):
        script = "mkdir w; rm w; rm nofile; touch /nodir/x; cp w/a.txt; mkdir /etc/x"
        self.assertEqual(sh(script, _files), ("", (
            "mkdir: cannot create directory ‘w’: File exists\n"
            "rm: cannot remove 'w': Is a directory\n"
            "rm: cannot remove 'nofile': No such file or directory\n"
            "touch: cannot touch '/nodir/x': No such file or directory\n"
            "cp: missing destination file operand after 'w/a.txt'\n"
            "Try 'cp --help' for more information.\n"
            "mkdir: cannot create directory ‘/etc/x’: Permission denied\n"), 1))


class ClockTest(unittest.TestCase):
    def test_date_and_sleep_follow_the_virtual_clock(self):
        result = run_program(textwrap.dedent("""
            import asyncio
            from asyncio.subprocess import PIPE

            async def main():
                proc = await asyncio.create_subprocess_shell(
                    "date; sleep 1.5; date +%T.%3N; sleep 2s 1m; date '+%H:%M:%S'; sleep 0.5h", stdout=PIPE)
                async for line in proc.stdout:
                    print(line.decode().strip())

            asyncio.run(main())
        """))
        self.assertEqual([(line.t, line.text) for line in result.trace.output], [
            (0, "Mon Jan  6 09:00:00 UTC 2025"), (1.5, "09:00:01.500"), (63.5, "09:01:03")])
        self.assertEqual(result.virtual_time, 63.5 + 1800)

    def test_head_closing_its_input_stops_the_writer(self):
        result = run_program(textwrap.dedent("""
            import asyncio
            from asyncio.subprocess import PIPE

            async def main():
                proc = await asyncio.create_subprocess_shell(
                    "yes | head -n 2; seq 1000000 | head -n 1; echo done", stdout=PIPE)
                print(await proc.communicate())

            asyncio.run(main())
        """))
        self.assertEqual([line.text for line in result.trace.output], ["(b'y\\ny\\n1\\ndone\\n', None)"])
        self.assertEqual([(record.args[0], record.returncode) for record in result.trace.processes[1:]],
                         [("yes", -13), ("head", 0), ("seq", -13), ("head", 0)])


if __name__ == "__main__":
    unittest.main()
