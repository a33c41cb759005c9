import asyncio

TOASTING_TIME = 2


async def make_toast(slices: int) -> str:
    print(f"toasting {slices} slices")
    await asyncio.sleep(TOASTING_TIME)
    print("pop!")
    return f"{slices} slices of toast"


async def main() -> None:
    print("serving", await make_toast(2))


if __name__ == "__main__":
    asyncio.run(main())
