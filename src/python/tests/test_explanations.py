"""Plain-language explanations of the usual asyncio mistakes: one small
learner program per mistake, checked for the explanation's id and line."""

import re
import textwrap
import unittest

from awaitable.explanations import explain_error
from awaitable.network import HANG
from awaitable.runner import run_program


def run(source):
    return run_program(textwrap.dedent(source).lstrip("\n"), filename="main.py")


def raised_at(line, error):
    """``error`` raised from line ``line`` of ``main.py``, for messages that
    only another Python version produces."""
    code = compile("\n" * (line - 1) + "raise error", "main.py", "exec")
    try:
        exec(code, {"error": error})
    except BaseException as raised:
        return raised
    raise AssertionError("not raised")


class ExplanationTestCase(unittest.TestCase):
    def explanation(self, source, id, line):
        """The run's explanation ``id``, checked to be about ``line`` and to name it."""
        result = run(source)
        found = {each.id: each for each in result.explanations}
        self.assertIn(id, found, f"explanations found: {list(found)}")
        explanation = found[id]
        self.assert_names_line(explanation, line)
        self.assertTrue(explanation.title)
        return result, explanation

    def error_explanation(self, source, id, line):
        """Like ``explanation``, for the explanation of the run's error."""
        result, explanation = self.explanation(source, id, line)
        self.assertEqual(result.to_json()["error"]["explanation"], explanation.to_json())
        self.assertIs(result.explanations[0], explanation)
        return result, explanation

    def explain_message(self, source, line, error):
        """The explanation of ``error`` raised at ``line`` of ``source``."""
        source = textwrap.dedent(source).lstrip("\n")
        return explain_error(run_program(""), source, raised_at(line, error))

    def assert_names_line(self, explanation, line):
        self.assertEqual(explanation.line, line)
        self.assertRegex(explanation.text, rf"\b[Ll]ine {line}\b")


class NeverAwaitedTest(ExplanationTestCase):
    def test_coroutine_called_without_await(self):
        result, explanation = self.explanation("""
            import asyncio

            async def brew(drink):
                await asyncio.sleep(1)
                print(drink, "is ready")

            async def main():
                brew("tea")
                await asyncio.sleep(2)

            asyncio.run(main())
        """, "never-awaited", 8)
        self.assertIsNone(result.error)
        self.assertIn('`await brew("tea")`', explanation.text)

    def test_main_called_instead_of_run(self):
        _, explanation = self.explanation("""
            import asyncio

            async def main():
                print("hello")

            main()
        """, "never-awaited", 6)
        self.assertIn("`asyncio.run(main())`", explanation.text)

    def test_printed_coroutine_object(self):
        _, explanation = self.explanation("""
            import asyncio

            async def fetch_price():
                await asyncio.sleep(1)
                return 3

            async def main():
                price = fetch_price()
                print("price:", price)

            asyncio.run(main())
        """, "never-awaited", 8)
        self.assertIn("<coroutine object fetch_price at ...>", explanation.text)

    def test_coroutine_object_used_as_a_result(self):
        _, explanation = self.error_explanation("""
            import asyncio

            async def fetch_prices():
                await asyncio.sleep(1)
                return {"tea": 3}

            async def main():
                prices = fetch_prices()
                print(prices["tea"])

            asyncio.run(main())
        """, "never-awaited", 8)
        self.assertIn("line 9", explanation.text)
        self.assertIn("'coroutine' object is not subscriptable", explanation.text)

    def test_looping_over_a_coroutine(self):
        self.error_explanation("""
            import asyncio

            async def fetch_orders():
                await asyncio.sleep(1)
                return ["tea", "coffee"]

            async def main():
                for order in fetch_orders():
                    print(order)

            asyncio.run(main())
        """, "never-awaited", 8)


