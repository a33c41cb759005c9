import asyncio


async def run_with_timeout(args, timeout):
    """Run a command for at most `timeout` seconds.

    Return (exit status, output as text) if it finishes in time. If not,
    kill it, wait until it has exited, and return (exit status, None).
    """
    process = await asyncio.create_subprocess_exec(*args, stdout=asyncio.subprocess.PIPE)
    try:
        async with asyncio.timeout(timeout):
            output, _ = await process.communicate()
    except TimeoutError:
        process.kill()
        await process.wait()
        return process.returncode, None
    return process.returncode, output.decode()


async def main():
    status, output = await run_with_timeout(["backup", "--quick"], 5)
    print(f"quick backup: exit {status}: {output.strip()}")
    status, output = await run_with_timeout(["backup", "--full"], 3)
    if output is None:
        print(f"full backup: timed out and killed, exit {status}")
    else:
        print(f"full backup: exit {status}: {output.strip()}")


asyncio.run(main())
