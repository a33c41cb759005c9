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


async def fetch_or_error(path):
    """The page's size, or the exception that fetching it raised."""
    try:
        return await fetch(path)
    except Exception as error:
        return error


async def main():
    async with asyncio.TaskGroup() as tg:
        tasks = [tg.create_task(fetch_or_error(path)) for path in PAGES]
    report = [(path, task.result()) for path, task in zip(PAGES, tasks)]
    good = [size for _, size in report if not isinstance(size, Exception)]
    for path, outcome in report:
        if isinstance(outcome, Exception):
            print(f"{path}: failed ({outcome.__class__.__name__}: {outcome})")
        else:
            print(f"{path}: {outcome} bytes")
    print(f"fetched {len(good)} of {len(report)} pages, {sum(good)} bytes")


asyncio.run(main())
