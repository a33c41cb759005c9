import asyncio

import aiohttp

URLS = [
    "http://api.example.com/news",
    "http://api.example.com/weather",
    "http://api.example.com/broken",
    "http://api.example.com/stats",
    "http://api.example.com/old-page",
]


async def fetch_size(session, url):
    """The size in bytes, or the exception that stopped the request."""
    try:
        async with session.get(url) as response:
            return len(await response.read())
    except aiohttp.ClientError as error:
        return error


async def main():
    # raise_for_status=True: every error status raises ClientResponseError.
    async with aiohttp.ClientSession(raise_for_status=True) as session:
        async with asyncio.TaskGroup() as group:
            tasks = [group.create_task(fetch_size(session, url)) for url in URLS]
    sizes = []
    for url, task in zip(URLS, tasks):
        result = task.result()
        if isinstance(result, int):
            sizes.append(result)
            print(f"{url}: {result} bytes")
        else:
            print(f"{url}: failed ({result.__class__.__name__})")
    print(f"total: {sum(sizes)} bytes from {len(sizes)} pages")


if __name__ == "__main__":
    asyncio.run(main())
