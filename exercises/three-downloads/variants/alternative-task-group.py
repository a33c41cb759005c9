import asyncio
import time


async def download(name, seconds):
    print(f"start {name}")
    await asyncio.sleep(seconds)  # waiting for the network
    print(f"done {name}")


async def main():
    started = time.monotonic()
    async with asyncio.TaskGroup() as group:
        for name, seconds in [("photo.jpg", 2), ("song.mp3", 3), ("video.mp4", 5)]:
            group.create_task(download(name, seconds))
    print(f"all done in {time.monotonic() - started:.1f}s")


asyncio.run(main())
