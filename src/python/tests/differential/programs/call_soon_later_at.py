"""call_soon runs callbacks in order; call_later and call_at by their time."""
import asyncio


def say(label):
    print(label)


async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    loop.call_later(0.2, say, "later 0.2")
    loop.call_at(start + 0.1, say, "at start+0.1")
    loop.call_soon(say, "soon 1")
    loop.call_soon(say, "soon 2")
    handle = loop.call_later(0.15, say, "cancelled, never printed")
    handle.cancel()
    print("handle cancelled:", handle.cancelled())
    print("scheduled, main goes on")
    await asyncio.sleep(0)
    print("after sleep(0)")
    await asyncio.sleep(0.3)
    print("main done")


asyncio.run(main())
