# expect: connection errors and error statuses alike
import asyncio

import aiohttp


async def get_json(session, url, attempts=4):
    delay = 1
    for attempt in range(attempts):
        async with session.get(url) as response:
            if response.status < 500 or attempt == attempts - 1:
                response.raise_for_status()
                return await response.json()
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
