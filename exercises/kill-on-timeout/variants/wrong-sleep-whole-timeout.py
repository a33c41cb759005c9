# expect: don't sleep for the whole timeout
import asyncio


async def run_with_timeout(args, timeout):
    process = await asyncio.create_subprocess_exec(*args, stdout=asyncio.subprocess.PIPE)
    await asyncio.sleep(timeout)
    if process.returncode is None:
        process.kill()
        await process.wait()
        return process.returncode, None
    output = await process.stdout.read()
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
