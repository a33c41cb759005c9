"""A three-stage pipeline of queues that shuts down with a sentinel."""
import asyncio

DONE = None


async def produce(out):
    for number in range(1, 5):
        await asyncio.sleep(0.05)
        await out.put(number)
    await out.put(DONE)


async def square(inbox, out):
    while (number := await inbox.get()) is not DONE:
        await out.put(number * number)
    await out.put(DONE)


async def collect(inbox):
    results = []
    while (value := await inbox.get()) is not DONE:
        results.append(value)
        print("collected", value)
    return results


async def main():
    first, second = asyncio.Queue(), asyncio.Queue(maxsize=1)
    _, _, results = await asyncio.gather(produce(first), square(first, second), collect(second))
    print("results:", results)


asyncio.run(main())
