"""Futures: results set from callbacks, done callbacks in order, call_soon FIFO."""
import asyncio


def report(label):
    def callback(future):
        print(label, "sees", future.result())
    return callback


async def main():
    loop = asyncio.get_running_loop()
    future = loop.create_future()
    future.add_done_callback(report("first"))
    future.add_done_callback(report("second"))
    removed = report("removed")
    future.add_done_callback(removed)
    print("removed", future.remove_done_callback(removed), "callback")
    loop.call_later(0.1, future.set_result, 42)
    print("awaiting the future")
    print("awaited:", await future)
    try:
        future.set_result(43)
    except asyncio.InvalidStateError as error:
        print("InvalidStateError:", error)
    late = loop.create_future()
    late.set_exception(LookupError("nothing here"))
    try:
        await late
    except LookupError as error:
        print("LookupError:", error)
    print("wrapped:", await asyncio.ensure_future(asyncio.sleep(0.05, result="ok")))


asyncio.run(main())
