# expect: aclose
import asyncio


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
    ticks = ticker()
    async for n in ticks:
        print(f"tick {n}")
        if n == 3:
            break
    print("done")


asyncio.run(main())
