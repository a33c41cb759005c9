import asyncio
from contextlib import asynccontextmanager


@asynccontextmanager
async def timed(label):
    # Note the time, let the block run, then print how long it took.
    yield


async def fetch(name, seconds):
    await asyncio.sleep(seconds)  # stands in for a slow request
    return name


async def main():
    async with timed("users"):
        await fetch("users", 1.5)
    async with timed("users and orders together"):
        await asyncio.gather(fetch("users", 1.5), fetch("orders", 2))
    print("done")


asyncio.run(main())
