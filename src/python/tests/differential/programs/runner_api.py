"""asyncio.Runner runs several coroutines on one loop, sharing one context."""
import asyncio
import contextvars

counter = contextvars.ContextVar("counter", default=0)


async def bump():
    counter.set(counter.get() + 1)
    await asyncio.sleep(0.05)
    return counter.get()


async def loop_identity():
    return asyncio.get_running_loop()


with asyncio.Runner() as runner:
    print(runner.run(bump()), runner.run(bump()))
    first = runner.run(loop_identity())
    second = runner.run(loop_identity())
    print("same loop:", first is second, "closed:", first.is_closed())
print("closed after with:", first.is_closed())
print(asyncio.run(asyncio.sleep(0.05, result="asyncio.run still works"), debug=False))
