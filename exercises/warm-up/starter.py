import asyncio


async def main():
    # Wait one second here, then greet.
    print("Hello, asyncio!")


asyncio.run(main())
