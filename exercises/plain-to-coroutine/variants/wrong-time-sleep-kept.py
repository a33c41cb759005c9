# expect: time\.sleep\(2\).*froze
import asyncio
import time


async def make_toast(slices):
    print(f"toasting {slices} slices")
    time.sleep(2)
    print("pop!")
    return f"{slices} slices of toast"


async def main():
    toast = await make_toast(2)
    print("serving", toast)


asyncio.run(main())
