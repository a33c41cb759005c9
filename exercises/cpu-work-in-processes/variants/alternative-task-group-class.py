import asyncio
import time
from concurrent.futures import ProcessPoolExecutor

LIMITS = [500, 1_000, 1_500, 2_000]


def count_primes(limit):
    """Count the primes below limit: pure computation, nothing to wait for."""
    count = 0
    for n in range(2, limit):
        if all(n % d for d in range(2, int(n ** 0.5) + 1)):
            count += 1
    time.sleep(2)
    return count


class PrimeCounter:
    def __init__(self, workers):
        self.pool = ProcessPoolExecutor(max_workers=workers)

    async def report(self, limit):
        loop = asyncio.get_running_loop()
        count = await loop.run_in_executor(self.pool, count_primes, limit)
        print(f"{count} primes below {limit}")

    async def run(self, limits):
        async with asyncio.TaskGroup() as group:
            for limit in limits:
                group.create_task(self.report(limit))
        self.pool.shutdown()


async def main():
    await PrimeCounter(workers=2).run(LIMITS)
    print("all done")


if __name__ == "__main__":
    asyncio.run(main())
