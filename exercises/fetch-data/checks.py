import inspect

from awaitable.grading import check, fail

DATA = {"user": "ada", "plan": "pro"}


def _fetch(program):
    """fetch_data() run on its own with asyncio.run, once it is a coroutine function."""
    function = program.run().result.namespace.get("fetch_data")
    if function is None:
        fail("a function named fetch_data", "there is none",
             "keep the name from the starting code: `async def fetch_data():`")
    if not inspect.iscoroutinefunction(function):
        fail("fetch_data() to be a coroutine function, so that it can wait without blocking",
             "it is an ordinary function: calling it runs it to the end at once",
             "define it with `async def fetch_data():`")
    call = program.call("fetch_data")
    if call.error is not None:
        fail("fetch_data() to run without an error",
             f"{call.error['type']}: {call.error['message']}",
             "run the program and read the traceback under its output")
    return call


def _duration(call, coro):
    """How long the coroutine that ``call`` ran took, in virtual seconds.

    Not ``call.virtual_time``: that counts from the program's start, and
    Submission.call leaves top-level statements such as a bare ``main()`` in
    place, so they run (and take time) before the call.
    """
    runs = [task for task in call.tasks if task.parent is None and task.coro.split(".")[-1] == coro
            and task.started is not None and task.ended is not None]
    return runs[-1].ended - runs[-1].started if runs else call.virtual_time


@check("the program runs to the end without an error")
def runs(program):
    run = program.run()
    error = run.error
    # The sandbox's explanation of the error says what to do in full;
    # expect_no_error() would give only its title.
    if error is not None and error.get("explanation"):
        where = f" at line {error['line']}" if error.get("line") else ""
        fail("the program runs to the end without an error",
             f"{error['type']}{where}: {error['message']}", error["explanation"]["text"])
    run.expect_no_error()


@check("fetch_data() returns {'user': 'ada', 'plan': 'pro'}")
def returns_the_data(program):
    call = _fetch(program)
    if call.value != DATA:
        fail(f"`await fetch_data()` to give back {DATA!r}", f"it returned {call.value!r}",
             f"end fetch_data() with `return {DATA!r}`: a print shows the data, "
             "but only a return hands it to the caller")


@check("fetch_data() takes 2s, waiting with await asyncio.sleep(2)")
def takes_two_seconds(program):
    call = _fetch(program)
    call.expect_no_blocking_calls()
    took = _duration(call, "fetch_data")
    if abs(took - 2) > 1e-3:
        fail("fetch_data() to take 2s before it returns", f"it took {took:g}s",
             "the wait belongs inside fetch_data(), before its return: `await asyncio.sleep(2)`")


@check("main() prints the data at t=2s, once fetch_data() has returned it")
def main_prints_the_data(program):
    run = program.run()
    found = [line for line in run.output if "ada" in line.text and "pro" in line.text]
    if not found:
        if run.find_lines(r"<coroutine object"):
            fail("main() to print the data that fetch_data() returns",
                 "it printed a coroutine object: calling fetch_data() only creates the coroutine, "
                 "it does not run it",
                 "await it to run it and get its result: `data = await fetch_data()`")
        printed = "; ".join(repr(text) for text in run.lines[:4]) or "nothing"
        fail(f"a line with the data, such as `received {DATA!r}`", f"the program printed {printed}",
             "in main(): `data = await fetch_data()`, then `print(\"received\", data)`")
    line = found[0]
    if abs(line.t - 2) > 1e-3:
        fail("the data printed at t=2s, after the 2-second fetch", f"it was printed at t={line.t:g}s",
             "main() must await fetch_data() before it prints")
