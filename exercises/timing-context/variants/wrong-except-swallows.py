# expect: swallows the error
import asyncio
from contextlib import asynccontextmanager


@asynccontextmanager
async def timed(label):
    start = asyncio.get_running_loop().time()
    try:
        yield
    except Exception:
        pass
    print(f"{label} took {asyncio.get_running_loop().time() - start:.1f}s")


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
