# expect: main\(\) ended first
import asyncio
import time


async def download(name, seconds):
    print(f"start {name}")
    await asyncio.sleep(seconds)  # waiting for the network
    print(f"done {name}")


async def main():
    started = time.monotonic()
    asyncio.create_task(download("photo.jpg", 2))
    asyncio.create_task(download("song.mp3", 3))
    asyncio.create_task(download("video.mp4", 5))
    print(f"all done in {time.monotonic() - started:.1f}s")


asyncio.run(main())
