from awaitable.grading import Submission, check, fail

# Uses the learner's Connection the way callers will: a normal block, and a
# block whose body raises. Lines starting with @@ report what it saw.
HARNESS = '''

async def __awaitable_normal_block():
    connection = Connection("db.example.com")
    async with connection as received:
        print(f"@@ as gave the connection: {received is connection}; open: {connection.is_open}")
    print(f"@@ after the block, open: {connection.is_open}")


async def __awaitable_raising_block():
    connection = Connection("db.example.com")
    try:
        async with connection:
            raise KeyError("no such user")
    except KeyError:
        print(f"@@ the KeyError reached the caller; open: {connection.is_open}")
    else:
        print(f"@@ no error reached the caller; open: {connection.is_open}")
'''


def harness_run(program, function):
    run = Submission(program.source + HARNESS).call(function)
    if run.error is not None:
        fail("`async with Connection(...)` to run without an error",
             f"{run.error['type']}: {run.error['message']}", error_tip(run.error))
    return run


def error_tip(error):
    message = error["message"]
    if error["type"] == "TypeError" and "asynchronous context manager" in message:
        return ("`async with` calls two special methods: define `async def __aenter__(self)` and "
                "`async def __aexit__(self, exc_type, exc, traceback)` in Connection "
                "(`__enter__` and `__exit__` are for a plain `with`)")
    if error["type"] == "TypeError" and "__await__" in message:
        return ("define __aenter__ and __aexit__ with `async def`, so that `async with` can "
                "await them")
    if error["type"] == "TypeError" and "argument" in message:
        return ("`__aexit__` receives three arguments besides self: "
                "`async def __aexit__(self, exc_type, exc, traceback)`")
    if error["type"] == "AttributeError" and "NoneType" in message:
        return ("`as conn` receives what __aenter__ returns: end __aenter__ with `return self`")
    if error["type"] == "RuntimeError" and "not open" in message:
        return "open the connection in __aenter__: `await self.open()`"
    return "read the traceback under Run's output and fix that line"


@check("the program runs to the end: `async with Connection(...) as conn` works")
def runs(program):
    run = program.run()
    if run.error is not None:
        fail("the program to run without an error",
             f"{run.error['type']} at line {run.error['line']}: {run.error['message']}",
             error_tip(run.error))
    run.expect_no_error()


@check("the block opens the connection first and closes it last: closed at t=1.7s")
def opens_and_closes(program):
    run = program.run()
    if run.error is not None or run.stopped is not None:
        fail("the program to run to the end", "it stopped early (see the first check)",
             "fix what the first check reports, then try again")
    run.expect_line(r"^connected to db\.example\.com$", what="`connected to db.example.com`", at=0.5)
    run.expect_line(r"^ran SELECT", what="the query's line", at=1.5)
    closed = run.find_lines(r"^closed db\.example\.com$")
    if not closed:
        fail("`closed db.example.com` when the block ends", "the connection was never closed",
             "close it in __aexit__, and await it: `await self.close()`")
    run.expect_line(r"^closed db\.example\.com$", what="`closed db.example.com`", at=1.7)
    summary = run.expect_line(r"^got \d+ rows", what="the `got 2 rows` line")
    if summary.t < closed[0].t or not summary.text.endswith("still open: False"):
        fail("the block to finish closing before the next line runs",
             f"`{summary.text}` at t={summary.t:g}s",
             "await the closing inside __aexit__ (`await self.close()`), so that leaving the "
             "block waits for it")


@check("`as conn` gives the connection itself, already open")
def as_gives_connection(program):
    run = harness_run(program, "__awaitable_normal_block")
    report = run.find_lines(r"^@@ as gave")
    if not report:
        fail("the body of the block to run", "it never did", "see the first check")
    if "connection: True" not in report[0].text:
        fail("`as conn` to receive the Connection object",
             "it received something else",
             "`as` receives what __aenter__ returns: end it with `return self`")
    if not report[0].text.endswith("open: True"):
        fail("the connection to be open inside the block", "it was not open yet",
             "open it in __aenter__ with `await self.open()`, before returning self")


@check("when the body raises, the connection is still closed and the error reaches the caller")
def closes_on_error(program):
    run = harness_run(program, "__awaitable_raising_block")
    report = run.find_lines(r"^@@ (the KeyError|no error)")
    if not report:
        fail("the KeyError raised in the block to be caught around it", "it never was",
             "see the first check")
    text = report[0].text
    if "no error reached" in text:
        fail("the KeyError raised inside the block to reach the code around it",
             "the error vanished: __aexit__ returned a true value, which tells Python to "
             "swallow it",
             "close the connection and return False (or nothing) from __aexit__, so that "
             "the error carries on")
    if not text.endswith("open: False"):
        fail("the connection closed when the body raises", "it was left open",
             "__aexit__ runs whether the block ends normally or with an error: close the "
             "connection there, with no condition")
