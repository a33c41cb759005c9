# expect: in the order of COMMANDS
import asyncio

COMMANDS = [["lint"], ["unit-tests"], ["build-docs"]]


async def run(*args):
    """Run one command; return (exit status, its output as text)."""
    process = await asyncio.create_subprocess_exec(*args, stdout=asyncio.subprocess.PIPE)
    output, _ = await process.communicate()
    return process.returncode, output.decode()


async def named(command):
    return command[0], *await run(*command)


async def main():
    failed = []
    for next_done in asyncio.as_completed([named(command) for command in COMMANDS]):
        name, status, output = await next_done
        print(f"{name}: exit {status}: {output.strip()}")
        if status != 0:
            failed.append(name)
    print("failed:", ", ".join(failed) or "none")


asyncio.run(main())
