"""Tasks made with asyncio.Task(...) itself are numbered with the others."""
import asyncio


async def work(label, seconds):
    await asyncio.sleep(seconds)
    return label


async def main():
    first = asyncio.create_task(work("a", 0.2))
    direct = asyncio.Task(work("b", 0.1))
    named = asyncio.Task(work("c", 0.1), name="mine")
    last = asyncio.ensure_future(work("d", 0.1))
    print([task.get_name() for task in (first, direct, named, last)])
    print(await asyncio.gather(first, direct, named, last))
    print(sorted(task.get_name() for task in asyncio.all_tasks()))


asyncio.run(main())
