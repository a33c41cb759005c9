"""The trace records each task's life, blocking calls and output in virtual time."""

import json
import sys
import unittest

from tests.sandbox_helpers import run

_PROGRAM = """\
import asyncio

async def child(delay):
    await asyncio.sleep(delay)
    return delay * 2

async def failing():
    await asyncio.sleep(1)
    raise ValueError("nope")

async def forever():
    await asyncio.Event().wait()

async def main():
    worker = asyncio.create_task(child(2), name="worker")
    broken = asyncio.create_task(failing())
    doomed = asyncio.create_task(forever(), name="doomed")
    print("started")
    await asyncio.sleep(0.5)
    doomed.cancel()
    print(await worker)
    try:
        await broken
    except ValueError:
        pass

asyncio.run(main())
"""


#: until 3.13, asyncio.create_task(name=...) used up a default name first
_FAILING = "Task-3" if sys.version_info < (3, 13) else "Task-2"


def events(record):
    return [(event.t, event.kind, event.detail, event.line) for event in record.events]


class TaskTraceTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.result = run(_PROGRAM)
        cls.tasks = {record.name: record for record in cls.result.trace.tasks}

    def test_every_task_is_recorded_with_its_parent_and_line(self):
        self.assertEqual(
            [(r.id, r.name, r.coro, r.parent, r.line) for r in self.result.trace.tasks],
            [(1, "Task-1", "main", None, 27), (2, "worker", "child", 1, 15),
             (3, _FAILING, "failing", 1, 16), (4, "doomed", "forever", 1, 17)])

    def test_a_completed_task(self):
        worker = self.tasks["worker"]
        self.assertEqual(events(worker), [
            (0, "created", None, 15), (0, "started", None, None),
            (0, "suspended", "asyncio.sleep(2)", 4), (2, "resumed", None, None),
            (2, "done", None, None)])
        self.assertEqual((worker.state, worker.result, worker.started, worker.ended),
                         ("done", "4", 0, 2))

    def test_a_failed_task(self):
        failing = self.tasks[_FAILING]
        self.assertEqual(events(failing)[-1], (1, "error", "ValueError: nope", None))
        self.assertEqual((failing.state, failing.ended), ("error", 1))

    def test_a_cancelled_task(self):
        doomed = self.tasks["doomed"]
        self.assertEqual(events(doomed)[2:], [
            (0, "suspended", "Event.wait()", 12), (0.5, "resumed", None, None),
            (0.5, "cancelled", None, None)])
        self.assertEqual(doomed.state, "cancelled")

    def test_the_main_task_waits_on_what_it_awaits(self):
        suspensions = [(e.t, e.detail, e.line) for e in self.tasks["Task-1"].events
                       if e.kind == "suspended"]
        self.assertEqual(suspensions, [(0, "asyncio.sleep(0.5)", 19), (0.5, "task 'worker'", 21)])

    def test_output_lines_carry_their_virtual_time(self):
        self.assertEqual([(line.t, line.text, line.stream) for line in self.result.trace.output],
                         [(0, "started", "stdout"), (2, "4", "stdout")])
        self.assertEqual(self.result.to_json()["stdout"], [{"t": 0, "text": "started", "stream": "stdout"},
                                                            {"t": 2, "text": "4", "stream": "stdout"}])

    def test_the_trace_is_json(self):
        data = json.loads(json.dumps(self.result.to_json()))
        worker = data["tasks"][1]
        self.assertEqual(worker["name"], "worker")
        # Each event is an array: [t, kind, detail, line].
        self.assertEqual(worker["events"][2], [0, "suspended", "asyncio.sleep(2)", 4])
        self.assertEqual(worker["events"][1], [0, "started", None, None])
        self.assertEqual(worker["events"][-1], [2, "done", None, None])
        self.assertEqual((worker["created"], worker["started"], worker["ended"]), (0, 0, 2))


