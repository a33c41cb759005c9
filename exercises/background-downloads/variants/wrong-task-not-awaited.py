# expect: `await task`
import asyncio

FILES = {"photo.jpg": 3, "song.mp3": 2, "notes.txt": 1}


async def download(filename, seconds):
    print(f"downloading {filename}")
    await asyncio.sleep(seconds)
    print(f"finished {filename}")
    return seconds * 512


async def main():
    tasks = {}
    for filename, seconds in FILES.items():
        tasks[filename] = asyncio.create_task(download(filename, seconds), name=filename)
    print(f"started {len(tasks)} downloads")

    sizes = {}
    for filename, task in tasks.items():
        sizes[filename] = task

    for filename, size in sizes.items():
        print(f"{filename}: {size} KB")
    print(f"total: {sum(sizes.values())} KB")


asyncio.run(main())
