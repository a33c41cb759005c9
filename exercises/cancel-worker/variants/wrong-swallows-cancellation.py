# expect: do not swallow CancelledError
import asyncio


async def worker():
    job = 0
    while True:
        job += 1
        print(f"worker: job {job}")
        try:
            await asyncio.sleep(1)
        except asyncio.CancelledError:
            print("worker: closing the log")
            return


async def main():
    task = asyncio.create_task(worker(), name="worker")
    await asyncio.sleep(3.5)
    task.cancel()
    await task
    print("main: worker stopped")


asyncio.run(main())
