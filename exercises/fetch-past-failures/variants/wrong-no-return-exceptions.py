# expect: return_exceptions=True
import asyncio

PAGES = {"/home": (2, 5120), "/missing": (1, 0), "/about": (3, 2048), "/broken": (2.5, 0)}


async def fetch(path):
    seconds, size = PAGES[path]
    await asyncio.sleep(seconds)
    if path == "/missing":
        raise LookupError(f"404 Not Found: {path}")
    if path == "/broken":
        raise ConnectionError(f"connection reset while fetching {path}")
    return size


async def main():
    results = await asyncio.gather(*(fetch(path) for path in PAGES))
    sizes = []
    for path, result in zip(PAGES, results):
        if isinstance(result, Exception):
            print(f"{path}: failed ({type(result).__name__}: {result})")
        else:
            print(f"{path}: {result} bytes")
            sizes.append(result)
    print(f"fetched {len(sizes)} of {len(PAGES)} pages, {sum(sizes)} bytes")


asyncio.run(main())
