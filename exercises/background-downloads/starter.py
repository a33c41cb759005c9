import asyncio

# How long each file takes to download, in seconds.
FILES = {"photo.jpg": 3, "song.mp3": 2, "notes.txt": 1}


async def download(filename, seconds):
    print(f"downloading {filename}")
    await asyncio.sleep(seconds)
    print(f"finished {filename}")
    return seconds * 512  # the file's size in KB


async def main():
    # One download at a time: 3 + 2 + 1 = 6 seconds.
    sizes = {}
    for filename, seconds in FILES.items():
        sizes[filename] = await download(filename, seconds)

    for filename, size in sizes.items():
        print(f"{filename}: {size} KB")
    print(f"total: {sum(sizes.values())} KB")


asyncio.run(main())
