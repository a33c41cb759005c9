import asyncio

JOBS = [3, 1, 4, 1, 5, 2, 2, 3]  # how long each job takes, in seconds


async def job(number, seconds):
    print(f"job {number} starts")
    await asyncio.sleep(seconds)
    print(f"job {number} done")


async def worker(queue):
    while True:
        number, seconds = await queue.get()
        try:
            await job(number, seconds)
        finally:
            queue.task_done()


async def run_pool(durations, workers):
    """Run job 1, 2, 3... in order, at most `workers` of them at a time."""
    queue = asyncio.Queue()
    for number, seconds in enumerate(durations, start=1):
        queue.put_nowait((number, seconds))
    tasks = [asyncio.create_task(worker(queue)) for _ in range(workers)]
    await queue.join()  # every job has been taken and finished
    for task in tasks:
        task.cancel()  # the workers wait in queue.get(): stop them
    await asyncio.gather(*tasks, return_exceptions=True)


async def main():
    await run_pool(JOBS, 3)
    print("all jobs done")


asyncio.run(main())
