"""Runaway programs are stopped with a clear reason, their output kept, the host restored."""

import asyncio
import gc
import signal
import sys
import threading
import time
import unittest

from awaitable import Limits
from awaitable.report import format_run
from tests.sandbox_helpers import run, stdout

_FAST_CPU = Limits(max_cpu_seconds=0.3)


class CpuGuardTest(unittest.TestCase):
    def assertStoppedForCpu(self, result, line):
        self.assertIsNotNone(result.stopped)
        self.assertEqual(result.stopped.kind, "cpu")
        # The line of the loop, or of its body, depending on the version.
        self.assertRegex(result.stopped.message, f"stopped at line ({line}|{line + 1}):")
        self.assertIn("without giving control back to the event loop", result.stopped.message)
        self.assertIsNone(result.error)
        self.assertFalse(result.ok)

    def test_a_busy_loop_at_the_top_level_is_stopped(self):
        # How soon it stops is measured by `npm run bench`, not asserted here.
        result = run("""
            print("before")
            while True:
                pass
        """)
        self.assertStoppedForCpu(result, 3)
        self.assertEqual(stdout(result), ["before"])

    def test_a_busy_loop_inside_a_coroutine(self):
        result = run("""
            import asyncio
            async def main():
                print("spinning")
                while True:
                    pass
            asyncio.run(main())
        """, limits=_FAST_CPU)
        self.assertStoppedForCpu(result, 5)
        self.assertEqual(stdout(result), ["spinning"])

    def test_a_busy_task_while_others_wait_keeps_their_output_and_clean_up(self):
        result = run("""
            import asyncio
            async def spin():
                await asyncio.sleep(1)
                total = 0
                while True:
                    total += 1
            async def patient():
                try:
                    await asyncio.sleep(0.5)
                    print("patient woke")
                    await asyncio.sleep(10)
                finally:
                    print("patient cleaned up")
            async def main():
                await asyncio.gather(spin(), patient())
            asyncio.run(main())
        """, limits=_FAST_CPU)
        self.assertStoppedForCpu(result, 6)
        self.assertEqual(stdout(result), ["patient woke", "patient cleaned up"])
        waiting = {entry["name"]: entry for entry in result.stopped.waiting}
        self.assertEqual(waiting["Task-2"]["waits_on"], "nothing: it was running")
        self.assertIn(waiting["Task-2"]["line"], (6, 7))
        self.assertEqual(waiting["Task-3"]["waits_on"], "asyncio.sleep(10)")
        self.assertEqual(result.lines("stderr"), [])

    def test_a_busy_loop_calling_library_code_stops_at_the_programs_line(self):
        result = run("""
            numbers = list(range(50))
            while True:
                numbers = sorted(numbers, reverse=True)
        """, limits=_FAST_CPU)
        self.assertEqual(result.stopped.kind, "cpu")
        self.assertRegex(result.stopped.message, r"stopped at line [34]:")

    def test_catching_the_stop_does_not_keep_the_program_alive(self):
        result = run("""
            while True:
                try:
                    while True:
                        pass
                except BaseException:
                    print("caught")
        """, limits=_FAST_CPU)
        self.assertEqual(result.stopped.kind, "cpu")


class BudgetTest(unittest.TestCase):
    def test_the_step_budget_stops_tasks_that_only_pass_control_around(self):
        result = run("""
            import asyncio
            async def spin():
                print("spinning")
                while True:
                    await asyncio.sleep(0)
            asyncio.run(spin())
        """, limits=Limits(max_steps=5_000))
        self.assertEqual(result.stopped.kind, "steps")
        self.assertIn("5,000 iterations", result.stopped.message)
        self.assertEqual(stdout(result), ["spinning"])
        self.assertEqual(result.stopped.waiting,
                         [{"task": 1, "name": "Task-1", "waits_on": "asyncio.sleep(0)", "line": 6}])

    def test_the_default_step_budget_stops_a_loop_that_only_yields(self):
        result = run("""
            import asyncio
            async def spin():
                while True:
                    await asyncio.sleep(0)
            asyncio.run(spin())
        """)
        self.assertEqual(result.stopped.kind, "steps")

    def test_the_virtual_time_budget_keeps_output_and_says_where(self):
        result = run("""
            import asyncio
            async def poll():
                try:
                    while True:
                        print("poll", asyncio.get_running_loop().time())
                        await asyncio.sleep(1)
                finally:
                    print("poller closed")
            async def main():
                await asyncio.create_task(poll(), name="poller")
            asyncio.run(main())
        """, limits=Limits(max_virtual_time=5))
        self.assertEqual(result.stopped.kind, "virtual-time")
        self.assertIn("t=5s", result.stopped.message)
        self.assertEqual(stdout(result), [f"poll {n}.0" for n in range(6)] + ["poller closed"])
        self.assertEqual(result.virtual_time, 5)
        waiting = {entry["name"]: entry for entry in result.stopped.waiting}
        self.assertEqual(waiting["poller"]["waits_on"], "asyncio.sleep(1)")
        self.assertEqual(waiting["poller"]["line"], 7)

    def test_computing_in_short_steps_that_add_up_past_the_limit_is_fine(self):
        # Each step gives control back to the loop, which starts the
        # allowance afresh: only one step at a time must fit in it.
        result = run("""
            import asyncio
            async def main():
                total = 0
                for step in range(60):
                    for number in range(100_000):
                        total += number
                    await asyncio.sleep(0)
                print(total)
            asyncio.run(main())
        """, limits=Limits(max_cpu_seconds=0.1))
        self.assertIsNone(result.stopped)
        self.assertEqual(stdout(result), [str(60 * sum(range(100_000)))])

    def test_a_long_but_finite_program_is_not_stopped(self):
        result = run("""
            import asyncio
            async def main():
                for _ in range(100):
                    await asyncio.sleep(60)
            asyncio.run(main())
        """)
        self.assertTrue(result.ok)
        self.assertEqual(result.virtual_time, 6000)

    def test_running_out_of_memory_is_reported(self):
        result = run("""
            import sys
            print("allocating")
            data = bytearray(sys.maxsize)
        """)
        self.assertEqual(result.error["type"], "MemoryError")
        self.assertEqual(stdout(result), ["allocating"])


