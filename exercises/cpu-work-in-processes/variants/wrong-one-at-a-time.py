# expect: start all four before awaiting any
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


async def main():
    loop = asyncio.get_running_loop()
    with ProcessPoolExecutor(max_workers=2) as pool:
        for limit in LIMITS:
            count = await loop.run_in_executor(pool, count_primes, limit)
            print(f"{count} primes below {limit}")
    print("all done")


if __name__ == "__main__":
    asyncio.run(main())
