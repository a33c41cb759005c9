"""The virtual loop behaves like CPython's own: entry points, ordering, debug mode.

The differential programs compare whole outputs with real CPython; these
tests pin what those cannot print: loop identity, tracebacks, stderr in
debug mode, and details of the entry points.
"""

import asyncio
import sys
import unittest

from tests.sandbox_helpers import run, stderr, stdout


class EntryPointsTest(unittest.TestCase):
    def test_asyncio_run_uses_the_virtual_loop_and_names_the_main_task_task_1(self):
        result = run("""
            import asyncio
            async def main():
                loop = asyncio.get_running_loop()
                print(type(loop).__name__, asyncio.current_task().get_name())
                await asyncio.sleep(3600)
                print(loop.time())
            asyncio.run(main())
        """)
        self.assertEqual(stdout(result), ["VirtualEventLoop Task-1", "3600.0"])
        self.assertEqual(result.virtual_time, 3600)
        self.assertTrue(result.ok)

    def test_task_names_count_per_program(self):
        source = """
            import asyncio
            async def main():
                task = asyncio.create_task(asyncio.sleep(0))
                print(task.get_name())
                await task
            asyncio.run(main())
        """
        self.assertEqual(stdout(run(source)), ["Task-2"])
        self.assertEqual(stdout(run(source)), ["Task-2"])

    def test_runner_runs_every_coroutine_on_one_virtual_loop(self):
        result = run("""
            import asyncio
            async def now():
                await asyncio.sleep(2)
                return asyncio.get_running_loop()
            with asyncio.Runner() as runner:
                first = runner.run(now())
                second = runner.run(now())
                print(first is second, first.time())
        """)
        self.assertEqual(stdout(result), ["True 4.0"])

    def test_legacy_loop_api_runs_on_virtual_time(self):
        result = run("""
            import asyncio
            loop = asyncio.new_event_loop()
            asyncio.set_event_loop(loop)
            print(asyncio.get_event_loop() is loop)
            loop.call_later(5, loop.stop)
            loop.run_forever()
            print(loop.time(), loop.run_until_complete(asyncio.sleep(1, result="r")), loop.time())
            loop.close()
        """)
        self.assertEqual(stdout(result), ["True", "5.0 r 6.0"])

    def test_get_event_loop_after_asyncio_run_follows_the_default_policy(self):
        result = run("""
            import asyncio
            asyncio.run(asyncio.sleep(0))
            try:
                asyncio.get_event_loop()
            except RuntimeError as error:
                print(error)
        """)
        self.assertEqual(stdout(result), ["There is no current event loop in thread 'MainThread'."])

    @unittest.skipIf(sys.version_info >= (3, 14), "3.14 never makes a loop implicitly")
    def test_get_event_loop_makes_a_loop_before_any_set_event_loop(self):
        result = run("""
            import asyncio
            loop = asyncio.get_event_loop()
            print(loop is asyncio.get_event_loop(), loop.run_until_complete(asyncio.sleep(2, 7)))
        """)
        self.assertEqual(stdout(result), ["True 7"])

    def test_asyncio_run_inside_a_running_loop_fails_as_on_cpython(self):
        result = run("""
            import asyncio
            async def main():
                coro = asyncio.sleep(0)
                try:
                    asyncio.run(coro)
                except RuntimeError as error:
                    print(error)
                coro.close()
            asyncio.run(main())
        """)
        self.assertEqual(stdout(result), ["asyncio.run() cannot be called from a running event loop"])


