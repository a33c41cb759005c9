import asyncio


async def tick():
    for n in range(1, 4):
        print(f"tick {n}")
        await asyncio.sleep(1)


async def tock():
    for n in range(1, 4):
        await asyncio.sleep(0.5)
        print(f"tock {n}")
        await asyncio.sleep(0.5)


async def main():
    background = asyncio.create_task(tock())
    await tick()
    await background


asyncio.run(main())
