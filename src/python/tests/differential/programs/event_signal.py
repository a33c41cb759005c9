"""An Event wakes every waiter at once; clear() makes later waiters wait again."""
import asyncio


async def waiter(name, event):
    print(name, "waiting")
    await event.wait()
    print(name, "woke up")


async def main():
    event = asyncio.Event()
    waiters = [asyncio.create_task(waiter(name, event)) for name in ("w1", "w2", "w3")]
    await asyncio.sleep(0.1)
    print("setting the event")
    event.set()
    await asyncio.gather(*waiters)
    print("is_set:", event.is_set(), "wait returns", await event.wait())
    event.clear()
    try:
        await asyncio.wait_for(event.wait(), timeout=0.1)
    except asyncio.TimeoutError:
        print("nobody set it again")


asyncio.run(main())
