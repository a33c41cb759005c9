import asyncio


async def work(seconds):
    await asyncio.sleep(seconds)


async def monitor():
    """Every second, print the names of the unfinished tasks, except this one."""
    print("the monitor is not written yet")


async def main():
    asyncio.current_task().set_name("main")
    # Start the monitor here, as a task of its own.
    async with asyncio.TaskGroup() as group:
        group.create_task(work(2.5), name="download-a")
        group.create_task(work(1.5), name="download-b")
        group.create_task(work(3.5), name="resize")
    # Stop the monitor here.
    print("all work done")


asyncio.run(main())
