"""asyncio's subprocess API on the sandbox's simulated processes.

What a learner's program sees through ``create_subprocess_exec/shell``:
streams, exit statuses, signals, timing on the virtual clock, and what the
run's trace records. Expected values are what CPython 3.11 does on Debian
with the real programs (see also the ``subprocess_*`` differential programs).
"""

import asyncio
import textwrap
import unittest
from asyncio import subprocess

from awaitable import Sandbox, run_program


def run(source, prepare=None):
    return run_program(textwrap.dedent(source), prepare=prepare)


def stdout(result):
    return [line.text for line in result.trace.output if line.stream == "stdout"]


def stderr(result):
    return [line.text for line in result.trace.output if line.stream == "stderr"]


def timed(result):
    return [(round(line.t, 6), line.text) for line in result.trace.output if line.stream == "stdout"]


class CommunicateTest(unittest.TestCase):
    def test_exec_with_pipes_gives_output_and_status(self):
        result = run("""
            import asyncio
            from asyncio.subprocess import PIPE

            async def main():
                proc = await asyncio.create_subprocess_exec("echo", "hello", "world", stdout=PIPE, stderr=PIPE)
                print(proc.returncode)
                print(await proc.communicate(), proc.returncode)
                proc = await asyncio.create_subprocess_exec("false")
                print(await proc.wait(), proc.returncode)

            asyncio.run(main())
        """)
        self.assertIsNone(result.error)
        self.assertEqual(stdout(result), ["None", "(b'hello world\\n', b'') 0", "1 1"])

    def test_communicate_feeds_input_and_closes_stdin(self):
        result = run("""
            import asyncio
            from asyncio.subprocess import PIPE

            async def main():
                proc = await asyncio.create_subprocess_exec("sort", "-r", stdin=PIPE, stdout=PIPE)
                print(await proc.communicate(b"a\\nc\\nb\\n"))
                proc = await asyncio.create_subprocess_exec("wc", "-c", stdin=PIPE, stdout=PIPE)
                print(await proc.communicate(b"x" * 300000))
                proc = await asyncio.create_subprocess_exec("true", stdin=PIPE)
                print(await proc.communicate(b"nobody reads this" * 10000), proc.returncode)

            asyncio.run(main())
        """)
        self.assertIsNone(result.error)
        self.assertEqual(stdout(result), ["(b'c\\nb\\na\\n', None)", "(b'300000\\n', None)", "(None, None) 0"])

    def test_stderr_can_be_merged_discarded_or_inherited(self):
        result = run("""
            import asyncio
            from asyncio.subprocess import DEVNULL, PIPE, STDOUT

            SCRIPT = "echo out; echo err >&2"

            async def main():
                for options in (dict(stdout=PIPE, stderr=STDOUT), dict(stdout=DEVNULL, stderr=PIPE),
                                dict(stdout=PIPE)):
                    proc = await asyncio.create_subprocess_shell(SCRIPT, **options)
                    print(await proc.communicate())

            asyncio.run(main())
        """)
        self.assertIsNone(result.error)
        self.assertEqual(stdout(result), ["(b'out\\nerr\\n', None)", "(None, b'err\\n')", "(b'out\\n', None)"])
        # The last child's stderr is the program's own.
        self.assertEqual(stderr(result), ["err"])

    def test_inherited_stdout_appears_in_the_run_output_when_written(self):
        result = run("""
            import asyncio

            async def main():
                print("before")
                proc = await asyncio.create_subprocess_shell("echo one; sleep 2; echo two")
                await proc.wait()
                print("after")

            asyncio.run(main())
        """)
        self.assertEqual(timed(result), [(0, "before"), (0, "one"), (2, "two"), (2, "after")])


