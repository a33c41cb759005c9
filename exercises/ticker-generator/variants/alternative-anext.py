import asyncio
import itertools


async def ticker():
    try:
        for count in itertools.count(1):
            await asyncio.sleep(1)
            yield count
    finally:
        print("ticker stopped")


async def main():
    ticks = ticker()
    for _ in range(3):
        n = await anext(ticks)
        print(f"tick {n}")
    await ticks.aclose()
    print("done")


if __name__ == "__main__":
    asyncio.run(main())
