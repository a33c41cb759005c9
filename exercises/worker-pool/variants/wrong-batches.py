# expect: batches
import asyncio

JOBS = [3, 1, 4, 1, 5, 2, 2, 3]


async def job(number, seconds):
    print(f"job {number} starts")
    await asyncio.sleep(seconds)
    print(f"job {number} done")


async def run_pool(durations, workers):
    numbered = list(enumerate(durations, start=1))
    for first in range(0, len(numbered), workers):
        batch = numbered[first:first + workers]
        await asyncio.gather(*(job(number, seconds) for number, seconds in batch))


async def main():
    await run_pool(JOBS, 3)
    print("all jobs done")


asyncio.run(main())
