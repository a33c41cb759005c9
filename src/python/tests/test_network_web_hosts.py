"""Virtual web hosts: routes, response times, failures and limits on concurrent requests."""

import textwrap
import unittest

from awaitable import run_program
from awaitable.network import CLOSE, HANG, RESET, Response, fail_first


def run(source, prepare):
    return run_program(textwrap.dedent(source), prepare=prepare)


def stdout(result):
    return [line.text for line in result.trace.output if line.stream == "stdout"]


def stderr(result):
    return [line.text for line in result.trace.output if line.stream == "stderr"]


def host(routes, **options):
    """A prepare step that defines api.example.com with ``routes``."""
    def prepare(sandbox):
        sandbox.network.add_web_host("api.example.com", routes, **options)
    return prepare


#: A program that GETs each path given on its own line and prints what came back.
FETCH_ALL = """
    import asyncio
    import aiohttp

    PATHS = {paths!r}

    async def fetch(session, path):
        loop = asyncio.get_running_loop()
        try:
            async with session.get("http://api.example.com" + path) as resp:
                body = await resp.text()
                return f"{{round(loop.time(), 6)}} {{path}} {{resp.status}} {{body}}"
        except Exception as error:
            return f"{{round(loop.time(), 6)}} {{path}} {{type(error).__name__}}: {{error}}"

    async def main():
        async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=3)) as session:
            for line in await asyncio.gather(*(fetch(session, path) for path in PATHS)):
                print(line)

    asyncio.run(main())
"""


def fetch_all(paths, prepare):
    return run(FETCH_ALL.format(paths=list(paths)), prepare)


class RawHttpTest(unittest.TestCase):
    def test_a_web_host_speaks_http_1_1_over_plain_streams(self):
        result = run("""
            import asyncio

            async def main():
                reader, writer = await asyncio.open_connection("api.example.com", 80)
                writer.write(b"GET /hello?name=ada HTTP/1.1\\r\\nHost: api.example.com\\r\\n\\r\\n")
                print((await reader.read()).decode())
                writer.close()

            asyncio.run(main())
        """, host({"/hello": lambda request: f"hello, {request.query['name']}"}, latency=0.2))
        self.assertEqual(result.trace.output[0].t, 0.2)
        self.assertEqual(stdout(result), [
            "HTTP/1.1 200 OK\r",
            "Content-Type: text/plain; charset=utf-8\r",
            "Content-Length: 10\r",
            "Date: Mon, 06 Jan 2025 09:00:00 GMT\r",
            "Connection: close\r",
            "\r",
            "hello, ada"])

    def test_both_http_ports_listen_and_others_refuse(self):
        result = run("""
            import asyncio

            async def main():
                for port in (80, 443, 8080):
                    try:
                        reader, writer = await asyncio.open_connection("api.example.com", port)
                        print(port, "open")
                        writer.close()
                    except ConnectionRefusedError:
                        print(port, "refused")

            asyncio.run(main())
        """, host({}))
        self.assertEqual(stdout(result), ["80 open", "443 open", "8080 refused"])


class RoutesTest(unittest.TestCase):
    def test_values_handlers_and_responses(self):
        async def slow_square(request):
            import asyncio
            await asyncio.sleep(0.5)
            return {"square": int(request.match_info["n"]) ** 2}

        routes = {
            "GET /text": "plain",
            "/json": {"ok": True},
            "GET /users/{id}/name": lambda request: f"user {request.match_info['id']}",
            "POST /echo": lambda request: request.json(),
            "GET /square/{n}": slow_square,
            "/teapot": Response(418, text="short and stout", headers={"X-Kind": "teapot"}),
            "/slow": Response(json=[1, 2], delay=1.0),
        }
        result = fetch_all(["/text", "/json", "/users/7/name", "/square/9", "/teapot",
                            "/slow", "/missing", "/echo"], host(routes, latency=0.1))
        self.assertEqual(stdout(result), [
            "0.1 /text 200 plain",
            '0.1 /json 200 {"ok": true}',
            "0.1 /users/7/name 200 user 7",
            '0.5 /square/9 200 {"square": 81}',
            "0.1 /teapot 418 short and stout",
            "1.1 /slow 200 [1, 2]",
            "0.1 /missing 404 404: Not Found",
            "0.1 /echo 405 405: Method Not Allowed"])

    def test_a_handler_sees_the_request(self):
        seen = []

        def record(request):
            seen.append((request.method, request.path, dict(request.query), request.headers["Content-Type"],
                         request.json(), request.headers["User-Agent"].split()[1].split("/")[0]))
            return {"created": True}

        result = run("""
            import asyncio
            import aiohttp

            async def main():
                async with aiohttp.ClientSession() as session:
                    async with session.post("http://api.example.com/items", params={"dry": "no"},
                                            json={"name": "kettle"}) as resp:
                        print(resp.status, await resp.json())

            asyncio.run(main())
        """, host({"POST /items": record}))
        self.assertEqual(stdout(result), ["200 {'created': True}"])
        self.assertEqual(seen, [("POST", "/items", {"dry": "no"}, "application/json", {"name": "kettle"}, "aiohttp")])

    def test_a_failing_handler_answers_500_and_reports_the_error(self):
        def broken(request):
            raise KeyError("oops")

        result = fetch_all(["/broken"], host({"/broken": broken}))
        self.assertEqual(stdout(result), ["0.1 /broken 500 500: Internal Server Error"])
        self.assertIn("the virtual web host api.example.com failed on GET /broken", stderr(result)[0])


