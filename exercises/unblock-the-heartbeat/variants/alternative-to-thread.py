import asyncio
import time


async def heartbeat():
    for beat in range(1, 6):
        await asyncio.sleep(1)
        print(f"beat {beat}")


async def save_file():
    print("saving...")
    # The blocking call runs in a worker thread; the event loop stays free.
    await asyncio.to_thread(time.sleep, 3)
    print("saved")


async def main():
    await asyncio.gather(heartbeat(), save_file())


asyncio.run(main())
