import asyncio


async def ticker():
    """Count seconds forever: wait 1 s, yield 1, wait 1 s, yield 2, ..."""
    try:
        pass  # your loop here
    finally:
        print("ticker stopped")


async def main():
    # Print "tick N" for each number from ticker(); stop after tick 3.
    print("done")


asyncio.run(main())
