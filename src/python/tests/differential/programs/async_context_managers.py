"""async with: __aenter__/__aexit__, asynccontextmanager and AsyncExitStack."""
import asyncio
import contextlib


class Connection:
    def __init__(self, name):
        self.name = name

    async def __aenter__(self):
        await asyncio.sleep(0.05)
        print("open", self.name)
        return self

    async def __aexit__(self, exc_type, exc, tb):
        await asyncio.sleep(0.05)
        print("close", self.name, "after", exc_type.__name__ if exc_type else "no error")
        return exc_type is KeyError


@contextlib.asynccontextmanager
async def transaction(name):
    print("begin", name)
    try:
        yield name.upper()
        print("commit", name)
    except Exception as error:
        print("rollback", name, "because", error)
        raise


async def main():
    async with Connection("db") as connection:
        print("using", connection.name)
    async with Connection("cache"):
        raise KeyError("swallowed by __aexit__")
    print("KeyError was suppressed")
    try:
        async with transaction("t1") as value:
            print("inside", value)
            raise ValueError("bad row")
    except ValueError:
        print("ValueError propagated")
    async with contextlib.AsyncExitStack() as stack:
        for name in ("x", "y"):
            await stack.enter_async_context(Connection(name))
        stack.push_async_callback(asyncio.sleep, 0)
        print("stack ready")


asyncio.run(main())
