import asyncio

# What the price service answers, and the prices we saved last time.
LIVE_PRICES = {"apple": 1.25, "melon": 3.40, "cherry": 6.10}
CACHED_PRICES = {"apple": 1.20, "melon": 3.50, "cherry": 6.00}


async def fetch_price(item, seconds):
    """The price service: it answers after `seconds` seconds."""
    await asyncio.sleep(seconds)
    return LIVE_PRICES[item]


async def price_or_cached(item, seconds):
    try:
        # After 2 seconds, asyncio.timeout cancels the fetch and raises
        # TimeoutError when the block exits.
        async with asyncio.timeout(2):
            return await fetch_price(item, seconds)
    except TimeoutError:
        print(f"{item}: no answer after 2s, using the cached price")
        return CACHED_PRICES[item]


async def main():
    for item, seconds in [("apple", 1), ("melon", 5), ("cherry", 0.5)]:
        price = await price_or_cached(item, seconds)
        print(f"{item}: {price:.2f}")


asyncio.run(main())
