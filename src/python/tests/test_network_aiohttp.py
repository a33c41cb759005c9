"""The aiohttp client subset: its API, its errors and its timing on the virtual clock."""

import sys
import textwrap
import unittest

from awaitable import run_program
from awaitable.network import CLOSE, HANG, Response


def stdout(result):
    return [line.text for line in result.trace.output if line.stream == "stdout"]


def stderr(result):
    return [line.text for line in result.trace.output if line.stream == "stderr"]


ROUTES = {
    "GET /items/{id}": lambda request: {"id": int(request.match_info["id"])},
    "/text": "hello there",
    "/html": Response(text="<p>hi</p>", content_type="text/html; charset=utf-8"),
    "/empty": Response(204),
    "/hang": HANG,
    "/old": Response(301, headers={"Location": "/new"}),
    "/new": "moved here",
}


def api(sandbox):
    sandbox.network.add_web_host("api.example.com", ROUTES, latency=0.1)


def run(source, prepare=api):
    return run_program(textwrap.dedent(source), prepare=prepare)


def program(body):
    """``body`` as the inside of ``async def main()``, run by asyncio.run."""
    return ("import asyncio\nimport aiohttp\n\nasync def main():\n"
            + textwrap.indent(textwrap.dedent(body), "    ")
            + "\nasyncio.run(main())\n")


class TimingTest(unittest.TestCase):
    def test_gathered_requests_overlap_and_sequential_ones_add_up(self):
        result = run(program("""
            loop = asyncio.get_running_loop()
            async with aiohttp.ClientSession() as session:
                async def fetch(i):
                    async with session.get(f"http://api.example.com/items/{i}") as resp:
                        return (await resp.json())["id"]
                print(await asyncio.gather(*(fetch(i) for i in range(10))), loop.time())
                for i in range(10):
                    await fetch(i)
                print(round(loop.time(), 6))
        """))
        self.assertEqual(stdout(result), ["[0, 1, 2, 3, 4, 5, 6, 7, 8, 9] 0.1", "1.1"])
        self.assertEqual(len(result.trace.requests), 20)
        network = result.sandbox.network
        self.assertEqual(network.peak_concurrency("api.example.com"), 10)
        self.assertEqual(network.peak_concurrency("elsewhere.example.com"), 0)

    def test_the_connector_allows_100_connections_by_default(self):
        result = run(program("""
            loop = asyncio.get_running_loop()
            async with aiohttp.ClientSession() as session:
                await asyncio.gather(*(session.get("http://api.example.com/text") for _ in range(150)))
                print(loop.time(), session.connector.limit)
            connector = aiohttp.TCPConnector(limit=4)
            async with aiohttp.ClientSession(connector=connector) as session:
                start = loop.time()
                await asyncio.gather(*(session.get("http://api.example.com/text") for _ in range(10)))
                print(round(loop.time() - start, 6))
            connector = aiohttp.TCPConnector(limit_per_host=2)
            async with aiohttp.ClientSession(connector=connector) as session:
                start = loop.time()
                await asyncio.gather(*(session.get("http://api.example.com/text") for _ in range(5)))
                print(round(loop.time() - start, 6))
        """))
        self.assertEqual(stdout(result), ["0.2 100", "0.3", "0.3"])
        self.assertEqual(result.sandbox.network.peak_concurrency(), 150)

    def test_a_response_is_released_once_its_body_arrived(self):
        result = run(program("""
            loop = asyncio.get_running_loop()
            async with aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=1)) as session:
                first = await session.get("http://api.example.com/text")
                second = await session.get("http://api.example.com/text")
                print(loop.time(), await first.text(), await second.text())
        """))
        self.assertEqual(stdout(result), ["0.2 hello there hello there"])


