import asyncio
import time


def load_report():
    """A blocking library call: it takes 3.5 seconds and cannot be awaited.
    Leave it as it is."""
    time.sleep(3.5)
    return "sales are up 12%"


async def ticker(stop):
    n = 0
    while not stop.is_set():
        print(f"tick {n}")
        n += 1
        try:
            await asyncio.wait_for(stop.wait(), timeout=1)
        except TimeoutError:
            pass


async def main():
    stop = asyncio.Event()
    ticking = asyncio.create_task(ticker(stop))
    loop = asyncio.get_running_loop()
    report = await loop.run_in_executor(None, load_report)
    print(f"report: {report}")
    stop.set()
    await ticking


asyncio.run(main())
