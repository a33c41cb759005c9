# expect: return what you measured, not the limit
import asyncio

FILES = [("jan.csv", 2), ("feb.csv", 1), ("mar.csv", 3), ("apr.csv", 2), ("may.csv", 1),
         ("jun.csv", 2), ("jul.csv", 3), ("aug.csv", 1), ("sep.csv", 2), ("oct.csv", 1)]


async def download(name, seconds):
    print(f"start {name}")
    await asyncio.sleep(seconds)
    print(f"done {name}")


async def download_all(files, limit):
    semaphore = asyncio.Semaphore(limit)

    async def capped(name, seconds):
        async with semaphore:
            await download(name, seconds)

    await asyncio.gather(*(capped(name, seconds) for name, seconds in files))
    return limit


async def main():
    most = await download_all(FILES, 3)
    print(f"all downloaded; most at once: {most}")


asyncio.run(main())
