# expect: only one coffee brewed at a time
import asyncio

BARISTAS = 2
ORDERS = [("Ada", 3), ("Ben", 1), ("Cleo", 4), ("Dev", 1), ("Eli", 2)]


async def make_coffee(counter, name, seconds):
    async with counter:
        print(f"brewing for {name}")
        await asyncio.sleep(seconds)
        print(f"{name}'s coffee is ready")


async def main():
    counter = asyncio.Lock()
    await asyncio.gather(*(make_coffee(counter, name, seconds) for name, seconds in ORDERS))
    print(f"all {len(ORDERS)} coffees served")


asyncio.run(main())
