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


class Products:
    """The catalog as an async iterator class: it holds the current page's
    products and fetches the next page when they run out."""

    def __init__(self):
        self.buffer = []
        self.next_page = 1

    def __aiter__(self):
        return self

    async def __anext__(self):
        while not self.buffer:
            if self.next_page is None:
                raise StopAsyncIteration
            data = await fetch_page(self.next_page)
            self.buffer = list(data["products"])
            self.next_page = data["next_page"]
        return self.buffer.pop(0)


def all_products():
    return Products()


async def main():
    first = None
    async for product in all_products():
        if product["price"] > 40:
            first = product["name"]
            break
    print(f"first over 40: {first}")
    cheap = []
    async for product in all_products():
        if product["price"] < 10:
            cheap.append(product["name"])
    print(f"cheap: {cheap}")


asyncio.run(main())
