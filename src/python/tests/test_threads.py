"""Virtual threads: to_thread and run_in_executor on the virtual clock."""

import concurrent.futures
import sys
import threading
import unittest

from awaitable.limits import Limits
from tests.sandbox_helpers import run, stdout

_THREAD_START = threading.Thread.start
_FUTURE_RESULT = concurrent.futures.Future.result


class ToThreadTest(unittest.TestCase):
    def test_the_loop_keeps_running_while_a_thread_sleeps(self):
        result = run("""
            import asyncio, time

            def blocking_io():
                time.sleep(2)
                return "io done"

            async def ticker():
                for _ in range(4):
                    await asyncio.sleep(0.5)
                    print("tick", time.monotonic())

            async def main():
                result, _ = await asyncio.gather(asyncio.to_thread(blocking_io), ticker())
                print(result, time.monotonic())

            asyncio.run(main())
        """)
        self.assertEqual(stdout(result), ["tick 0.5", "tick 1.0", "tick 1.5", "tick 2.0",
                                          "io done 2.0"])
        self.assertEqual(result.trace.blocking, [])

    def test_inside_a_thread_time_is_the_threads_own_and_no_loop_runs(self):
        result = run("""
            import asyncio, threading, time

            def work(label):
                start = time.monotonic()
                time.sleep(1.25)
                try:
                    asyncio.get_running_loop()
                except RuntimeError as error:
                    loop = str(error)
                return label, start, time.monotonic(), threading.current_thread().name, loop

            async def main():
                await asyncio.sleep(1)
                print(await asyncio.to_thread(work, "a"))
                print(threading.current_thread().name, time.monotonic())

            asyncio.run(main())
        """)
        self.assertEqual(stdout(result), [
            "('a', 1.0, 2.25, 'asyncio_0', 'no running event loop')", "MainThread 2.25"])

    def test_exceptions_reach_the_awaiting_task_with_the_functions_frames(self):
        result = run("""
            import asyncio, traceback

            def broken():
                raise OSError("disk not found")

            async def main():
                try:
                    await asyncio.to_thread(broken)
                except OSError as error:
                    print("caught", error)
                    print([frame.name for frame in traceback.extract_tb(error.__traceback__)])

            asyncio.run(main())
        """)
        lines = stdout(result)
        self.assertEqual(lines[0], "caught disk not found")
        self.assertTrue(lines[1].endswith("'broken']"), lines[1])
        self.assertNotIn("run_as", lines[1])

    def test_a_thread_that_outlives_a_timeout_still_delays_asyncio_run(self):
        result = run("""
            import asyncio, time

            def slow():
                time.sleep(3)
                print("thread finished at", time.monotonic())

            async def main():
                try:
                    await asyncio.wait_for(asyncio.to_thread(slow), timeout=1)
                except asyncio.TimeoutError:
                    print("timed out at", time.monotonic())

            asyncio.run(main())
            print("asyncio.run returned at", time.monotonic())
        """)
        self.assertEqual(stdout(result), ["timed out at 1.0", "thread finished at 3.0",
                                          "asyncio.run returned at 3.0"])

    def test_thread_output_lands_at_its_virtual_time(self):
        result = run("""
            import asyncio, time

            def worker():
                for step in range(3):
                    print("thread", step)
                    time.sleep(1)

            async def main():
                thread = asyncio.create_task(asyncio.to_thread(worker))
                for step in range(3):
                    await asyncio.sleep(0.5)
                    print("loop", step)
                await thread

            asyncio.run(main())
        """)
        self.assertEqual(stdout(result), ["thread 0", "loop 0", "thread 1", "loop 1", "loop 2",
                                          "thread 2"])
        self.assertEqual([line.t for line in result.trace.output], [0, 0.5, 1, 1, 1.5, 2])

    def test_contextvars_reach_the_thread(self):
        result = run("""
            import asyncio, contextvars
            user = contextvars.ContextVar("user")

            async def main():
                user.set("ada")
                print(await asyncio.to_thread(user.get))

            asyncio.run(main())
        """)
        self.assertEqual(stdout(result), ["ada"])

    def test_each_thread_is_in_the_trace(self):
        result = run("""
            import asyncio, time

            def fetch(seconds):
                time.sleep(seconds)

            def fail():
                raise KeyError("k")

            async def main():
                await asyncio.sleep(1)
                await asyncio.gather(asyncio.to_thread(fetch, 2), asyncio.to_thread(fail),
                                     return_exceptions=True)

            asyncio.run(main())
        """)
        first, second = [thread.to_json() for thread in result.trace.threads]
        self.assertEqual(first, {
            "id": 1, "function": "fetch", "executor": "ThreadPoolExecutor", "worker": "asyncio_0",
            "submitted": 1.0, "start": 1.0, "end": 3.0, "line": 12, "task": 2, "error": None})
        self.assertEqual((second["function"], second["worker"], second["end"], second["error"]),
                         ("fail", "asyncio_1", 1.0, "KeyError: 'k'"))
        self.assertEqual(result.to_json()["threads"], [first, second])


