"""result() and exception() of finished, failed and unfinished tasks."""
import asyncio


async def fail():
    await asyncio.sleep(0.1)
    raise ZeroDivisionError("division by zero, on purpose")


async def main():
    task = asyncio.create_task(fail())
    try:
        task.result()
    except asyncio.InvalidStateError as error:
        print("InvalidStateError:", error)
    await asyncio.sleep(0.2)
    print("done:", task.done(), "exception:", repr(task.exception()))
    try:
        task.result()
    except ZeroDivisionError as error:
        print("result() raised", type(error).__name__)
    try:
        await task
    except ZeroDivisionError as error:
        print("await raised", error)

    cancelled = asyncio.create_task(asyncio.sleep(1))
    await asyncio.sleep(0)
    cancelled.cancel()
    await asyncio.sleep(0)
    try:
        cancelled.exception()
    except asyncio.CancelledError:
        print("exception() of a cancelled task raises CancelledError")


asyncio.run(main())
