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
        return len(await response.read())


async def main():
    async with aiohttp.ClientSession() as session:
        for url in URLS:
            size = await fetch_size(session, url)
            print(f"{url}: {size} bytes")


asyncio.run(main())
