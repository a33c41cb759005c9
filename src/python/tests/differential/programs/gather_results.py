"""gather returns results in argument order, not completion order."""
import asyncio


async def fetch(name, delay):
    await asyncio.sleep(delay)
    print("finished", name)
    return f"{name}:{delay}"


async def fail(delay):
    await asyncio.sleep(delay)
    raise ValueError(f"failed after {delay}")


async def main():
    results = await asyncio.gather(fetch("slow", 0.3), fetch("fast", 0.1), fetch("mid", 0.2))
    print(results)
    mixed = await asyncio.gather(fetch("ok", 0.1), fail(0.2), return_exceptions=True)
    print([type(item).__name__ for item in mixed], mixed[1])
    print(await asyncio.gather())


asyncio.run(main())