class SchedulingTest(unittest.TestCase):
    def test_timers_due_at_the_same_time_run_in_the_order_they_were_set(self):
        result = run("""
            import asyncio
            async def main():
                loop = asyncio.get_running_loop()
                for number in range(20):
                    loop.call_at(1.0, print, number)
                await asyncio.sleep(2)
            asyncio.run(main())
        """)
        self.assertEqual(stdout(result), [str(number) for number in range(20)])

    def test_sleepers_with_equal_delays_wake_in_the_order_they_slept(self):
        result = run("""
            import asyncio
            async def sleeper(name):
                await asyncio.sleep(1)
                print(name)
            async def main():
                await asyncio.gather(*(sleeper(f"s{n}") for n in range(12)))
            asyncio.run(main())
        """)
        self.assertEqual(stdout(result), [f"s{n}" for n in range(12)])

    def test_a_cancelled_sleep_leaves_no_timer_behind(self):
        # The sleep's timer is cancelled with it: the clock does not move on
        # to the time the sleep would have ended.
        result = run("""
            import asyncio
            async def main():
                try:
                    await asyncio.wait_for(asyncio.sleep(100), timeout=1)
                except TimeoutError:
                    print("timed out at", asyncio.get_running_loop().time())
            asyncio.run(main())
        """)
        self.assertEqual(stdout(result), ["timed out at 1.0"])
        self.assertEqual(result.virtual_time, 1)

    def test_many_cancelled_timers_are_purged_without_moving_the_clock(self):
        result = run("""
            import asyncio
            async def main():
                loop = asyncio.get_running_loop()
                timers = [loop.call_later(1000 + n, print, n) for n in range(500)]
                for timer in timers[:-1]:
                    timer.cancel()
                await asyncio.sleep(1)
                print(sum(timer.cancelled() for timer in timers), loop.time())
                timers[-1].cancel()
            asyncio.run(main())
        """)
        self.assertEqual(stdout(result), ["499 1.0"])
        self.assertEqual(result.virtual_time, 1)

    def test_many_cancelled_sleeps_are_purged_too(self):
        # Each cancelled sleep leaves its entry in the loop's heap until
        # the heap is rebuilt, as a cancelled TimerHandle does.
        result = run("""
            import asyncio
            async def main():
                loop = asyncio.get_running_loop()
                # A sleep that ends before them keeps them from the heap's top.
                waiting = asyncio.create_task(asyncio.sleep(500))
                sleepers = [asyncio.create_task(asyncio.sleep(1000 + n)) for n in range(400)]
                await asyncio.sleep(0)
                for sleeper in sleepers:
                    sleeper.cancel()
                await asyncio.gather(*sleepers, return_exceptions=True)
                await asyncio.sleep(1)
                print(len(loop._timers) < 200, loop.time())
                waiting.cancel()
            asyncio.run(main())
        """)
        self.assertEqual(stdout(result), ["True 1.0"])
        self.assertEqual(result.virtual_time, 1)

    def test_odd_delays_behave_as_on_cpython(self):
        result = run("""
            import asyncio
            async def main():
                loop = asyncio.get_running_loop()
                loop.call_later(float("nan"), print, "a timer due at NaN runs at once")
                try:
                    await asyncio.sleep("1")
                except TypeError as error:
                    print(error)
                await asyncio.sleep(1)
            asyncio.run(main())
        """)
        self.assertEqual(stdout(result), [
            "'<=' not supported between instances of 'str' and 'int'",
            "a timer due at NaN runs at once"])
        self.assertEqual(result.virtual_time, 1)

    def test_asyncio_sleep_looks_like_asyncios_own(self):
        result = run("""
            import asyncio, inspect
            print(asyncio.sleep.__name__, asyncio.sleep.__module__, asyncio.sleep is asyncio.tasks.sleep)
            print(inspect.iscoroutinefunction(asyncio.sleep), inspect.signature(asyncio.sleep))
            async def main():
                print(await asyncio.sleep(2, result="slept"), asyncio.get_running_loop().time())
            asyncio.run(main())
        """)
        self.assertEqual(stdout(result), ["sleep asyncio.tasks True", "True (delay, result=None)", "slept 2.0"])

    def test_a_callback_error_goes_to_the_exception_handler(self):
        result = run("""
            import asyncio
            def fails():
                raise ValueError("from a callback")
            async def main():
                loop = asyncio.get_running_loop()
                # 3.11 adds where the callback was defined ("at main.py:3").
                loop.set_exception_handler(lambda loop, context: print(
                    context["message"].startswith("Exception in callback fails()"),
                    repr(context["exception"]), context["handle"]._callback.__name__))
                loop.call_soon(fails)
                await asyncio.sleep(0)
                print("still running")
            asyncio.run(main())
        """)
        self.assertEqual(stdout(result), [
            "True ValueError('from a callback') fails", "still running"])
        self.assertTrue(result.ok)

    def test_call_soon_threadsafe_from_the_loop_thread_is_call_soon(self):
        result = run("""
            import asyncio
            async def main():
                loop = asyncio.get_running_loop()
                loop.call_soon(print, "first")
                loop.call_soon_threadsafe(print, "second")
                await asyncio.sleep(0)
            asyncio.run(main())
        """)
        self.assertEqual(stdout(result), ["first", "second"])

    def test_async_generators_are_finalised_by_asyncio_run(self):
        result = run("""
            import asyncio
            async def numbers():
                try:
                    for number in range(10):
                        yield number
                        await asyncio.sleep(1)
                finally:
                    print("finalised at", asyncio.get_running_loop().time())
            async def main():
                global generator
                generator = numbers()
                print(await generator.__anext__())
            asyncio.run(main())
        """)
        self.assertEqual(stdout(result), ["0", "finalised at 0.0"])


