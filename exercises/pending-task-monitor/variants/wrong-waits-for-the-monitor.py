# expect: don't await it or wait for it in a TaskGroup
import asyncio


async def work(seconds):
    await asyncio.sleep(seconds)


async def monitor():
    me = asyncio.current_task()
    while True:
        await asyncio.sleep(1)
        print("pending:", ", ".join(sorted(t.get_name() for t in asyncio.all_tasks() if t is not me)))


async def main():
    asyncio.current_task().set_name("main")
    async with asyncio.TaskGroup() as group:
        group.create_task(monitor(), name="monitor")
        group.create_task(work(2.5), name="download-a")
        group.create_task(work(1.5), name="download-b")
        group.create_task(work(3.5), name="resize")
    print("all work done")


asyncio.run(main())
