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
            raise


async def main():
    task = asyncio.create_task(worker(), name="worker")
    try:
        # wait_for cancels the task when time runs out, and waits for it to stop.
        await asyncio.wait_for(task, timeout=3.5)
    except TimeoutError:
        print("main: worker stopped")


asyncio.run(main())
