"""asyncio.sleep(0) hands control to every other ready task, in turn."""
import asyncio


async def worker(name, steps):
    for step in range(steps):
        print(name, step)
        await asyncio.sleep(0)
    print(name, "finished")


async def main():
    await asyncio.gather(worker("A", 3), worker("B", 2), worker("C", 1))


asyncio.run(main())