class TasksTest(unittest.TestCase):
    def test_a_task_error_traceback_has_no_sandbox_frames(self):
        result = run("""
            import asyncio, traceback
            async def fail():
                raise ValueError("bad")
            async def main():
                try:
                    await asyncio.create_task(fail())
                except ValueError:
                    traceback.print_exc()
            asyncio.run(main())
        """)
        text = "\n".join(stderr(result))
        self.assertIn('File "main.py", line 4, in fail', text)
        self.assertNotIn("awaitable", text)

    def test_get_stack_and_print_stack_see_the_programs_frames(self):
        result = run("""
            import asyncio, sys
            async def child():
                await asyncio.sleep(1)
            async def main():
                task = asyncio.create_task(child(), name="child")
                await asyncio.sleep(0)
                frames = task.get_stack()
                print([frame.f_code.co_name for frame in frames], frames[-1].f_lineno)
                task.print_stack(file=sys.stdout)
                await task
            asyncio.run(main())
        """)
        lines = stdout(result)
        self.assertEqual(lines[0], "['child'] 4")
        self.assertEqual(lines[1], "Stack for <Task pending name='child' coro=<child() running at "
                                   "main.py:4> wait_for=<Future pending cb=[Task.task_wakeup()]>> "
                                   "(most recent call last):")
        self.assertEqual(lines[2:], ['  File "main.py", line 4, in child',
                                     "    await asyncio.sleep(1)"])

    def test_task_repr_names_the_programs_coroutine(self):
        result = run("""
            import asyncio
            async def work():
                await asyncio.sleep(1)
            async def main():
                task = asyncio.create_task(work(), name="w")
                print(repr(task))
                await task
                print(repr(task))
            asyncio.run(main())
        """)
        self.assertEqual(stdout(result), [
            "<Task pending name='w' coro=<work() running at main.py:3>>",
            "<Task finished name='w' coro=<work() done, defined at main.py:3> result=None>"])

    def test_all_tasks_and_current_task(self):
        result = run("""
            import asyncio
            async def idle():
                await asyncio.sleep(1)
            async def main():
                tasks = [asyncio.create_task(idle(), name=f"i{n}") for n in range(3)]
                print(sorted(task.get_name() for task in asyncio.all_tasks()))
                print(asyncio.current_task() in asyncio.all_tasks())
                await asyncio.gather(*tasks)
                print(len(asyncio.all_tasks()))
            asyncio.run(main())
        """)
        self.assertEqual(stdout(result), ["['Task-1', 'i0', 'i1', 'i2']", "True", "1"])


class DebugModeTest(unittest.TestCase):
    def test_a_blocking_callback_is_reported_in_virtual_seconds(self):
        result = run("""
            import asyncio, time
            async def blocker():
                time.sleep(2)
            async def main():
                await asyncio.create_task(blocker(), name="blocker")
            asyncio.run(main(), debug=True)
        """)
        warnings = [line for line in stderr(result) if line.startswith("Executing ")]
        self.assertEqual(len(warnings), 1)
        self.assertRegex(warnings[0],
                         r"^Executing <Task finished name='blocker' coro=<blocker\(\) done, "
                         r"defined at main.py:3> result=None created at .*tasks.py:\d+> "
                         r"took 2.000 seconds$")
        self.assertEqual(result.virtual_time, 2)

    def test_short_callbacks_are_not_reported(self):
        result = run("""
            import asyncio, time
            async def main():
                time.sleep(0.05)
                await asyncio.sleep(10)
            asyncio.run(main(), debug=True)
        """)
        self.assertEqual([line for line in stderr(result) if "Executing" in line], [])

    def test_a_coroutine_never_awaited_shows_where_it_was_created(self):
        result = run("""
            import asyncio

            async def helper():
                return 1

            async def main():
                helper()
                await asyncio.sleep(0)

            asyncio.run(main(), debug=True)
        """)
        lines = stderr(result)
        self.assertEqual(lines[0], "main.py:8: RuntimeWarning: coroutine 'helper' was never awaited")
        self.assertEqual(lines[1], "Coroutine created at (most recent call last)")
        self.assertEqual(lines[2:4], ['  File "main.py", line 11, in <module>',
                                      "    asyncio.run(main(), debug=True)"])
        files = [line.split('"')[1] for line in lines if line.startswith('  File "')]
        self.assertEqual(files[-1], "main.py")
        self.assertFalse([name for name in files if "awaitable" in name], files)
        self.assertIn('  File "main.py", line 8, in main', lines)

    def test_without_debug_mode_the_warning_has_no_origin(self):
        result = run("""
            import asyncio
            async def helper():
                return 1
            async def main():
                helper()
            asyncio.run(main())
        """)
        self.assertEqual(stderr(result)[0],
                         "main.py:6: RuntimeWarning: coroutine 'helper' was never awaited")
        self.assertNotIn("Coroutine created at (most recent call last)", stderr(result))


class HostTest(unittest.TestCase):
    def test_the_host_event_loop_state_is_untouched_after_a_run(self):
        # Under Pyodide the host's WebLoop is the running loop; elsewhere none.
        running = asyncio.events._get_running_loop()
        run("""
            import asyncio
            loop = asyncio.new_event_loop()
            asyncio.set_event_loop(loop)
            loop.run_until_complete(asyncio.sleep(1))
        """)
        self.assertIs(asyncio.events._get_running_loop(), running)
        self.assertEqual(asyncio.new_event_loop.__module__, "asyncio.events")


if __name__ == "__main__":
    unittest.main()
