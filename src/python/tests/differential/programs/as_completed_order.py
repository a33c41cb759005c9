"""as_completed yields results in the order they finish."""
import asyncio


async def job(name, delay):
    await asyncio.sleep(delay)
    return name


async def main():
    jobs = [job("third", 0.3), job("first", 0.1), job("second", 0.2)]
    for next_done in asyncio.as_completed(jobs):
        print(await next_done)
    try:
        for next_done in asyncio.as_completed([job("late", 0.5)], timeout=0.1):
            await next_done
    except asyncio.TimeoutError:
        print("as_completed timed out")


asyncio.run(main())
