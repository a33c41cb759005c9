"""put() waits while a bounded queue is full."""
import asyncio


async def producer(queue, loop, start):
    for item in range(4):
        await queue.put(item)
        print(f"put {item} at {loop.time() - start:.1f}")


async def slow_consumer(queue, loop, start):
    for _ in range(4):
        await asyncio.sleep(0.1)
        item = await queue.get()
        print(f"got {item} at {loop.time() - start:.1f}")


async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    queue = asyncio.Queue(maxsize=2)
    await asyncio.gather(producer(queue, loop, start), slow_consumer(queue, loop, start))


asyncio.run(main())
