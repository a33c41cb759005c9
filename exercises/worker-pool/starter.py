import asyncio

JOBS = [3, 1, 4, 1, 5, 2, 2, 3]  # how long each job takes, in seconds


async def job(number, seconds):
    print(f"job {number} starts")
    await asyncio.sleep(seconds)
    print(f"job {number} done")


async def run_pool(durations, workers):
    """Run job 1, 2, 3... in order, at most `workers` of them at a time."""
    for number, seconds in enumerate(durations, start=1):
        await job(number, seconds)


async def main():
    await run_pool(JOBS, 3)
    print("all jobs done")


asyncio.run(main())
