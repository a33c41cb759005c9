"""StreamReader's read methods: readexactly, readuntil, read(n), and what they raise at EOF."""
import asyncio


async def handle(reader, writer):
    writer.write(b"HEADER:4;body|tail and the end")
    await writer.drain()
    writer.close()
    await writer.wait_closed()


async def main():
    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    reader, writer = await asyncio.open_connection("127.0.0.1", port, limit=16)
    print(await reader.readuntil(b":"))
    size = int((await reader.readuntil(b";"))[:-1])
    print("body:", await reader.readexactly(size))
    print(await reader.readuntil(b"|"))
    print("read(4):", await reader.read(4))
    try:
        await reader.readuntil(b"#")
    except asyncio.IncompleteReadError as error:
        print("IncompleteReadError:", error.partial, error.expected, error)
    print("at EOF:", reader.at_eof())
    try:
        await reader.readexactly(3)
    except asyncio.IncompleteReadError as error:
        print("IncompleteReadError:", error.partial, error.expected, error)
    print("readline at EOF:", await reader.readline())
    print("read() at EOF:", await reader.read())
    writer.close()
    await writer.wait_closed()

    async def long_line(reader, writer):
        writer.write(b"x" * 40 + b"\nshort\n")
        await writer.drain()
        writer.close()
        await writer.wait_closed()

    server2 = await asyncio.start_server(long_line, "127.0.0.1", 0)
    port2 = server2.sockets[0].getsockname()[1]
    reader, writer = await asyncio.open_connection("127.0.0.1", port2, limit=16)
    await asyncio.sleep(0.1)
    try:
        await reader.readuntil(b"\n")
    except asyncio.LimitOverrunError as error:
        print("LimitOverrunError:", error, error.consumed)
    try:
        await reader.readline()
    except ValueError as error:
        print("readline:", type(error).__name__, error)
    print("next line:", await reader.readline())
    writer.close()
    await writer.wait_closed()
    for each in (server, server2):
        each.close()
        await each.wait_closed()


asyncio.run(main())
