import asyncio

# Each page: how long it takes to fetch, in seconds, and its size in bytes.
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
    # With return_exceptions=True an exception does not end the gather: it
    # takes its place in the results, and the other pages carry on.
    results = await asyncio.gather(*(fetch(path) for path in PAGES), return_exceptions=True)
    fetched = 0
    total = 0
    for path, result in zip(PAGES, results):
        if isinstance(result, Exception):
            print(f"{path}: failed ({type(result).__name__}: {result})")
        else:
            print(f"{path}: {result} bytes")
            fetched += 1
            total += result
    print(f"fetched {fetched} of {len(PAGES)} pages, {total} bytes")


asyncio.run(main())
