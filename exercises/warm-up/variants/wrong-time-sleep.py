# expect: time\.sleep\(1\).*froze
import asyncio
import time


async def main():
    time.sleep(1)
    print("Hello, asyncio!")


asyncio.run(main())
