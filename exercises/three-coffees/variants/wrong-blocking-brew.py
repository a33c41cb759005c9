# expect: froze the whole program
import asyncio
import time

ORDERS = [("latte", 5), ("espresso", 1), ("cappuccino", 3)]


async def brew(coffee, seconds):
    print(f"brewing {coffee}")
    time.sleep(seconds)
    print(f"{coffee} is ready")
    return coffee


async def main():
    cups = await asyncio.gather(*(brew(coffee, seconds) for coffee, seconds in ORDERS))
    print("served:", ", ".join(cups))


asyncio.run(main())