class FailuresTest(unittest.TestCase):
    def test_fail_first_answers_503_then_serves(self):
        prepare = host({"/data": {"n": 1}}, latency=0.1, fail_first=2)
        result = fetch_all(["/data", "/data", "/data"], prepare)
        self.assertEqual(stdout(result), [
            "0.1 /data 503 503: Service Unavailable",
            "0.1 /data 503 503: Service Unavailable",
            '0.1 /data 200 {"n": 1}'])

    def test_a_route_that_fails_first(self):
        routes = {"/flaky": fail_first(1, {"ok": True}, status=500)}
        result = run("""
            import asyncio
            import aiohttp

            async def main():
                async with aiohttp.ClientSession() as session:
                    for attempt in range(2):
                        async with session.get("http://api.example.com/flaky") as resp:
                            print(resp.status, await resp.text())

            asyncio.run(main())
        """, host(routes))
        self.assertEqual(stdout(result), ["500 500: Internal Server Error", '200 {"ok": true}'])

    def test_hang_reset_and_close(self):
        state = {}

        def prepare(sandbox):
            state["host"] = sandbox.network.add_web_host(
                "api.example.com", {"/hang": HANG, "/reset": RESET, "/close": CLOSE}, latency=0.1)

        result = fetch_all(["/hang", "/reset", "/close"], prepare)
        self.assertEqual(stdout(result), [
            "3.0 /hang TimeoutError: ",
            "0.2 /reset ClientOSError: [Errno 104] Connection reset by peer",
            "0.2 /close ServerDisconnectedError: Server disconnected"])
        # A GET whose connection is lost is retried once, as aiohttp does.
        faults = [(request.path, request.fault, request.ended) for request in state["host"].requests]
        self.assertEqual(sorted(faults), [
            ("/close", "CLOSE", 0.1), ("/close", "CLOSE", 0.2), ("/hang", "HANG", 3.0),
            ("/reset", "RESET", 0.1), ("/reset", "RESET", 0.2)])


class ConcurrencyLimitTest(unittest.TestCase):
    def test_excess_requests_wait_their_turn(self):
        state = {}

        def prepare(sandbox):
            state["host"] = sandbox.network.add_web_host(
                "api.example.com", {"/item": "x"}, latency=0.1, max_connections=3)

        result = fetch_all(["/item"] * 10, prepare)
        times = sorted(float(line.split()[0]) for line in stdout(result))
        self.assertEqual(times, [0.1] * 3 + [0.2] * 3 + [0.3] * 3 + [0.4])
        self.assertEqual(state["host"].peak_active, 3)
        self.assertEqual(len(state["host"].requests), 10)
        waited = [round(request.started - request.arrived, 6) for request in state["host"].requests]
        self.assertEqual(sorted(waited), [0.0] * 3 + [0.1] * 3 + [0.2] * 3 + [0.3])

    def test_excess_requests_can_be_rejected_at_once(self):
        prepare = host({"/item": "x"}, latency=0.1, max_connections=2, when_busy="reject")
        result = fetch_all(["/item"] * 4, prepare)
        self.assertEqual(sorted(stdout(result)), [
            "0.0 /item 503 503: Service Unavailable",
            "0.0 /item 503 503: Service Unavailable",
            "0.1 /item 200 x",
            "0.1 /item 200 x"])


class FixtureApiTest(unittest.TestCase):
    def test_host_names_are_checked(self):
        def prepare(sandbox):
            sandbox.network.add_web_host("api.example.com", {})
            for name in ("api.example.com", "localhost", "127.0.0.1"):
                try:
                    sandbox.network.add_web_host(name, {})
                except ValueError as error:
                    print(error)

        result = run("pass", prepare)
        self.assertEqual(stdout(result), [
            "api.example.com:80 is already defined",
            "'localhost' is the learner's machine or an address, not a host name",
            "'127.0.0.1' is the learner's machine or an address, not a host name"])

    def test_bad_routes_and_options_are_refused(self):
        def prepare(sandbox):
            for routes, options in [({"GET users": "x"}, {}), ({}, {"when_busy": "drop"})]:
                try:
                    sandbox.network.add_web_host("api.example.com", routes, **options)
                except ValueError as error:
                    print(error)

        result = run("pass", prepare)
        self.assertEqual(stdout(result), [
            "a web host route must look like 'GET /path' or '/path', not 'GET users'",
            "when_busy must be 'wait' or 'reject', not 'drop'"])


if __name__ == "__main__":
    unittest.main()
