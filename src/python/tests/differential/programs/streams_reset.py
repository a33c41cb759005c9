"""Writing to a peer that has closed: the first write goes out, later ones fail."""
import asyncio


async def close_at_once(reader, writer):
    writer.close()
    await writer.wait_closed()


async def main():
    server = await asyncio.start_server(close_at_once, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    await asyncio.sleep(0.1)
    print("the server closed; client reads", await reader.read(), "at EOF:", reader.at_eof())
    for attempt in range(3):
        writer.write(b"are you there?\n")
        try:
            await writer.drain()
            print(f"write {attempt}: drain() returned")
        except ConnectionError as error:
            print(f"write {attempt}: {type(error).__name__}: {error}")
        await asyncio.sleep(0.1)
    print("closing:", writer.is_closing())
    writer.close()
    try:
        await writer.wait_closed()
    except ConnectionError as error:
        print(f"wait_closed: {type(error).__name__}: {error}")
    server.close()
    await server.wait_closed()


asyncio.run(main())
