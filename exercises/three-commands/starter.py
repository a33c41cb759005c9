import asyncio

COMMANDS = [["lint"], ["unit-tests"], ["build-docs"]]


async def run(*args):
    """Run one command; return (exit status, its output as text)."""
    process = await asyncio.create_subprocess_exec(*args, stdout=asyncio.subprocess.PIPE)
    output, _ = await process.communicate()
    return process.returncode, output.decode()


async def main():
    for command in COMMANDS:
        status, output = await run(*command)
        print(f"{command[0]}: exit {status}: {output.strip()}")


asyncio.run(main())
