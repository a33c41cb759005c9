import asyncio


async def reader(queue, count):
    for number in range(1, count + 1):
        await asyncio.sleep(0.25)
        await queue.put(number)
        print(f"queued chunk {number}")


async def uploader(queue):
    while True:
        number = await queue.get()
        print(f"uploading chunk {number}")
        await asyncio.sleep(1)
        print(f"uploaded chunk {number}")
        queue.task_done()


async def main():
    queue = asyncio.Queue(2)
    async with asyncio.TaskGroup() as group:
        upload = group.create_task(uploader(queue))
        await reader(queue, 8)
        await queue.join()
        upload.cancel()
    print("upload complete")


asyncio.run(main())
