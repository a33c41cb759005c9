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
    # Start every fetch as a task, then collect each outcome: a size or an error.
    tasks = {path: asyncio.create_task(fetch(path), name=path) for path in PAGES}
    outcomes = {}
    for path, task in tasks.items():
        try:
            outcomes[path] = await task
        except (LookupError, ConnectionError) as error:
            outcomes[path] = error

    fetched = []
    for path, outcome in outcomes.items():
        if isinstance(outcome, BaseException):
            print(f"{path}: failed ({type(outcome).__name__}: {outcome})")
        else:
            print(f"{path}: {outcome} bytes")
            fetched.append(outcome)
    print(f"fetched {len(fetched)} of {len(tasks)} pages, {sum(fetched)} bytes")


asyncio.run(main())