class StreamingTest(unittest.TestCase):
    def test_readline_sees_each_line_at_the_time_it_is_written(self):
        result = run("""
            import asyncio
            from asyncio.subprocess import PIPE

            async def main():
                proc = await asyncio.create_subprocess_shell("echo a; sleep 1; echo b", stdout=PIPE)
                while line := await proc.stdout.readline():
                    print(line)
                print("status", await proc.wait())

            asyncio.run(main())
        """)
        self.assertEqual(timed(result), [(0, "b'a\\n'"), (1, "b'b\\n'"), (1, "status 0")])

    def test_async_for_and_read(self):
        result = run("""
            import asyncio
            from asyncio.subprocess import PIPE

            async def main():
                proc = await asyncio.create_subprocess_exec("seq", "3", stdout=PIPE)
                print([line async for line in proc.stdout])
                proc = await asyncio.create_subprocess_exec("printf", "x\\ny", stdout=PIPE)
                print(await proc.stdout.read())
                await proc.wait()

            asyncio.run(main())
        """)
        self.assertEqual(stdout(result), ["[b'1\\n', b'2\\n', b'3\\n']", "b'x\\ny'"])

    def test_a_cat_child_echoes_each_line_back(self):
        result = run("""
            import asyncio
            from asyncio.subprocess import PIPE

            async def main():
                cat = await asyncio.create_subprocess_exec("cat", stdin=PIPE, stdout=PIPE)
                for word in (b"ping", b"pong"):
                    cat.stdin.write(word + b"\\n")
                    await cat.stdin.drain()
                    print(await cat.stdout.readline())
                cat.stdin.close()
                print(await cat.stdout.read(), await cat.wait())

            asyncio.run(main())
        """)
        self.assertEqual(stdout(result), ["b'ping\\n'", "b'pong\\n'", "b'' 0"])

    def test_a_child_that_never_reads_leaves_drain_waiting_for_the_pipe(self):
        result = run("""
            import asyncio
            from asyncio.subprocess import PIPE

            async def main():
                proc = await asyncio.create_subprocess_exec("sleep", "3", stdin=PIPE)
                proc.stdin.write(b"x" * 200000)
                print(proc.stdin.transport.get_write_buffer_size())
                try:
                    await asyncio.wait_for(proc.stdin.drain(), 1)
                except asyncio.TimeoutError:
                    print("drain still waiting")
                print("exit", await proc.wait())
                try:
                    await proc.stdin.drain()
                except ConnectionResetError as error:
                    print(type(error).__name__, error)

            asyncio.run(main())
        """)
        self.assertIsNone(result.error)
        # 64 KiB fit in the pipe, the rest waits in the transport.
        self.assertEqual(stdout(result), ["134464", "drain still waiting", "exit 0",
                                          "ConnectionResetError Connection lost"])

    def test_yes_is_paced_and_stops_when_killed(self):
        result = run("""
            import asyncio
            from asyncio.subprocess import PIPE

            async def main():
                proc = await asyncio.create_subprocess_exec("yes", stdout=PIPE)
                print([await proc.stdout.readline() for _ in range(2)])
                await asyncio.sleep(5)
                proc.kill()
                # What it wrote before it died is still there to read; until
                # it is read, the transport cannot see the end of the pipe.
                print(len(await proc.stdout.read()) > 65536, await proc.wait())

            asyncio.run(main())
        """)
        self.assertIsNone(result.stopped)
        self.assertEqual(stdout(result), ["[b'y\\n', b'y\\n']", "True -9"])
        # Left unread, yes fills the pipe and the reader's buffer, then waits
        # for the reader: it does not spin for the five seconds.
        self.assertEqual(result.virtual_time, 5)


