"""asyncio.timeout and timeout_at: deadlines as context managers."""
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    try:
        async with asyncio.timeout(0.1) as scope:
            await asyncio.sleep(1)
    except TimeoutError:
        print("timed out; expired:", scope.expired())

    async with asyncio.timeout(None) as scope:
        print("no deadline:", scope.when())
        scope.reschedule(loop.time() + 0.1)
        try:
            await asyncio.sleep(0.05)
            print("finished in time; expired:", scope.expired())
        except asyncio.CancelledError:
            print("never")

    try:
        async with asyncio.timeout_at(loop.time() + 0.1):
            try:
                await asyncio.sleep(1)
            except asyncio.CancelledError:
                print("inner sees CancelledError")
                raise
    except TimeoutError as error:
        print("outer sees", type(error).__name__)


asyncio.run(main())