class TraceDetailsTest(unittest.TestCase):
    def test_a_name_given_by_create_task_is_the_recorded_name(self):
        result = run("""
            import asyncio
            async def main():
                await asyncio.create_task(asyncio.sleep(0), name="nap")
                task = asyncio.create_task(asyncio.sleep(0))
                task.set_name("renamed")
                await task
            asyncio.run(main())
        """)
        self.assertEqual([record.name for record in result.trace.tasks], ["Task-1", "nap", "renamed"])

    def test_blocking_calls_and_threads_are_recorded(self):
        result = run("""
            import asyncio, time
            def io():
                time.sleep(1)
            async def main():
                time.sleep(0.5)
                await asyncio.to_thread(io)
            asyncio.run(main())
        """)
        [blocking] = result.trace.blocking
        self.assertEqual(blocking.to_json(), {"t": 0, "duration": 0.5, "call": "time.sleep(0.5)",
                                              "line": 6, "task": 1})
        [thread] = result.trace.threads
        self.assertEqual((thread.function, thread.start, thread.end, thread.line), ("io", 0.5, 1.5, 7))

    def test_awaiting_a_library_coroutine_names_what_the_program_called(self):
        result = run("""
            import asyncio
            async def main():
                queue = asyncio.Queue()
                asyncio.get_running_loop().call_later(1, queue.put_nowait, "x")
                await asyncio.wait_for(queue.get(), timeout=5)
            asyncio.run(main())
        """)
        details = [event.detail for event in result.trace.tasks[0].events if event.kind == "suspended"]
        self.assertEqual(details[0], "asyncio.wait_for()")


    def test_a_sleep_is_described_where_the_program_awaits_it(self):
        result = run("""
            import asyncio
            async def nap(seconds):
                await asyncio.sleep(seconds)
            async def main():
                await nap(1)
                await asyncio.sleep(2, result="ignored")
                await asyncio.wait_for(asyncio.sleep(3), timeout=5)
            asyncio.run(main())
        """)
        suspensions = [(event.t, event.detail, event.line) for event in result.trace.tasks[0].events
                       if event.kind == "suspended"]
        # The helper's line, not its caller's; wait_for's own sleep is
        # awaited by asyncio's code, so the task waits in wait_for.
        self.assertEqual(suspensions, [(0, "asyncio.sleep(1)", 4), (1, "asyncio.sleep(2)", 7),
                                       (3, "asyncio.wait_for()", 8)])


class TracePerformanceTest(unittest.TestCase):
    def test_ten_thousand_gathered_tasks_are_all_traced(self):
        source = """
            import asyncio, random
            random.seed(7)
            async def work(number):
                await asyncio.sleep(random.random() * 10)
                return number
            async def main():
                print(sum(await asyncio.gather(*(work(n) for n in range(10_000)))))
            asyncio.run(main())
        """
        # How fast this runs is measured by `npm run bench`, not asserted here.
        result = run(source)
        self.assertEqual(result.lines("stdout"), [str(sum(range(10_000)))])
        self.assertEqual(len(result.trace.tasks), 10_001)


class JsonTest(unittest.TestCase):
    def test_the_json_carries_the_first_thousand_tasks_and_counts_the_rest(self):
        result = run("""
            import asyncio
            async def job(i):
                await asyncio.sleep(i % 7)
            async def main():
                await asyncio.gather(*(job(i) for i in range(1200)))
            asyncio.run(main())
        """)
        self.assertEqual(len(result.trace.tasks), 1201)
        reported = result.to_json()
        self.assertEqual([task["id"] for task in reported["tasks"]], list(range(1, 1001)))
        self.assertEqual(reported["tasks_omitted"], 201)


class DebugModeTest(unittest.TestCase):
    def test_the_loops_own_record_of_a_step_matches_the_tracers(self):
        # Outside debug mode the loop records the commonest steps itself (a
        # task that sleeps, one that ends); in debug mode every step goes
        # through the tracer, and asyncio's own sleep. The trace is the same.
        program = _PROGRAM.replace("asyncio.run(main())", "asyncio.run(main(), debug=DEBUG)")
        quick, debug = (run(f"DEBUG = {flag}\n" + program) for flag in (False, True))
        self.assertEqual([(r.name, r.state, r.result, events(r)) for r in debug.trace.tasks],
                         [(r.name, r.state, r.result, events(r)) for r in quick.trace.tasks])
        self.assertIn((0, "suspended", "asyncio.sleep(2)", 5), events(quick.trace.tasks[1]))


