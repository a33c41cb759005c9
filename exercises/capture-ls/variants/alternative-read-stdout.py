import asyncio
from asyncio.subprocess import PIPE


async def list_files(folder):
    process = await asyncio.create_subprocess_exec("ls", "-l", folder, stdout=PIPE)
    lines = [line.decode() async for line in process.stdout]
    status = await process.wait()
    return status, "".join(lines)


async def main():
    status, listing = await list_files(".")
    for line in listing.splitlines():
        print("|", line)
    print("exit status:", status)
    status, listing = await list_files("no-such-folder")
    print("exit status:", status)


asyncio.run(main())
