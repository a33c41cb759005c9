import asyncio

JOBS = [3, 1, 4, 1, 5, 2, 2, 3]
STOP = None


async def job(number, seconds):
    print(f"job {number} starts")
    await asyncio.sleep(seconds)
    print(f"job {number} done")


async def worker(queue):
    while (item := await queue.get()) is not STOP:
        await job(*item)


async def run_pool(durations, workers):
    queue = asyncio.Queue()
    for item in enumerate(durations, start=1):
        queue.put_nowait(item)
    for _ in range(workers):
        queue.put_nowait(STOP)  # one per worker, after the last job
    async with asyncio.TaskGroup() as group:
        for _ in range(workers):
            group.create_task(worker(queue))


async def main():
    await run_pool(JOBS, 3)
    print("all jobs done")


asyncio.run(main())
