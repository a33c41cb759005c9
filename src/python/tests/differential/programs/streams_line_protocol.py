"""A small line protocol: a key-value server that answers commands one line at a time."""
import asyncio


async def handle(reader, writer):
    store = {}
    while line := await reader.readline():
        command, *args = line.decode().split()
        if command == "SET":
            store[args[0]] = args[1]
            reply = "OK"
        elif command == "GET":
            reply = store.get(args[0], "(nil)")
        elif command == "KEYS":
            reply = ",".join(sorted(store)) or "(empty)"
        elif command == "QUIT":
            writer.write(b"BYE\n")
            await writer.drain()
            break
        else:
            reply = f"ERR unknown command {command!r}"
        writer.write(f"{reply}\n".encode())
        await writer.drain()
    writer.close()
    await writer.wait_closed()


async def send(reader, writer, line):
    writer.write(f"{line}\n".encode())
    await writer.drain()
    answer = (await reader.readline()).decode().rstrip("\n")
    print(f"{line:<16} -> {answer}")


async def main():
    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    async with server:
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        for line in ["GET color", "SET color blue", "SET size 42", "GET color",
                     "KEYS", "DEL color", "QUIT"]:
            await send(reader, writer, line)
        print("after QUIT the server closed:", await reader.read() == b"")
        writer.close()
        await writer.wait_closed()
    print("server is serving:", server.is_serving())


asyncio.run(main())
