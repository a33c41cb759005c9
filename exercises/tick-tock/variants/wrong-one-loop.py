# expect: only one task ran at a time
import asyncio


async def main():
    for n in range(1, 4):
        print(f"tick {n}")
        await asyncio.sleep(0.5)
        print(f"tock {n}")
        await asyncio.sleep(0.5)


asyncio.run(main())
