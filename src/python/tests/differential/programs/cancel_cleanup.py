"""finally blocks run when a task is cancelled; cancellation at await points only."""
import asyncio


async def worker(name):
    print(name, "opening")
    try:
        while True:
            await asyncio.sleep(0.1)
            print(name, "working")
    finally:
        print(name, "closing")


async def main():
    task = asyncio.create_task(worker("w"))
    await asyncio.sleep(0.25)
    task.cancel()
    print("cancel requested, done?", task.done())
    await asyncio.sleep(0)
    print("after one step, done?", task.done(), "cancelled?", task.cancelled())

    never_started = asyncio.create_task(worker("never"))
    never_started.cancel()
    await asyncio.sleep(0)
    print("never_started cancelled?", never_started.cancelled())


asyncio.run(main())
