"""stop() ends run_forever after the batch of callbacks that was ready
when the iteration began; callbacks those schedule wait for the next run."""
import asyncio

loop = asyncio.new_event_loop()


def note(name, then=None):
    print("ran", name)
    if then is not None:
        loop.call_soon(note, then)


# stop() before run_forever: one iteration runs what is already ready.
loop.call_soon(note, "a", "a-follow-up")
loop.call_soon(note, "b")
loop.stop()
loop.run_forever()
print("first run_forever returned")

# The follow-up was left for the next run; stop() in the middle of a batch
# lets the rest of the batch run.
loop.call_soon(loop.stop)
loop.call_soon(note, "c", "c-follow-up")
loop.run_forever()
print("second run_forever returned")


async def stopper():
    await asyncio.sleep(0.01)
    print("task stops the loop")
    loop.stop()
    await asyncio.sleep(0.01)
    print("task resumed")

task = loop.create_task(stopper())
loop.run_forever()
print("third run_forever returned; task done:", task.done())
loop.run_until_complete(task)
print("task done:", task.done())

# A timer due while the loop is stopped runs on the next run.
loop.call_later(0.02, note, "timer")
loop.call_later(0.01, loop.stop)
loop.run_forever()
print("fourth run_forever returned")
loop.call_later(0.03, loop.stop)
loop.run_forever()
loop.close()
print("closed")
