# expect: you predicted 'rice ready'
import asyncio

# One after another, as if nothing overlapped.
PREDICTED_LINES = [
    "start soup",
    "soup ready",
    "start rice",
    "rice ready",
    "start eggs",
    "eggs ready",
    "start tea",
    "tea ready",
    "dinner is served",
]
PREDICTED_SECONDS = 7


async def cook(dish, seconds):
    print(f"start {dish}")
    await asyncio.sleep(seconds)
    print(f"{dish} ready")


async def main():
    await cook("soup", 1)
    await asyncio.gather(cook("rice", 3), cook("eggs", 1), cook("tea", 2))
    print("dinner is served")


asyncio.run(main())
