import asyncio
import shlex


async def list_files(folder):
    # A shell, but with the name quoted: it stays one argument.
    process = await asyncio.create_subprocess_shell(
        f"ls -l {shlex.quote(folder)}", stdout=asyncio.subprocess.PIPE)
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
