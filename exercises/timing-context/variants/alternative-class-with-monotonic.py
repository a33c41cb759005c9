import asyncio
import time


class timed:
    """Prints how long the `async with` block took."""

    def __init__(self, label):
        self.label = label

    async def __aenter__(self):
        self.start = time.monotonic()

    async def __aexit__(self, *exc_info):
        print(f"{self.label} took {time.monotonic() - self.start:.1f}s")


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
