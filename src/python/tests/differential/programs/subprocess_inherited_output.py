"""stdout=None and stderr=None: the child writes to the program's own output."""

import asyncio


async def main():
    print("before the child", flush=True)
    proc = await asyncio.create_subprocess_exec("echo", "from the child")
    await proc.wait()
    print("after the child", flush=True)
    proc = await asyncio.create_subprocess_shell("printf 'line %s\\n' 1 2; echo hidden >&2")
    print("status", await proc.wait(), flush=True)
    proc = await asyncio.create_subprocess_shell("seq 3 | sort -r")
    await proc.wait()
    print("done", flush=True)


asyncio.run(main())
