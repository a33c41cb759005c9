# expect: one after another
import asyncio

JOBS = [3, 1, 4, 1, 5, 2, 2, 3]


async def job(number, seconds):
    print(f"job {number} starts")
    await asyncio.sleep(seconds)
    print(f"job {number} done")


async def worker(queue):
    while not queue.empty():
        number, seconds = await queue.get()
        await job(number, seconds)


async def run_pool(durations, workers):
    queue = asyncio.Queue()
    for number, seconds in enumerate(durations, start=1):
        queue.put_nowait((number, seconds))
    for _ in range(workers):
        await worker(queue)


async def main():
    await run_pool(JOBS, 3)
    print("all jobs done")


asyncio.run(main())