class ResponseTest(unittest.TestCase):
    def test_what_a_response_tells(self):
        result = run(program("""
            async with aiohttp.ClientSession() as session:
                async with session.get("http://api.example.com/items/7", params={"full": "yes please"}) as resp:
                    print(resp.status, resp.reason, resp.ok, resp.method)
                    print(repr(resp.url), resp.url.host, resp.url.path, resp.url.query["full"])
                    print(resp.headers["content-type"], resp.headers.get("CONTENT-LENGTH"))
                    print(resp.content_type, resp.charset, resp.content_length)
                    print(await resp.read(), await resp.text(), await resp.json())
                    print(resp.request_info.headers["Host"], resp.request_info.method)
                resp = await session.get("http://api.example.com/empty")
                print(resp.status, await resp.read(), resp.content_type)
                print(str(await session.get("http://api.example.com/text")).splitlines()[0])
        """))
        self.assertEqual(stdout(result), [
            "200 OK True GET",
            "URL('http://api.example.com/items/7?full=yes+please') api.example.com /items/7 yes please",
            "application/json; charset=utf-8 9",
            "application/json utf-8 9",
            "b'{\"id\": 7}' {\"id\": 7} {'id': 7}",
            "api.example.com GET",
            "204 b'' application/octet-stream",
            "<ClientResponse(http://api.example.com/text) [200 OK]>"])

    def test_raise_for_status_and_content_type_errors(self):
        result = run(program("""
            async with aiohttp.ClientSession() as session:
                resp = await session.get("http://api.example.com/missing")
                try:
                    resp.raise_for_status()
                except aiohttp.ClientResponseError as error:
                    print(type(error).__name__, error.status, error.message)
                    print(error)
                async with session.get("http://api.example.com/html") as resp:
                    try:
                        await resp.json()
                    except aiohttp.ContentTypeError as error:
                        print(isinstance(error, aiohttp.ClientResponseError), error)
                    print(await resp.text())
            async with aiohttp.ClientSession(raise_for_status=True) as session:
                try:
                    async with session.get("http://api.example.com/missing") as resp:
                        print("not reached")
                except aiohttp.ClientResponseError as error:
                    print("raised on the way in:", error.status)
        """))
        self.assertEqual(stdout(result), [
            "ClientResponseError 404 Not Found",
            "404, message='Not Found', url='http://api.example.com/missing'",
            "True 200, message='Attempt to decode JSON with unexpected mimetype: text/html; charset=utf-8', "
            "url='http://api.example.com/html'",
            "<p>hi</p>",
            "raised on the way in: 404"])

    def test_the_body_is_gone_after_the_response_is_released(self):
        result = run(program("""
            async with aiohttp.ClientSession() as session:
                async with session.get("http://api.example.com/text") as resp:
                    pass
                try:
                    await resp.text()
                except aiohttp.ClientConnectionError as error:
                    print(type(error).__name__, error)
        """))
        self.assertEqual(stdout(result), ["ClientConnectionError Connection closed"])

    def test_redirects_are_followed_with_their_history(self):
        result = run(program("""
            async with aiohttp.ClientSession() as session:
                async with session.get("http://api.example.com/old") as resp:
                    print(resp.status, resp.url, await resp.text(), [r.status for r in resp.history])
                async with session.get("http://api.example.com/old", allow_redirects=False) as resp:
                    print(resp.status, resp.headers["Location"])
        """))
        self.assertEqual(stdout(result), ["200 http://api.example.com/new moved here [301]", "301 /new"])


class ErrorsTest(unittest.TestCase):
    def test_connection_errors_say_what_aiohttp_says(self):
        result = run(program("""
            async with aiohttp.ClientSession() as session:
                for url in ["https://nowhere.example.com/", "http://localhost:8080/", "ftp://api.example.com/",
                            "api.example.com/items/1"]:
                    try:
                        await session.get(url)
                    except aiohttp.ClientError as error:
                        print(type(error).__name__, isinstance(error, OSError), error)
        """))
        self.assertEqual(stdout(result), [
            "ClientConnectorDNSError True Cannot connect to host nowhere.example.com:443 ssl:default "
            "[Name or service not known]",
            "ClientConnectorError True Cannot connect to host localhost:8080 ssl:default "
            "[Connect call failed ('127.0.0.1', 8080)]",
            "NonHttpUrlClientError False ftp://api.example.com/",
            "InvalidUrlClientError False api.example.com/items/1"])

    def test_an_uncaught_error_shows_aiohttps_module_in_the_traceback(self):
        result = run(program("""
            async with aiohttp.ClientSession() as session:
                await session.get("http://localhost:1/")
        """))
        self.assertEqual(result.error["type"], "ClientConnectorError")
        self.assertTrue(result.error["traceback"].endswith(
            "aiohttp.client_exceptions.ClientConnectorError: Cannot connect to host localhost:1 "
            "ssl:default [Connect call failed ('127.0.0.1', 1)]"))

    def test_a_closed_session_refuses_requests(self):
        result = run(program("""
            session = aiohttp.ClientSession()
            await session.close()
            print(session.closed)
            await session.get("http://api.example.com/text")
        """))
        self.assertEqual(stdout(result), ["True"])
        self.assertEqual((result.error["type"], result.error["message"]), ("RuntimeError", "Session is closed"))

    def test_a_session_needs_a_running_loop_and_async_with(self):
        result = run("""
            import aiohttp
            try:
                aiohttp.ClientSession()
            except RuntimeError as error:
                print(error)
            async def main():
                with aiohttp.ClientSession() as session:
                    pass
            import asyncio
            asyncio.run(main())
        """)
        self.assertEqual(stdout(result), ["no running event loop"])
        self.assertEqual((result.error["type"], result.error["message"]), ("TypeError", "Use async with instead"))

    def test_an_unclosed_session_is_reported_as_aiohttp_reports_it(self):
        result = run(program("""
            session = aiohttp.ClientSession()
            await session.get("http://api.example.com/text")
        """))
        self.assertEqual(stderr(result)[0], "Unclosed client session")
        self.assertRegex(stderr(result)[1], r"^client_session: <aiohttp\.client\.ClientSession object at 0x[0-9a-f]+>$")

    def test_the_server_side_of_aiohttp_is_not_there(self):
        result = run("from aiohttp import web\n")
        self.assertEqual(result.error["type"], "ImportError")
        self.assertIn("aiohttp.web (the server side of aiohttp) is not part of the sandbox's aiohttp",
                      result.error["message"])

    def test_aiohttp_is_only_importable_during_a_run(self):
        run(program("pass"))
        self.assertNotIn("aiohttp", sys.modules)


