import asyncio


from asyncio.subprocess import PIPE


async def run_with_timeout(args, timeout):
    process = await asyncio.create_subprocess_exec(*args, stdout=PIPE)
    talking = asyncio.create_task(process.communicate())
    done, _ = await asyncio.wait({talking}, timeout=timeout)
    if not done:
        process.kill()
    output, _ = await talking  # the killed process closes its pipe, so this ends
    status = await process.wait()
    return status, (output.decode() if done else None)


async def main():
    status, output = await run_with_timeout(["backup", "--quick"], 5)
    print(f"quick backup: exit {status}: {output.strip()}")
    status, output = await run_with_timeout(["backup", "--full"], 3)
    if output is None:
        print(f"full backup: timed out and killed, exit {status}")
    else:
        print(f"full backup: exit {status}: {output.strip()}")


asyncio.run(main())
