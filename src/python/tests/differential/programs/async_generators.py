"""Async generators: async for, asend, aclose, and clean-up at shutdown."""
import asyncio


async def ticker(count, delay):
    try:
        for number in range(count):
            await asyncio.sleep(delay)
            yield number
    finally:
        print("ticker", count, "cleaned up")


async def echo():
    received = None
    while True:
        received = yield f"echo {received}"


async def main():
    print([number async for number in ticker(3, 0.05)])

    generator = echo()
    print(await generator.asend(None))
    print(await generator.asend("hello"))
    await generator.aclose()
    try:
        await generator.asend("again")
    except StopAsyncIteration:
        print("closed generator raises StopAsyncIteration")

    async for number in ticker(10, 0.05):
        if number == 1:
            print("breaking out at", number)
            break
    print("main returns")


asyncio.run(main())
print("after asyncio.run")
