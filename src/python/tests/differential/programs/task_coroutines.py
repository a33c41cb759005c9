"""A task drives the very coroutine it was given: get_coro, get_stack,
cr_running and the traceback of a task's error show the program's own."""
import asyncio
import traceback


async def nap(seconds):
    await asyncio.sleep(seconds)
    return seconds


async def fail():
    await asyncio.sleep(0.1)
    raise ValueError("no luck")


async def main():
    coro = nap(0.2)
    task = asyncio.create_task(coro)
    print("get_coro is the coroutine:", task.get_coro() is coro, type(task.get_coro()).__name__)
    await asyncio.sleep(0.1)
    print("suspended:", coro.cr_running, coro.cr_await is not None, coro.cr_frame.f_code.co_name)
    print("stack:", [frame.f_code.co_name for frame in task.get_stack()])
    print("result:", await task, "frame after:", coro.cr_frame)
    me = asyncio.current_task()
    print("running:", me.get_coro().cr_running)

    failing = asyncio.create_task(fail(), name="failing")
    try:
        await failing
    except ValueError as error:
        names = [entry.name for entry in traceback.extract_tb(error.__traceback__)]
        print("traceback functions:", names)
    print("exception is the same object:", failing.exception() is not None)


asyncio.run(main())
