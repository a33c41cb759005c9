# expect: async generator once it contains `yield`
import asyncio


async def ticker():
    ticks = []
    try:
        for count in range(1, 4):
            await asyncio.sleep(1)
            ticks.append(count)
        return ticks
    finally:
        print("ticker stopped")


async def main():
    for n in await ticker():
        print(f"tick {n}")
    print("done")


asyncio.run(main())
