"""yes never ends on its own: it stops when its reader goes away or it is killed."""

import asyncio
from asyncio.subprocess import PIPE


async def main():
    proc = await asyncio.create_subprocess_shell("yes | head -n 3; echo pipeline status $?", stdout=PIPE)
    print(await proc.communicate())

    proc = await asyncio.create_subprocess_shell("yes hello | head -n 2 | tr a-z A-Z", stdout=PIPE)
    print(await proc.communicate())

    proc = await asyncio.create_subprocess_exec("yes", "ok", stdout=PIPE)
    lines = [await proc.stdout.readline() for _ in range(4)]
    proc.kill()
    # Until what yes wrote before it died is read, the transport cannot see
    # the end of the pipe, and wait() would wait forever.
    rest = await proc.stdout.read()
    print(lines, "then only more of the same:", set(rest.splitlines()) <= {b"ok"})
    print("status", await proc.wait())

    proc = await asyncio.create_subprocess_exec("seq", "20000", stdout=PIPE)
    count = 0
    async for _ in proc.stdout:
        count += 1
    print("seq printed", count, "lines; status", await proc.wait())


asyncio.run(main())
