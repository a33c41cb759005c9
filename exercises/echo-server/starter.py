import asyncio

PORT = 8888


async def handle_echo(reader, writer):
    """Serve one client: send back each line it sends, until it is done."""
    writer.close()
    await writer.wait_closed()


async def echo_client(port, messages):
    """Send each message as a line, read the reply to each, return the replies."""
    replies = []
    return replies


async def main():
    server = await asyncio.start_server(handle_echo, "127.0.0.1", PORT)
    async with server:
        replies = await echo_client(PORT, ["hello", "async", "world"])
    for reply in replies:
        print("echo:", reply)


asyncio.run(main())
