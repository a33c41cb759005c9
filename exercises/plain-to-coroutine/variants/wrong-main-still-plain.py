# expect: main\(\) is an ordinary function
import asyncio


async def make_toast(slices):
    print(f"toasting {slices} slices")
    await asyncio.sleep(2)
    print("pop!")
    return f"{slices} slices of toast"


def main():
    toast = asyncio.run(make_toast(2))
    print("serving", toast)


main()
