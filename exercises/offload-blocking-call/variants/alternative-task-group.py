import asyncio
import time


def load_report():
    """A blocking library call: it takes 3.5 seconds and cannot be awaited.
    Leave it as it is."""
    time.sleep(3.5)
    return "sales are up 12%"


async def tick_forever():
    for n in range(1_000_000):
        print(f"tick {n}")
        await asyncio.sleep(1)


async def fetch_report(ticking):
    report = await asyncio.to_thread(load_report)
    print(f"report: {report}")
    ticking.cancel()


async def main():
    async with asyncio.TaskGroup() as group:
        ticking = group.create_task(tick_forever())
        group.create_task(fetch_report(ticking))


if __name__ == "__main__":
    asyncio.run(main())
