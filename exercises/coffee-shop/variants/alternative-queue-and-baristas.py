import asyncio
import random

BARISTAS = 2
CLOSING_TIME = 20


class Shop:
    def __init__(self):
        self.loop = asyncio.get_running_loop()
        self.opened = self.loop.time()
        self.orders = asyncio.Queue()
        self.arrived = {}
        self.waits = []

    def now(self):
        return self.loop.time() - self.opened

    async def barista(self):
        while True:
            customer, brew_time = await self.orders.get()
            print(f"brewing for customer {customer}")
            await asyncio.sleep(brew_time)
            print(f"customer {customer} gets their coffee")
            self.waits.append(self.now() - self.arrived[customer])
            self.orders.task_done()

    async def open_doors(self):
        customer = 0
        next_arrival = random.randint(1, 3)
        while next_arrival < CLOSING_TIME:
            await asyncio.sleep(next_arrival - self.now())
            customer += 1
            self.arrived[customer] = self.now()
            print(f"customer {customer} arrives")
            self.orders.put_nowait((customer, random.randint(1, 5)))
            next_arrival += random.randint(1, 3)
        await asyncio.sleep(CLOSING_TIME - self.now())
        print("doors close")


async def main():
    shop = Shop()
    staff = [asyncio.create_task(shop.barista()) for _ in range(BARISTAS)]
    await shop.open_doors()
    await shop.orders.join()
    for barista in staff:
        barista.cancel()
    waits = shop.waits
    print(f"day over: {len(waits)} served, average wait {sum(waits) / len(waits):.1f}s, "
          f"longest wait {max(waits):.1f}s")


if __name__ == "__main__":
    asyncio.run(main())
