from awaitable.grading import Submission, check, fail
from awaitable.network import RESET, Response, fail_first

HOST = "http://api.example.com"

# Appended to the learner's program: calls get_json with a session of its
# own and reports what it returned or raised.
PROBE = '''


async def __probe_get(url, attempts):
    import aiohttp as __aiohttp
    async with __aiohttp.ClientSession() as session:
        try:
            if attempts is None:
                value = await get_json(session, url)
            else:
                value = await get_json(session, url, attempts)
        except Exception as error:
            return {"raised": type(error).__name__,
                    "client_error": isinstance(error, __aiohttp.ClientError)}
        return {"value": value}
'''


def _hosts(sandbox):
    sandbox.network.add_web_host("api.example.com", {
        "/flaky": fail_first(3, {"status": "ok"}),
        # aiohttp itself retries a GET once when its connection drops, so
        # the learner's code sees one failure for two resets.
        "/wobbly": fail_first(2, {"status": "ok"}, status=RESET),
        "/down": Response(status=503),
    }, latency=0.0)


def _probe(program, path, attempts=None):
    run = Submission(program.source.rstrip() + "\n" + PROBE, fixtures=_hosts).call(
        "__probe_get", HOST + path, attempts)
    if run.error is not None:
        fail(f"get_json(session, {HOST + path!r}) to run", f"{run.error['type']}: {run.error['message']}",
             "read the traceback under Run's output")
    if run.stopped is not None:
        fail(f"get_json(session, {HOST + path!r}) to return", f"the sandbox stopped it: {run.stopped.message}",
             "make sure the loop ends after `attempts` tries")
    tries = [request for request in run.result.trace.requests if request.url == HOST + path]
    return run, tries


def _tries(count):
    return "1 try" if count == 1 else f"{count} tries"


def _times(tries):
    return ", ".join(f"t={request.start:g}s" for request in tries)


@check("the program runs to the end without an error")
def runs(program):
    program.run().expect_no_error()


@check("a URL that is busy three times gives its JSON on the fourth try")
def flaky(program):
    run, tries = _probe(program, "/flaky")
    if "value" not in run.value:
        fail("{'status': 'ok'} from /flaky", f"get_json raised {run.value['raised']} after {_tries(len(tries))}",
             "catch `aiohttp.ClientError` and try again, up to `attempts` times")
    if run.value["value"] != {"status": "ok"} or len(tries) != 4:
        fail("{'status': 'ok'} after 4 tries", f"{run.value['value']!r} after {_tries(len(tries))}",
             "return `await response.json()` from the first try that works")


@check("it waits 1s, 2s, then 4s between tries")
def backoff(program):
    run, tries = _probe(program, "/flaky")
    run.expect_no_blocking_calls()
    gaps = [round(later.start - earlier.end, 6) for earlier, later in zip(tries, tries[1:])]
    if gaps != [1.0, 2.0, 4.0]:
        shown = ", ".join(f"{gap:g}s" for gap in gaps) or "none"
        if gaps and all(gap == 0 for gap in gaps):
            tip = "you retry at once: `await asyncio.sleep(delay)` after a failed try"
        elif len(set(gaps)) == 1:
            tip = "the wait should double after each failure: `delay *= 2`"
        else:
            tip = "start with a 1 s wait and double it after each failure: 1, 2, 4"
        fail("waits of 1s, 2s and 4s (tries at t=0s, 1s, 3s, 7s)",
             f"waits of {shown} (tries at {_times(tries)})", tip)


@check("a dropped connection counts as a failed try too")
def connection_error(program):
    run, tries = _probe(program, "/wobbly")
    if run.value.get("value") != {"status": "ok"} or len(tries) != 2:
        got = (f"get_json raised {run.value['raised']}" if "raised" in run.value
               else f"it returned {run.value['value']!r}")
        fail("{'status': 'ok'} on the second try, after a reset connection", f"{got} after {_tries(len(tries))}",
             "catch `aiohttp.ClientError`, the base of every aiohttp error: connection errors and "
             "error statuses alike")


@check("when every try fails, it raises the last error at once (3 tries of /down: t=0s, 1s, 3s, and done)")
def gives_up(program):
    run, tries = _probe(program, "/down", 3)
    if "raised" not in run.value:
        fail("get_json(..., attempts=3) to raise the last error", f"it returned {run.value['value']!r}",
             "after the last failed try, re-raise the error (a bare `raise` in the `except` block)")
    if not run.value["client_error"]:
        fail("the last aiohttp error itself", f"a {run.value['raised']}",
             "re-raise the error you caught (a bare `raise`), so that callers can catch `aiohttp.ClientError`")
    if len(tries) != 3:
        fail("exactly 3 tries with attempts=3", f"{_tries(len(tries))}, at {_times(tries)}",
             "use the `attempts` argument to count the tries")
    if abs(run.virtual_time - 3.0) > 1e-6:
        fail("it to give up at t=3s, right after the third try", f"it gave up at t={run.virtual_time:g}s",
             "don't wait after the last try: raise at once" if run.virtual_time > 3.0
             else "wait 1 s before the second try and 2 s before the third")


@check("main() prints the flaky data at t=7s and gives up on /down at t=14s")
def main_output(program):
    run = program.run()
    run.expect_line(r"^flaky: \{'status': 'ok'\}$", what="'flaky: {'status': 'ok'}'", at=7.0)
    run.expect_line(r"^down: gave up: \w+", what="'down: gave up: ...'", at=14.0)
