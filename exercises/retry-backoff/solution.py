import asyncio

import aiohttp


async def get_json(session, url, attempts=4):
    """GET `url` and return its JSON, trying up to `attempts` times.

    After a failed try, wait 1 s, then 2 s, then 4 s... before the next.
    If every try fails, raise the last error.
    """
    delay = 1
    for attempt in range(1, attempts + 1):
        try:
            async with session.get(url) as response:
                response.raise_for_status()
                return await response.json()
        except aiohttp.ClientError:
            if attempt == attempts:
                raise
        await asyncio.sleep(delay)
        delay *= 2


async def main():
    async with aiohttp.ClientSession() as session:
        data = await get_json(session, "http://api.example.com/flaky")
        print("flaky:", data)
        try:
            await get_json(session, "http://api.example.com/down")
        except aiohttp.ClientError as error:
            print("down: gave up:", type(error).__name__)


asyncio.run(main())
