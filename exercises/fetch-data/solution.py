import asyncio


async def fetch_data():
    await asyncio.sleep(2)
    return {"user": "ada", "plan": "pro"}


async def main():
    print("fetching...")
    data = await fetch_data()
    print("received", data)


asyncio.run(main())
