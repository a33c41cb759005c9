"""put() waits while a bounded queue is full."""
import asyncio


async def producer(queue):
    for item in range(4):
        await queue.put(item)
        print(f"put {item}; queue size {queue.qsize()}")


async def slow_consumer(queue):
    for _ in range(4):
        await asyncio.sleep(0.1)
        item = await queue.get()
        print(f"got {item}")


async def main():
    queue = asyncio.Queue(maxsize=2)
    await asyncio.gather(producer(queue), slow_consumer(queue))


asyncio.run(main())
