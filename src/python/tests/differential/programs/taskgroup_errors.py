"""An error in one task cancels its siblings; errors arrive as an ExceptionGroup."""
import asyncio


async def ok(name, delay):
    try:
        await asyncio.sleep(delay)
        print(name, "finished")
    except asyncio.CancelledError:
        print(name, "cancelled")
        raise


async def broken(name, delay, error_type):
    await asyncio.sleep(delay)
    raise error_type(f"{name} failed")


async def main():
    try:
        async with asyncio.TaskGroup() as group:
            group.create_task(ok("early", 0.1))
            group.create_task(broken("b1", 0.2, ValueError))
            group.create_task(broken("b2", 0.2, KeyError))
            group.create_task(ok("late", 0.4))
    except* ValueError as errors:
        print("ValueErrors:", [str(e) for e in errors.exceptions])
    except* KeyError as errors:
        print("KeyErrors:", [str(e) for e in errors.exceptions])

    try:
        async with asyncio.TaskGroup() as group:
            group.create_task(ok("sibling", 0.3))
            await asyncio.sleep(0.1)
            raise RuntimeError("body failed")
    except BaseExceptionGroup as group_error:
        print(type(group_error).__name__, group_error.message,
              [type(e).__name__ for e in group_error.exceptions])


asyncio.run(main())
