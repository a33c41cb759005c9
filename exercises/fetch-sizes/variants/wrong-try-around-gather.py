# expect: return_exceptions=True
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
    async with aiohttp.ClientSession() as session:
        try:
            sizes = await asyncio.gather(*(fetch_size(session, url) for url in URLS))
        except aiohttp.ClientError as error:
            print("a download failed:", error)
            return
    for url, size in zip(URLS, sizes):
        print(f"{url}: {size} bytes")
    print(f"total: {sum(sizes)} bytes from {len(sizes)} pages")


asyncio.run(main())
