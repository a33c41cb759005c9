import asyncio

background = set()


async def send_receipt(order):
    await asyncio.sleep(1.5)
    print(f"receipt sent for order {order}")


def start_in_background(coro, name):
    task = asyncio.create_task(coro, name=name)
    background.add(task)
    task.add_done_callback(background.discard)


async def take_order(order):
    await asyncio.sleep(1)
    print(f"order {order} taken")
    start_in_background(send_receipt(order), f"receipt-{order}")


def still_running():
    me = asyncio.current_task()
    return sorted(task.get_name() for task in asyncio.all_tasks() if task is not me)


async def main():
    for order in range(1, 4):
        await take_order(order)
    while background:
        await asyncio.wait(background)
    print("shop closed; still running:", still_running())


if __name__ == "__main__":
    asyncio.run(main())
