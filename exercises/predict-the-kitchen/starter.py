import asyncio

# Your prediction: fill these in BEFORE you press Run.
# One string per line the program prints, in the order it prints them.
PREDICTED_LINES = [
]
# The virtual time, in seconds, at which the program ends.
PREDICTED_SECONDS = None


async def cook(dish, seconds):
    print(f"start {dish}")
    await asyncio.sleep(seconds)
    print(f"{dish} ready")


async def main():
    await cook("soup", 1)
    await asyncio.gather(cook("rice", 3), cook("eggs", 1), cook("tea", 2))
    print("dinner is served")


asyncio.run(main())
