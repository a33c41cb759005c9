import asyncio

DONE = object()


class Shop:
    def __init__(self, orders):
        self.orders = orders
        self.queue = asyncio.Queue()

    async def counter(self):
        for number in range(1, self.orders + 1):
            await asyncio.sleep(1)
            await self.queue.put(number)
            print(f"took order {number}")
        await self.queue.put(DONE)

    async def packer(self):
        while (number := await self.queue.get()) is not DONE:
            await asyncio.sleep(1.5)
            print(f"packed order {number}")

    async def run(self):
        async with asyncio.TaskGroup() as group:
            group.create_task(self.counter(), name="counter")
            group.create_task(self.packer(), name="packer")


async def main():
    await Shop(5).run()
    print("all done")


if __name__ == "__main__":
    asyncio.run(main())