class AwaitOutsideAsyncTest(ExplanationTestCase):
    def test_await_at_top_level(self):
        _, explanation = self.error_explanation("""
            import asyncio

            async def fetch():
                return 42

            answer = await fetch()
            print(answer)
        """, "await-outside-async", 6)
        self.assertIn("asyncio.run(main())", explanation.text)

    def test_await_in_a_plain_function(self):
        _, explanation = self.error_explanation("""
            import asyncio

            def fetch():
                await asyncio.sleep(1)
                return 42
        """, "await-outside-async", 4)
        self.assertIn("`async def fetch(...)`", explanation.text)

    def test_async_with_in_a_plain_function(self):
        self.error_explanation("""
            import asyncio

            def guarded(lock):
                async with lock:
                    print("inside")
        """, "await-outside-async", 4)


class RunInRunningLoopTest(ExplanationTestCase):
    def test_asyncio_run_inside_a_coroutine(self):
        result, explanation = self.error_explanation("""
            import asyncio

            async def greet():
                print("hello")

            async def main():
                asyncio.run(greet())

            asyncio.run(main())
        """, "run-in-running-loop", 7)
        self.assertIn("`await greet()`", explanation.text)
        # The coroutine given to the failed asyncio.run is never awaited, but
        # that is a consequence, not a second mistake.
        self.assertEqual([each.id for each in result.explanations], ["run-in-running-loop"])


class BlockingCallTest(ExplanationTestCase):
    def test_time_sleep_in_tasks_succeeds_with_wrong_timing(self):
        result, explanation = self.explanation("""
            import asyncio
            import time

            async def brew(drink):
                time.sleep(2)
                print(drink, "is ready")

            async def main():
                await asyncio.gather(brew("tea"), brew("coffee"))

            asyncio.run(main())
        """, "blocking-call", 5)
        self.assertTrue(result.ok)
        self.assertIn("`await asyncio.sleep(2)`", explanation.text)
        self.assertIn("timing is wrong", explanation.text)

    def test_time_sleep_outside_tasks_is_fine(self):
        result = run("""
            import time

            time.sleep(1)
            print("rested")
        """)
        self.assertEqual(result.explanations, [])

    def test_requests_style_call_in_a_coroutine(self):
        _, explanation = self.explanation("""
            import asyncio
            import types

            requests = types.SimpleNamespace(get=lambda url: "<html>")

            async def fetch(url):
                return requests.get(url)

            async def main():
                print(await fetch("https://example.com"))

            asyncio.run(main())
        """, "blocking-call", 7)
        self.assertIn("aiohttp", explanation.text)

    def test_missing_requests_library(self):
        source = """
            import asyncio
            import requests
        """
        error = ModuleNotFoundError("No module named 'requests'", name="requests")
        explanation = self.explain_message(source, 2, error)
        self.assertEqual(explanation.id, "blocking-call")
        self.assert_names_line(explanation, 2)


class TaskExceptionNeverRetrievedTest(ExplanationTestCase):
    def test_failed_task_nobody_awaited(self):
        result, explanation = self.explanation("""
            import asyncio

            async def brew():
                raise ValueError("out of coffee")

            async def main():
                asyncio.create_task(brew())
                await asyncio.sleep(1)
                print("done")

            asyncio.run(main())
        """, "task-exception-never-retrieved", 7)
        self.assertIn("Task exception was never retrieved", result.lines("stderr"))
        self.assertIn("ValueError('out of coffee')", explanation.text)
        self.assertIn("'Task-2'", explanation.text)


