# expect: fetch_data\(\) to take 2s
import asyncio


async def fetch_data():
    return {"user": "ada", "plan": "pro"}


async def main():
    print("fetching...")
    await asyncio.sleep(2)
    data = await fetch_data()
    print("received", data)


asyncio.run(main())
