import asyncio

COMMANDS = [["lint"], ["unit-tests"], ["build-docs"]]


async def run(*args):
    """Run one command; return (exit status, its output as text)."""
    process = await asyncio.create_subprocess_exec(*args, stdout=asyncio.subprocess.PIPE)
    output, _ = await process.communicate()
    return process.returncode, output.decode()


async def main():
    # Processes run on their own once started: start all three, then
    # collect their output one by one.
    processes = [await asyncio.create_subprocess_exec(*command, stdout=asyncio.subprocess.PIPE)
                 for command in COMMANDS]
    failed = []
    for command, process in zip(COMMANDS, processes):
        output, _ = await process.communicate()
        print(f"{command[0]}: exit {process.returncode}: {output.decode().strip()}")
        if process.returncode != 0:
            failed.append(command[0])
    print("failed:", ", ".join(failed) if failed else "none")


asyncio.run(main())
