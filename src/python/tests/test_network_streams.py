"""asyncio streams and protocols over the sandbox's simulated network."""

import sys
import textwrap
import unittest

from awaitable import run_program


def run(source, prepare=None):
    return run_program(textwrap.dedent(source), prepare=prepare)


def stdout(result):
    return [line.text for line in result.trace.output if line.stream == "stdout"]


def stderr(result):
    return [line.text for line in result.trace.output if line.stream == "stderr"]


def timed(result):
    return [(round(line.t, 6), line.text) for line in result.trace.output if line.stream == "stdout"]


class LocalConnectionTest(unittest.TestCase):
    def test_echo_round_trip_costs_two_deliveries_of_a_millisecond(self):
        result = run("""
            import asyncio

            async def echo(reader, writer):
                writer.write(await reader.readline())
                await writer.drain()
                writer.close()
                await writer.wait_closed()

            async def main():
                server = await asyncio.start_server(echo, "127.0.0.1", 0)
                port = server.sockets[0].getsockname()[1]
                reader, writer = await asyncio.open_connection("localhost", port)
                writer.write(b"ping\\n")
                print(await reader.readline())
                print(await reader.read())
                writer.close()
                await writer.wait_closed()
                server.close()
                await server.wait_closed()

            asyncio.run(main())
        """)
        self.assertIsNone(result.error)
        # The server's EOF travels right behind its data.
        self.assertEqual(timed(result), [(0.002, "b'ping\\n'"), (0.002, "b''")])
        self.assertEqual(stderr(result), [])

    def test_port_zero_picks_distinct_free_ports_and_addresses_are_reported(self):
        result = run("""
            import asyncio

            async def main():
                handler = lambda reader, writer: writer.close()
                one = await asyncio.start_server(handler, "127.0.0.1", 0)
                two = await asyncio.start_server(handler, None, 0)
                host1, port1 = one.sockets[0].getsockname()
                host2, port2 = two.sockets[0].getsockname()
                print(host1, host2, port1 != port2, port1 >= 32768)
                reader, writer = await asyncio.open_connection("127.0.0.1", port2)
                print(writer.get_extra_info("peername") == ("127.0.0.1", port2))
                print(writer.get_extra_info("sockname")[0])
                print(type(writer.get_extra_info("socket")).__name__)
                writer.close()
                for server in (one, two):
                    server.close()
                    await server.wait_closed()

            asyncio.run(main())
        """)
        self.assertEqual(stdout(result), ["127.0.0.1 0.0.0.0 True True", "True", "127.0.0.1",
                                          "TransportSocket"])

    def test_errors_are_those_of_cpython_on_linux(self):
        result = run("""
            import asyncio, socket

            async def main():
                for host, port in [("127.0.0.1", 8888), ("no-such-host.example", 80)]:
                    try:
                        await asyncio.open_connection(host, port)
                    except OSError as error:
                        print(type(error).__name__, error.errno, error)
                server = await asyncio.start_server(lambda r, w: None, "127.0.0.1", 8888)
                for host in ["127.0.0.1", "203.0.113.200"]:
                    try:
                        await asyncio.start_server(lambda r, w: None, host, 8888)
                    except OSError as error:
                        print(type(error).__name__, error.errno)
                server.close()

            asyncio.run(main())
        """)
        lines = stdout(result)
        self.assertEqual(lines[0], "ConnectionRefusedError 111 [Errno 111] Connect call failed ('127.0.0.1', 8888)")
        self.assertEqual(lines[1], "gaierror -2 [Errno -2] Name or service not known")
        self.assertEqual(lines[2], "OSError 98")
        if sys.version_info >= (3, 13):
            # 3.13 skips an address it cannot assign and complains of none left.
            self.assertEqual(lines[3], "OSError None")
        else:
            self.assertEqual(lines[3], "OSError 99")

    def test_an_address_nobody_has_times_out_after_linux_syn_retries(self):
        result = run("""
            import asyncio

            async def main():
                try:
                    await asyncio.open_connection("10.1.2.3", 80)
                except OSError as error:
                    print(type(error).__name__, error)

            asyncio.run(main())
        """)
        self.assertEqual(timed(result), [(127.0, "TimeoutError [Errno 110] Connect call failed ('10.1.2.3', 80)")])

    def test_getaddrinfo_answers_like_glibc_for_ipv4(self):
        result = run("""
            import asyncio, socket

            async def main():
                loop = asyncio.get_running_loop()
                for info in await loop.getaddrinfo("localhost", "http", type=socket.SOCK_STREAM):
                    print(info[0] == socket.AF_INET, info[1] == socket.SOCK_STREAM, info[2], info[4])
                print(len(await loop.getaddrinfo("127.0.0.1", 80)))
                print((await loop.getaddrinfo(None, 80, flags=socket.AI_PASSIVE))[0][4])
                try:
                    await loop.getaddrinfo("localhost", "no-such-service")
                except socket.gaierror as error:
                    print(error)

            asyncio.run(main())
        """)
        self.assertEqual(stdout(result), [
            "True True 6 ('127.0.0.1', 80)", "3", "('0.0.0.0', 80)",
            "[Errno -8] Servname not supported for ai_socktype"])

    def test_tls_is_refused_with_a_clear_message(self):
        result = run("""
            import asyncio

            async def main():
                await asyncio.open_connection("127.0.0.1", 443, ssl=True)

            asyncio.run(main())
        """)
        self.assertEqual(result.error["type"], "NotImplementedError")
        self.assertIn("TLS", result.error["message"])


