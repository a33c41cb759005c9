from awaitable.grading import Submission, check, fail
from awaitable.network import CLOSE, Response

HOST = "http://api.example.com"
PATHS = ["/news", "/weather", "/broken", "/stats", "/old-page"]
REPORT = [f"{HOST}/news: 2048 bytes", f"{HOST}/weather: 312 bytes", f"{HOST}/broken: failed",
          f"{HOST}/stats: 1024 bytes", f"{HOST}/old-page: failed", "total: 3384 bytes from 3 pages"]


def _other_pages(sandbox):
    """Other sizes and other failures: a closed connection and a 503."""
    sandbox.network.add_web_host("api.example.com", {
        "/news": Response(text="n" * 1500, delay=0.4),
        "/weather": CLOSE,
        "/broken": Response(text="b" * 100, delay=2.0),
        "/stats": Response(status=503),
        "/old-page": Response(text="o" * 50),
    }, latency=0.2)


OTHER_REPORT = [f"{HOST}/news: 1500 bytes", f"{HOST}/weather: failed", f"{HOST}/broken: 100 bytes",
                f"{HOST}/stats: failed", f"{HOST}/old-page: 50 bytes", "total: 1650 bytes from 3 pages"]


def _report(run):
    """The report lines, with a failure's '(ExceptionName)' left out."""
    lines = []
    for line in run.output:
        text = line.text.strip()
        if text.startswith(HOST) or text.startswith("total:"):
            if ": failed" in text:
                text = text[:text.index(": failed") + len(": failed")]
            lines.append((text, line.t))
    return lines


def _compare(lines, wanted):
    texts = [text for text, _ in lines]
    for index, expected in enumerate(wanted):
        seen = texts[index] if index < len(texts) else None
        if seen != expected:
            return expected, seen
    return None


def _tip(expected, seen, lines):
    if not lines:
        return ("no report line was printed. If a `try` around `gather` caught the first failure, the "
                "other results were lost with it: pass `return_exceptions=True` to `gather` instead")
    if seen is not None and expected.endswith("failed") and seen.endswith("bytes"):
        return ("a page with an error status still has a body: call `response.raise_for_status()` "
                "so that a 404 or a 503 counts as a failure")
    if expected.endswith("failed") and seen is None:
        return ("one failing URL must not stop the others: `gather(..., return_exceptions=True)`, "
                "or catch `aiohttp.ClientError` for each URL")
    return "print one line per URL in the order of URLS, then the total of the pages that worked"


@check("the program runs to the end without an error, even though two URLs fail")
def runs(program):
    run = program.run()
    if run.error is not None and run.error["type"].startswith("Client"):
        fail("the failing URLs to be reported, not to crash the program",
             f"{run.error['type']}: {run.error['message']}",
             "catch the failure for each URL: `asyncio.gather(..., return_exceptions=True)`, "
             "or `try:` / `except aiohttp.ClientError` around one request")
    run.expect_no_error()


@check("all five requests start together, at t=0s")
def together(program):
    run = program.run()
    starts = {}
    for request in run.result.trace.requests:
        path = request.url[len(HOST):] if request.url.startswith(HOST) else request.url
        starts.setdefault(path, request.start)
    missing = [path for path in PATHS if path not in starts]
    if missing:
        fail("a request to each of the five URLs", f"no request to {', '.join(missing)}",
             "the program crashed at a failing URL before it got to these: catch each URL's failure"
             if run.error is not None else "fetch every URL in URLS")
    late = [f"{path} at t={t:g}s" for path, t in starts.items() if path in PATHS and t > 1e-6]
    if late:
        fail("all five requests started at t=0s", ", ".join(late),
             "start every request before awaiting any: `asyncio.gather(*(fetch_size(session, url) for url in URLS), ...)`")


@check("one line per URL in the order of URLS, sizes in bytes, `failed` for the two that fail, then the total")
def report(program):
    lines = _report(program.run())
    mismatch = _compare(lines, REPORT)
    if mismatch:
        expected, seen = mismatch
        fail(repr(expected if not expected.endswith("failed") else expected + " (...)"),
             repr(seen) if seen else "no such line", _tip(expected, seen, lines))


@check("the report is complete at t=1.2s, when the slowest page arrives")
def on_time(program):
    run = program.run()
    lines = _report(run)
    if not lines:
        fail("the report at t=1.2s", "no report lines", "print the report once every request has finished")
    late = [(text, t) for text, t in lines if t > 1.2 + 1e-6]
    if late:
        fail("every report line by t=1.2s", f"{late[0][0]!r} at t={late[0][1]:g}s",
             "fetch the pages at the same time: the report should take as long as the slowest page (1.2 s)")


@check("with other pages (a closed connection, a 503, a slow page), the report follows what happened")
def follows(program):
    run = Submission(program.source, fixtures=_other_pages).run()
    if run.error is not None:
        fail("the program to run to the end with these pages too", f"{run.error['type']}: {run.error['message']}",
             "catch every `aiohttp.ClientError`, whatever its kind, for each URL")
    lines = _report(run)
    mismatch = _compare(lines, OTHER_REPORT)
    if mismatch:
        expected, seen = mismatch
        fail(repr(expected), repr(seen) if seen else "no such line", _tip(expected, seen, lines))
    if abs(lines[-1][1] - 2.2) > 1e-6:
        fail("the total at t=2.2s, when the slowest page arrives", f"it at t={lines[-1][1]:g}s",
             "wait for every request, then print the report")
