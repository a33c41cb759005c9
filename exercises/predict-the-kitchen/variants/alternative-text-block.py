import asyncio

# Written as one block of text; spacing and capitals don't matter.
PREDICTED_LINES = """
Start soup
Soup ready
Start rice
Start eggs
Start tea
Eggs ready
Tea ready
Rice ready
Dinner is served
"""
PREDICTED_SECONDS = 4.0


async def cook(dish, seconds):
    print(f"start {dish}")
    await asyncio.sleep(seconds)
    print(f"{dish} ready")


async def main():
    await cook("soup", 1)
    await asyncio.gather(cook("rice", 3), cook("eggs", 1), cook("tea", 2))
    print("dinner is served")


asyncio.run(main())
