"""A Semaphore(2) lets at most two tasks in at once."""
import asyncio


async def download(name, semaphore, loop, start):
    async with semaphore:
        print(f"{name} starts at {loop.time() - start:.1f}")
        await asyncio.sleep(0.1)
    print(f"{name} ends at {loop.time() - start:.1f}")


async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    semaphore = asyncio.Semaphore(2)
    await asyncio.gather(*(download(f"file{i}", semaphore, loop, start) for i in range(5)))
    print("locked:", semaphore.locked())


asyncio.run(main())
