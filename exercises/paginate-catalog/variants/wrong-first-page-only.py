# expect: only the first page came through
import asyncio

CATALOG = [
    {"name": "kettle", "price": 35},
    {"name": "mug", "price": 8},
    {"name": "teapot", "price": 24},
    {"name": "spoon", "price": 3},
    {"name": "tray", "price": 15},
    {"name": "grinder", "price": 49},
    {"name": "filter", "price": 6},
    {"name": "scale", "price": 22},
    {"name": "jar", "price": 9},
    {"name": "timer", "price": 12},
]
PAGE_SIZE = 3


async def fetch_page(page):
    """The simulated shop API (do not change it): one page of products per
    request, and each request takes half a second."""
    await asyncio.sleep(0.5)
    start = (page - 1) * PAGE_SIZE
    products = CATALOG[start:start + PAGE_SIZE]
    next_page = page + 1 if start + PAGE_SIZE < len(CATALOG) else None
    return {"products": products, "next_page": next_page}


async def all_products():
    data = await fetch_page(1)
    for product in data["products"]:
        yield product


async def main():
    async for product in all_products():
        if product["price"] > 40:
            print("first over 40:", product["name"])
            break
    cheap = [p["name"] async for p in all_products() if p["price"] < 10]
    print("cheap:", cheap)


asyncio.run(main())
