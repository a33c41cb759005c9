# expect: that is the order they were ready in
import asyncio

ORDERS = [("latte", 5), ("espresso", 1), ("cappuccino", 3)]


async def brew(coffee, seconds):
    print(f"brewing {coffee}")
    await asyncio.sleep(seconds)
    print(f"{coffee} is ready")
    return coffee


async def main():
    cups = []
    for next_cup in asyncio.as_completed([brew(coffee, seconds) for coffee, seconds in ORDERS]):
        cups.append(await next_cup)
    print("served:", ", ".join(cups))


asyncio.run(main())
