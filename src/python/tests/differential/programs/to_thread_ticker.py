"""to_thread keeps the event loop free: a ticker runs while a thread blocks."""
import asyncio
import time


def blocking_io(seconds):
    time.sleep(seconds)
    return f"slept {seconds}s in a thread"


async def ticker(loop, start):
    for _ in range(4):
        await asyncio.sleep(0.1)
        print(f"tick at {loop.time() - start:.1f}")


async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    result, _ = await asyncio.gather(asyncio.to_thread(blocking_io, 0.25), ticker(loop, start))
    print(result)
    print(f"both done at {loop.time() - start:.1f}")


asyncio.run(main())
