# expect: split the name at ';'
import asyncio


async def list_files(folder):
    process = await asyncio.create_subprocess_shell(
        f"ls -l {folder}", stdout=asyncio.subprocess.PIPE)
    output, _ = await process.communicate()
    return process.returncode, output.decode()


async def main():
    status, listing = await list_files(".")
    for line in listing.splitlines():
        print("|", line)
    print("exit status:", status)
    status, listing = await list_files("no-such-folder")
    print("exit status:", status)


asyncio.run(main())
