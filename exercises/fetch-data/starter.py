import asyncio


async def fetch_data():
    # The server is slow: wait 2 seconds, then return the dictionary
    # {"user": "ada", "plan": "pro"}.
    pass


async def main():
    print("fetching...")
    # Get the data from fetch_data() and print it.


asyncio.run(main())
