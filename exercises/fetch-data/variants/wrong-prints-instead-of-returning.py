# expect: returned None
import asyncio


async def fetch_data():
    await asyncio.sleep(2)
    print("received", {"user": "ada", "plan": "pro"})


async def main():
    print("fetching...")
    await fetch_data()


asyncio.run(main())
