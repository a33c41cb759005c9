# expect: break
import asyncio
from contextlib import aclosing


async def ticker():
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
    print("done")


asyncio.run(main())
