import re

from awaitable.grading import Submission, check, fail

# Uses the learner's timed() as callers will: around a body that raises,
# one that a timeout cancels, and two blocks that overlap. Lines starting
# with @@ report what reached the caller.
HARNESS = '''

import asyncio as __awaitable_aio


async def __awaitable_raising_body():
    try:
        async with timed("failing"):
            await __awaitable_aio.sleep(0.5)
            raise ValueError("bad data")
    except ValueError:
        print("@@ the ValueError reached the caller")
    else:
        print("@@ no error reached the caller")


async def __awaitable_cancelled_body():
    try:
        async with __awaitable_aio.timeout(1):
            async with timed("too slow"):
                await __awaitable_aio.sleep(5)
    except TimeoutError:
        print("@@ the timeout reached the caller")
    else:
        print("@@ no timeout reached the caller")


async def __awaitable_overlapping():
    async def timed_sleep(label, delay, seconds):
        await __awaitable_aio.sleep(delay)
        async with timed(label):
            await __awaitable_aio.sleep(seconds)

    await __awaitable_aio.gather(timed_sleep("first", 0, 3), timed_sleep("second", 0.5, 1))
'''


def harness_run(program, function):
    run = Submission(program.source + HARNESS).call(function)
    if run.error is not None:
        fail("`async with timed(...)` to work without an error",
             f"{run.error['type']}: {run.error['message']}", error_tip(run.error))
    if run.stopped is not None:
        fail("`async with timed(...)` to finish", f"it never did: {run.stopped.message}",
             "timed() should yield exactly once and not wait for anything itself")
    return run


def error_tip(error):
    message = error["message"]
    if error["type"] == "TypeError" and "asynchronous context manager" in message:
        return ("put `@asynccontextmanager` (from contextlib) on the line above `async def timed`: "
                "it turns the generator into something `async with` can use")
    if error["type"] == "RuntimeError" and "didn't stop" in message:
        return "timed() must yield exactly once: the body of the block runs at that yield"
    if error["type"] == "RuntimeError" and "didn't yield" in message:
        return "timed() must yield once, between noting the start time and printing"
    return "read the traceback under Run's output and fix that line"


MISSING_AFTER_ERROR = (
    "the exception comes out of the `yield` inside timed(), so the lines after the yield "
    "never run. Put the yield in a `try:` and the print in its `finally:`")


def expect_report(run, label, seconds, at, situation, missing_tip=None):
    pattern = rf"^{re.escape(label)} took (-?[\d.]+)s$"
    found = run.find_lines(pattern)
    if not found:
        printed = "; ".join(repr(line) for line in run.lines if not line.startswith("@@")) or "nothing"
        fail(f"`{label} took {seconds:.1f}s` {situation}", f"the lines printed were: {printed}",
             missing_tip or "print the elapsed time in timed(), after the yield, in exactly this "
             "form: `print(f\"{label} took {elapsed:.1f}s\")`")
    line = found[0]
    measured = float(re.match(pattern, line.text, re.IGNORECASE).group(1))
    if abs(measured - seconds) > 0.05:
        fail(f"`{label} took {seconds:.1f}s` {situation}", f"`{line.text}`",
             "note the start time in timed() before the yield and subtract it from the time "
             "after; keep the start in a local variable, so that each block has its own")
    if abs(line.t - at) > 1e-3:
        fail(f"`{label} took ...` printed at t={at:g}s, when the block ends",
             f"it was printed at t={line.t:g}s",
             "print once the block is over: after the yield, not before it")


def reports_in_main(program):
    """Whether timed() reports at all when its block ends normally."""
    return bool(program.run().find_lines(r"^users took "))


@check("the program runs to the end without an error")
def runs(program):
    run = program.run()
    if run.error is not None:
        fail("the program to run without an error",
             f"{run.error['type']} at line {run.error['line']}: {run.error['message']}",
             error_tip(run.error))
    run.expect_no_error()


@check("each block reports its time: `users took 1.5s` at t=1.5s, the gather `took 2.0s` at t=3.5s")
def reports(program):
    run = program.run()
    if run.error is not None or run.stopped is not None:
        fail("the program to run to the end", "it stopped early (see the first check)",
             "fix what the first check reports, then try again")
    expect_report(run, "users", 1.5, 1.5, "after the first block")
    expect_report(run, "users and orders together", 2.0, 3.5, "after the second block")


@check("a block that raises still reports its time, and the error reaches the caller")
def reports_on_error(program):
    run = harness_run(program, "__awaitable_raising_body")
    expect_report(run, "failing", 0.5, 0.5, "when the body raises ValueError after 0.5s",
                  reports_in_main(program) and MISSING_AFTER_ERROR)
    if run.find_lines(r"^@@ no error reached"):
        fail("the ValueError raised in the block to reach the code around it",
             "the error vanished inside timed()",
             "use try/finally around the yield, not try/except: an `except` that does not "
             "re-raise swallows the error")


@check("a block cancelled by a timeout still reports its time, and the timeout reaches the caller")
def reports_on_cancel(program):
    run = harness_run(program, "__awaitable_cancelled_body")
    expect_report(run, "too slow", 1.0, 1.0, "when `asyncio.timeout(1)` cancels the body",
                  reports_in_main(program) and MISSING_AFTER_ERROR)
    if run.find_lines(r"^@@ no timeout reached"):
        fail("the timeout to reach the code around the block",
             "the cancellation vanished inside timed()",
             "use try/finally around the yield; never swallow CancelledError")


@check("two timed blocks that overlap each measure their own time")
def overlapping(program):
    run = harness_run(program, "__awaitable_overlapping")
    expect_report(run, "second", 1.0, 1.5, "for a block from t=0.5s to t=1.5s")
    expect_report(run, "first", 3.0, 3.0, "for a block from t=0s to t=3s, while the other one ran")
