import asyncio

ORDERS = 5


async def take_orders(queue):
    for number in range(1, ORDERS + 1):
        await asyncio.sleep(1)
        await queue.put(f"order {number}")
        print(f"took order {number}")


async def pack_orders(queue):
    while True:
        order = await queue.get()
        try:
            await asyncio.sleep(1.5)
            print(f"packed {order}")
        finally:
            queue.task_done()


async def main():
    queue = asyncio.Queue()
    packer = asyncio.create_task(pack_orders(queue))
    await take_orders(queue)
    await queue.join()       # every order taken has been packed
    packer.cancel()          # the packer is idle in queue.get(): stop it
    print("all done")


asyncio.run(main())
