"""Connecting where nothing listens is refused; binding a port that is taken fails."""
import asyncio


async def handle(reader, writer):
    writer.close()
    await writer.wait_closed()


async def main():
    try:
        await asyncio.open_connection("127.0.0.1", 1)
    except ConnectionRefusedError as error:
        print(f"{type(error).__name__}: {error}")
        print("errno:", error.errno, "is an OSError:", isinstance(error, OSError))

    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    try:
        await asyncio.start_server(handle, "127.0.0.1", port)
    except OSError as error:
        print(f"{type(error).__name__} errno {error.errno}:",
              str(error).replace(str(port), "PORT").replace("[errno 98] ", ""))

    server.close()
    await server.wait_closed()
    try:
        await asyncio.open_connection("127.0.0.1", port)
    except ConnectionRefusedError:
        print("refused once the server is closed")

    server = await asyncio.start_server(handle, "127.0.0.1", port, start_serving=False)
    print("bound, not serving yet:", server.is_serving())
    try:
        await asyncio.open_connection("127.0.0.1", port)
    except ConnectionRefusedError:
        print("refused before start_serving()")
    await server.start_serving()
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    print("connected after start_serving(); server says:", await reader.read())
    writer.close()
    await writer.wait_closed()
    server.close()
    await server.wait_closed()


asyncio.run(main())
