# expect: list only unfinished tasks
import asyncio


async def work(seconds):
    await asyncio.sleep(seconds)


watched = []


async def monitor():
    while True:
        await asyncio.sleep(1)
        print("pending:", ", ".join(sorted(t.get_name() for t in watched)))


async def main():
    asyncio.current_task().set_name("main")
    watched.append(asyncio.current_task())
    watcher = asyncio.create_task(monitor(), name="monitor")
    async with asyncio.TaskGroup() as group:
        for name, seconds in (("download-a", 2.5), ("download-b", 1.5), ("resize", 3.5)):
            watched.append(group.create_task(work(seconds), name=name))
    watcher.cancel()
    print("all work done")


asyncio.run(main())