class RetryAndRecordTest(unittest.TestCase):
    def test_a_get_whose_connection_is_dropped_is_retried_once_a_post_is_not(self):
        state = {}

        def prepare(sandbox):
            state["host"] = sandbox.network.add_web_host(
                "api.example.com", {"/data": "fine", "POST /data": "posted"},
                latency=0.1, fail_first=2, fail_with=CLOSE)

        result = run(program("""
            loop = asyncio.get_running_loop()
            async with aiohttp.ClientSession() as session:
                try:
                    await session.post("http://api.example.com/data")
                except aiohttp.ServerDisconnectedError as error:
                    print(loop.time(), "POST:", error)
                async with session.get("http://api.example.com/data") as resp:
                    print(round(loop.time(), 6), "GET:", resp.status, await resp.text())
        """), prepare)
        self.assertEqual(stdout(result), ["0.1 POST: Server disconnected", "0.3 GET: 200 fine"])
        self.assertEqual([(r.method, r.fault, r.status) for r in state["host"].requests],
                         [("POST", "CLOSE", None), ("GET", "CLOSE", None), ("GET", None, 200)])

    def test_each_request_is_in_the_trace(self):
        result = run(program("""
            async with aiohttp.request("GET", "http://api.example.com/text") as resp:
                await resp.text()
            async with aiohttp.ClientSession() as session:
                async def fetch(method, url):
                    async with session.request(method, url):
                        pass
                await asyncio.gather(fetch("HEAD", "http://api.example.com/text"),
                                     fetch("GET", "http://nowhere.example.com/"), return_exceptions=True)
        """))
        requests = result.to_json()["requests"]
        self.assertEqual(requests[0], {
            "id": 1, "method": "GET", "url": "http://api.example.com/text", "host": "api.example.com",
            "start": 0.0, "end": 0.1, "status": 200, "error": None, "task": 1})
        self.assertEqual([(r["method"], r["status"], r["error"], r["task"]) for r in requests[1:]], [
            ("HEAD", 200, None, 2),
            ("GET", None, "ClientConnectorDNSError: Cannot connect to host nowhere.example.com:80 "
                          "ssl:default [Name or service not known]", 3)])

    def test_the_host_sees_aiohttps_headers_and_credentials(self):
        seen = []

        def record(request):
            seen.append({name: request.headers[name] for name in
                         ("Host", "Accept", "Accept-Encoding", "Authorization", "X-Token")})
            return "ok"

        def prepare(sandbox):
            sandbox.network.add_web_host("api.example.com", {"/who": record})

        run(program("""
            auth = aiohttp.BasicAuth("ada", "secret")
            async with aiohttp.ClientSession(headers={"X-Token": "t1"}, auth=auth) as session:
                await session.get("http://api.example.com:80/who")
        """), prepare)
        self.assertEqual(seen, [{"Host": "api.example.com", "Accept": "*/*", "Accept-Encoding": "gzip, deflate",
                                 "Authorization": "Basic YWRhOnNlY3JldA==", "X-Token": "t1"}])


