import asyncio

ORDERS = 5


async def take_orders(queue):
    for number in range(1, ORDERS + 1):
        await asyncio.sleep(1)  # a customer orders every second
        await queue.put(f"order {number}")
        print(f"took order {number}")
    await queue.put(None)  # no more orders: tell the packer to stop


async def pack_orders(queue):
    while True:
        order = await queue.get()
        if order is None:
            break
        await asyncio.sleep(1.5)  # packing takes a second and a half
        print(f"packed {order}")


async def main():
    queue = asyncio.Queue()
    await asyncio.gather(take_orders(queue), pack_orders(queue))
    print("all done")


asyncio.run(main())
