# expect: sleep first, then report
import asyncio


async def work(seconds):
    await asyncio.sleep(seconds)


async def monitor():
    me = asyncio.current_task()
    while True:
        print("pending:", ", ".join(sorted(t.get_name() for t in asyncio.all_tasks() if t is not me)))
        await asyncio.sleep(1)


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
