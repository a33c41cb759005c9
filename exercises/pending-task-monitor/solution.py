import asyncio


async def work(seconds):
    await asyncio.sleep(seconds)


async def monitor():
    """Every second, print the names of the unfinished tasks, except this one."""
    me = asyncio.current_task()
    while True:
        await asyncio.sleep(1)
        names = sorted(task.get_name() for task in asyncio.all_tasks() if task is not me)
        print("pending:", ", ".join(names))


async def main():
    asyncio.current_task().set_name("main")
    watcher = asyncio.create_task(monitor(), name="monitor")
    async with asyncio.TaskGroup() as group:
        group.create_task(work(2.5), name="download-a")
        group.create_task(work(1.5), name="download-b")
        group.create_task(work(3.5), name="resize")
    watcher.cancel()
    print("all work done")


asyncio.run(main())
