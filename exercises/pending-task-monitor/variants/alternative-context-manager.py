import asyncio


async def work(seconds):
    await asyncio.sleep(seconds)


class Monitor:
    def __init__(self, interval):
        self.interval = interval
        self.task = None

    def report(self):
        names = [task.get_name() for task in asyncio.all_tasks() if task is not self.task]
        print("pending: " + ", ".join(sorted(names)))

    async def run(self):
        while True:
            await asyncio.sleep(self.interval)
            self.report()

    async def __aenter__(self):
        self.task = asyncio.create_task(self.run())
        return self

    async def __aexit__(self, *exc_info):
        self.task.cancel()
        try:
            await self.task
        except asyncio.CancelledError:
            pass


async def main():
    asyncio.current_task().set_name("main")
    async with Monitor(1):
        async with asyncio.TaskGroup() as group:
            group.create_task(work(2.5), name="download-a")
            group.create_task(work(1.5), name="download-b")
            group.create_task(work(3.5), name="resize")
    print("all work done")


asyncio.run(main())
