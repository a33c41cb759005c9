import asyncio
import time


def load_report():
    """A blocking library call: it takes 3.5 seconds and cannot be awaited.
    Leave it as it is."""
    time.sleep(3.5)
    return "sales are up 12%"


async def ticker():
    n = 0
    while True:
        print(f"tick {n}")
        n += 1
        await asyncio.sleep(1)


async def main():
    ticking = asyncio.create_task(ticker())
    report = load_report()  # freezes the whole program for 3.5 seconds
    print(f"report: {report}")
    ticking.cancel()


asyncio.run(main())
