# expect: write `cups = await asyncio.gather
import asyncio

ORDERS = [("latte", 5), ("espresso", 1), ("cappuccino", 3)]


async def brew(coffee, seconds):
    print(f"brewing {coffee}")
    await asyncio.sleep(seconds)
    print(f"{coffee} is ready")
    return coffee


async def main():
    cups = asyncio.gather(*(brew(coffee, seconds) for coffee, seconds in ORDERS))
    print("served:", ", ".join(cups))


asyncio.run(main())
