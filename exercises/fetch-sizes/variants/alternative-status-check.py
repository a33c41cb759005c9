import asyncio

import aiohttp

URLS = [
    "http://api.example.com/news",
    "http://api.example.com/weather",
    "http://api.example.com/broken",
    "http://api.example.com/stats",
    "http://api.example.com/old-page",
]


class BadStatus(Exception):
    pass


async def fetch_size(session, url):
    async with session.get(url) as response:
        if response.status >= 400:
            raise BadStatus(response.status)
        body = await response.read()
    return len(body)


async def report(session, url):
    try:
        size = await fetch_size(session, url)
    except (aiohttp.ClientError, BadStatus) as error:
        return f"{url}: failed ({type(error).__name__})", 0
    return f"{url}: {size} bytes", size


async def main():
    async with aiohttp.ClientSession() as session:
        lines = await asyncio.gather(*(report(session, url) for url in URLS))
    for line, _ in lines:
        print(line)
    sizes = [size for _, size in lines if size]
    print(f"total: {sum(sizes)} bytes from {len(sizes)} pages")


asyncio.run(main())
