import asyncio


async def worker():
    # It never stops by itself: only cancelling it ends the loop.
    # Make it print "worker: closing the log" when it stops, however it stops.
    job = 0
    while True:
        job += 1
        print(f"worker: job {job}")
        await asyncio.sleep(1)


async def main():
    task = asyncio.create_task(worker(), name="worker")
    await asyncio.sleep(3.5)
    # Stop the worker here, wait until it has really stopped,
    # then print "main: worker stopped".


asyncio.run(main())
