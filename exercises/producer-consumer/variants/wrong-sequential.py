# expect: at the same time
import asyncio


async def take_orders(queue):
    for number in range(1, 6):
        await asyncio.sleep(1)
        await queue.put(f"order {number}")
        print(f"took order {number}")
    await queue.put(None)


async def pack_orders(queue):
    while (order := await queue.get()) is not None:
        await asyncio.sleep(1.5)
        print(f"packed {order}")


async def main():
    queue = asyncio.Queue()
    await take_orders(queue)
    await pack_orders(queue)
    print("all done")


asyncio.run(main())