class CancellationTest(ExplanationTestCase):
    def test_swallowed_cancelled_error(self):
        result, explanation = self.explanation("""
            import asyncio

            async def worker():
                try:
                    await asyncio.sleep(10)
                except asyncio.CancelledError:
                    print("cancelled, but carrying on")
                return "finished"

            async def main():
                task = asyncio.create_task(worker())
                await asyncio.sleep(1)
                task.cancel()
                print(await task)

            asyncio.run(main())
        """, "swallowed-cancel", 6)
        self.assertTrue(result.ok)
        self.assertIn("line 5", explanation.text)
        self.assertIn("bare `raise`", explanation.text)

    def test_cancelled_error_that_is_raised_again_is_fine(self):
        result = run("""
            import asyncio

            async def worker():
                try:
                    await asyncio.sleep(10)
                except asyncio.CancelledError:
                    print("cleaning up")
                    raise

            async def main():
                task = asyncio.create_task(worker())
                await asyncio.sleep(1)
                task.cancel()
                try:
                    await task
                except asyncio.CancelledError:
                    print("worker stopped")

            asyncio.run(main())
        """)
        self.assertTrue(result.ok)
        self.assertEqual(result.explanations, [])

    def test_handler_that_catches_a_timeout_is_not_a_swallowed_cancel(self):
        result = run("""
            import asyncio

            async def main():
                try:
                    await asyncio.wait_for(asyncio.sleep(10), timeout=1)
                except BaseException:
                    print("gave up")

            asyncio.run(main())
        """)
        self.assertEqual(result.explanations, [])

    def test_cancelled_error_escaping_to_asyncio_run(self):
        _, explanation = self.error_explanation("""
            import asyncio

            async def worker():
                await asyncio.sleep(10)

            async def main():
                task = asyncio.create_task(worker())
                await asyncio.sleep(1)
                task.cancel()
                await task

            asyncio.run(main())
        """, "unexpected-cancel", 9)
        self.assertIn("'Task-2' (`worker()`), created on line 7", explanation.text)


class DeadlockTest(ExplanationTestCase):
    def test_consumers_wait_for_a_queue_nobody_fills(self):
        result, explanation = self.explanation("""
            import asyncio

            async def consumer(queue):
                item = await queue.get()
                print(item)

            async def main():
                queue = asyncio.Queue()
                await asyncio.gather(consumer(queue), consumer(queue))

            asyncio.run(main())
        """, "deadlock", 4)
        self.assertEqual(result.stopped.kind, "deadlock")
        self.assertIn("task 'Task-2' waits on `Queue.get()` at line 4", explanation.text)
        self.assertIn("put", explanation.text)

    def test_lock_acquired_twice(self):
        _, explanation = self.explanation("""
            import asyncio

            async def main():
                lock = asyncio.Lock()
                async with lock:
                    async with lock:
                        print("never printed")

            asyncio.run(main())
        """, "deadlock", 6)
        self.assertIn("re-entrant", explanation.text)


class NotAwaitableTest(ExplanationTestCase):
    def test_awaiting_time_sleep(self):
        result, explanation = self.error_explanation("""
            import asyncio
            import time

            async def main():
                await time.sleep(1)

            asyncio.run(main())
        """, "not-awaitable", 5)
        self.assertIn("`await asyncio.sleep(1)`", explanation.text)
        self.assertEqual([each.id for each in result.explanations], ["not-awaitable"])

    def test_awaiting_a_function_without_calling_it(self):
        _, explanation = self.error_explanation("""
            import asyncio

            async def fetch():
                return 1

            async def main():
                value = await fetch
                print(value)

            asyncio.run(main())
        """, "not-awaitable", 7)
        self.assertIn("`await fetch()`", explanation.text)

    def test_awaiting_a_plain_function(self):
        _, explanation = self.error_explanation("""
            import asyncio

            def total(prices):
                return sum(prices)

            async def main():
                print(await total([1, 2]))

            asyncio.run(main())
        """, "not-awaitable", 7)
        self.assertIn("`total()` is an ordinary function", explanation.text)
        self.assertIn("an `int`", explanation.text)

    def test_run_given_the_function_itself(self):
        _, explanation = self.error_explanation("""
            import asyncio

            async def main():
                print("hello")

            asyncio.run(main)
        """, "not-awaitable", 6)
        self.assertIn("`asyncio.run(main())`", explanation.text)

    def test_python_3_14_wording(self):
        source = """
            import asyncio

            async def main():
                await asyncio.sleep
        """
        explanation = self.explain_message(source, 4, TypeError("'function' object can't be awaited"))
        self.assertEqual(explanation.id, "not-awaitable")
        self.assert_names_line(explanation, 4)
        self.assertIn("`await asyncio.sleep()`", explanation.text)

    def test_python_3_14_run_given_the_function(self):
        source = """
            import asyncio

            async def main():
                print("hello")

            asyncio.run(main)
        """
        error = TypeError("An asyncio.Future, a coroutine or an awaitable is required")
        self.assertEqual(self.explain_message(source, 6, error).id, "not-awaitable")


