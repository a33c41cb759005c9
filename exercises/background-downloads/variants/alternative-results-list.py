import asyncio

FILES = {"photo.jpg": 3, "song.mp3": 2, "notes.txt": 1}


async def download(filename, seconds):
    print(f"downloading {filename}")
    await asyncio.sleep(seconds)
    print(f"finished {filename}")
    return seconds * 512


async def main():
    tasks = [asyncio.create_task(download(f, s), name=f) for f, s in FILES.items()]
    print("started", len(tasks), "downloads")
    sizes = [await task for task in tasks]
    for filename, size in zip(FILES, sizes):
        print(f"{filename}: {size} KB")
    print("total:", sum(sizes), "KB")


if __name__ == "__main__":
    asyncio.run(main())
