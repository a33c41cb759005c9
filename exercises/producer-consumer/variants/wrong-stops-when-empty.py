# expect: queue\.empty\(\)
import asyncio


async def take_orders(queue):
    for number in range(1, 6):
        await asyncio.sleep(1)
        await queue.put(f"order {number}")
        print(f"took order {number}")


async def pack_orders(queue):
    while not queue.empty():
        order = await queue.get()
        await asyncio.sleep(1.5)
        print(f"packed {order}")


async def main():
    queue = asyncio.Queue()
    await asyncio.gather(take_orders(queue), pack_orders(queue))
    print("all done")


asyncio.run(main())
