"""Flow control: while a slow reader falls behind, drain() makes the writer wait; nothing is lost."""
import asyncio

CHUNK = 256 * 1024
CHUNKS = 64


async def slow_reader(reader, writer):
    await asyncio.sleep(0.3)
    total = 0
    while data := await reader.read(1024 * 1024):
        total += len(data)
    writer.write(f"{total}\n".encode())
    await writer.drain()
    writer.close()
    await writer.wait_closed()


async def main():
    server = await asyncio.start_server(slow_reader, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    low, high = writer.transport.get_write_buffer_limits()
    print("write buffer limits:", low, high)
    had_to_wait = 0
    for _ in range(CHUNKS):
        writer.write(b"x" * CHUNK)
        if writer.transport.get_write_buffer_size() > high:
            had_to_wait += 1
        await writer.drain()
    writer.write_eof()
    print("drain() had to wait for the reader:", had_to_wait > 0)
    print("server counted", int(await reader.readline()), "bytes of", CHUNK * CHUNKS)
    writer.close()
    await writer.wait_closed()
    server.close()
    await server.wait_closed()


asyncio.run(main())
