"""A deadlock report names every waiting task, what it waits on, where, and why."""

import unittest

from tests.sandbox_helpers import run, stdout


def waiting(result):
    return {entry["name"]: (entry["waits_on"], entry["line"]) for entry in result.stopped.waiting}


class DeadlockReportTest(unittest.TestCase):
    def assertDeadlock(self, result):
        self.assertIsNotNone(result.stopped, "the program was expected to deadlock")
        self.assertEqual(result.stopped.kind, "deadlock")
        self.assertIn("no task can make progress", result.stopped.message)
        self.assertIsNone(result.error)
        self.assertFalse(result.ok)

    def test_a_join_that_no_consumer_will_satisfy(self):
        result = run("""
            import asyncio

            async def main():
                queue = asyncio.Queue()
                for item in range(3):
                    queue.put_nowait(item)
                print("joining")
                await queue.join()

            asyncio.run(main())
        """)
        self.assertDeadlock(result)
        self.assertEqual(stdout(result), ["joining"])
        self.assertEqual(waiting(result), {"Task-1": ("Queue.join()", 9)})
        self.assertIn("task_done()", result.stopped.hint)

    def test_consumers_left_waiting_for_items(self):
        result = run("""
            import asyncio

            async def consumer(queue):
                while True:
                    item = await queue.get()
                    queue.task_done()

            async def main():
                queue = asyncio.Queue()
                await asyncio.gather(consumer(queue), consumer(queue))

            asyncio.run(main())
        """)
        self.assertDeadlock(result)
        self.assertEqual(waiting(result), {"Task-1": ("asyncio.gather(...)", 11),
                                           "Task-2": ("Queue.get()", 6),
                                           "Task-3": ("Queue.get()", 6)})
        self.assertIn("sentinel", result.stopped.hint)

    def test_an_event_nobody_sets(self):
        result = run("""
            import asyncio

            async def waiter(event):
                await event.wait()

            async def main():
                event = asyncio.Event()
                await asyncio.create_task(waiter(event), name="waiter")

            asyncio.run(main())
        """)
        self.assertDeadlock(result)
        self.assertEqual(waiting(result), {"Task-1": ("task 'waiter'", 9),
                                           "waiter": ("Event.wait()", 5)})
        self.assertIn("event.set()", result.stopped.hint)

    def test_a_lock_acquired_twice(self):
        result = run("""
            import asyncio

            async def main():
                lock = asyncio.Lock()
                async with lock:
                    async with lock:
                        print("never")

            asyncio.run(main())
        """)
        self.assertDeadlock(result)
        self.assertEqual(waiting(result), {"Task-1": ("Lock.acquire()", 7)})
        self.assertIn("not reentrant", result.stopped.hint)

    def test_two_tasks_awaiting_each_other(self):
        result = run("""
            import asyncio
            tasks = {}

            async def first():
                await asyncio.sleep(1)
                await tasks["second"]

            async def second():
                await asyncio.sleep(1)
                await tasks["first"]

            async def main():
                tasks["first"] = asyncio.create_task(first(), name="first")
                tasks["second"] = asyncio.create_task(second(), name="second")
                await asyncio.gather(*tasks.values())

            asyncio.run(main())
        """)
        self.assertDeadlock(result)
        self.assertEqual(waiting(result), {"Task-1": ("asyncio.gather(...)", 16),
                                           "first": ("task 'second'", 7),
                                           "second": ("task 'first'", 11)})
        self.assertIn("'first' -> 'second' -> 'first'", result.stopped.hint)
        self.assertEqual(result.lines("stderr"), [])
        self.assertEqual(result.virtual_time, 1)

    def test_a_task_waiting_for_itself_through_gather(self):
        result = run("""
            import asyncio

            async def main():
                await asyncio.gather(asyncio.current_task())

            asyncio.run(main())
        """)
        self.assertDeadlock(result)
        self.assertIn("'Task-1' waits for itself", result.stopped.hint)

    def test_a_future_nobody_resolves(self):
        result = run("""
            import asyncio

            async def main():
                future = asyncio.get_running_loop().create_future()
                await future

            asyncio.run(main())
        """)
        self.assertDeadlock(result)
        self.assertEqual(waiting(result), {"Task-1": ("a Future", 6)})
        self.assertIn("set_result", result.stopped.hint)

    def test_synchronisation_primitives_name_themselves(self):
        cases = {
            "semaphore = asyncio.Semaphore(0)\n    await semaphore.acquire()": "Semaphore.acquire()",
            "condition = asyncio.Condition()\n    async with condition:\n"
            "        await condition.wait()": "Condition.wait()",
            "queue = asyncio.Queue(1)\n    await queue.put(1)\n    await queue.put(2)": "Queue.put()",
            "barrier = asyncio.Barrier(2)\n    await barrier.wait()": "Barrier.wait()",
        }
        for body, description in cases.items():
            with self.subTest(description=description):
                result = run(f"import asyncio\nasync def main():\n    {body}\nasyncio.run(main())\n")
                self.assertDeadlock(result)
                self.assertEqual(waiting(result)["Task-1"][0], description)
                self.assertIsNotNone(result.stopped.hint)

    def test_the_stop_reason_in_json_carries_the_hint(self):
        result = run("import asyncio\nasyncio.run(asyncio.Event().wait())\n")
        data = result.to_json()["stopped"]
        self.assertEqual(set(data), {"kind", "message", "waiting", "hint"})
        self.assertEqual(data["waiting"], [{"task": 1, "name": "Task-1",
                                            "waits_on": "Event.wait()", "line": 2}])
        self.assertIn("event.set()", data["hint"])

    def test_finally_blocks_run_after_a_deadlock(self):
        result = run("""
            import asyncio

            async def main():
                try:
                    await asyncio.Event().wait()
                finally:
                    print("cleaned up")

            asyncio.run(main())
        """)
        self.assertDeadlock(result)
        self.assertEqual(stdout(result), ["cleaned up"])

    def test_a_finished_program_is_not_a_deadlock(self):
        result = run("""
            import asyncio

            async def main():
                event = asyncio.Event()
                asyncio.get_running_loop().call_later(5, event.set)
                await event.wait()

            asyncio.run(main())
        """)
        self.assertTrue(result.ok)
        self.assertEqual(result.virtual_time, 5)


if __name__ == "__main__":
    unittest.main()