class ConnectionLifeTest(unittest.TestCase):
    def test_closing_with_unread_data_resets_the_peer(self):
        result = run("""
            import asyncio

            async def main():
                loop = asyncio.get_running_loop()
                got = loop.create_future()

                class Stubborn(asyncio.Protocol):
                    def connection_made(self, transport):
                        transport.pause_reading()
                        loop.call_later(0.1, transport.close)

                server = await loop.create_server(Stubborn, "127.0.0.1", 0)
                port = server.sockets[0].getsockname()[1]
                reader, writer = await asyncio.open_connection("127.0.0.1", port)
                writer.write(b"never read")
                try:
                    print(await reader.read())
                except ConnectionResetError as error:
                    print(loop.time(), error)
                writer.close()
                server.close()

            asyncio.run(main())
        """)
        self.assertEqual(stdout(result), ["0.101 [Errno 104] Connection reset by peer"])

    def test_a_writer_waits_in_drain_while_the_reader_is_paused(self):
        result = run("""
            import asyncio

            async def main():
                loop = asyncio.get_running_loop()
                paused = []

                class Lazy(asyncio.Protocol):
                    def connection_made(self, transport):
                        self.transport = transport
                        self.total = 0
                        transport.pause_reading()
                        loop.call_later(1.0, transport.resume_reading)

                    def data_received(self, data):
                        self.total += len(data)
                        paused.append(self.total)

                server = await loop.create_server(Lazy, "127.0.0.1", 0)
                port = server.sockets[0].getsockname()[1]
                reader, writer = await asyncio.open_connection("127.0.0.1", port)
                writer.write(b"x" * (256 * 1024))
                await writer.drain()
                print("first quarter MiB fits in the socket buffers:", loop.time() < 0.01)
                writer.write(b"y" * (100 * 1024))
                print("buffered in the transport:", writer.transport.get_write_buffer_size())
                await writer.drain()
                print("drain() returned at", round(loop.time(), 3))
                await asyncio.sleep(0.1)
                print("the server read", paused[-1])
                writer.close()
                server.close()

            asyncio.run(main())
        """)
        self.assertEqual(stdout(result), [
            "first quarter MiB fits in the socket buffers: True",
            "buffered in the transport: 102400",
            "drain() returned at 1.0",
            "the server read 364544"])

    def test_server_wait_closed_follows_the_running_python(self):
        result = run("""
            import asyncio

            async def main():
                loop = asyncio.get_running_loop()
                async def idle(reader, writer):
                    await reader.read()
                    writer.close()
                server = await asyncio.start_server(idle, "127.0.0.1", 0)
                port = server.sockets[0].getsockname()[1]
                reader, writer = await asyncio.open_connection("127.0.0.1", port)
                await asyncio.sleep(0.01)
                loop.call_later(1, writer.close)
                server.close()
                await server.wait_closed()
                print(round(loop.time(), 3))
                await asyncio.sleep(2)

            asyncio.run(main())
        """)
        expected = "1.011" if sys.version_info >= (3, 12, 1) else "0.01"
        self.assertEqual(stdout(result), [expected])

    def test_serve_forever_is_cancellable_and_closes_the_server(self):
        result = run("""
            import asyncio

            async def main():
                server = await asyncio.start_server(lambda r, w: w.close(), "127.0.0.1", 0)
                task = asyncio.create_task(server.serve_forever())
                await asyncio.sleep(1)
                task.cancel()
                try:
                    await task
                except asyncio.CancelledError:
                    print("cancelled", server.is_serving(), server.sockets)

            asyncio.run(main())
        """)
        self.assertEqual(stdout(result), ["cancelled False ()"])
        self.assertEqual(stderr(result), [])

    def test_a_program_that_leaves_connections_open_ends_quietly(self):
        result = run("""
            import asyncio

            async def handler(reader, writer):
                await reader.readline()

            async def main():
                server = await asyncio.start_server(handler, "127.0.0.1", 0)
                port = server.sockets[0].getsockname()[1]
                reader, writer = await asyncio.open_connection("127.0.0.1", port)
                writer.write(b"hello\\n")
                await asyncio.sleep(0.5)
                print("leaving without closing")

            asyncio.run(main())
        """)
        self.assertIsNone(result.error)
        self.assertIsNone(result.stopped)
        self.assertEqual(stderr(result), [])


