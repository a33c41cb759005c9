"""A TaskGroup waits for all of its tasks before the block ends."""
import asyncio


async def brew(drink, delay):
    await asyncio.sleep(delay)
    print(drink, "ready")
    return drink


async def main():
    async with asyncio.TaskGroup() as group:
        tea = group.create_task(brew("tea", 0.2))
        coffee = group.create_task(brew("coffee", 0.3), name="coffee")
        group.create_task(brew("water", 0.1))
        print("all started")
    print("block ended")
    print(tea.result(), coffee.result(), coffee.get_name())


asyncio.run(main())