class ContextManagerTest(ExplanationTestCase):
    def test_with_on_an_asyncio_lock(self):
        _, explanation = self.error_explanation("""
            import asyncio

            async def main():
                lock = asyncio.Lock()
                with lock:
                    print("inside")

            asyncio.run(main())
        """, "with-instead-of-async-with", 5)
        self.assertIn("`async with lock:`", explanation.text)

    def test_with_on_the_learners_async_context_manager(self):
        self.error_explanation("""
            import asyncio

            class Connection:
                async def __aenter__(self):
                    return self

                async def __aexit__(self, *exc_info):
                    return False

            async def main():
                with Connection() as connection:
                    print(connection)

            asyncio.run(main())
        """, "with-instead-of-async-with", 11)

    def test_with_on_an_unrelated_object_is_not_explained(self):
        result = run("""
            with 42:
                pass
        """)
        self.assertIsNone(result.error["explanation"])

    def test_python_3_14_wording_with(self):
        source = """
            import asyncio

            async def main():
                with asyncio.Lock():
                    pass
        """
        error = TypeError(
            "'asyncio.locks.Lock' object does not support the context manager protocol (missed "
            "__exit__ method) but it supports the asynchronous context manager protocol. Did you "
            "mean to use 'async with'?")
        explanation = self.explain_message(source, 4, error)
        self.assertEqual(explanation.id, "with-instead-of-async-with")
        self.assert_names_line(explanation, 4)

    def test_async_with_on_an_ordinary_context_manager(self):
        _, explanation = self.error_explanation("""
            import asyncio

            class Timer:
                def __enter__(self):
                    return self

                def __exit__(self, *exc_info):
                    return False

            async def main():
                async with Timer():
                    await asyncio.sleep(1)

            asyncio.run(main())
        """, "async-with-instead-of-with", 11)
        self.assertIn("plain `with Timer():`", explanation.text)

    def test_python_3_14_wording_async_with(self):
        source = """
            import asyncio

            async def main():
                async with open("menu.txt") as menu:
                    print(menu.read())
        """
        error = TypeError(
            "'_io.TextIOWrapper' object does not support the asynchronous context manager protocol "
            "(missed __aexit__ method) but it supports the context manager protocol. Did you mean "
            "to use 'with'?")
        explanation = self.explain_message(source, 4, error)
        self.assertEqual(explanation.id, "async-with-instead-of-with")
        self.assert_names_line(explanation, 4)
        self.assertIn('plain `with open("menu.txt"):`', explanation.text)


class LoopTest(ExplanationTestCase):
    def test_for_over_an_async_generator(self):
        _, explanation = self.error_explanation("""
            import asyncio

            async def ticker(count):
                for tick in range(count):
                    await asyncio.sleep(1)
                    yield tick

            async def main():
                for tick in ticker(3):
                    print(tick)

            asyncio.run(main())
        """, "for-instead-of-async-for", 9)
        self.assertIn("`async for ... in ticker(3):`", explanation.text)

    def test_comprehension_over_an_async_generator(self):
        _, explanation = self.error_explanation("""
            import asyncio

            async def ticker(count):
                for tick in range(count):
                    await asyncio.sleep(1)
                    yield tick

            async def main():
                ticks = [tick for tick in ticker(3)]
                print(ticks)

            asyncio.run(main())
        """, "for-instead-of-async-for", 9)
        self.assertIn("async for ... in ticker(3)]", explanation.text)

    def test_async_for_over_a_list(self):
        _, explanation = self.error_explanation("""
            import asyncio

            async def main():
                async for order in ["tea", "coffee"]:
                    print(order)

            asyncio.run(main())
        """, "async-for-instead-of-for", 4)
        self.assertIn("plain `for", explanation.text)

    def test_async_for_over_a_coroutine(self):
        result, explanation = self.error_explanation("""
            import asyncio

            async def fetch_orders():
                await asyncio.sleep(1)
                return ["tea", "coffee"]

            async def main():
                async for order in fetch_orders():
                    print(order)

            asyncio.run(main())
        """, "async-for-instead-of-for", 8)
        self.assertIn("`for ... in await fetch_orders():`", explanation.text)
        self.assertEqual([each.id for each in result.explanations], ["async-for-instead-of-for"])


