"""What fails, and how: unknown programs, shell errors, exit statuses."""

import asyncio
from asyncio.subprocess import PIPE


async def main():
    for program in ["no-such-program", "./no-such-script", "/no/such/path"]:
        try:
            await asyncio.create_subprocess_exec(program, "arg")
        except OSError as error:
            print(type(error).__name__, error.errno, error.strerror, error.filename)

    for command in [
        "no-such-command",
        "no-such-command 2>/dev/null; echo status $?",
        "echo 'unterminated",
        "echo a |",
        "; echo b",
        "cat /no/such/file",
        "grep",
        "sleep",
        "sleep banana",
        "seq",
        "head -n x",
        "exit 42",
        "bash -c 'no-such-command'",
    ]:
        proc = await asyncio.create_subprocess_shell(command, stdout=PIPE, stderr=PIPE)
        stdout, stderr = await proc.communicate()
        print(repr(command), proc.returncode, stdout, stderr)


asyncio.run(main())
