# expect: A semaphore created per download limits nothing
import asyncio

FILES = [("jan.csv", 2), ("feb.csv", 1), ("mar.csv", 3), ("apr.csv", 2), ("may.csv", 1),
         ("jun.csv", 2), ("jul.csv", 3), ("aug.csv", 1), ("sep.csv", 2), ("oct.csv", 1)]


async def download(name, seconds):
    print(f"start {name}")
    await asyncio.sleep(seconds)
    print(f"done {name}")


async def download_all(files, limit):
    running = most = 0

    async def capped(name, seconds):
        nonlocal running, most
        async with asyncio.Semaphore(limit):
            running += 1
            most = max(most, running)
            await download(name, seconds)
            running -= 1

    await asyncio.gather(*(capped(name, seconds) for name, seconds in files))
    return most


async def main():
    most = await download_all(FILES, 3)
    print(f"all downloaded; most at once: {most}")


asyncio.run(main())
