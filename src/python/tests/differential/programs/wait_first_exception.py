"""FIRST_EXCEPTION returns at the first error; ALL_COMPLETED with a timeout
returns whatever is done by then."""
import asyncio


async def job(name, delay, error=False):
    await asyncio.sleep(delay)
    if error:
        raise KeyError(name)
    return name


async def main():
    tasks = [asyncio.create_task(job("a", 0.1)),
             asyncio.create_task(job("b", 0.2, error=True)),
             asyncio.create_task(job("c", 0.4))]
    done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_EXCEPTION)
    print(len(done), "done,", len(pending), "pending")
    for task in tasks:
        if task.done():
            print("exception:", repr(task.exception()))
    done, pending = await asyncio.wait(pending, timeout=0.1)
    print(len(done), "done,", len(pending), "pending after timeout")
    done, pending = await asyncio.wait(pending)
    print([task.result() for task in done], len(pending))


asyncio.run(main())
