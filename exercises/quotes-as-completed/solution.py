import asyncio

# Each supplier: how long it takes to answer, in seconds, and its price.
SUPPLIERS = {"Acme": (3, 120), "Globex": (1, 150), "Initech": (2, 110), "Umbrella": (4, 130)}


async def get_quote(supplier):
    seconds, price = SUPPLIERS[supplier]
    await asyncio.sleep(seconds)
    return supplier, price


async def main():
    requests = [get_quote(supplier) for supplier in SUPPLIERS]
    quotes = []
    # as_completed hands out the results in the order they finish. Each
    # result names its supplier, since that order is not the order of SUPPLIERS.
    for number, next_quote in enumerate(asyncio.as_completed(requests), start=1):
        supplier, price = await next_quote
        print(f"{number}. {supplier}: {price}")
        quotes.append((supplier, price))
    supplier, price = min(quotes, key=lambda quote: quote[1])
    print(f"cheapest: {supplier} at {price}")


asyncio.run(main())
