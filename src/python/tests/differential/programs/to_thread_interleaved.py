"""A thread's output and the loop's output interleave by time."""
import asyncio
import time


def worker():
    print("thread: step 1")
    time.sleep(0.2)
    print("thread: step 2")
    time.sleep(0.2)
    print("thread: step 3")
    return 3


async def main():
    future = asyncio.to_thread(worker)
    task = asyncio.create_task(future)
    await asyncio.sleep(0.1)
    for _ in range(3):
        print("loop: tick")
        await asyncio.sleep(0.2)
    print("steps:", await task)


asyncio.run(main())
