# expect: async def fetch_data
import asyncio
import time


def fetch_data():
    time.sleep(2)
    return {"user": "ada", "plan": "pro"}


async def main():
    print("fetching...")
    data = fetch_data()
    print("received", data)


asyncio.run(main())
