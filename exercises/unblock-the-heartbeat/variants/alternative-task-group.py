import asyncio


async def heartbeat(beats=5):
    for beat in range(1, beats + 1):
        await asyncio.sleep(1)
        print(f"beat {beat}")


async def save_file():
    print("saving...")
    for _ in range(3):
        await asyncio.sleep(1)  # one chunk per second
    print("saved")


async def main():
    async with asyncio.TaskGroup() as group:
        group.create_task(heartbeat())
        group.create_task(save_file())


asyncio.run(main())
