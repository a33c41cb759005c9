# expect: asyncio\.run
import asyncio


async def main():
    await asyncio.sleep(1)
    print("Hello, asyncio!")


main()
