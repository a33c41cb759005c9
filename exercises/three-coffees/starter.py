import asyncio

# Each order: the coffee, and how long it takes to brew in seconds.
ORDERS = [("latte", 5), ("espresso", 1), ("cappuccino", 3)]


async def brew(coffee, seconds):
    print(f"brewing {coffee}")
    await asyncio.sleep(seconds)
    print(f"{coffee} is ready")
    return coffee


async def main():
    # One coffee after another: 5 + 1 + 3 = 9 seconds.
    cups = []
    for coffee, seconds in ORDERS:
        cups.append(await brew(coffee, seconds))
    print("served:", ", ".join(cups))


asyncio.run(main())