class SignalTest(unittest.TestCase):
    def test_kill_terminate_and_send_signal_give_negative_statuses(self):
        result = run("""
            import asyncio, signal

            async def main():
                for action in ("kill", "terminate", "interrupt"):
                    proc = await asyncio.create_subprocess_exec("sleep", "10")
                    if action == "interrupt":
                        proc.send_signal(signal.SIGINT)
                    else:
                        getattr(proc, action)()
                    print(action, proc.returncode, await proc.wait())

            asyncio.run(main())
        """)
        self.assertEqual(stdout(result), ["kill None -9", "terminate None -15", "interrupt None -2"])
        self.assertEqual(result.virtual_time, 0)

    def test_killing_a_child_gives_its_reader_end_of_file(self):
        result = run("""
            import asyncio
            from asyncio.subprocess import PIPE

            async def main():
                proc = await asyncio.create_subprocess_exec(
                    "sh", "-c", "echo ready; exec sleep 10", stdout=PIPE)
                print(await proc.stdout.readline())
                await asyncio.sleep(1)
                proc.kill()
                print(await proc.stdout.read(), await proc.wait())

            asyncio.run(main())
        """)
        self.assertEqual(timed(result), [(0, "b'ready\\n'"), (1, "b'' -9")])

    def test_killing_the_shell_leaves_its_child_holding_the_pipe(self):
        result = run("""
            import asyncio
            from asyncio.subprocess import PIPE

            async def main():
                proc = await asyncio.create_subprocess_shell("echo a; sleep 3; echo b", stdout=PIPE)
                print(await proc.stdout.readline())
                proc.kill()
                print(await proc.wait())
                print(await proc.stdout.read())

            asyncio.run(main())
        """)
        # sleep is the shell's child: it keeps the pipe open until it ends.
        self.assertEqual(timed(result), [(0, "b'a\\n'"), (3, "-9"), (3, "b''")])
        sleep = result.trace.processes[1]
        self.assertEqual((sleep.args, sleep.ended, sleep.returncode), (["sleep", "3"], 3, 0))

    def test_signalling_a_finished_process(self):
        result = run("""
            import asyncio
            from asyncio.subprocess import PIPE

            async def main():
                proc = await asyncio.create_subprocess_exec("sh", "-c", "sleep 3 & echo x", stdout=PIPE)
                await asyncio.sleep(1)
                print(proc.returncode)
                proc.kill()
                print(await proc.stdout.read(), await proc.wait())
                try:
                    proc.terminate()
                except ProcessLookupError as error:
                    print(repr(error))
                proc = await asyncio.create_subprocess_exec("echo", "y", stdout=PIPE)
                await asyncio.sleep(1)
                try:
                    proc.kill()
                except ProcessLookupError as error:
                    print("unread but finished:", repr(error))

            asyncio.run(main())
        """)
        # The shell has exited, but its background child still holds the
        # pipe, so the transport is not finished: a signal is a no-op. Once
        # it is finished (wait() returned, or all output is in the reader's
        # buffer), asyncio refuses to signal the pid.
        self.assertEqual(timed(result), [(1, "0"), (3, "b'x\\n' 0"), (3, "ProcessLookupError()"),
                                         (4, "unread but finished: ProcessLookupError()")])

    def test_a_timeout_then_kill(self):
        result = run("""
            import asyncio
            from asyncio.subprocess import PIPE

            async def main():
                proc = await asyncio.create_subprocess_exec("sleep", "60", stdout=PIPE)
                try:
                    await asyncio.wait_for(proc.communicate(), timeout=2)
                except asyncio.TimeoutError:
                    proc.kill()
                    print("timed out", await proc.wait())

            asyncio.run(main())
        """)
        self.assertEqual(timed(result), [(2, "timed out -9")])

    def test_invalid_signal_number(self):
        result = run("""
            import asyncio

            async def main():
                proc = await asyncio.create_subprocess_exec("sleep", "1")
                try:
                    proc.send_signal(99)
                except OSError as error:
                    print(repr(error))
                await proc.wait()

            asyncio.run(main())
        """)
        self.assertEqual(stdout(result), ["OSError(22, 'Invalid argument')"])


