"""Without return_exceptions, gather raises the first error; the rest keep running."""
import asyncio


async def job(name, delay, error=False):
    await asyncio.sleep(delay)
    if error:
        raise RuntimeError(f"{name} broke")
    print(name, "completed")
    return name


async def main():
    slow = asyncio.create_task(job("slow", 0.3))
    try:
        await asyncio.gather(job("quick", 0.1), job("broken", 0.2, error=True), slow)
    except RuntimeError as error:
        print("caught:", error)
    print("slow done?", slow.done())
    await asyncio.sleep(0.2)
    print("slow done now?", slow.done(), slow.result())


asyncio.run(main())
