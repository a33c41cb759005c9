# expect: started at t=2s
import asyncio
import time


async def download(name, seconds):
    print(f"start {name}")
    await asyncio.sleep(seconds)  # waiting for the network
    print(f"done {name}")


async def main():
    started = time.monotonic()
    for name, seconds in [("photo.jpg", 2), ("song.mp3", 3), ("video.mp4", 5)]:
        await download(name, seconds)
    print(f"all done in {time.monotonic() - started:.1f}s")


asyncio.run(main())