class StartingTest(unittest.TestCase):
    def test_unknown_programs_raise_like_popen(self):
        result = run("""
            import asyncio

            async def main():
                for program in ("nonexistent", "./nope", "/tmp", "/etc/hostname"):
                    try:
                        await asyncio.create_subprocess_exec(program)
                    except OSError as error:
                        print(repr(error), error.filename)

            asyncio.run(main())
        """)
        self.assertEqual(stdout(result), [
            "FileNotFoundError(2, 'No such file or directory') nonexistent",
            "FileNotFoundError(2, 'No such file or directory') ./nope",
            "PermissionError(13, 'Permission denied') /tmp",
            "PermissionError(13, 'Permission denied') /etc/hostname",
        ])
        self.assertEqual(result.trace.processes, [])

    def test_pids_increase_and_processes_are_not_tasks(self):
        result = run("""
            import asyncio

            async def main():
                first = await asyncio.create_subprocess_exec("sleep", "1")
                second = await asyncio.create_subprocess_shell("sleep 1")
                print(second.pid > first.pid > 1)
                print(len(asyncio.all_tasks()))
                await first.wait()
                await second.wait()
                print(asyncio.create_task(asyncio.sleep(0)).get_name())

            asyncio.run(main())
        """)
        # Like CPython, each process start took one task name (the pipes'
        # connection), and the processes themselves are no tasks.
        self.assertEqual(stdout(result), ["True", "1", "Task-4"])

    def test_unsupported_standard_streams_are_refused_clearly(self):
        result = run("""
            import asyncio, io

            async def main():
                await asyncio.create_subprocess_exec("echo", stdout=io.StringIO())

            asyncio.run(main())
        """)
        self.assertEqual(result.error["type"], "ValueError")
        self.assertIn("use PIPE, DEVNULL, None", result.error["message"])

    def test_sys_stdout_counts_as_the_inherited_output(self):
        result = run("""
            import asyncio, sys

            async def main():
                proc = await asyncio.create_subprocess_exec("echo", "via sys.stdout", stdout=sys.stdout)
                await proc.wait()

            asyncio.run(main())
        """)
        self.assertEqual(stdout(result), ["via sys.stdout"])

    def test_popen_options_reach_the_process(self):
        # What the event loop passes on from `create_subprocess_*(..., **kwds)`.
        with Sandbox() as sandbox:
            async def start(**options):
                loop = asyncio.get_running_loop()
                protocol = subprocess.SubprocessStreamProtocol(limit=2 ** 16, loop=loop)
                try:
                    transport = await sandbox.processes.make_transport(
                        loop, protocol, "pwd; echo $GREETING", True, None, subprocess.PIPE, None,
                        **options)
                except (OSError, TypeError) as error:
                    return repr(error)
                return await subprocess.Process(transport, protocol, loop).communicate()

            async def main():
                return [await start(cwd="/tmp", env={"GREETING": "hi", "PATH": "/usr/bin"}),
                        await start(cwd="/nowhere"), await start(start_new_session=True),
                        await start(colour=True)]

            results = asyncio.run(main())
        self.assertEqual(results, [
            (b"/tmp\nhi\n", None),
            "FileNotFoundError(2, 'No such file or directory')",
            (b"/home/learner\n\n", None),
            "TypeError(\"Popen.__init__() got an unexpected keyword argument 'colour'\")",
        ])

    def test_asyncio_run_ends_cleanly_with_processes_still_running(self):
        result = run("""
            import asyncio
            from asyncio.subprocess import PIPE

            async def main():
                await asyncio.create_subprocess_exec("sleep", "100", stdin=PIPE, stdout=PIPE)
                proc = await asyncio.create_subprocess_shell("echo hi; sleep 100", stdout=PIPE)
                print(await proc.stdout.readline())

            asyncio.run(main())
            asyncio.run(main())
            print("done")
        """)
        self.assertIsNone(result.error)
        self.assertIsNone(result.stopped)
        self.assertEqual(stdout(result), ["b'hi\\n'", "b'hi\\n'", "done"])
        self.assertEqual(stderr(result), [])
        self.assertEqual(result.virtual_time, 0)

    def test_waiting_on_a_process_that_never_ends_is_a_deadlock(self):
        result = run("""
            import asyncio

            async def main():
                proc = await asyncio.create_subprocess_exec("server")
                await proc.wait()

            asyncio.run(main())
        """, prepare=lambda sandbox: sandbox.processes.register_command("server", hang=True))
        self.assertEqual(result.stopped.kind, "deadlock")


