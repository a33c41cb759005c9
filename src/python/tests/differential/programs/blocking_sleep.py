"""time.sleep blocks the event loop: every other task waits for it."""
import asyncio
import time


async def ticker(loop, start):
    for number in range(1, 4):
        await asyncio.sleep(0.1)
        late = loop.time() - start - 0.1 * number
        print(f"tick {number}, more than 0.2s late: {late > 0.2}")


async def blocker(loop, start):
    await asyncio.sleep(0.05)
    print("blocking the loop")
    before = loop.time()
    time.sleep(0.3)
    print("unblocked; the loop was blocked at least 0.3s:", loop.time() - before >= 0.3)


async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    await asyncio.gather(ticker(loop, start), blocker(loop, start))


asyncio.run(main())
