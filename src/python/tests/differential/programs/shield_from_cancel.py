"""shield keeps the inner task running when the outer await is cancelled."""
import asyncio


async def save(data):
    await asyncio.sleep(0.2)
    print("saved", data)
    return "ok"


async def main():
    inner = asyncio.create_task(save("report"))
    try:
        await asyncio.wait_for(asyncio.shield(inner), timeout=0.1)
    except asyncio.TimeoutError:
        print("stopped waiting; inner cancelled?", inner.cancelled())
    print("inner result:", await inner)

    async def waiter():
        return await asyncio.shield(save("draft"))

    outer = asyncio.create_task(waiter())
    await asyncio.sleep(0.1)
    outer.cancel()
    try:
        await outer
    except asyncio.CancelledError:
        print("outer cancelled")
    await asyncio.sleep(0.2)


asyncio.run(main())
