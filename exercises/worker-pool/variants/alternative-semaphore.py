import asyncio

JOBS = [3, 1, 4, 1, 5, 2, 2, 3]


async def job(number, seconds):
    print(f"job {number} starts")
    await asyncio.sleep(seconds)
    print(f"job {number} done")


async def run_pool(durations, workers):
    slots = asyncio.Semaphore(workers)

    async def limited(number, seconds):
        async with slots:
            await job(number, seconds)

    await asyncio.gather(*(limited(number, seconds)
                           for number, seconds in enumerate(durations, start=1)))


async def main():
    await run_pool(JOBS, 3)
    print("all jobs done")


asyncio.run(main())
