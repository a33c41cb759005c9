# expect: only after `await queue\.join\(\)`
import asyncio


async def take_orders(queue):
    for number in range(1, 6):
        await asyncio.sleep(1)
        await queue.put(f"order {number}")
        print(f"took order {number}")


async def pack_orders(queue):
    while True:
        order = await queue.get()
        await asyncio.sleep(1.5)
        print(f"packed {order}")


async def main():
    queue = asyncio.Queue()
    packer = asyncio.create_task(pack_orders(queue))
    await take_orders(queue)
    packer.cancel()
    print("all done")


asyncio.run(main())
