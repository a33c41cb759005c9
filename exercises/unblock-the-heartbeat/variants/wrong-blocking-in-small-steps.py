# expect: time\.sleep\(0\.5\).*froze
import asyncio
import time


async def heartbeat():
    for beat in range(1, 6):
        await asyncio.sleep(1)
        print(f"beat {beat}")


async def save_file():
    print("saving...")
    for _ in range(6):
        time.sleep(0.5)  # writing to a slow disk, one chunk at a time
    print("saved")


async def main():
    await asyncio.gather(heartbeat(), save_file())


asyncio.run(main())
