# Sleeps and call_later timers that fall due in the same loop iteration
# (the loop was blocked past all of them) wake in the order they were due,
# after whatever was already queued with call_soon.
import asyncio
import time


async def sleeper(name, delay):
    await asyncio.sleep(delay)
    print(f"{name} woke")


def callback(name):
    print(f"callback {name}")
    asyncio.get_running_loop().call_soon(print, f"call_soon from callback {name}")


async def main():
    loop = asyncio.get_running_loop()

    print("-- sleeps and timers mixed")
    tasks = [asyncio.create_task(sleeper("sleeper 1", 0.02)),
             asyncio.create_task(sleeper("sleeper 2", 0.04))]
    await asyncio.sleep(0)
    loop.call_later(0.01, callback, "A")
    loop.call_later(0.03, callback, "B")
    loop.call_later(0.05, callback, "C")
    time.sleep(0.1)
    await asyncio.gather(*tasks)

    print("-- only sleeps")
    tasks = [asyncio.create_task(sleeper(f"sleeper {n}", 0.01 * n)) for n in range(1, 5)]
    await asyncio.sleep(0)
    time.sleep(0.1)
    await asyncio.gather(*tasks)

    print("-- sleeps, with a callback already queued")
    tasks = [asyncio.create_task(sleeper(f"sleeper {n}", 0.01 * n)) for n in range(1, 4)]
    await asyncio.sleep(0)
    time.sleep(0.1)
    loop.call_soon(callback, "queued")
    await asyncio.gather(*tasks)

    print("-- a sleep cancelled while its wake-up is due")
    task = asyncio.create_task(sleeper("cancelled sleeper", 0.01))
    other = asyncio.create_task(sleeper("other sleeper", 0.02))
    await asyncio.sleep(0)
    time.sleep(0.1)
    task.cancel()
    await asyncio.gather(task, other, return_exceptions=True)
    print("cancelled:", task.cancelled())


asyncio.run(main())
