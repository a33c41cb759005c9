import asyncio

PORT = 8888


class EchoSession:
    """One client's connection, served line by line."""

    def __init__(self, reader, writer):
        self.reader = reader
        self.writer = writer

    async def serve(self):
        while True:
            line = await self.reader.readline()
            if not line:
                break
            self.writer.write(line)
            await self.writer.drain()
        self.writer.close()
        await self.writer.wait_closed()


async def handle_echo(reader, writer):
    await EchoSession(reader, writer).serve()


async def echo_client(port, messages):
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    replies = []
    for message in messages:
        writer.write(message.encode() + b"\n")
        await writer.drain()
        replies.append((await reader.readline()).decode().strip("\n"))
    # No half-close: closing at once is fine too; the server sees the end
    # of the stream all the same.
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
