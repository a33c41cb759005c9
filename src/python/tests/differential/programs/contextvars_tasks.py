"""Each task runs in a copy of the context it was created in."""
import asyncio
import contextvars

request_id = contextvars.ContextVar("request_id", default="none")


async def handler(value):
    request_id.set(value)
    await asyncio.sleep(0.1)
    await inner()
    return request_id.get()


async def inner():
    print("inner sees", request_id.get())


def in_thread():
    return "thread sees " + request_id.get()


async def main():
    request_id.set("main")
    results = await asyncio.gather(handler("r1"), handler("r2"))
    print(results, "main still sees", request_id.get())
    print(await asyncio.to_thread(in_thread))
    context = contextvars.copy_context()
    context.run(request_id.set, "copied")
    task = asyncio.create_task(inner(), context=context)
    await task
    print("main after context task:", request_id.get())


asyncio.run(main())
