import asyncio

COMMANDS = [["lint"], ["unit-tests"], ["build-docs"]]


async def run(*args):
    """Run one command; return (exit status, its output as text)."""
    process = await asyncio.create_subprocess_exec(*args, stdout=asyncio.subprocess.PIPE)
    output, _ = await process.communicate()
    return process.returncode, output.decode()


async def main():
    async with asyncio.TaskGroup() as group:
        tasks = {command[0]: group.create_task(run(*command)) for command in COMMANDS}
    failed = []
    for name, task in tasks.items():
        status, output = task.result()
        print(f"{name}: exit {status}: {output.strip()}")
        if status:
            failed.append(name)
    print(f"failed: {', '.join(failed) if failed else 'none'}")


asyncio.run(main())
