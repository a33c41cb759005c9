"""Writing to a child's stdin: a cat echo loop, and communicate(input=...)."""

import asyncio
from asyncio.subprocess import PIPE


async def main():
    cat = await asyncio.create_subprocess_exec("cat", stdin=PIPE, stdout=PIPE)
    for word in ["ping", "pong", "done"]:
        cat.stdin.write(word.encode() + b"\n")
        await cat.stdin.drain()
        print("cat echoed", await cat.stdout.readline())
    cat.stdin.close()
    print("after closing stdin:", await cat.stdout.read(), await cat.wait())

    for args, data in [
        (["sort"], b"banana\napple\ncherry\n"),
        (["sort", "-n", "-r"], b"5\n40\n300\n"),
        (["wc", "-l"], b"a\nb\nc\n"),
        (["grep", "-c", "o"], b"one\ntwo\nthree\n"),
        (["head", "-n", "2"], b"1\n2\n3\n4\n"),
        (["tr", "a-z", "A-Z"], b"shout\n"),
        (["cat", "-n"], b"x\ny\n"),
    ]:
        proc = await asyncio.create_subprocess_exec(*args, stdin=PIPE, stdout=PIPE)
        stdout, _ = await proc.communicate(data)
        print(args, proc.returncode, stdout)

    big = b"line\n" * 50000
    proc = await asyncio.create_subprocess_exec("wc", "-c", stdin=PIPE, stdout=PIPE)
    print("250000 bytes through a pipe:", await proc.communicate(big))

    proc = await asyncio.create_subprocess_exec("head", "-c", "5", stdin=PIPE, stdout=PIPE)
    print("head stops reading early:", await proc.communicate(b"z" * 200000), proc.returncode)


asyncio.run(main())