class TimeoutTest(unittest.TestCase):
    def test_total_timeouts_of_five_seconds_or_more_end_on_a_whole_second(self):
        result = run(program("""
            loop = asyncio.get_running_loop()
            await asyncio.sleep(0.3)
            for total in (2, 5):
                async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=total)) as session:
                    start = loop.time()
                    try:
                        await session.get("http://api.example.com/hang")
                    except asyncio.TimeoutError as error:
                        print(total, round(loop.time() - start, 6), repr(error))
        """))
        self.assertEqual(stdout(result), ["2 2.0 TimeoutError()", "5 5.7 TimeoutError()"])
        self.assertEqual([record.error for record in result.trace.requests], ["TimeoutError", "TimeoutError"])

    def test_the_default_timeout_is_five_minutes(self):
        result = run(program("""
            async with aiohttp.ClientSession() as session:
                print(session.timeout)
                try:
                    await session.get("http://api.example.com/hang")
                except asyncio.TimeoutError:
                    print(asyncio.get_running_loop().time())
        """))
        self.assertEqual(stdout(result), [
            "ClientTimeout(total=300, connect=None, sock_read=None, sock_connect=30, ceil_threshold=5)",
            "300"])

    def test_read_and_connect_timeouts_raise_aiohttps_own_errors(self):
        result = run(program("""
            loop = asyncio.get_running_loop()
            async with aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=1)) as session:
                try:
                    await session.get("http://api.example.com/hang", timeout=aiohttp.ClientTimeout(sock_read=0.5))
                except aiohttp.ServerTimeoutError as error:
                    print(loop.time(), type(error).__name__, error)
                blocker = asyncio.create_task(session.get("http://api.example.com/hang"))
                await asyncio.sleep(0)
                try:
                    await session.get("http://api.example.com/text", timeout=aiohttp.ClientTimeout(connect=1))
                except aiohttp.ServerTimeoutError as error:
                    print(loop.time(), type(error).__name__, error)
                blocker.cancel()
        """))
        self.assertEqual(stdout(result), [
            "0.5 SocketTimeoutError Timeout on reading data from socket",
            "1.5 ConnectionTimeoutError Connection timeout to host http://api.example.com/text"])


class OwnServerTest(unittest.TestCase):
    def test_aiohttp_talks_to_the_learners_own_http_server(self):
        result = run(program("""
            async def handle(reader, writer):
                request_line = (await reader.readline()).decode().strip()
                while (await reader.readline()).strip():
                    pass
                body = f"you asked for {request_line.split()[1]}".encode()
                writer.write(b"HTTP/1.1 200 OK\\r\\nContent-Type: text/plain\\r\\n\\r\\n" + body)
                await writer.drain()
                writer.close()

            server = await asyncio.start_server(handle, "127.0.0.1", 8080)
            async with aiohttp.ClientSession() as session:
                async with session.get("http://localhost:8080/page?x=1") as resp:
                    print(resp.status, await resp.text())
            server.close()
            await server.wait_closed()
        """))
        self.assertEqual(stdout(result), ["200 you asked for /page?x=1"])

    def test_a_body_cut_short_is_a_payload_error(self):
        result = run(program("""
            async def handle(reader, writer):
                await reader.readline()
                writer.write(b"HTTP/1.1 200 OK\\r\\nContent-Length: 100\\r\\n\\r\\nonly this")
                await writer.drain()
                writer.close()

            server = await asyncio.start_server(handle, "127.0.0.1", 8080)
            async with aiohttp.ClientSession() as session:
                async with session.get("http://127.0.0.1:8080/") as resp:
                    try:
                        await resp.read()
                    except aiohttp.ClientPayloadError as error:
                        print(error)
            server.close()
        """))
        self.assertEqual(stdout(result), [
            "Response payload is not completed: <ContentLengthError: 400, "
            "message='Not enough data to satisfy content length header.'>"])


class ClosingWithRequestsInFlightTest(unittest.TestCase):
    """Leaving `async with ClientSession()` while a request is still out ends
    that request the way aiohttp does, never with an error of the sandbox."""

    def request_then_close(self, pause):
        return run(program(f"""
            try:
                async with aiohttp.ClientSession() as session:
                    task = asyncio.create_task(session.get("http://api.example.com/hang"))
                    await asyncio.sleep({pause})
                await task
            except aiohttp.ClientError as error:
                print(type(error).__name__, error)
        """))

    def test_a_request_waiting_for_its_answer_sees_the_server_disconnect(self):
        result = self.request_then_close(0.5)
        self.assertIsNone(result.error)
        self.assertEqual(stdout(result), ["ServerDisconnectedError Server disconnected"])
        self.assertEqual(stderr(result), [])

    def test_a_request_still_connecting_finds_the_connector_closed(self):
        result = self.request_then_close(0)
        self.assertIsNone(result.error)
        self.assertEqual(stdout(result), ["ClientConnectionError Connector is closed."])
        # Its connection, made after the close, is dropped unused: nothing
        # else fails ("Future exception was never retrieved").
        self.assertEqual(stderr(result), [])


if __name__ == "__main__":
    unittest.main()
