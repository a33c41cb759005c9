"""Several children at once: they run concurrently, finish in order of their
durations, and a slow one can be cut short with a timeout."""

import asyncio
import time
from asyncio.subprocess import PIPE


async def job(name, seconds):
    proc = await asyncio.create_subprocess_shell(f"sleep {seconds}; echo {name} done", stdout=PIPE)
    stdout, _ = await proc.communicate()
    print(stdout.decode().strip())
    return proc.returncode


async def main():
    started = time.monotonic()
    codes = await asyncio.gather(job("slow", 0.3), job("fast", 0.1), job("medium", 0.2))
    elapsed = time.monotonic() - started
    print("exit codes", codes, "together in under 0.5 s:", elapsed < 0.5)

    proc = await asyncio.create_subprocess_exec("sleep", "5", stdout=PIPE)
    try:
        await asyncio.wait_for(proc.communicate(), timeout=0.1)
    except asyncio.TimeoutError:
        print("timed out; still running:", proc.returncode is None)
        proc.kill()
        print("killed:", await proc.wait())

    procs = [await asyncio.create_subprocess_exec("sh", "-c", f"sleep 0.{n}; exit {n}") for n in (3, 1, 2)]
    for finished in asyncio.as_completed([p.wait() for p in procs]):
        print("finished with", await finished)


asyncio.run(main())
