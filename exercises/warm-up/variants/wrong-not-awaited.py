# expect: printed at t=0s
import asyncio


async def main():
    asyncio.sleep(1)
    print("Hello, asyncio!")


asyncio.run(main())
