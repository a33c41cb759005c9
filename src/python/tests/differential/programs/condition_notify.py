"""Condition: notify(n) wakes n waiters, notify_all() the rest; wait_for() rechecks."""
import asyncio

items = []


async def consumer(name, condition):
    async with condition:
        await condition.wait()
        print(name, "notified")


async def picky(condition):
    async with condition:
        await condition.wait_for(lambda: len(items) >= 2)
        print("picky saw", items)


async def main():
    condition = asyncio.Condition()
    tasks = [asyncio.create_task(consumer(f"c{i}", condition)) for i in range(3)]
    tasks.append(asyncio.create_task(picky(condition)))
    await asyncio.sleep(0.1)
    async with condition:
        items.append(1)
        condition.notify(1)
    await asyncio.sleep(0.1)
    async with condition:
        items.append(2)
        condition.notify_all()
    await asyncio.gather(*tasks)
    try:
        condition.notify()
    except RuntimeError as error:
        print("RuntimeError:", error)


asyncio.run(main())
