import asyncio


async def work(seconds):
    await asyncio.sleep(seconds)


async def monitor(stop, every=1):
    me = asyncio.current_task()
    while True:
        try:
            await asyncio.wait_for(stop.wait(), timeout=every)
            return
        except TimeoutError:
            others = asyncio.all_tasks() - {me}
            print(f"pending: {', '.join(sorted(t.get_name() for t in others))}")


async def main():
    asyncio.current_task().set_name("main")
    stop = asyncio.Event()
    watcher = asyncio.create_task(monitor(stop))
    try:
        await asyncio.gather(
            asyncio.create_task(work(2.5), name="download-a"),
            asyncio.create_task(work(1.5), name="download-b"),
            asyncio.create_task(work(3.5), name="resize"),
        )
    finally:
        stop.set()
        await watcher
    print("all work done")


if __name__ == "__main__":
    asyncio.run(main())
