import asyncio

BARISTAS = 2
ORDERS = [("Ada", 3), ("Ben", 1), ("Cleo", 4), ("Dev", 1), ("Eli", 2)]


async def barista(orders):
    while True:
        name, seconds = await orders.get()
        print(f"brewing for {name}")
        await asyncio.sleep(seconds)
        print(f"{name}'s coffee is ready")
        orders.task_done()


async def main():
    orders = asyncio.Queue()
    for order in ORDERS:
        orders.put_nowait(order)
    staff = [asyncio.create_task(barista(orders)) for _ in range(BARISTAS)]
    await orders.join()
    for worker in staff:
        worker.cancel()
    print(f"all {len(ORDERS)} coffees served")


asyncio.run(main())
