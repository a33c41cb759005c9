import asyncio

BARISTAS = 2
ORDERS = [("Ada", 3), ("Ben", 1), ("Cleo", 4), ("Dev", 1), ("Eli", 2)]


class Cafe:
    def __init__(self, baristas):
        self.free_baristas = asyncio.Semaphore(baristas)
        self.served = 0

    async def make_coffee(self, name, seconds):
        await self.free_baristas.acquire()
        try:
            print(f"brewing for {name}")
            await asyncio.sleep(seconds)
            print(f"{name}'s coffee is ready")
            self.served += 1
        finally:
            self.free_baristas.release()


async def main():
    cafe = Cafe(BARISTAS)
    async with asyncio.TaskGroup() as group:
        for name, seconds in ORDERS:
            group.create_task(cafe.make_coffee(name, seconds))
    print(f"all {cafe.served} coffees served")


if __name__ == "__main__":
    asyncio.run(main())
