"""Cancelling the task that runs a TaskGroup cancels every task in the group.

The group keeps its tasks in a set, so the order they are cancelled in
depends on memory addresses: the program prints them sorted.
"""
import asyncio

cancelled = []


async def worker(name):
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        cancelled.append(name)
        raise


async def supervisor():
    try:
        async with asyncio.TaskGroup() as group:
            for name in ("w1", "w2", "w3"):
                group.create_task(worker(name))
            print("group started")
    finally:
        print("supervisor leaving the group; cancelled:", sorted(cancelled))


async def main():
    task = asyncio.create_task(supervisor())
    await asyncio.sleep(0.1)
    task.cancel()
    try:
        await task
    except asyncio.CancelledError:
        print("supervisor cancelled:", task.cancelled())


asyncio.run(main())
