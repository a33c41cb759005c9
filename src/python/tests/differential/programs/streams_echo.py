"""An echo server and a client on 127.0.0.1: lines go out, come back, then EOF."""
import asyncio


async def handle_echo(reader, writer):
    peer_host = writer.get_extra_info("peername")[0]
    print(f"server: connection from {peer_host}")
    while True:
        line = await reader.readline()
        if not line:
            break
        print(f"server: echoing {line!r}")
        writer.write(line)
        await writer.drain()
    print("server: client sent EOF, closing")
    writer.close()
    await writer.wait_closed()


async def main():
    server = await asyncio.start_server(handle_echo, "127.0.0.1", 0)
    host, port = server.sockets[0].getsockname()
    print(f"serving on {host}: {server.is_serving()}")
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    for message in ["hello", "asyncio", "streams"]:
        writer.write(f"{message}\n".encode())
        await writer.drain()
        reply = await reader.readline()
        print(f"client: got {reply.decode().strip()!r}")
    writer.write_eof()
    print("client: rest of the stream:", await reader.read())
    print("client: at EOF:", reader.at_eof())
    writer.close()
    await writer.wait_closed()
    print("client: closed:", writer.is_closing())
    server.close()
    await server.wait_closed()
    print("server closed:", not server.is_serving(), server.sockets)


asyncio.run(main())
