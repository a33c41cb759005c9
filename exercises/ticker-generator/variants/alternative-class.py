import asyncio


class Ticker:
    """The same ticker as a class: __aiter__, __anext__ and aclose."""

    def __init__(self):
        self.count = 0
        self.closed = False

    def __aiter__(self):
        return self

    async def __anext__(self):
        if self.closed:
            raise StopAsyncIteration
        await asyncio.sleep(1)
        self.count += 1
        return self.count

    async def aclose(self):
        if not self.closed:
            self.closed = True
            print("ticker stopped")


def ticker():
    return Ticker()


async def main():
    ticks = ticker()
    try:
        async for n in ticks:
            print(f"tick {n}")
            if n == 3:
                break
    finally:
        await ticks.aclose()
    print("done")


asyncio.run(main())
