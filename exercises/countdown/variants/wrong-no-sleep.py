# expect: printed at t=0s
import asyncio


async def main():
    for n in [3, 2, 1]:
        print(n)
    print("Liftoff!")


asyncio.run(main())
