import asyncio

# Each supplier: how long it takes to answer, in seconds, and its price.
SUPPLIERS = {"Acme": (3, 120), "Globex": (1, 150), "Initech": (2, 110), "Umbrella": (4, 130)}


async def get_quote(supplier):
    seconds, price = SUPPLIERS[supplier]
    await asyncio.sleep(seconds)
    return supplier, price


async def main():
    # Every quote waits for the slowest supplier before it is printed.
    quotes = await asyncio.gather(*(get_quote(supplier) for supplier in SUPPLIERS))
    for number, (supplier, price) in enumerate(quotes, start=1):
        print(f"{number}. {supplier}: {price}")
    supplier, price = min(quotes, key=lambda quote: quote[1])
    print(f"cheapest: {supplier} at {price}")


asyncio.run(main())
