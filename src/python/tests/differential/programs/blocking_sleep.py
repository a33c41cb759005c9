"""time.sleep blocks the event loop: every other task waits for it."""
import asyncio
import time


async def ticker(loop, start):
    for _ in range(3):
        await asyncio.sleep(0.1)
        print(f"tick at {loop.time() - start:.1f}")


async def blocker(loop, start):
    await asyncio.sleep(0.05)
    print(f"blocking from {loop.time() - start:.2f}")
    time.sleep(0.3)
    print(f"unblocked at {loop.time() - start:.2f}")


async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    await asyncio.gather(ticker(loop, start), blocker(loop, start))


asyncio.run(main())
