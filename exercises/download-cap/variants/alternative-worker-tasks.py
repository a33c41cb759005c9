import asyncio

FILES = [("jan.csv", 2), ("feb.csv", 1), ("mar.csv", 3), ("apr.csv", 2), ("may.csv", 1),
         ("jun.csv", 2), ("jul.csv", 3), ("aug.csv", 1), ("sep.csv", 2), ("oct.csv", 1)]


async def download(name, seconds):
    print(f"start {name}")
    await asyncio.sleep(seconds)
    print(f"done {name}")


class CappedDownloader:
    """Runs downloads through a semaphore and records how many ran at once."""

    def __init__(self, limit):
        self.semaphore = asyncio.Semaphore(limit)
        self.running = 0
        self.peak = 0

    async def fetch(self, name, seconds):
        await self.semaphore.acquire()
        self.running += 1
        self.peak = max(self.peak, self.running)
        try:
            await download(name, seconds)
        finally:
            self.running -= 1
            self.semaphore.release()


async def download_all(files, limit):
    downloader = CappedDownloader(limit)
    async with asyncio.TaskGroup() as group:
        for name, seconds in files:
            group.create_task(downloader.fetch(name, seconds))
    return downloader.peak


async def main():
    most = await download_all(FILES, 3)
    print(f"all downloaded; most at once: {most}")


asyncio.run(main())
