import asyncio


async def send_receipt(order):
    await asyncio.sleep(1.5)
    print(f"receipt sent for order {order}")


async def take_order(order):
    await asyncio.sleep(1)
    print(f"order {order} taken")
    return asyncio.create_task(send_receipt(order), name=f"receipt-{order}")


def still_running():
    """Names of the unfinished tasks, apart from the one calling this."""
    me = asyncio.current_task()
    return sorted(task.get_name() for task in asyncio.all_tasks() if task is not me)


async def main():
    receipts = []
    for order in range(1, 4):
        receipts.append(await take_order(order))
    await asyncio.gather(*receipts)
    print("shop closed; still running:", still_running())


asyncio.run(main())
