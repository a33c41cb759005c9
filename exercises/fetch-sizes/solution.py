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
    """The size, in bytes, of the page at `url`."""
    async with session.get(url) as response:
        response.raise_for_status()
        return len(await response.read())


async def main():
    async with aiohttp.ClientSession() as session:
        results = await asyncio.gather(
            *(fetch_size(session, url) for url in URLS), return_exceptions=True)
    total = pages = 0
    for url, result in zip(URLS, results):
        if isinstance(result, Exception):
            print(f"{url}: failed ({type(result).__name__})")
        else:
            print(f"{url}: {result} bytes")
            total += result
            pages += 1
    print(f"total: {total} bytes from {pages} pages")


asyncio.run(main())
