"""create_subprocess_shell: pipelines, lists, quoting and $?."""

import asyncio
from asyncio.subprocess import PIPE

COMMANDS = [
    "seq 10 | sort -rn | head -n 3",
    "printf 'pear\\napple\\nfig\\napple\\n' | sort | uniq -c",
    "printf 'pear\\napple\\nfig\\napple\\n' | sort -u | wc -l",
    "printf 'one two\\nthree four five\\n' | wc",
    "printf 'one two\\nthree four five\\n' | wc -w",
    "printf 'Alpha\\nbeta\\nGamma\\n' | grep -i a",
    "printf 'Alpha\\nbeta\\nGamma\\n' | grep -c -v a",
    "printf 'Alpha\\nbeta\\nGamma\\n' | grep -n '^[A-Z]'",
    "printf 'x1\\nx22\\nx333\\n' | grep -E 'x[0-9]{2,}'",
    "false; echo status $?",
    "false || echo fallback",
    "true && echo both",
    "true | false; echo $?",
    "! false; echo $?",
    "echo 'single $HOME' \"double \\$HOME\"",
    "X='a  b'; echo $X; echo \"$X\"",
    "echo $(echo inner | tr a-z A-Z) `echo back`",
    "(echo in a subshell; exit 7); echo subshell said $?",
    "{ echo first; echo second; } | tail -n 1",
    "sh -c 'echo $0 got $# args: $1 $2' prog one two",
    "bash -c 'echo -e \"bash\\techo\"'",
    "echo -e 'dash\\techo'",
    "exit 300",
]


async def main():
    for command in COMMANDS:
        proc = await asyncio.create_subprocess_shell(command, stdout=PIPE, stderr=PIPE)
        stdout, stderr = await proc.communicate()
        print(repr(command), proc.returncode, stdout, stderr)


asyncio.run(main())