class EventLoopClosedTest(ExplanationTestCase):
    def test_loop_used_after_asyncio_run(self):
        self.error_explanation("""
            import asyncio

            async def main():
                return asyncio.get_running_loop()

            loop = asyncio.run(main())
            loop.run_until_complete(asyncio.sleep(1))
        """, "event-loop-closed", 7)


class TimeoutTest(ExplanationTestCase):
    def test_wait_for(self):
        _, explanation = self.error_explanation("""
            import asyncio

            async def slow_order():
                await asyncio.sleep(5)

            async def main():
                await asyncio.wait_for(slow_order(), timeout=1)

            asyncio.run(main())
        """, "timeout", 7)
        self.assertIn("a time limit of 1 s", explanation.text)

    def test_timeout_block(self):
        _, explanation = self.error_explanation("""
            import asyncio

            async def main():
                async with asyncio.timeout(1):
                    await asyncio.sleep(5)

            asyncio.run(main())
        """, "timeout", 4)
        self.assertIn("`async with asyncio.timeout(1):`", explanation.text)

    def test_aiohttp_request_past_its_timeout(self):
        def slow_api(sandbox):
            sandbox.network.add_web_host("api.example.com", {"/menu": HANG})

        result = run_program(textwrap.dedent("""
            import asyncio
            import aiohttp

            async def main():
                timeout = aiohttp.ClientTimeout(total=2)
                async with aiohttp.ClientSession(timeout=timeout) as session:
                    async with session.get("http://api.example.com/menu") as response:
                        print(await response.text())

            asyncio.run(main())
        """).lstrip("\n"), prepare=slow_api)
        explanation = result.explanations[0]
        self.assertEqual(explanation.id, "timeout")
        self.assert_names_line(explanation, 7)
        self.assertIn("aiohttp.ClientTimeout", explanation.text)

    def test_learners_own_timeout_error_is_not_explained(self):
        result = run("""
            raise TimeoutError("the kettle took too long")
        """)
        self.assertIsNone(result.error["explanation"])


class TaskGroupTest(ExplanationTestCase):
    def test_failing_task_in_a_group(self):
        _, explanation = self.error_explanation("""
            import asyncio

            async def fetch(n):
                await asyncio.sleep(n)
                raise ValueError(f"server {n} is down")

            async def main():
                async with asyncio.TaskGroup() as group:
                    group.create_task(fetch(1))

            asyncio.run(main())
        """, "task-group-error", 8)
        self.assertIn("`ValueError: server 1 is down` on line 5", explanation.text)
        self.assertIn("`except* ValueError:`", explanation.text)

    def test_sub_exception_with_its_own_explanation(self):
        self.error_explanation("""
            import asyncio

            async def fetch(n):
                await asyncio.wait_for(asyncio.sleep(n), timeout=1.5)

            async def main():
                async with asyncio.TaskGroup() as group:
                    group.create_task(fetch(1))
                    group.create_task(fetch(2))

            asyncio.run(main())
        """, "timeout", 4)


class ResultShapeTest(unittest.TestCase):
    def test_error_without_a_known_mistake(self):
        result = run("""
            prices = {"tea": 3}
            print(prices["coffee"])
        """)
        run_json = result.to_json()
        self.assertIsNone(run_json["error"]["explanation"])
        self.assertEqual(run_json["explanations"], [])

    def test_explanations_in_json(self):
        run_json = run("""
            import asyncio

            async def main():
                asyncio.sleep(1)

            asyncio.run(main())
        """).to_json()
        self.assertIsNone(run_json["error"])
        [explanation] = run_json["explanations"]
        self.assertEqual(set(explanation), {"id", "title", "text", "line"})
        self.assertEqual((explanation["id"], explanation["line"]), ("never-awaited", 4))


if __name__ == "__main__":
    unittest.main()
