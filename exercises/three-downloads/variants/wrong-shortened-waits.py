# expect: song\.mp3 to start at t=0s
import asyncio
import time


async def download(name, seconds):
    print(f"start {name}")
    await asyncio.sleep(seconds)  # waiting for the network
    print(f"done {name}")


async def main():
    # "Faster" by cutting the waits short: the downloads still run one at a time.
    started = time.monotonic()
    await download("photo.jpg", 2)
    await download("song.mp3", 1)
    await download("video.mp4", 2)
    print(f"all done in {time.monotonic() - started:.1f}s")


asyncio.run(main())
