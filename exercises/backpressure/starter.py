import asyncio

CHUNKS = 8


async def read_chunk(number):
    await asyncio.sleep(0.25)  # reading from disk is quick
    return f"chunk {number}"


async def reader(queue):
    for number in range(1, CHUNKS + 1):
        chunk = await read_chunk(number)
        queue.put_nowait(chunk)
        print(f"queued {chunk}")
    queue.put_nowait(None)  # nothing more to upload


async def uploader(queue):
    while (chunk := await queue.get()) is not None:
        print(f"uploading {chunk}")
        await asyncio.sleep(1)  # the network is slow
        print(f"uploaded {chunk}")


async def main():
    queue = asyncio.Queue()
    await asyncio.gather(reader(queue), uploader(queue))
    print("upload complete")


asyncio.run(main())