class ExecutorTest(unittest.TestCase):
    def test_a_full_pool_runs_work_when_a_worker_frees_up(self):
        result = run("""
            import asyncio, concurrent.futures, threading, time

            def job(number):
                time.sleep(1)
                return number, threading.current_thread().name, time.monotonic()

            async def main():
                loop = asyncio.get_running_loop()
                with concurrent.futures.ThreadPoolExecutor(max_workers=2) as pool:
                    for item in await asyncio.gather(*(loop.run_in_executor(pool, job, n)
                                                       for n in range(5))):
                        print(item)
                print(time.monotonic())

            asyncio.run(main())
        """)
        self.assertEqual(stdout(result), [
            "(0, 'ThreadPoolExecutor-0_0', 1.0)", "(1, 'ThreadPoolExecutor-0_1', 1.0)",
            "(2, 'ThreadPoolExecutor-0_0', 2.0)", "(3, 'ThreadPoolExecutor-0_1', 2.0)",
            "(4, 'ThreadPoolExecutor-0_0', 3.0)", "3.0"])

    def test_an_idle_worker_is_reused_before_a_new_one_starts(self):
        result = run("""
            import asyncio, threading

            async def main():
                loop = asyncio.get_running_loop()
                for _ in range(3):
                    print(await loop.run_in_executor(None, lambda: threading.current_thread().name))

            asyncio.run(main())
        """)
        self.assertEqual(stdout(result), ["asyncio_0"] * 3)

    def test_shutdown_with_wait_blocks_until_the_threads_are_done(self):
        result = run("""
            import asyncio, concurrent.futures, time

            async def main():
                loop = asyncio.get_running_loop()
                with concurrent.futures.ThreadPoolExecutor(thread_name_prefix="io") as pool:
                    future = loop.run_in_executor(pool, time.sleep, 2)
                print("shut down at", time.monotonic(), "done:", future.done())
                await future
                try:
                    loop.run_in_executor(pool, print)
                except RuntimeError as error:
                    print(error)

            asyncio.run(main())
        """)
        self.assertEqual(stdout(result), ["shut down at 2.0 done: False",
                                          "cannot schedule new futures after shutdown"])
        [call] = result.trace.blocking
        self.assertEqual((call.call, call.duration, call.line),
                         ("ThreadPoolExecutor.shutdown()", 2.0, 6))

    def test_the_default_executor_after_shutdown_default_executor(self):
        result = run("""
            import asyncio

            async def main():
                loop = asyncio.get_running_loop()
                await loop.run_in_executor(None, print, "before")
                await loop.shutdown_default_executor()
                try:
                    loop.run_in_executor(None, print, "after")
                except RuntimeError as error:
                    print(error)

            asyncio.run(main())
        """)
        self.assertEqual(stdout(result), ["before", "Executor shutdown has been called"])

    def test_a_process_pool_runs_picklable_work_on_copies(self):
        result = run("""
            import asyncio, concurrent.futures

            def append(items):
                items.append("from the worker")
                return items

            async def main():
                loop = asyncio.get_running_loop()
                mine = ["mine"]
                with concurrent.futures.ProcessPoolExecutor(max_workers=2) as pool:
                    print(await loop.run_in_executor(pool, append, mine), mine)
                    try:
                        await loop.run_in_executor(pool, lambda: 1)
                    except Exception as error:
                        print(type(error).__name__)

            if __name__ == "__main__":
                asyncio.run(main())
        """)
        # What pickle raises for a lambda, as a real worker's feeder would.
        expected_error = "AttributeError" if sys.version_info < (3, 14) else "PicklingError"
        self.assertEqual(stdout(result), ["['mine', 'from the worker'] ['mine']", expected_error])
        self.assertEqual(result.trace.threads[0].executor, "ProcessPoolExecutor")

    def test_a_process_pools_workers_are_processes_of_their_own(self):
        result = run("""
            import asyncio, os, subprocess
            from concurrent.futures import ProcessPoolExecutor

            def pids(n):
                return os.getpid(), os.getppid()

            async def main():
                program = os.getpid()
                loop = asyncio.get_running_loop()
                with ProcessPoolExecutor(max_workers=2) as pool:
                    seen = await asyncio.gather(*(loop.run_in_executor(pool, pids, n) for n in range(4)))
                    # os.getpid itself goes to a worker, by name, as it pickles.
                    by_name = await loop.run_in_executor(pool, os.getpid)
                workers = sorted({pid for pid, _ in seen})
                print(len(workers), program in workers, {parent for _, parent in seen} == {program})
                print(by_name in workers)
                print(await asyncio.to_thread(os.getpid) == program, os.getppid() != program)
                process = await asyncio.create_subprocess_exec("true")
                print(process.pid not in workers)
                await process.wait()

            if __name__ == "__main__":
                asyncio.run(main())
        """)
        self.assertEqual(stdout(result), ["2 False True", "True", "True True", "True"])

    def test_coroutine_functions_are_refused_in_debug_mode(self):
        result = run("""
            import asyncio

            async def coro():
                pass

            async def main():
                try:
                    asyncio.get_running_loop().run_in_executor(None, coro)
                except TypeError as error:
                    print(error)

            asyncio.run(main(), debug=True)
        """)
        self.assertEqual(stdout(result), ["coroutines cannot be used with run_in_executor()"])


