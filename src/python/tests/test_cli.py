"""``python3 -m awaitable``: output format, JSON, exit status, and -m MODULE."""

import contextlib
import io
import json
import os
import subprocess
import sys
import tempfile
import textwrap
import unittest

from awaitable import __main__ as command

_PACKAGE_ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


@unittest.skipUnless(sys.platform not in ("emscripten", "wasi"), "needs subprocesses")
class CommandTest(unittest.TestCase):
    def setUp(self):
        self.directory = tempfile.TemporaryDirectory()
        self.addCleanup(self.directory.cleanup)

    def write(self, name, source):
        path = os.path.join(self.directory.name, name)
        with open(path, "w", encoding="utf-8") as handle:
            handle.write(textwrap.dedent(source))
        return path

    def awaitable(self, *args):
        env = dict(os.environ, PYTHONPATH=_PACKAGE_ROOT)
        return subprocess.run([sys.executable, "-m", "awaitable", *args], capture_output=True,
                              text=True, cwd=self.directory.name, env=env, timeout=60)

    def test_output_is_printed_with_virtual_timestamps(self):
        path = self.write("hello.py", """
            import asyncio, sys
            async def main():
                print("hello")
                await asyncio.sleep(1.5)
                print("oops", file=sys.stderr)
                print("world")
            asyncio.run(main())
        """)
        completed = self.awaitable(path)
        self.assertEqual(completed.returncode, 0)
        self.assertEqual(completed.stdout.splitlines(), [
            "[   0.000s]  hello", "[   1.500s]! oops", "[   1.500s]  world",
            "-- virtual time at the end: 1.5s"])

    def test_json_output(self):
        path = self.write("tasks.py", """
            import asyncio
            async def main():
                await asyncio.gather(asyncio.sleep(1), asyncio.sleep(2))
                print("done")
            asyncio.run(main())
        """)
        completed = self.awaitable("--json", path)
        self.assertEqual(completed.returncode, 0)
        data = json.loads(completed.stdout)
        self.assertLessEqual({"stdout", "virtual_time", "error", "tasks"}, set(data))
        self.assertEqual(data["stdout"], [{"t": 2, "text": "done", "stream": "stdout"}])
        self.assertEqual(data["virtual_time"], 2)
        self.assertIsNone(data["error"])
        self.assertEqual([task["name"] for task in data["tasks"]], ["Task-1", "Task-2", "Task-3"])

    def test_an_error_exits_with_1_and_names_type_message_and_line(self):
        path = self.write("broken.py", """
            import asyncio
            async def main():
                await asyncio.sleep(1)
                raise KeyError("missing")
            asyncio.run(main())
        """)
        completed = self.awaitable(path)
        self.assertEqual(completed.returncode, 1)
        self.assertIn("KeyError: 'missing'", completed.stdout)
        error = json.loads(self.awaitable("--json", path).stdout)["error"]
        self.assertEqual((error["type"], error["message"], error["line"]),
                         ("KeyError", "'missing'", 5))

    def test_a_stopped_program_exits_with_1_and_says_why(self):
        path = self.write("stuck.py", """
            import asyncio
            async def main():
                await asyncio.Event().wait()
            asyncio.run(main())
        """)
        completed = self.awaitable(path)
        self.assertEqual(completed.returncode, 1)
        lines = completed.stdout.splitlines()
        self.assertTrue(lines[0].startswith("Stopped: no task can make progress"), lines)
        self.assertEqual(lines[1], "  task 'Task-1' waits on Event.wait() (line 4)")
        self.assertTrue(lines[2].startswith("Hint: "), lines)

    def test_sys_exit_status_and_arguments(self):
        path = self.write("args.py", """
            import sys
            print(sys.argv)
            sys.exit(len(sys.argv) - 1)
        """)
        completed = self.awaitable("--json", path, "one", "--two")
        self.assertEqual(completed.returncode, 1)
        data = json.loads(completed.stdout)
        self.assertEqual(data["stdout"][0]["text"], "['args.py', 'one', '--two']")
        self.assertEqual(data["exit_status"], 2)
        self.assertEqual(self.awaitable(path).returncode, 0)

    def test_bad_usage_exits_with_2(self):
        for args in ([], ["no-such-file.py"], ["--bogus", "x.py"], ["-m", "no_such_module_here"]):
            with self.subTest(args=args):
                stdout, stderr = io.StringIO(), io.StringIO()
                with contextlib.redirect_stdout(stdout), contextlib.redirect_stderr(stderr):
                    status = command.main(args)
                self.assertEqual(status, 2)
                self.assertIn("awaitable:", stderr.getvalue())
                self.assertEqual(stdout.getvalue(), "")
        with contextlib.redirect_stdout(io.StringIO()) as stdout:
            self.assertEqual(command.main(["--help"]), 0)
        self.assertIn("-m MODULE", stdout.getvalue())

    def test_a_unittest_suite_runs_inside_the_sandbox(self):
        self.write("test_clock.py", """
            import asyncio, time, unittest

            class ClockTest(unittest.IsolatedAsyncioTestCase):
                async def test_an_hour_passes_at_once(self):
                    start = time.monotonic()
                    await asyncio.sleep(3600)
                    self.assertEqual(time.monotonic() - start, 3600)

                async def test_failing(self):
                    self.assertEqual(1, 2)
        """)
        completed = self.awaitable("--json", "-m", "unittest", "-v", "test_clock")
        self.assertEqual(completed.returncode, 1)
        data = json.loads(completed.stdout)
        stderr = [line["text"] for line in data["stderr"]]
        self.assertIn("test_an_hour_passes_at_once (test_clock.ClockTest.test_an_hour_passes_at_once)"
                      " ... ok", stderr)
        self.assertIn("FAILED (failures=1)", stderr)
        self.assertEqual(data["virtual_time"], 3600)
        self.assertEqual(data["exit_status"], 1)


if __name__ == "__main__":
    unittest.main()
