import asyncio

SUPPLIERS = {"Acme": (3, 120), "Globex": (1, 150), "Initech": (2, 110), "Umbrella": (4, 130)}


async def get_quote(supplier):
    seconds, price = SUPPLIERS[supplier]
    await asyncio.sleep(seconds)
    return supplier, price


async def main():
    pending = {asyncio.create_task(get_quote(supplier)) for supplier in SUPPLIERS}
    quotes = []
    while pending:
        done, pending = await asyncio.wait(pending, return_when=asyncio.FIRST_COMPLETED)
        for task in done:
            quotes.append(task.result())
            supplier, price = task.result()
            print(f"{len(quotes)}. {supplier}: {price}")
    cheapest = min(quotes, key=lambda quote: quote[1])
    print("cheapest: %s at %d" % cheapest)


asyncio.run(main())