class OutputLimitTest(unittest.TestCase):
    def test_lines_past_the_line_limit_are_counted_not_kept(self):
        result = run("""
            for number in range(100):
                print(number)
        """, limits=Limits(max_output_lines=10))
        self.assertEqual(stdout(result), [str(n) for n in range(10)])
        data = result.to_json()
        self.assertEqual((data["output_dropped"], data["output_dropped_chars"]), (90, 180))
        self.assertTrue(result.ok)

    def test_lines_past_the_character_limit_are_counted_not_kept(self):
        result = run("""
            print("x" * 60)
            print("y" * 60)
            print("z")
        """, limits=Limits(max_output_chars=100))
        self.assertEqual(stdout(result), ["x" * 60])
        self.assertEqual((result.sandbox.output.dropped, result.sandbox.output.dropped_chars),
                         (2, 61))
        self.assertIn("... 2 more lines (61 characters) were not kept (output limit)",
                      format_run(result.to_json()))

    def test_a_flood_inside_a_busy_loop_is_capped_and_stopped(self):
        result = run("""
            while True:
                print("spam")
        """, limits=Limits(max_cpu_seconds=0.3, max_output_lines=50))
        self.assertEqual(len(stdout(result)), 50)
        self.assertGreater(result.sandbox.output.dropped, 0)
        self.assertEqual(result.stopped.kind, "cpu")


class HostRestoredTest(unittest.TestCase):
    """After any stop, the host is as it was and the next run works."""

    PROGRAMS = {
        "cpu": "import asyncio\nasync def main():\n    while True:\n        pass\nasyncio.run(main())\n",
        "steps": "import asyncio\nasync def main():\n    while True:\n        await asyncio.sleep(0)\n"
                 "asyncio.run(main())\n",
        "virtual-time": "import asyncio\nasync def main():\n    while True:\n"
                        "        await asyncio.sleep(1)\nasyncio.run(main())\n",
        "deadlock": "import asyncio\nasync def main():\n    await asyncio.Event().wait()\n"
                    "asyncio.run(main())\n",
        "error": "import asyncio\nasync def main():\n    raise ValueError\nasyncio.run(main())\n",
        "exit": "import sys\nsys.exit(3)\n",
    }

    def host_state(self):
        return {
            "time": (time.time, time.sleep, time.monotonic, time.perf_counter),
            "asyncio": (asyncio.run, asyncio.new_event_loop, asyncio.get_event_loop,
                        asyncio.set_event_loop),
            "streams": (sys.stdout, sys.stderr),
            "main": sys.modules["__main__"],
            "threading": (threading.Thread.start, threading.current_thread),
            "trace": sys.gettrace(),
            "alarm": signal.getsignal(signal.SIGALRM) if hasattr(signal, "SIGALRM") else None,
            "running loop": asyncio.events._get_running_loop(),
            "collector": gc.get_threshold(),
        }

    def test_every_kind_of_stop_restores_the_host(self):
        limits = Limits(max_cpu_seconds=0.3, max_steps=2_000, max_virtual_time=50)
        before = self.host_state()
        for kind, source in self.PROGRAMS.items():
            with self.subTest(kind=kind):
                result = run(source, limits=limits)
                self.assertFalse(result.ok)
                if result.stopped is not None:
                    self.assertEqual(result.stopped.kind, kind)
                self.assertEqual(self.host_state(), before)
                after = run("import asyncio\nprint(asyncio.run(asyncio.sleep(1, 'next run ok')))\n")
                self.assertEqual(stdout(after), ["next run ok"])
                self.assertEqual(after.virtual_time, 1)


if __name__ == "__main__":
    unittest.main()
