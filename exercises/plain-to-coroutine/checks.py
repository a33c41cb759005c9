import inspect

from awaitable.grading import check, fail


def _function(program, name):
    function = program.run().result.namespace.get(name)
    if function is None:
        fail(f"a function named {name}", "there is none",
             f"keep the name from the starting code: `async def {name}(...)`")
    return function


def _toast(program, slices):
    """make_toast(slices) run on its own with asyncio.run, once it is a coroutine function."""
    if not inspect.iscoroutinefunction(_function(program, "make_toast")):
        fail("make_toast() to be a coroutine function", "it is still an ordinary function (`def`)",
             "write `async def make_toast(slices):`")
    call = program.call("make_toast", slices)
    if call.error is not None:
        fail(f"make_toast({slices}) to run without an error",
             f"{call.error['type']}: {call.error['message']}",
             "run the program and read the traceback under its output")
    return call


def _line(run, text):
    """The first output line that is exactly ``text`` (spaces around it ignored), or None."""
    for line in run.output:
        if line.text.strip() == text:
            return line
    return None


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


@check("make_toast() is a coroutine function: await make_toast(3) gives '3 slices of toast'")
def make_toast_is_a_coroutine(program):
    call = _toast(program, 3)
    if call.value != "3 slices of toast":
        fail("`await make_toast(3)` to give back '3 slices of toast'", f"it gave {call.value!r}",
             "keep the `return` at the end of make_toast()")


@check("make_toast() waits 2s with await asyncio.sleep(2), which blocks nothing")
def make_toast_waits_without_blocking(program):
    call = _toast(program, 3)
    call.expect_no_blocking_calls()
    took = _duration(call, "make_toast")
    if abs(took - 2) > 1e-3:
        fail("make_toast() to take 2s", f"it took {took:g}s",
             "wait inside make_toast(), between its two prints: `await asyncio.sleep(2)`")


@check("main() is a coroutine too, started once with asyncio.run(main())")
def started_by_asyncio_run(program):
    run = program.run()
    main = _function(program, "main")
    roots = [task for task in run.tasks if task.parent is None]
    if any(task.coro.split(".")[-1] == "main" for task in roots):
        return
    if not inspect.iscoroutinefunction(main):
        fail("main() to be a coroutine function, run by asyncio.run()",
             "main() is an ordinary function (`def`)",
             "write `async def main():`, and start the program with `asyncio.run(main())`")
    if roots:
        started = roots[0].coro.split(".")[-1]
        fail("asyncio.run() to start main()", f"asyncio.run() started {started}(), not main()",
             "the whole program runs inside one coroutine: await make_toast() in main(), "
             "and call `asyncio.run(main())` once, at the end of the file")
    fail("asyncio.run() to start main()", "main() never ran: calling it only created a coroutine",
             "start the program with `asyncio.run(main())` instead of `main()`")


@check("the toast pops at t=2s and is served right then")
def served_at_two_seconds(program):
    run = program.run()
    for text, t in (("toasting 2 slices", 0), ("pop!", 2), ("serving 2 slices of toast", 2)):
        line = _line(run, text)
        if line is None:
            fail(f'the line "{text}" at t={t}s', "it was never printed",
                 "keep the prints as they were: only the way the program waits changes")
        if abs(line.t - t) > 1e-3:
            fail(f'"{text}" printed at t={t}s', f"it was printed at t={line.t:g}s",
                 "main() must await make_toast(2) before it serves the toast")
