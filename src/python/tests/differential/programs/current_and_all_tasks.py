"""current_task and all_tasks see the tasks the loop runs."""
import asyncio


async def idle(name):
    await asyncio.sleep(0.1)
    return name


async def main():
    me = asyncio.current_task()
    print("current:", me.get_name(), "coroutine:", me.get_coro().__name__)
    tasks = [asyncio.create_task(idle(f"idle{i}"), name=f"idle{i}") for i in range(3)]
    names = sorted(task.get_name() for task in asyncio.all_tasks())
    print("all tasks:", names)
    await asyncio.sleep(0)
    tasks[1].set_name("renamed")
    await asyncio.gather(*tasks)
    print("left:", [task.get_name() for task in asyncio.all_tasks()])
    print("done tasks have no stack:", tasks[1].get_stack(), tasks[1].get_name())
    print("current_task outside a task:", asyncio.current_task() is me)


asyncio.run(main())
try:
    asyncio.current_task()
except RuntimeError as error:
    print("RuntimeError:", error)
