import asyncio

SUPPLIERS = {"Acme": (3, 120), "Globex": (1, 150), "Initech": (2, 110), "Umbrella": (4, 130)}


async def get_quote(supplier):
    seconds, price = SUPPLIERS[supplier]
    await asyncio.sleep(seconds)
    return supplier, price


async def main():
    arrived = []

    async def ask(supplier):
        quote = await get_quote(supplier)
        arrived.append(quote)
        print(f"{len(arrived)}. {quote[0]}: {quote[1]}")

    async with asyncio.TaskGroup() as tg:
        for supplier in SUPPLIERS:
            tg.create_task(ask(supplier))
    best = min(arrived, key=lambda quote: quote[1])
    print(f"cheapest: {best[0]} at {best[1]}")


asyncio.run(main())
