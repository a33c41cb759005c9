from awaitable.grading import check, fail

# path -> (seconds, the size in bytes, or the error message it fails with)
PAGES = {
    "/home": (2, 5120),
    "/missing": (1, "404 Not Found: /missing"),
    "/about": (3, 2048),
    "/broken": (2.5, "connection reset while fetching /broken"),
}
SLOWEST = max(seconds for seconds, _ in PAGES.values())
SUM = sum(seconds for seconds, _ in PAGES.values())
SUMMARY = "fetched 2 of 4 pages, 7168 bytes"
FETCH_ERRORS = {"LookupError", "ConnectionError", "ConnectionResetError", "ExceptionGroup"}
RETURN_EXCEPTIONS = ("pass `return_exceptions=True` to asyncio.gather: each exception then comes back in the "
                     "results list, in its page's place, and the other pages carry on")
TASK_GROUP = ("a TaskGroup cancels the other tasks as soon as one fails, and raises an ExceptionGroup; to keep "
              "every result, use `asyncio.gather(..., return_exceptions=True)`, or catch each page's "
              "exception inside its own task")


def _tip(error):
    return TASK_GROUP if error["type"] == "ExceptionGroup" else RETURN_EXCEPTIONS


def _report(run, path):
    """The line reporting ``path``, or a failure that says why there is none."""
    lines = run.find_lines(rf"^{path}:")
    if lines:
        return lines[0]
    if run.error is not None and run.error["type"] in FETCH_ERRORS:
        fail(f"a line reporting {path}",
             f"the program stopped at t={run.virtual_time:g}s with {run.error['type']}: {run.error['message']}",
             _tip(run.error))
    if run.find_lines(r"404|connection reset"):
        fail(f"a line reporting {path}",
             "only a report of the first failure: the first exception ended the whole gather, and the "
             "other results were lost",
             RETURN_EXCEPTIONS)
    fail(f"a line starting '{path}:'", "no such line",
         "print one line per page, in the order of PAGES, as the instructions show")


@check("one failing page does not stop the program: it runs to the end without an error")
def runs(program):
    run = program.run()
    if run.error is not None and run.error["type"] in FETCH_ERRORS:
        fail("the program to carry on past the pages that fail",
             f"{run.error['type']}: {run.error['message']} ended it at t={run.virtual_time:g}s",
             _tip(run.error))
    run.expect_no_error()


@check("the pages that worked report their sizes: '/home: 5120 bytes', '/about: 2048 bytes'")
def sizes(program):
    run = program.run()
    for path, (_, outcome) in PAGES.items():
        if isinstance(outcome, int):
            line = _report(run, path)
            if line.text.strip() != f"{path}: {outcome} bytes":
                fail(f"'{path}: {outcome} bytes'", f"'{line.text}'",
                     "print the size for the pages whose result is not an exception")


@check("the failed pages report their errors: '/missing: failed (...)', '/broken: failed (...)'")
def failures(program):
    run = program.run()
    for path, (_, outcome) in PAGES.items():
        if isinstance(outcome, str):
            line = _report(run, path)
            if not line.text.startswith(f"{path}: failed") or outcome not in line.text:
                fail(f"'{path}: failed (...)' with the error's message, '{outcome}'", f"'{line.text}'",
                     "check each result with `isinstance(result, Exception)`; for an exception, print "
                     f"`f\"{{path}}: failed ({{type(result).__name__}}: {{result}})\"`")


@check("the reports come in the order of PAGES: /home, /missing, /about, /broken")
def in_order(program):
    run = program.run()
    lines = [_report(run, path) for path in PAGES]
    printed = sorted(lines, key=run.output.index)
    if printed != lines:
        fail("the reports in the order of PAGES: " + ", ".join(PAGES),
             "they came in this order: " + ", ".join(line.text.split(":")[0] for line in printed),
             "asyncio.gather returns results in the order of its arguments: zip them with PAGES")


@check("all four pages are fetched at once: everything is reported at t=3s, not t=8.5s")
def concurrent(program):
    run = program.run()
    run.expect_no_blocking_calls()
    lines = [_report(run, path) for path in PAGES]
    last = max(line.t for line in lines)
    if abs(last - SUM) < 1e-3:
        fail(f"every report at t={SLOWEST:g}s, when the slowest page is in",
             f"the last one came at t={SUM:g}s, the sum of all four: the pages were fetched one after another",
             "fetch them all at once with `asyncio.gather(..., return_exceptions=True)` instead of awaiting "
             "each in turn")
    for line in lines:
        if abs(line.t - SLOWEST) > 1e-3:
            fail(f"every report at t={SLOWEST:g}s, once gather has every result",
                 f"'{line.text}' at t={line.t:g}s",
                 "await the gather once, then print the reports from the list it returns")


@check("the summary says 'fetched 2 of 4 pages, 7168 bytes' at t=3s")
def summary(program):
    run = program.run()
    found = run.find_lines(r"^fetched ")
    if not found:
        if run.error is not None:
            fail(f"the line '{SUMMARY}'", f"the program stopped with {run.error['type']} before it",
                 _tip(run.error) if run.error["type"] in FETCH_ERRORS else "fix the error first")
        fail(f"the line '{SUMMARY}'", "no line starting 'fetched'",
             "after the reports, print how many pages worked and their total size")
    line = found[0]
    if line.text.strip() != SUMMARY:
        fail(f"'{SUMMARY}'", f"'{line.text}'",
             "count only the results that are not exceptions, and add up their sizes")
    if abs(line.t - SLOWEST) > 1e-3:
        fail(f"the summary at t={SLOWEST:g}s", f"it was printed at t={line.t:g}s",
             "fetch the pages at the same time, with one asyncio.gather")
