import asyncio

# What the price service answers, and the prices we saved last time.
LIVE_PRICES = {"apple": 1.25, "melon": 3.40, "cherry": 6.10}
CACHED_PRICES = {"apple": 1.20, "melon": 3.50, "cherry": 6.00}


async def fetch_price(item, seconds):
    """The price service: it answers after `seconds` seconds."""
    await asyncio.sleep(seconds)
    return LIVE_PRICES[item]


async def price_or_cached(item, seconds):
    # Give fetch_price at most 2 seconds. If it has not answered by then,
    # print "<item>: no answer after 2s, using the cached price"
    # and return CACHED_PRICES[item] instead.
    return await fetch_price(item, seconds)


async def main():
    for item, seconds in [("apple", 1), ("melon", 5), ("cherry", 0.5)]:
        price = await price_or_cached(item, seconds)
        print(f"{item}: {price:.2f}")


asyncio.run(main())
