import asyncio
import time
from contextlib import asynccontextmanager


@asynccontextmanager
async def timed(label):
    start = time.perf_counter()
    try:
        yield
    finally:
        elapsed = time.perf_counter() - start
        print(f"{label} took {elapsed:.1f}s")


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
