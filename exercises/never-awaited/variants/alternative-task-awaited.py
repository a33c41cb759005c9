import asyncio


async def boil_water():
    print("boiling water")
    await asyncio.sleep(3)
    print("water boiled")


async def brew_tea():
    kettle = asyncio.create_task(boil_water())
    await kettle
    print("steeping")
    await asyncio.sleep(2)
    print("tea is ready")


async def main():
    print("making tea")
    tea = brew_tea()
    await tea
    print("drinking tea")


if __name__ == "__main__":
    asyncio.run(main())
