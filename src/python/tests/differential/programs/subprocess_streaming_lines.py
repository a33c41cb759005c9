"""A reader sees each line when the child writes it, not when the child ends."""

import asyncio
from asyncio.subprocess import PIPE


async def ticker():
    # Each tick falls between two lines of the child, nearer the earlier
    # one: starting `sleep` takes the child a few milliseconds each time.
    await asyncio.sleep(0.06)
    print("tick at 0.06")
    await asyncio.sleep(0.1)
    print("tick at 0.16")
    await asyncio.sleep(0.1)
    print("tick at 0.26")


async def main():
    proc = await asyncio.create_subprocess_shell(
        "echo first; sleep 0.1; echo second; sleep 0.1; echo third", stdout=PIPE)
    ticks = asyncio.create_task(ticker())
    while True:
        line = await proc.stdout.readline()
        if not line:
            break
        print("child said", line)
    print("EOF; exit status", await proc.wait())
    await ticks

    proc = await asyncio.create_subprocess_exec(
        "sh", "-c", "printf 'a\\nb\\n'; sleep 0.1; printf 'c\\n'", stdout=PIPE)
    lines = [line async for line in proc.stdout]
    print("async for collected", lines, await proc.wait())


asyncio.run(main())
