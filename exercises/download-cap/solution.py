import asyncio

# (file name, seconds its download takes)
FILES = [("jan.csv", 2), ("feb.csv", 1), ("mar.csv", 3), ("apr.csv", 2), ("may.csv", 1),
         ("jun.csv", 2), ("jul.csv", 3), ("aug.csv", 1), ("sep.csv", 2), ("oct.csv", 1)]


async def download(name, seconds):
    print(f"start {name}")
    await asyncio.sleep(seconds)
    print(f"done {name}")


async def download_all(files, limit):
    """Download every file, at most `limit` at a time.

    Returns the largest number of downloads that were running at once.
    """
    slots = asyncio.Semaphore(limit)
    running = most = 0

    async def capped(name, seconds):
        nonlocal running, most
        async with slots:
            running += 1  # counted only once it holds a slot
            most = max(most, running)
            try:
                await download(name, seconds)
            finally:
                running -= 1

    await asyncio.gather(*(capped(name, seconds) for name, seconds in files))
    return most


async def main():
    most = await download_all(FILES, 3)
    print(f"all downloaded; most at once: {most}")


asyncio.run(main())
