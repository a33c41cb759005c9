"""A server that hangs up: the client sees EOF, a short read, and a server that stops accepting."""
import asyncio


async def hang_up_early(reader, writer):
    await reader.readline()
    writer.write(b"partial answ")
    await writer.drain()
    print("server: hanging up mid-answer")
    writer.close()
    await writer.wait_closed()


async def main():
    server = await asyncio.start_server(hang_up_early, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    writer.write(b"question\n")
    await writer.drain()
    try:
        await reader.readexactly(20)
    except asyncio.IncompleteReadError as error:
        print(f"client: IncompleteReadError, got {error.partial!r} of {error.expected} bytes")
    print("client: readline at EOF gives", await reader.readline())
    writer.close()
    await writer.wait_closed()

    async def serve():
        async with server:
            await server.serve_forever()

    serving = asyncio.create_task(serve())
    await asyncio.sleep(0.05)
    print("serving forever:", server.is_serving())
    serving.cancel()
    try:
        await serving
    except asyncio.CancelledError:
        print("serve_forever() cancelled; serving:", server.is_serving())
    try:
        await asyncio.open_connection("127.0.0.1", port)
    except ConnectionRefusedError as error:
        print("new connections are refused:", type(error).__name__)
    try:
        await server.serve_forever()
    except RuntimeError as error:
        print("serve_forever() again:", str(error).startswith("server <Server sockets=()> is closed"))


asyncio.run(main())
