"""Where stderr goes: PIPE, STDOUT, DEVNULL, and the shell's own redirections."""

import asyncio
from asyncio.subprocess import DEVNULL, PIPE, STDOUT

SCRIPT = "echo to-stdout; echo to-stderr >&2; echo again"


async def main():
    for label, options in [
        ("both piped", dict(stdout=PIPE, stderr=PIPE)),
        ("stderr into stdout", dict(stdout=PIPE, stderr=STDOUT)),
        ("stdout discarded", dict(stdout=DEVNULL, stderr=PIPE)),
        ("stderr discarded", dict(stdout=PIPE, stderr=DEVNULL)),
    ]:
        proc = await asyncio.create_subprocess_shell(SCRIPT, **options)
        print(label, await proc.communicate())

    for command in [
        "(echo out; echo err >&2) 2>&1",
        "(echo out; echo err >&2) 2>/dev/null",
        "(echo out; echo err >&2) >/dev/null",
        "(echo out; echo err >&2) 2>&1 >/dev/null",
        "echo written > /tmp/.awaitable_redirect_test; cat < /tmp/.awaitable_redirect_test; rm /tmp/.awaitable_redirect_test",
        "echo one > /tmp/.awaitable_append_test; echo two >> /tmp/.awaitable_append_test; wc -l < /tmp/.awaitable_append_test; rm /tmp/.awaitable_append_test",
    ]:
        proc = await asyncio.create_subprocess_shell(command, stdout=PIPE, stderr=PIPE)
        print(repr(command), await proc.communicate())


asyncio.run(main())
