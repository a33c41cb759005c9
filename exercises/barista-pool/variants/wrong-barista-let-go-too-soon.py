# expect: hold it for the whole brew
import asyncio

BARISTAS = 2
ORDERS = [("Ada", 3), ("Ben", 1), ("Cleo", 4), ("Dev", 1), ("Eli", 2)]


async def make_coffee(baristas, name, seconds):
    async with baristas:
        print(f"brewing for {name}")
    await asyncio.sleep(seconds)
    print(f"{name}'s coffee is ready")


async def main():
    baristas = asyncio.Semaphore(BARISTAS)
    await asyncio.gather(*(make_coffee(baristas, name, seconds) for name, seconds in ORDERS))
    print(f"all {len(ORDERS)} coffees served")


asyncio.run(main())
