"""Producer and consumers: join() waits until task_done() was called for every item."""
import asyncio


async def producer(queue):
    for item in range(5):
        await queue.put(item)
        print("put", item)
    print("producer finished")


async def consumer(name, queue):
    while True:
        item = await queue.get()
        await asyncio.sleep(0.1)
        print(name, "handled", item)
        queue.task_done()


async def main():
    queue = asyncio.Queue(maxsize=2)
    consumers = [asyncio.create_task(consumer(f"c{i}", queue)) for i in range(2)]
    await producer(queue)
    await queue.join()
    print("all items handled; queue empty:", queue.empty())
    for task in consumers:
        task.cancel()
    results = await asyncio.gather(*consumers, return_exceptions=True)
    print([type(result).__name__ for result in results])


asyncio.run(main())
