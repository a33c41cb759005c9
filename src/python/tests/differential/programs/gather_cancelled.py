"""Cancelling a gather cancels every child that has not finished."""
import asyncio


async def child(name, delay):
    try:
        await asyncio.sleep(delay)
        print(name, "finished")
    except asyncio.CancelledError:
        print(name, "cancelled")
        raise


async def main():
    group = asyncio.gather(child("one", 0.1), child("two", 0.3), child("three", 0.4))
    await asyncio.sleep(0.2)
    group.cancel()
    try:
        await group
    except asyncio.CancelledError:
        print("gather cancelled:", group.cancelled())


asyncio.run(main())
