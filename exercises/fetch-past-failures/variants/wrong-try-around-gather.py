# expect: the first exception ended the whole gather
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
    try:
        sizes = await asyncio.gather(*(fetch(path) for path in PAGES))
    except Exception as error:
        print(f"failed ({type(error).__name__}: {error})")
        return
    for path, size in zip(PAGES, sizes):
        print(f"{path}: {size} bytes")
    print(f"fetched {len(sizes)} of {len(PAGES)} pages, {sum(sizes)} bytes")


asyncio.run(main())
