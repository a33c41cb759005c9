import asyncio


async def main():
    for n in [3, 2, 1]:
        print(n)
        await asyncio.sleep(1)
    print("Liftoff!")


asyncio.run(main())
