"""CPU work offloaded to a process pool with run_in_executor."""
import asyncio
import concurrent.futures


def count_primes(limit):
    primes = 0
    for number in range(2, limit):
        if all(number % divisor for divisor in range(2, int(number ** 0.5) + 1)):
            primes += 1
    return primes


async def main():
    loop = asyncio.get_running_loop()
    with concurrent.futures.ProcessPoolExecutor(max_workers=2) as pool:
        results = await asyncio.gather(*(loop.run_in_executor(pool, count_primes, limit)
                                         for limit in (100, 1000, 5000)))
    print("primes below 100, 1000, 5000:", results)


if __name__ == "__main__":
    asyncio.run(main())