class FixtureTest(unittest.TestCase):
    def test_declarative_command(self):
        def prepare(sandbox):
            sandbox.processes.register_command("build", output="built\n", delay=2.0, exit_code=3,
                                               stderr="warning: slow\n")

        result = run("""
            import asyncio
            from asyncio.subprocess import PIPE

            async def main():
                proc = await asyncio.create_subprocess_exec("build", stdout=PIPE, stderr=PIPE)
                print(await proc.communicate(), proc.returncode)

            asyncio.run(main())
        """, prepare)
        self.assertEqual(timed(result), [(2, "(b'built\\n', b'warning: slow\\n') 3")])

    def test_handler_command_streams_and_reads_its_input(self):
        def prepare(sandbox):
            async def shout(ctx):
                async for line in ctx.stdin:
                    await ctx.sleep(1)
                    await ctx.stdout.write(line.upper())
                await ctx.stderr.write(f"{ctx.name} {ctx.args} in {ctx.cwd}\n")
                return 5

            sandbox.processes.register_command("shout", shout)

        result = run("""
            import asyncio
            from asyncio.subprocess import PIPE

            async def main():
                proc = await asyncio.create_subprocess_exec("shout", "-v", stdin=PIPE, stdout=PIPE, stderr=PIPE)
                proc.stdin.write(b"one\\ntwo\\n")
                proc.stdin.close()
                print(await proc.stdout.readline())
                print(await proc.stdout.readline())
                print(await proc.stderr.read(), await proc.wait())

            asyncio.run(main())
        """, prepare)
        self.assertEqual(timed(result), [
            (1, "b'ONE\\n'"), (2, "b'TWO\\n'"), (2, "b\"shout ['-v'] in /home/learner\\n\" 5")])

    def test_a_hanging_command_runs_until_killed(self):
        def prepare(sandbox):
            sandbox.processes.register_command("server", output="listening\n", hang=True)

        result = run("""
            import asyncio
            from asyncio.subprocess import PIPE

            async def main():
                proc = await asyncio.create_subprocess_exec("server", stdout=PIPE)
                print(await proc.stdout.readline())
                try:
                    await asyncio.wait_for(proc.wait(), timeout=5)
                except asyncio.TimeoutError:
                    proc.terminate()
                print(await proc.wait())

            asyncio.run(main())
        """, prepare)
        self.assertEqual(timed(result), [(0, "b'listening\\n'"), (5, "-15")])

    def test_a_command_can_catch_sigterm_to_clean_up(self):
        def prepare(sandbox):
            from awaitable.processes import Signalled

            async def worker(ctx):
                try:
                    await ctx.hang()
                except Signalled as signal:
                    await ctx.sleep(0.5)
                    await ctx.stdout.write(f"cleaned up after signal {signal.signal}\n")
                    return 0

            sandbox.processes.register_command("worker", worker)

        result = run("""
            import asyncio
            from asyncio.subprocess import PIPE

            async def main():
                proc = await asyncio.create_subprocess_exec("worker", stdout=PIPE)
                await asyncio.sleep(1)
                proc.terminate()
                print(await proc.communicate(), proc.returncode)
                proc = await asyncio.create_subprocess_exec("worker", stdout=PIPE)
                proc.kill()
                print(await proc.communicate(), proc.returncode)

            asyncio.run(main())
        """, prepare)
        self.assertEqual(timed(result), [(1.5, "(b'cleaned up after signal 15\\n', None) 0"),
                                         (1.5, "(b'', None) -9")])

    def test_a_failing_handler_prints_a_traceback_and_exits_1(self):
        def prepare(sandbox):
            def broken(ctx):
                raise RuntimeError("the fixture broke")

            sandbox.processes.register_command("broken", broken)
            sandbox.processes.register_command("quits", lambda ctx: exit(4))

        result = run("""
            import asyncio
            from asyncio.subprocess import PIPE

            async def main():
                for name in ("broken", "quits"):
                    proc = await asyncio.create_subprocess_exec(name, stderr=PIPE)
                    _, err = await proc.communicate()
                    print(err.decode().splitlines()[-1:], proc.returncode)

            asyncio.run(main())
        """, prepare)
        self.assertEqual(stdout(result), ["['RuntimeError: the fixture broke'] 1", "[] 4"])

    def test_register_command_takes_a_handler_or_options(self):
        def prepare(sandbox):
            with self.assertRaises(TypeError):
                sandbox.processes.register_command("x", lambda ctx: 0, output="y")

        self.assertIsNone(run("pass", prepare).error)

    def test_files_written_by_a_fixture_and_by_commands(self):
        def prepare(sandbox):
            sandbox.processes.files.write("data/input.txt", "3\n1\n2\n")
            sandbox.processes.files.write("run.sh", "#!/bin/sh\nsort -n data/input.txt > sorted.txt\n",
                                          executable=True)

        result = run("""
            import asyncio

            async def main():
                proc = await asyncio.create_subprocess_exec("./run.sh")
                print(await proc.wait())

            asyncio.run(main())
        """, prepare)
        self.assertEqual(stdout(result), ["0"])
        self.assertEqual(result.sandbox.processes.files.read("sorted.txt"), "1\n2\n3\n")
        self.assertEqual(result.sandbox.processes.files.read("/home/learner/sorted.txt"), "1\n2\n3\n")


class TraceTest(unittest.TestCase):
    def test_each_process_is_recorded_with_its_times_and_status(self):
        result = run("""
            import asyncio

            async def main():
                await asyncio.sleep(1)
                proc = await asyncio.create_subprocess_shell("sleep 2 | cat; exit 4")
                await proc.wait()
                proc = await asyncio.create_subprocess_exec("sleep", "5")
                await asyncio.sleep(1)
                proc.kill()
                await proc.wait()

            asyncio.run(main())
        """)
        records = [(p.args, p.parent is not None, p.started, p.ended, p.returncode)
                   for p in result.trace.processes]
        self.assertEqual(records, [
            (["/bin/sh", "-c", "sleep 2 | cat; exit 4"], False, 1, 3, 4),
            (["sleep", "2"], True, 1, 3, 0),
            (["cat"], True, 1, 3, 0),
            (["sleep", "5"], False, 3, 4, -9),
        ])
        shell = result.trace.processes[0]
        self.assertEqual(result.trace.processes[1].parent, shell.pid)
        self.assertEqual(result.to_json()["processes"][3],
                         {"pid": shell.pid + 3, "args": ["sleep", "5"], "started": 3, "parent": None,
                          "ended": 4, "returncode": -9})


if __name__ == "__main__":
    unittest.main()
