import asyncio
from contextlib import asynccontextmanager


@asynccontextmanager
async def timed(label):
    loop = asyncio.get_running_loop()
    start = loop.time()
    try:
        yield  # the body of the `async with` block runs here
    finally:  # also when the body raises or is cancelled
        print(f"{label} took {loop.time() - start:.1f}s")


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
