"""A timeout stops the waiting, not the thread: asyncio.run still waits for it."""
import asyncio
import time


def slow():
    time.sleep(0.3)
    print("thread finished anyway")
    return "late"


async def main():
    try:
        await asyncio.wait_for(asyncio.to_thread(slow), timeout=0.1)
    except asyncio.TimeoutError:
        print("gave up waiting")
    print("main returns")


asyncio.run(main())
print("asyncio.run returned")
