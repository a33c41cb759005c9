# expect: before you await any of them
import asyncio

FILES = {"photo.jpg": 3, "song.mp3": 2, "notes.txt": 1}


async def download(filename, seconds):
    print(f"downloading {filename}")
    await asyncio.sleep(seconds)
    print(f"finished {filename}")
    return seconds * 512


async def main():
    sizes = {}
    for filename, seconds in FILES.items():
        task = asyncio.create_task(download(filename, seconds), name=filename)
        sizes[filename] = await task
    print(f"started {len(sizes)} downloads")

    for filename, size in sizes.items():
        print(f"{filename}: {size} KB")
    print(f"total: {sum(sizes.values())} KB")


asyncio.run(main())
