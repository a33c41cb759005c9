import asyncio

PORT = 8888


async def handle_echo(reader, writer):
    # A StreamReader is an async iterator over its lines.
    async for line in reader:
        writer.write(line)
        await writer.drain()
    writer.close()


async def echo_client(port, messages):
    reader, writer = await asyncio.open_connection("localhost", port)
    try:
        replies = []
        for message in messages:
            writer.write(f"{message}\n".encode())
            await writer.drain()
            replies.append((await reader.readuntil(b"\n"))[:-1].decode())
        writer.write_eof()
        await reader.read()
        return replies
    finally:
        writer.close()
        await writer.wait_closed()


async def main():
    server = await asyncio.start_server(handle_echo, "127.0.0.1", PORT)
    async with server:
        replies = await echo_client(PORT, ["hello", "async", "world"])
    for reply in replies:
        print("echo:", reply)


asyncio.run(main())
