"""Several clients talk to one server at the same time; the server handles each in its own task."""
import asyncio

active = 0
most_active = 0


async def handle(reader, writer):
    global active, most_active
    active += 1
    most_active = max(most_active, active)
    name = (await reader.readline()).decode().strip()
    await asyncio.sleep(0.2)
    writer.write(f"hello, {name}\n".encode())
    await writer.drain()
    writer.close()
    await writer.wait_closed()
    active -= 1


async def client(port, name, delay):
    await asyncio.sleep(delay)
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    writer.write(f"{name}\n".encode())
    await writer.drain()
    print(f"{name} sent its name")
    greeting = await reader.readline()
    print(f"{name} got {greeting.decode().strip()!r}")
    writer.close()
    await writer.wait_closed()
    return greeting.decode().strip()


async def main():
    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    loop = asyncio.get_running_loop()
    start = loop.time()
    names = ["ada", "grace", "linus", "guido"]
    results = await asyncio.gather(*(client(port, name, 0.05 * i) for i, name in enumerate(names)))
    elapsed = loop.time() - start
    print(results)
    print("served together, not one after another:", elapsed < 0.7)
    print("clients connected at once, at most:", most_active)
    server.close()
    await server.wait_closed()


asyncio.run(main())
