# expect: TaskGroup cancels the other tasks
import asyncio

PAGES = {"/home": (2, 5120), "/missing": (1, 0), "/about": (3, 2048), "/broken": (2.5, 0)}


async def fetch(path):
    seconds, size = PAGES[path]
    await asyncio.sleep(seconds)
    if path == "/missing":
        raise LookupError(f"404 Not Found: {path}")
    if path == "/broken":
        raise ConnectionError(f"connection reset while fetching {path}")
    return size


async def main():
    async with asyncio.TaskGroup() as tg:
        tasks = {path: tg.create_task(fetch(path)) for path in PAGES}
    sizes = []
    for path, task in tasks.items():
        if task.exception() is not None:
            print(f"{path}: failed ({type(task.exception()).__name__}: {task.exception()})")
        else:
            print(f"{path}: {task.result()} bytes")
            sizes.append(task.result())
    print(f"fetched {len(sizes)} of {len(PAGES)} pages, {sum(sizes)} bytes")


asyncio.run(main())
