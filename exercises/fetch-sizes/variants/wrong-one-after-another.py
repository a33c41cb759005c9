# expect: start every request before awaiting any
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
    async with session.get(url) as response:
        response.raise_for_status()
        return len(await response.read())


async def main():
    total = pages = 0
    async with aiohttp.ClientSession() as session:
        for url in URLS:
            try:
                size = await fetch_size(session, url)
            except aiohttp.ClientError as error:
                print(f"{url}: failed ({type(error).__name__})")
            else:
                print(f"{url}: {size} bytes")
                total += size
                pages += 1
    print(f"total: {total} bytes from {pages} pages")


asyncio.run(main())
