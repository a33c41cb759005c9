"""Cancelling a task: the message, cancelled(), cancelling() and uncancel()."""
import asyncio


async def sleeper():
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError as error:
        print("sleeper got CancelledError with args", error.args)
        print("cancelling():", asyncio.current_task().cancelling())
        raise


async def stubborn():
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        print("stubborn refuses to stop")
        asyncio.current_task().uncancel()
    await asyncio.sleep(0.1)
    return "stubborn finished"


async def main():
    task = asyncio.create_task(sleeper())
    await asyncio.sleep(0.1)
    print("cancel() returned", task.cancel("stop now"))
    try:
        await task
    except asyncio.CancelledError as error:
        print("main sees", error.args)
    print("cancelled:", task.cancelled(), "cancel again:", task.cancel())

    task = asyncio.create_task(stubborn())
    await asyncio.sleep(0.1)
    task.cancel()
    print(await task, task.cancelled())

    done = asyncio.create_task(asyncio.sleep(0))
    await done
    print("cancel a finished task:", done.cancel())


asyncio.run(main())
