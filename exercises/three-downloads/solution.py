import asyncio
import time


async def download(name, seconds):
    print(f"start {name}")
    await asyncio.sleep(seconds)  # waiting for the network
    print(f"done {name}")


async def main():
    started = time.monotonic()
    await asyncio.gather(
        download("photo.jpg", 2),
        download("song.mp3", 3),
        download("video.mp4", 5),
    )
    print(f"all done in {time.monotonic() - started:.1f}s")


asyncio.run(main())
