import asyncio
import time

FILES = {"photo.jpg": 2, "song.mp3": 3, "video.mp4": 5}


async def download(name, seconds):
    print(f"start {name}")
    await asyncio.sleep(seconds)  # waiting for the network
    print(f"done {name}")


async def main():
    started = time.monotonic()
    tasks = [asyncio.create_task(download(name, seconds)) for name, seconds in FILES.items()]
    for task in tasks:
        await task
    elapsed = time.monotonic() - started
    print(f"all done in {elapsed:.1f}s")


asyncio.run(main())
