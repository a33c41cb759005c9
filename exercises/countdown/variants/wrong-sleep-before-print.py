# expect: printed at t=1s
import asyncio


async def main():
    for n in [3, 2, 1]:
        await asyncio.sleep(1)
        print(n)
    print("Liftoff!")


asyncio.run(main())
