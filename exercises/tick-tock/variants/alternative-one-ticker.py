import asyncio


async def ticker(word, delay, times=3):
    await asyncio.sleep(delay)
    for n in range(1, times + 1):
        print(f"{word} {n}")
        await asyncio.sleep(1)


async def main():
    async with asyncio.TaskGroup() as group:
        group.create_task(ticker("tick", 0))
        group.create_task(ticker("tock", 0.5))


asyncio.run(main())
