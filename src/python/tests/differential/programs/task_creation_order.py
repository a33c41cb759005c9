"""A task starts only when its creator gives control back to the loop."""
import asyncio


async def child(label):
    print(f"{label} started in {asyncio.current_task().get_name()}")
    await asyncio.sleep(0)
    print(f"{label} resumed")
    return label.upper()


async def main():
    print("main is", asyncio.current_task().get_name())
    first = asyncio.create_task(child("a"))
    second = asyncio.create_task(child("b"), name="second")
    print("created", first.get_name(), second.get_name())
    print("done yet?", first.done(), second.done())
    results = [await first, await second]
    print("results", results)
    print("tasks left", len(asyncio.all_tasks()))


asyncio.run(main())
