import asyncio

# Each order: the coffee, and how long it takes to brew in seconds.
ORDERS = [("latte", 5), ("espresso", 1), ("cappuccino", 3)]


async def brew(coffee, seconds):
    print(f"brewing {coffee}")
    await asyncio.sleep(seconds)
    print(f"{coffee} is ready")
    return coffee


async def main():
    # gather runs the three brews at once and returns their results in the
    # order of its arguments, whichever finishes first.
    cups = await asyncio.gather(*(brew(coffee, seconds) for coffee, seconds in ORDERS))
    print("served:", ", ".join(cups))


asyncio.run(main())
