import re

from awaitable.grading import Submission, check, fail

# Uses the learner's lease() directly, with a pool of one connection, in the
# situations the checks name. Lines starting with @@ report what happened.
HARNESS = '''

import asyncio as __awaitable_aio


async def __awaitable_lease_twice():
    pool = Pool(1)
    async with lease(pool):
        pass
    async with lease(pool):
        pass
    print(f"@@ free after two leases: {pool.free}")


async def __awaitable_lease_raises():
    pool = Pool(1)
    try:
        async with lease(pool):
            await __awaitable_aio.sleep(1)
            raise ValueError("the job failed")
    except ValueError:
        print("@@ the ValueError reached the caller")
    else:
        print("@@ no error reached the caller")
    print(f"@@ free after an error: {pool.free}")


async def __awaitable_lease_cancelled():
    pool = Pool(1)

    async def job():
        async with lease(pool):
            await __awaitable_aio.sleep(10)
        print("@@ the job went on after its block")

    task = __awaitable_aio.create_task(job())
    await __awaitable_aio.sleep(1)
    task.cancel()
    try:
        await task
    except __awaitable_aio.CancelledError:
        print("@@ the job ended cancelled")
    else:
        print("@@ the job was not cancelled")
    print(f"@@ free after a cancel: {pool.free}")


async def __awaitable_cancelled_while_waiting():
    pool = Pool(1)

    async def holder():
        async with lease(pool):
            await __awaitable_aio.sleep(2)

    async def waiter():
        async with lease(pool):
            print("@@ the waiter got a connection")

    first = __awaitable_aio.create_task(holder())
    second = __awaitable_aio.create_task(waiter())
    await __awaitable_aio.sleep(1)
    second.cancel()
    try:
        await second
    except __awaitable_aio.CancelledError:
        print("@@ the waiter ended cancelled")
    except Exception as error:
        print(f"@@ the waiter failed: {type(error).__name__}: {error}")
    await first
    print(f"@@ free at the end: {pool.free}")
'''


def harness_run(program, function):
    run = Submission(program.source + HARNESS).call(function)
    if run.error is not None:
        message = run.error["message"]
        tip = "read the traceback under Run's output and fix that line"
        if "is not lent out" in message:
            tip = ("a connection was given back twice: release it in exactly one place, the "
                   "`finally:` around the `yield`")
        fail("`async with lease(pool)` to work without an error",
             f"{run.error['type']}: {message}", tip)
    if run.stopped is not None:
        fail("`async with lease(pool)` to finish", f"it never did: {run.stopped.message}",
             "lease() should acquire once, yield once, and release once")
    return run


def report(run, prefix):
    found = run.find_lines(rf"^@@ {prefix}")
    return found[0].text if found else ""


def free_count(text):
    match = re.search(r"(-?\d+)$", text)
    return int(match.group(1)) if match else None


def finished(program):
    run = program.run()
    if run.error is not None:
        fail("the program to run to the end",
             f"{run.error['type']} at line {run.error['line']}: {run.error['message']}",
             "read the traceback under Run's output and fix that line")
    run.expect_no_error()
    return run


@check("the program runs to the end without an error")
def runs(program):
    finished(program)


@check("a job that raises gives its connection back: `report` runs on conn-1 from t=1s")
def release_on_error(program):
    run = finished(program)
    found = run.find_lines(r"^report runs on conn-\d+$")
    if not found or abs(found[0].t - 1.0) > 1e-3:
        saw = (f"`{found[0].text}` at t={found[0].t:g}s" if found else
               "report never got a connection")
        fail("`report runs on conn-1` at t=1s, when the failed import gives conn-1 back", saw,
             "when the body of `async with lease(pool)` raises, the exception comes out of the "
             "`yield` in lease(), and the lines after it never run. Put the yield in a `try:` "
             "and `pool.release(conn)` in its `finally:`")


@check("a job cancelled by its timeout gives its connection back: `free connections: 2` at t=5s")
def release_on_cancel(program):
    run = finished(program)
    for name, at in [("report", 2.5), ("email", 3.5), ("cleanup", 4.5)]:
        if run.find_lines(rf"^{name} finished$"):
            continue
        ended = run.find_lines(rf"^{name}: \w+$")
        error = ended[0].text.split(": ")[1] if ended else None
        if error is None or error == "TimeoutError":
            tip = ("it waited for a connection until its timeout: every job must give its "
                   "connection back when it ends, also when it fails or is cancelled")
        else:
            tip = f"the job raised {error}; the checks on lease() below may say why"
        fail(f"`{name} finished` at t={at:g}s",
             f"{name} ended with {error}" if error else f"{name} never finished", tip)
    line = run.expect_line(r"^free connections: -?\d+$", what="the `free connections` line", at=5.0)
    free = free_count(line.text)
    if free != 2:
        fail("`free connections: 2` once every job is over", f"`{line.text}`",
             "cancelling a task raises CancelledError at its `await`, inside the block. "
             "CancelledError is not an Exception (it is a BaseException), so `except Exception` "
             "misses it; a `finally:` around the yield runs for it too")


@check("lease() gives the connection back once, after a normal block, an error or a cancel")
def lease_releases(program):
    run = harness_run(program, "__awaitable_lease_twice")
    if free_count(report(run, "free after two leases")) != 1:
        fail("the pool's one connection free again after two blocks in a row",
             report(run, "free after two leases") or "the second block never ran",
             "release the connection when the block ends")
    run = harness_run(program, "__awaitable_lease_raises")
    if report(run, "no error reached"):
        fail("the ValueError raised in the block to reach the caller",
             "the error vanished inside lease()",
             "use try/finally around the yield, not an `except` that does not re-raise")
    if free_count(report(run, "free after an error")) != 1:
        fail("the connection back in the pool after the block raised",
             report(run, "free after an error").removeprefix("@@ "),
             "put the yield in a `try:` and `pool.release(conn)` in its `finally:`")
    run = harness_run(program, "__awaitable_lease_cancelled")
    if report(run, "the job was not cancelled"):
        fail("a job cancelled inside the block to end cancelled",
             "the cancellation vanished inside lease(): the job went on",
             "do not catch CancelledError without raising it again; a `finally:` releases "
             "the connection and lets the cancellation carry on")
    if free_count(report(run, "free after a cancel")) != 1:
        fail("the connection back in the pool after the job was cancelled",
             report(run, "free after a cancel").removeprefix("@@ "),
             "CancelledError is a BaseException, not an Exception: `except Exception` misses it. "
             "Release the connection in a `finally:` around the yield")


@check("cancelling a job that still waits for a connection gives nothing back")
def nothing_to_release(program):
    run = harness_run(program, "__awaitable_cancelled_while_waiting")
    failed = report(run, "the waiter failed")
    if failed:
        fail("a job cancelled while waiting in `pool.acquire()` to end cancelled",
             failed.removeprefix("@@ the waiter failed: "),
             "a job cancelled during `await pool.acquire()` holds no connection, so it must not "
             "release one: acquire before the `try:`, so that the `finally:` only runs once "
             "there is a connection")
    if report(run, "the waiter got a connection"):
        fail("the cancelled waiter never to get a connection", "it got one",
             "do not catch CancelledError while acquiring")
    if free_count(report(run, "free at the end")) != 1:
        fail("the pool's one connection free at the end",
             report(run, "free at the end").removeprefix("@@ "),
             "acquire before the `try:` and release in its `finally:`")
