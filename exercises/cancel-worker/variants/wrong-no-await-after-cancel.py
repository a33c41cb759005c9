# expect: `await task` waits until it has
import asyncio


async def worker():
    job = 0
    try:
        while True:
            job += 1
            print(f"worker: job {job}")
            await asyncio.sleep(1)
    finally:
        print("worker: closing the log")


async def main():
    task = asyncio.create_task(worker(), name="worker")
    await asyncio.sleep(3.5)
    task.cancel()
    print("main: worker stopped")


asyncio.run(main())
