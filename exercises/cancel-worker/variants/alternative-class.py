import asyncio


class Worker:
    def __init__(self):
        self.jobs_done = 0
        self.task = None

    def start(self):
        self.task = asyncio.create_task(self.run(), name="worker")

    async def run(self):
        try:
            while True:
                self.jobs_done += 1
                print(f"worker: job {self.jobs_done}")
                await asyncio.sleep(1)
        finally:
            print("worker: closing the log")

    async def stop(self):
        self.task.cancel()
        await asyncio.gather(self.task, return_exceptions=True)


async def main():
    worker = Worker()
    worker.start()
    await asyncio.sleep(3.5)
    await worker.stop()
    print("main: worker stopped")


asyncio.run(main())
