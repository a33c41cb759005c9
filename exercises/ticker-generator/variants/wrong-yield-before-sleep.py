# expect: wait one second \*before\* each yield
import asyncio
from contextlib import aclosing


async def ticker():
    count = 1
    try:
        while True:
            yield count
            await asyncio.sleep(1)
            count += 1
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
