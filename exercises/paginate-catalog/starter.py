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
    """Every product of the catalog, page after page."""
    data = await fetch_page(1)
    return data["products"]


async def main():
    products = await all_products()
    expensive = [p["name"] for p in products if p["price"] > 40]
    print("first over 40:", expensive[0] if expensive else None)
    cheap = [p["name"] for p in products if p["price"] < 10]
    print("cheap:", cheap)


asyncio.run(main())
