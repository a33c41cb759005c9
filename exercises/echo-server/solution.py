import asyncio

PORT = 8888


async def handle_echo(reader, writer):
    """Serve one client: send back each line it sends, until it is done."""
    while line := await reader.readline():
        writer.write(line)
        await writer.drain()
    writer.close()
    await writer.wait_closed()


async def echo_client(port, messages):
    """Send each message as a line, read the reply to each, return the replies."""
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    replies = []
    for message in messages:
        writer.write(message.encode() + b"\n")
        await writer.drain()
        reply = await reader.readline()
        replies.append(reply.decode().rstrip("\n"))
    writer.write_eof()  # nothing more to send
    await reader.read()  # wait until the server closes its side
    writer.close()
    await writer.wait_closed()
    return replies


async def main():
    server = await asyncio.start_server(handle_echo, "127.0.0.1", PORT)
    async with server:
        replies = await echo_client(PORT, ["hello", "async", "world"])
    for reply in replies:
        print("echo:", reply)


asyncio.run(main())
