# expect: time\.sleep\(2\).*froze
import asyncio
import time


async def fetch_data():
    time.sleep(2)
    return {"user": "ada", "plan": "pro"}


async def main():
    print("fetching...")
    data = await fetch_data()
    print("received", data)


asyncio.run(main())
