import asyncio

ORDERS = [("latte", 5), ("espresso", 1), ("cappuccino", 3)]


async def brew(coffee, seconds):
    print(f"brewing {coffee}")
    await asyncio.sleep(seconds)
    print(f"{coffee} is ready")
    return coffee


async def main():
    async with asyncio.TaskGroup() as machines:
        cups = [machines.create_task(brew(coffee, seconds)) for coffee, seconds in ORDERS]
    print("served:", ", ".join(cup.result() for cup in cups))


asyncio.run(main())
