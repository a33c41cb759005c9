# expect: cancel the ticker
import asyncio
import time


def load_report():
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
    report = await asyncio.to_thread(load_report)
    print(f"report: {report}")
    await ticking


asyncio.run(main())
