import asyncio

COMMANDS = [["lint"], ["unit-tests"], ["build-docs"]]


async def run(*args):
    """Run one command; return (exit status, its output as text)."""
    process = await asyncio.create_subprocess_exec(*args, stdout=asyncio.subprocess.PIPE)
    output, _ = await process.communicate()
    return process.returncode, output.decode()


async def main():
    results = await asyncio.gather(*(run(*command) for command in COMMANDS))
    failed = []
    for command, (status, output) in zip(COMMANDS, results):
        print(f"{command[0]}: exit {status}: {output.strip()}")
        if status != 0:
            failed.append(command[0])
    print("failed:", ", ".join(failed) or "none")


asyncio.run(main())
