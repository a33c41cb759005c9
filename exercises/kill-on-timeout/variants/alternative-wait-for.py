import asyncio


async def run_with_timeout(args, timeout):
    process = await asyncio.create_subprocess_exec(*args, stdout=asyncio.subprocess.PIPE)
    try:
        output, _ = await asyncio.wait_for(process.communicate(), timeout)
    except TimeoutError:
        process.kill()
        await process.communicate()  # reads what is left and waits for the exit
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
