# expect: call it in the worker after each job
import asyncio

JOBS = [3, 1, 4, 1, 5, 2, 2, 3]


async def job(number, seconds):
    print(f"job {number} starts")
    await asyncio.sleep(seconds)
    print(f"job {number} done")


async def worker(queue):
    while True:
        number, seconds = await queue.get()
        await job(number, seconds)


async def run_pool(durations, workers):
    queue = asyncio.Queue()
    for number, seconds in enumerate(durations, start=1):
        queue.put_nowait((number, seconds))
    tasks = [asyncio.create_task(worker(queue)) for _ in range(workers)]
    await queue.join()
    for task in tasks:
        task.cancel()


async def main():
    await run_pool(JOBS, 3)
    print("all jobs done")


asyncio.run(main())
