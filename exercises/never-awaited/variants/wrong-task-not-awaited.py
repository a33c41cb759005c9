# expect: the program ended first
import asyncio


async def boil_water():
    print("boiling water")
    await asyncio.sleep(3)
    print("water boiled")


async def brew_tea():
    await boil_water()
    print("steeping")
    await asyncio.sleep(2)
    print("tea is ready")


async def main():
    print("making tea")
    asyncio.create_task(brew_tea())
    print("drinking tea")


asyncio.run(main())
