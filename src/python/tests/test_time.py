"""Time in the sandbox: every clock reads virtual time; time.sleep blocks the loop."""

import datetime
import time
import unittest

from awaitable import VirtualClock
from tests.sandbox_helpers import run, stdout


class ClockFunctionsTest(unittest.TestCase):
    def test_every_time_function_reads_the_virtual_clock(self):
        result = run("""
            import asyncio, time
            async def main():
                before = (time.time(), time.monotonic(), time.perf_counter(),
                          time.time_ns(), time.monotonic_ns(), time.perf_counter_ns())
                await asyncio.sleep(1.5)
                after = (time.time(), time.monotonic(), time.perf_counter(),
                         time.time_ns(), time.monotonic_ns(), time.perf_counter_ns())
                print([b - a for a, b in zip(before, after)])
                print(time.monotonic(), time.perf_counter_ns())
            asyncio.run(main())
        """)
        self.assertEqual(stdout(result), [
            "[1.5, 1.5, 1.5, 1500000000, 1500000000, 1500000000]", "1.5 1500000000"])

    def test_wall_clock_and_dates_start_at_the_fixed_epoch(self):
        result = run("""
            import asyncio, datetime, time
            from datetime import date, datetime as dt
            print(time.time() == 1736154000.0)
            print(dt.now(datetime.timezone.utc).isoformat())
            asyncio.run(asyncio.sleep(7200))
            print(dt.now(datetime.timezone.utc).isoformat(), date.today() == dt.now().date())
            print(isinstance(dt.now(), datetime.datetime), dt(2024, 1, 1).year)
        """)
        self.assertEqual(stdout(result), [
            "True", "2025-01-06T09:00:00+00:00", "2025-01-06T11:00:00+00:00 True", "True 2024"])

    def test_the_clock_only_moves_forward(self):
        clock = VirtualClock()
        clock.advance(2)
        clock.advance(-1)
        clock.advance_to(1)
        self.assertEqual(clock.now, 2)
        clock.advance_to(3.5)
        self.assertEqual(clock.wall(), VirtualClock.EPOCH + 3.5)

    def test_the_host_clocks_are_real_again_after_a_run(self):
        run("import time\ntime.sleep(1000)\n")
        self.assertGreater(time.time(), 1.7e9)
        self.assertIs(datetime.datetime.now().__class__, datetime.datetime)
        start = time.perf_counter()
        time.sleep(0.01)
        self.assertGreaterEqual(time.perf_counter() - start, 0.01)


class BlockingSleepTest(unittest.TestCase):
    def test_time_sleep_advances_the_clock_and_is_recorded_with_task_and_line(self):
        result = run("""
            import asyncio, time

            async def slow():
                time.sleep(2)

            async def main():
                await asyncio.create_task(slow(), name="slow")

            asyncio.run(main())
        """)
        self.assertEqual(result.virtual_time, 2)
        [call] = result.trace.blocking
        self.assertEqual((call.call, call.t, call.duration, call.line), ("time.sleep(2)", 0, 2, 5))
        self.assertEqual(result.trace.task(call.task).name, "slow")

    def test_time_sleep_outside_any_task_has_no_task(self):
        result = run("import time\ntime.sleep(0.25)\nprint(time.monotonic())\n")
        self.assertEqual(stdout(result), ["0.25"])
        [call] = result.trace.blocking
        self.assertEqual((call.call, call.task, call.line), ("time.sleep(0.25)", None, 2))

    def test_a_blocking_sleep_in_one_task_delays_every_other_tasks_timers(self):
        result = run("""
            import asyncio, time
            async def ticker():
                for _ in range(3):
                    await asyncio.sleep(0.5)
                    print("tick", asyncio.get_running_loop().time())
            async def blocker():
                await asyncio.sleep(0.25)
                time.sleep(2)
                print("unblocked", asyncio.get_running_loop().time())
            async def main():
                await asyncio.gather(ticker(), blocker())
            asyncio.run(main())
        """)
        self.assertEqual(stdout(result), ["unblocked 2.25", "tick 2.25", "tick 2.75", "tick 3.25"])
        self.assertEqual([line.t for line in result.trace.output], [2.25, 2.25, 2.75, 3.25])

    def test_negative_sleep_is_an_error_as_on_cpython(self):
        result = run("import time\ntime.sleep(-1)\n")
        self.assertEqual((result.error["type"], result.error["message"]),
                         ("ValueError", "sleep length must be non-negative"))


if __name__ == "__main__":
    unittest.main()
