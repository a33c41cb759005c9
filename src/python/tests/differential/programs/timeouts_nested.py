"""Nested timeouts: the inner one fires first and only it is a TimeoutError."""
import asyncio


async def step(name, delay):
    await asyncio.sleep(delay)
    print(name, "finished")


async def main():
    try:
        async with asyncio.timeout(0.3) as outer:
            try:
                async with asyncio.timeout(0.1):
                    await step("inner", 0.2)
            except TimeoutError:
                print("inner timed out; outer expired:", outer.expired())
            await step("after inner", 0.1)
            await step("too long", 0.2)
    except TimeoutError:
        print("outer timed out; expired:", outer.expired())

    try:
        await asyncio.wait_for(asyncio.wait_for(step("deep", 0.2), timeout=0.5), timeout=0.1)
    except asyncio.TimeoutError:
        print("the tighter wait_for won")


asyncio.run(main())
