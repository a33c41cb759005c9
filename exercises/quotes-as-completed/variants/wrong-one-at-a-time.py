# expect: instead of awaiting one supplier after another
import asyncio

SUPPLIERS = {"Acme": (3, 120), "Globex": (1, 150), "Initech": (2, 110), "Umbrella": (4, 130)}


async def get_quote(supplier):
    seconds, price = SUPPLIERS[supplier]
    await asyncio.sleep(seconds)
    return supplier, price


async def main():
    quotes = []
    for number, supplier in enumerate(SUPPLIERS, start=1):
        supplier, price = await get_quote(supplier)
        print(f"{number}. {supplier}: {price}")
        quotes.append((supplier, price))
    supplier, price = min(quotes, key=lambda quote: quote[1])
    print(f"cheapest: {supplier} at {price}")


asyncio.run(main())
