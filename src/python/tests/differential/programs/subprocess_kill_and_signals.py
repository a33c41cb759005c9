"""kill(), terminate() and send_signal(): return codes, EOF for readers, and
what happens when the process is already gone."""

import asyncio
import signal
from asyncio.subprocess import PIPE


async def main():
    proc = await asyncio.create_subprocess_exec("sleep", "10")
    print("running:", proc.returncode)
    proc.kill()
    print("right after kill():", proc.returncode)
    print("wait() after kill():", await proc.wait(), proc.returncode)

    proc = await asyncio.create_subprocess_exec("sleep", "10")
    proc.terminate()
    print("after terminate():", await proc.wait())

    proc = await asyncio.create_subprocess_exec("sleep", "10")
    proc.send_signal(signal.SIGINT)
    print("after SIGINT:", await proc.wait())

    proc = await asyncio.create_subprocess_exec("sh", "-c", "echo ready; exec sleep 10", stdout=PIPE)
    print("first line:", await proc.stdout.readline())
    proc.kill()
    print("the reader sees EOF:", await proc.stdout.read())
    print("status:", await proc.wait())

    try:
        proc.kill()
    except ProcessLookupError as error:
        print("kill() after wait():", repr(error))

    proc = await asyncio.create_subprocess_exec("sh", "-c", "kill -TERM $$; echo unreachable", stdout=PIPE)
    print("a shell that signals itself:", await proc.communicate(), proc.returncode)

    proc = await asyncio.create_subprocess_shell("sleep 10 & kill $!; wait $!; echo child status $?",
                                                 stdout=PIPE)
    print(await proc.communicate())


asyncio.run(main())
