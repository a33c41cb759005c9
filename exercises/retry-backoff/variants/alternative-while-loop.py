import asyncio

import aiohttp


async def get_json(session, url, attempts=4):
    tries = 0
    while True:
        tries += 1
        try:
            async with session.get(url, raise_for_status=True) as response:
                return await response.json()
        except aiohttp.ClientError as error:
            if tries >= attempts:
                raise error
            await asyncio.sleep(2 ** (tries - 1))


async def main():
    async with aiohttp.ClientSession() as session:
        data = await get_json(session, "http://api.example.com/flaky")
        print("flaky:", data)
        try:
            await get_json(session, "http://api.example.com/down")
        except aiohttp.ClientError as error:
            print("down: gave up:", type(error).__name__)


asyncio.run(main())
