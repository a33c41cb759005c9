"""run_in_executor: results, exceptions and an explicit thread pool."""
import asyncio
import concurrent.futures
import time


def compute(x):
    time.sleep(0.1)
    return x * x


def broken():
    time.sleep(0.05)
    raise OSError("disk not found")


async def main():
    loop = asyncio.get_running_loop()
    print(await loop.run_in_executor(None, compute, 7))
    try:
        await loop.run_in_executor(None, broken)
    except OSError as error:
        print("OSError from the thread:", error)
    with concurrent.futures.ThreadPoolExecutor(max_workers=2) as pool:
        start = loop.time()
        results = await asyncio.gather(*(loop.run_in_executor(pool, compute, n) for n in range(4)))
        elapsed = loop.time() - start
        print(results, "in two rounds of 0.1s with two workers:", 0.15 < elapsed < 0.4)


asyncio.run(main())