class StreamHostTest(unittest.TestCase):
    @staticmethod
    def quote_service(sandbox):
        async def quote_of_the_day(reader, writer):
            writer.write(b"Simple is better than complex.\n")
            await writer.drain()

        async def echo(reader, writer):
            while data := await reader.read(100):
                writer.write(data)
                await writer.drain()

        sandbox.network.add_stream_host("quotes.example.com", 17, quote_of_the_day, latency=0.05)
        sandbox.network.add_stream_host("quotes.example.com", 7, echo, latency=0.05)

    def test_a_stream_host_serves_each_connection_and_then_closes_it(self):
        result = run("""
            import asyncio

            async def main():
                loop = asyncio.get_running_loop()
                reader, writer = await asyncio.open_connection("quotes.example.com", 17)
                quote = (await reader.readline()).decode().strip()
                print(loop.time(), quote)
                rest = await reader.read()
                print(loop.time(), rest)
                print(writer.get_extra_info("peername"))
                writer.close()
                reader, writer = await asyncio.open_connection("quotes.example.com", 7)
                writer.write(b"marco")
                echoed = await reader.read(5)
                print(round(loop.time(), 6), echoed)
                writer.close()
                await writer.wait_closed()
                try:
                    await asyncio.open_connection("quotes.example.com", 80)
                except ConnectionRefusedError as error:
                    print(error)

            asyncio.run(main())
        """, prepare=self.quote_service)
        self.assertEqual(stdout(result), [
            "0.05 Simple is better than complex.",
            "0.05 b''",
            "('203.0.113.1', 17)",
            "0.15 b'marco'",
            "[Errno 111] Connect call failed ('203.0.113.1', 80)"])
        self.assertEqual(stderr(result), [])

    def test_host_tasks_are_not_the_learners_tasks(self):
        result = run("""
            import asyncio

            async def main():
                reader, writer = await asyncio.open_connection("quotes.example.com", 7)
                writer.write(b"hi")
                await reader.read(2)
                task = asyncio.create_task(asyncio.sleep(0))
                print(task.get_name())
                await task
                writer.close()

            asyncio.run(main())
        """, prepare=self.quote_service)
        self.assertEqual(stdout(result), ["Task-2"])
        self.assertEqual([task.coro for task in result.trace.tasks if task.parent == 1], ["sleep"])
        self.assertEqual(stderr(result), [])


if __name__ == "__main__":
    unittest.main()
