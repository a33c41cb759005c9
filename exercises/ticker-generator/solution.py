import asyncio
from contextlib import aclosing


async def ticker():
    """Count seconds forever: wait 1 s, yield 1, wait 1 s, yield 2, ..."""
    count = 0
    try:
        while True:
            await asyncio.sleep(1)
            count += 1
            yield count
    finally:
        print("ticker stopped")


async def main():
    async with aclosing(ticker()) as ticks:
        async for n in ticks:
            print(f"tick {n}")
            if n == 3:
                break
    print("done")


asyncio.run(main())
