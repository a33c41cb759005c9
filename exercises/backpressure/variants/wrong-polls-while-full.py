# expect: waited longer than it had to
import asyncio

CHUNKS = 8


async def read_chunk(number):
    await asyncio.sleep(0.25)
    return f"chunk {number}"


async def reader(queue):
    for number in range(1, CHUNKS + 1):
        chunk = await read_chunk(number)
        while queue.full():
            await asyncio.sleep(0.2)
        queue.put_nowait(chunk)
        print(f"queued {chunk}")
    await queue.put(None)


async def uploader(queue):
    while (chunk := await queue.get()) is not None:
        print(f"uploading {chunk}")
        await asyncio.sleep(1)
        print(f"uploaded {chunk}")


async def main():
    queue = asyncio.Queue(maxsize=2)
    await asyncio.gather(reader(queue), uploader(queue))
    print("upload complete")


asyncio.run(main())
