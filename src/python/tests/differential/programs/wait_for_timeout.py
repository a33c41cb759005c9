"""wait_for cancels the awaited coroutine when the time is up."""
import asyncio


async def slow_operation():
    try:
        await asyncio.sleep(1)
        return "finished"
    except asyncio.CancelledError:
        print("slow_operation was cancelled")
        raise


async def main():
    try:
        await asyncio.wait_for(slow_operation(), timeout=0.1)
    except asyncio.TimeoutError:
        print("timed out")
    result = await asyncio.wait_for(asyncio.sleep(0.05, result="quick"), timeout=0.5)
    print("got", result)
    print(issubclass(asyncio.TimeoutError, TimeoutError))


asyncio.run(main())
