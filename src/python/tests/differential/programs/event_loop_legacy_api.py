"""The older loop API: new_event_loop, run_until_complete, run_forever and stop."""
import asyncio


async def work(name, delay):
    await asyncio.sleep(delay)
    print(name, "done")
    return name


loop = asyncio.new_event_loop()
asyncio.set_event_loop(loop)
print(loop.run_until_complete(work("first", 0.05)))
print("running:", loop.is_running())

task = loop.create_task(work("background", 0.1))
loop.call_later(0.3, loop.stop)
loop.run_forever()
print("stopped; background done:", task.done())


async def inside():
    return asyncio.get_event_loop() is loop and asyncio.get_running_loop() is loop


print("inside sees the same loop:", loop.run_until_complete(inside()))
loop.run_until_complete(loop.shutdown_asyncgens())
loop.close()
print("closed:", loop.is_closed())
try:
    loop.run_until_complete(work("late", 0))
except RuntimeError as error:
    print("RuntimeError:", error)
