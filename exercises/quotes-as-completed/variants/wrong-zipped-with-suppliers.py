# expect: do not zip it with SUPPLIERS
import asyncio

SUPPLIERS = {"Acme": (3, 120), "Globex": (1, 150), "Initech": (2, 110), "Umbrella": (4, 130)}


async def get_quote(supplier):
    seconds, price = SUPPLIERS[supplier]
    await asyncio.sleep(seconds)
    return supplier, price


async def main():
    quotes = []
    arrivals = asyncio.as_completed([get_quote(supplier) for supplier in SUPPLIERS])
    for number, (supplier, next_quote) in enumerate(zip(SUPPLIERS, arrivals), start=1):
        _, price = await next_quote
        print(f"{number}. {supplier}: {price}")
        quotes.append((supplier, price))
    supplier, price = min(quotes, key=lambda quote: quote[1])
    print(f"cheapest: {supplier} at {price}")


asyncio.run(main())
