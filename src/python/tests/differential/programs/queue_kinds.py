"""PriorityQueue hands out the smallest item first, LifoQueue the newest."""
import asyncio


async def main():
    priority = asyncio.PriorityQueue()
    for item in [(3, "low"), (1, "urgent"), (2, "normal"), (1, "also urgent")]:
        priority.put_nowait(item)
    print([await priority.get() for _ in range(priority.qsize())])

    lifo = asyncio.LifoQueue()
    for item in "abc":
        await lifo.put(item)
    print([lifo.get_nowait() for _ in range(3)])

    small = asyncio.Queue(maxsize=1)
    small.put_nowait("x")
    try:
        small.put_nowait("y")
    except asyncio.QueueFull:
        print("QueueFull; full():", small.full())
    small.get_nowait()
    try:
        small.get_nowait()
    except asyncio.QueueEmpty:
        print("QueueEmpty; empty():", small.empty())
    try:
        small.task_done()
        small.task_done()
    except ValueError as error:
        print("ValueError:", error)


asyncio.run(main())
