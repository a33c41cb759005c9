import asyncio


async def heartbeat():
    for beat in range(1, 6):
        await asyncio.sleep(1)
        print(f"beat {beat}")


async def save_file():
    print("saving...")
    await asyncio.sleep(3)  # writing to a slow disk
    print("saved")


async def main():
    await asyncio.gather(heartbeat(), save_file())


asyncio.run(main())
