import asyncio

# How long each file takes to download, in seconds.
FILES = {"photo.jpg": 3, "song.mp3": 2, "notes.txt": 1}


async def download(filename, seconds):
    print(f"downloading {filename}")
    await asyncio.sleep(seconds)
    print(f"finished {filename}")
    return seconds * 512  # the file's size in KB


async def main():
    # Start every download first; each runs in its own task from now on.
    tasks = {}
    for filename, seconds in FILES.items():
        tasks[filename] = asyncio.create_task(download(filename, seconds), name=filename)
    print(f"started {len(tasks)} downloads")

    # Then collect the results: awaiting a task waits until it has finished.
    sizes = {}
    for filename, task in tasks.items():
        sizes[filename] = await task

    for filename, size in sizes.items():
        print(f"{filename}: {size} KB")
    print(f"total: {sum(sizes.values())} KB")


asyncio.run(main())
