import asyncio


async def tick():
    for n in range(1, 4):
        print(f"tick {n}")
        await asyncio.sleep(1)


async def tock():
    await asyncio.sleep(0.5)
    for n in range(1, 4):
        print(f"tock {n}")
        await asyncio.sleep(1)


async def main():
    await asyncio.gather(tick(), tock())


asyncio.run(main())
