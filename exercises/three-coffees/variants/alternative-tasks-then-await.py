import asyncio

ORDERS = [("latte", 5), ("espresso", 1), ("cappuccino", 3)]


async def brew(coffee, seconds):
    print(f"brewing {coffee}")
    await asyncio.sleep(seconds)
    print(f"{coffee} is ready")
    return coffee


async def main():
    tasks = []
    for coffee, seconds in ORDERS:
        tasks.append(asyncio.create_task(brew(coffee, seconds), name=coffee))
    cups = []
    for task in tasks:
        cups.append(await task)
    print("served:", ", ".join(cups))


asyncio.run(main())
