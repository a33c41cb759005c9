# expect: time\.sleep\(1\).*froze
import asyncio
import time
from contextlib import aclosing


async def ticker():
    count = 0
    try:
        while True:
            time.sleep(1)
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
