import asyncio


async def countdown(start):
    n = start
    while n > 0:
        print(n)
        n -= 1
        await asyncio.sleep(1)


async def main():
    await countdown(3)
    print("Liftoff!")


asyncio.run(main())
