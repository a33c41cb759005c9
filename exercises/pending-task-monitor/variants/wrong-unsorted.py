# expect: sort the names
import asyncio


async def work(seconds):
    await asyncio.sleep(seconds)


async def monitor():
    while True:
        await asyncio.sleep(1)
        print("pending:", ", ".join(sorted((t.get_name() for t in asyncio.all_tasks() if t is not asyncio.current_task()), reverse=True)))


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