class RealThreadsTest(unittest.TestCase):
    def test_starting_a_thread_says_what_the_sandbox_supports(self):
        result = run("""
            import threading
            threading.Thread(target=print).start()
        """)
        self.assertEqual(result.error["type"], "RuntimeError")
        self.assertIn("the sandbox runs one thread", result.error["message"])
        self.assertIn("asyncio.to_thread", result.error["message"])
        self.assertIn("loop.run_in_executor", result.error["message"])
        self.assertEqual(result.error["line"], 3)

    def test_submitting_to_a_pool_directly_says_what_the_sandbox_supports(self):
        for call in ("pool.submit(print)", "list(pool.map(print, [1]))"):
            with self.subTest(call=call):
                result = run(f"""
                    import concurrent.futures
                    with concurrent.futures.ThreadPoolExecutor() as pool:
                        {call}
                """)
                self.assertEqual(result.error["type"], "RuntimeError")
                self.assertIn("ThreadPoolExecutor.", result.error["message"])
                self.assertIn("asyncio.to_thread", result.error["message"])

    def test_blocking_on_an_unfinished_concurrent_future_is_refused(self):
        result = run("""
            import asyncio

            async def answer():
                await asyncio.sleep(1)
                return 42

            def in_thread(loop):
                return asyncio.run_coroutine_threadsafe(answer(), loop).result()

            async def main():
                loop = asyncio.get_running_loop()
                try:
                    await asyncio.to_thread(in_thread, loop)
                except RuntimeError as error:
                    print(error)
                future = asyncio.run_coroutine_threadsafe(answer(), loop)
                print(await asyncio.wrap_future(future), future.result())

            asyncio.run(main())
        """)
        lines = stdout(result)
        self.assertIn("concurrent.futures.Future.result() would wait forever", lines[0])
        self.assertEqual(lines[1], "42 42")

    def test_the_host_has_its_threads_and_executors_back(self):
        run("import threading, concurrent.futures\n"
            "pool = concurrent.futures.ThreadPoolExecutor()\n")
        self.assertEqual(concurrent.futures.ThreadPoolExecutor.__module__, "concurrent.futures.thread")
        self.assertIs(concurrent.futures.ThreadPoolExecutor,
                      sys.modules["concurrent.futures.thread"].ThreadPoolExecutor)
        self.assertIs(threading.current_thread(), threading.main_thread())
        self.assertIs(threading.Thread.start, _THREAD_START)
        self.assertIs(concurrent.futures.Future.result, _FUTURE_RESULT)


class ThreadComputationTest(unittest.TestCase):
    """Computing in a thread does not block the loop on a real machine, so
    the sandbox gives it the thread budget, not the loop's."""

    WORK = """
        import asyncio

        def crunch():
            total = 0
            for n in range(3_000_000):
                total += n
            return total
    """

    def test_a_thread_may_compute_longer_than_the_loop_may(self):
        result = run(self.WORK + """
        async def main():
            print(await asyncio.to_thread(crunch))
        asyncio.run(main())
        """, limits=Limits(max_cpu_seconds=0.001, max_thread_cpu_seconds=30))
        self.assertIsNone(result.stopped)
        self.assertEqual(stdout(result), [str(sum(range(3_000_000)))])

    def test_longer_work_on_the_loop_is_stopped(self):
        # Ten times the work: far past the loop's budget, so the guard's
        # periodic look (every 0.1 s on 3.11) surely catches it.
        result = run(self.WORK.replace("3_000_000", "30_000_000") + """
        async def main():
            print(crunch())
        asyncio.run(main())
        """, limits=Limits(max_cpu_seconds=0.001, max_thread_cpu_seconds=30))
        self.assertEqual(result.stopped.kind, "cpu")
        self.assertIn("without giving control back to the event loop", result.stopped.message)

    def test_a_thread_that_computes_forever_is_stopped_with_its_own_message(self):
        result = run("""
        import asyncio

        def forever():
            while True:
                pass

        async def main():
            await asyncio.to_thread(forever)
        asyncio.run(main())
        """, limits=Limits(max_thread_cpu_seconds=0.05))
        self.assertEqual(result.stopped.kind, "cpu")
        self.assertIn("a function running in a thread", result.stopped.message)


if __name__ == "__main__":
    unittest.main()
