"""asyncio.wait with FIRST_COMPLETED returns as soon as one task is done."""
import asyncio


async def job(name, delay):
    await asyncio.sleep(delay)
    return name


async def main():
    tasks = {asyncio.create_task(job(name, delay), name=name)
             for name, delay in [("a", 0.3), ("b", 0.1), ("c", 0.2)]}
    while tasks:
        done, tasks = await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
        print("done:", sorted(task.result() for task in done),
              "pending:", sorted(task.get_name() for task in tasks))


asyncio.run(main())
