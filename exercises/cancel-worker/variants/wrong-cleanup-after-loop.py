# expect: put the print in a `finally:` block
import asyncio


async def worker():
    job = 0
    while True:
        job += 1
        print(f"worker: job {job}")
        await asyncio.sleep(1)
    print("worker: closing the log")


async def main():
    task = asyncio.create_task(worker(), name="worker")
    await asyncio.sleep(3.5)
    task.cancel()
    try:
        await task
    except asyncio.CancelledError:
        pass
    print("main: worker stopped")


asyncio.run(main())
