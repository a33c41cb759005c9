import asyncio


async def make_toast(slices):
    print(f"toasting {slices} slices")
    await asyncio.sleep(2)
    print("pop!")
    return f"{slices} slices of toast"


async def main():
    toast = await make_toast(2)
    print("serving", toast)


asyncio.run(main())
