# expect: Downloading in batches
import asyncio

FILES = [("jan.csv", 2), ("feb.csv", 1), ("mar.csv", 3), ("apr.csv", 2), ("may.csv", 1),
         ("jun.csv", 2), ("jul.csv", 3), ("aug.csv", 1), ("sep.csv", 2), ("oct.csv", 1)]


async def download(name, seconds):
    print(f"start {name}")
    await asyncio.sleep(seconds)
    print(f"done {name}")


async def download_all(files, limit):
    most = 0
    for first in range(0, len(files), limit):
        batch = files[first:first + limit]
        most = max(most, len(batch))
        await asyncio.gather(*(download(name, seconds) for name, seconds in batch))
    return most


async def main():
    most = await download_all(FILES, 3)
    print(f"all downloaded; most at once: {most}")


asyncio.run(main())
