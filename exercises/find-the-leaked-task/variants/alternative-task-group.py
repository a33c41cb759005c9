import asyncio


async def send_receipt(order):
    await asyncio.sleep(1.5)
    print(f"receipt sent for order {order}")


async def take_order(group, order):
    await asyncio.sleep(1)
    print(f"order {order} taken")
    group.create_task(send_receipt(order), name=f"receipt-{order}")


def still_running():
    me = asyncio.current_task()
    return sorted(task.get_name() for task in asyncio.all_tasks() if task is not me)


async def main():
    async with asyncio.TaskGroup() as group:
        for order in range(1, 4):
            await take_order(group, order)
    print("shop closed; still running:", still_running())


asyncio.run(main())
