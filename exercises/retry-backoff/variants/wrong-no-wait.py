# expect: you retry at once
import asyncio

import aiohttp


async def get_json(session, url, attempts=4):
    for attempt in range(attempts):
        try:
            async with session.get(url) as response:
                response.raise_for_status()
                return await response.json()
        except aiohttp.ClientError:
            if attempt == attempts - 1:
                raise


async def main():
    async with aiohttp.ClientSession() as session:
        data = await get_json(session, "http://api.example.com/flaky")
        print("flaky:", data)
        try:
            await get_json(session, "http://api.example.com/down")
        except aiohttp.ClientError as error:
            print("down: gave up:", type(error).__name__)


asyncio.run(main())
