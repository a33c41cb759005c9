# expect: never ran in a thread
import asyncio


async def load_report():
    await asyncio.sleep(3.5)
    return "sales are up 12%"


async def ticker():
    n = 0
    while True:
        print(f"tick {n}")
        n += 1
        await asyncio.sleep(1)


async def main():
    ticking = asyncio.create_task(ticker())
    report = await load_report()
    print(f"report: {report}")
    ticking.cancel()


asyncio.run(main())