class DirectTaskTest(unittest.TestCase):
    def test_a_task_made_with_asyncio_task_is_traced_and_numbered_with_the_others(self):
        program = """
            import asyncio

            async def work():
                await asyncio.sleep(1)

            async def main():
                task = asyncio.Task(work())
                print(task.get_name())
                await task

            asyncio.run(main())
        """
        for _ in range(2):  # asyncio's own count goes on between runs; the program's does not
            result = run(program)
            self.assertEqual([line.text for line in result.trace.output], ["Task-2"])
            direct = result.trace.tasks[1]
            self.assertEqual((direct.name, direct.coro, direct.parent, direct.line), ("Task-2", "work", 1, 8))
            self.assertEqual(events(direct), [(0, "created", None, 8), (0, "started", None, None),
                                              (0, "suspended", "asyncio.sleep(1)", 5),
                                              (1, "resumed", None, None), (1, "done", None, None)])


class EagerTaskTest(unittest.TestCase):
    @unittest.skipIf(sys.version_info < (3, 12), "eager tasks came with 3.12")
    def test_an_eager_task_is_traced_from_the_step_it_runs_as_it_is_made(self):
        result = run("""
            import asyncio

            async def quick():
                return "at once"

            async def slow():
                await asyncio.sleep(1)
                return "later"

            async def main():
                asyncio.get_running_loop().set_task_factory(asyncio.eager_task_factory)
                first = asyncio.create_task(quick(), name="quick")
                second = asyncio.create_task(slow(), name="slow")
                print(first.done(), second.done())
                print(await first, await second)

            asyncio.run(main())
        """)
        self.assertEqual([line.text for line in result.trace.output], ["True False", "at once later"])
        quick, slow = result.trace.tasks[1:]
        self.assertEqual(events(quick), [(0, "created", None, 13), (0, "started", None, None),
                                         (0, "done", None, None)])
        self.assertEqual((quick.state, quick.result), ("done", "'at once'"))
        self.assertEqual(events(slow), [(0, "created", None, 14), (0, "started", None, None),
                                        (0, "suspended", "asyncio.sleep(1)", 8),
                                        (1, "resumed", None, None), (1, "done", None, None)])


class ReleaseTest(unittest.TestCase):
    def records_left(self, *calls):
        """TaskRecords and TaskEvents alive after ``calls``, with the cycle
        collector off: what it would have to find and free."""
        import gc

        from awaitable.trace import TaskEvent, TaskRecord

        gc.collect()
        gc.disable()
        try:
            for call in calls:
                call()
            return [each for each in gc.get_objects() if isinstance(each, (TaskRecord, TaskEvent))]
        finally:
            gc.enable()

    def test_a_reported_run_leaves_no_records_for_the_cycle_collector(self):
        from awaitable.host import release_runs, run_json

        reported = []
        left = self.records_left(lambda: reported.append(json.loads(run_json(_PROGRAM))), release_runs)
        self.assertEqual(len(reported[0]["tasks"]), 4)
        self.assertEqual(left, [])

    def test_records_are_dropped_after_the_result_or_by_the_next_run(self):
        from awaitable.host import release_runs, run_json

        release_runs()
        # Until the host releases them, the last run's records are kept...
        kept = self.records_left(lambda: run_json(_PROGRAM))
        self.assertEqual(sum(type(each).__name__ == "TaskRecord" for each in kept), 4)
        del kept
        # ...and the next run (here one without tasks) drops them first.
        left = self.records_left(lambda: run_json("print('next')"))
        self.assertEqual(left, [])


if __name__ == "__main__":
    unittest.main()
