"""to_thread keeps the event loop free: a ticker runs while a thread blocks."""
import asyncio
import time


def blocking_io(seconds):
    time.sleep(seconds)
    return f"slept {seconds}s in a thread"


async def ticker():
    for number in range(1, 5):
        await asyncio.sleep(0.1)
        print("tick", number)


async def main():
    thread = asyncio.create_task(asyncio.to_thread(blocking_io, 0.25))
    thread.add_done_callback(lambda task: print("thread:", task.result()))
    await ticker()
    print("ticker done; thread done:", thread.done())


asyncio.run(main())
