# expect: GIL
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


async def report(limit):
    count = await asyncio.to_thread(count_primes, limit)
    print(f"{count} primes below {limit}")


async def main():
    await asyncio.gather(*(report(limit) for limit in LIMITS))
    print("all done")


if __name__ == "__main__":
    asyncio.run(main())
