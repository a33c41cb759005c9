"""Transports and protocols underneath streams: callbacks, half-close and connection_lost."""
import asyncio


class UpperServer(asyncio.Protocol):
    def connection_made(self, transport):
        self.transport = transport
        print("server: connection_made")

    def data_received(self, data):
        print(f"server: data_received {data!r}")
        self.transport.write(data.upper())

    def eof_received(self):
        print("server: eof_received, answering and closing")
        self.transport.write(b"!")
        self.transport.close()

    def connection_lost(self, exc):
        print(f"server: connection_lost({exc})")


class Client(asyncio.Protocol):
    def __init__(self, finished):
        self.finished = finished
        self.received = b""

    def connection_made(self, transport):
        print("client: connection_made, sending and half-closing")
        transport.write(b"shout ")
        transport.write(b"this")
        print("client: can_write_eof", transport.can_write_eof())
        transport.write_eof()

    def data_received(self, data):
        self.received += data

    def eof_received(self):
        print(f"client: eof_received after {self.received!r}")

    def connection_lost(self, exc):
        print(f"client: connection_lost({exc})")
        self.finished.set_result(self.received)


async def main():
    loop = asyncio.get_running_loop()
    server = await loop.create_server(UpperServer, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    finished = loop.create_future()
    transport, protocol = await loop.create_connection(lambda: Client(finished), "127.0.0.1", port)
    print("client: is_closing", transport.is_closing())
    received = await finished
    print("client got", received, "closing:", transport.is_closing())
    try:
        transport.write(b"late")
    except RuntimeError as error:
        print("write after write_eof:", error)
    server.close()
    await server.wait_closed()


asyncio.run(main())
