"""create_subprocess_exec with pipes: output, exit status and returncode."""

import asyncio
from asyncio.subprocess import PIPE


async def run(*args):
    proc = await asyncio.create_subprocess_exec(*args, stdout=PIPE, stderr=PIPE)
    stdout, stderr = await proc.communicate()
    print(args, "->", proc.returncode, stdout, stderr)


async def main():
    await run("echo", "hello", "world")
    await run("echo", "-n", "no newline")
    await run("echo", "-e", "tab\\there")
    await run("printf", "%s=%d (%5.2f)\\n", "a", "1", "2.5", "b", "22", "0.125")
    await run("printf", "%d\\n", "not-a-number")
    await run("true")
    await run("false")
    await run("sh", "-c", "exit 3")
    await run("seq", "3")
    await run("seq", "2", "3", "11")
    proc = await asyncio.create_subprocess_exec("echo", "waited")
    print("wait:", await proc.wait(), proc.returncode)


asyncio.run(main())
