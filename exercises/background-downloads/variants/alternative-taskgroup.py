import asyncio

# How long each file takes to download, in seconds.
FILES = {"photo.jpg": 3, "song.mp3": 2, "notes.txt": 1}


async def download(filename, seconds):
    print(f"downloading {filename}")
    await asyncio.sleep(seconds)
    print(f"finished {filename}")
    return seconds * 512  # the file's size in KB


async def main():
    async with asyncio.TaskGroup() as group:
        tasks = [group.create_task(download(name, seconds), name=name)
                 for name, seconds in FILES.items()]
        print(f"started {len(tasks)} downloads")
    # Leaving the block waited for every task, so each result is ready.
    for task in tasks:
        print(f"{task.get_name()}: {task.result()} KB")
    print(f"total: {sum(task.result() for task in tasks)} KB")


asyncio.run(main())
