# expect: gather waits for every quote before you see any
import asyncio

SUPPLIERS = {"Acme": (3, 120), "Globex": (1, 150), "Initech": (2, 110), "Umbrella": (4, 130)}


async def get_quote(supplier):
    seconds, price = SUPPLIERS[supplier]
    await asyncio.sleep(seconds)
    return supplier, price


async def main():
    quotes = await asyncio.gather(*(get_quote(supplier) for supplier in SUPPLIERS))
    arrived = sorted(quotes, key=lambda quote: SUPPLIERS[quote[0]][0])
    for number, (supplier, price) in enumerate(arrived, start=1):
        print(f"{number}. {supplier}: {price}")
    supplier, price = min(quotes, key=lambda quote: quote[1])
    print(f"cheapest: {supplier} at {price}")


asyncio.run(main())
