# expect: sentinel
import asyncio


async def take_orders(queue):
    for number in range(1, 6):
        await asyncio.sleep(1)
        await queue.put(f"order {number}")
        print(f"took order {number}")


async def pack_orders(queue):
    while True:
        try:
            order = await asyncio.wait_for(queue.get(), timeout=2)
        except TimeoutError:
            return
        await asyncio.sleep(1.5)
        print(f"packed {order}")


async def main():
    queue = asyncio.Queue()
    await asyncio.gather(take_orders(queue), pack_orders(queue))
    print("all done")


asyncio.run(main())
