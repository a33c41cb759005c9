# expect: time\.sleep\(1\).*froze
import asyncio
import time


async def main():
    for n in [3, 2, 1]:
        print(n)
        time.sleep(1)
    print("Liftoff!")


asyncio.run(main())
