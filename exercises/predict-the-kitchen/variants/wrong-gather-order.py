# expect: shortest wait ends first
import asyncio

# Ready in the order the dishes were given to gather.
PREDICTED_LINES = [
    "start soup",
    "soup ready",
    "start rice",
    "start eggs",
    "start tea",
    "rice ready",
    "eggs ready",
    "tea ready",
    "dinner is served",
]
PREDICTED_SECONDS = 4


async def cook(dish, seconds):
    print(f"start {dish}")
    await asyncio.sleep(seconds)
    print(f"{dish} ready")


async def main():
    await cook("soup", 1)
    await asyncio.gather(cook("rice", 3), cook("eggs", 1), cook("tea", 2))
    print("dinner is served")


asyncio.run(main())
