# expect: don't wait for a receipt before taking the next order
import asyncio


async def send_receipt(order):
    await asyncio.sleep(1.5)
    print(f"receipt sent for order {order}")


async def take_order(order):
    await asyncio.sleep(1)
    print(f"order {order} taken")
    await send_receipt(order)


def still_running():
    me = asyncio.current_task()
    return sorted(task.get_name() for task in asyncio.all_tasks() if task is not me)


async def main():
    for order in range(1, 4):
        await take_order(order)
    print("shop closed; still running:", still_running())


asyncio.run(main())
