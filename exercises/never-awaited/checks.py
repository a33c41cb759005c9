import re

from awaitable.grading import check, fail

NEVER_AWAITED = re.compile(r"coroutine '([\w.<>]+)' was never awaited")


def _line(run, text):
    """The first output line that is exactly ``text`` (spaces around it ignored), or None."""
    for line in run.output:
        if line.text.strip() == text:
            return line
    return None


def _expect_at(run, text, t, tip):
    line = _line(run, text)
    if line is None:
        fail(f'the line "{text}" at t={t:g}s', "it was never printed", tip)
    if abs(line.t - t) > 1e-3:
        fail(f'"{text}" printed at t={t:g}s', f"it was printed at t={line.t:g}s", tip)
    return line


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


@check("every coroutine that is called is also awaited: Python warns of none")
def nothing_left_unawaited(program):
    run = program.run()
    for warning in run.result.warnings:
        found = NEVER_AWAITED.search(warning.message)
        if found:
            name = found.group(1).rsplit(".", 1)[-1]
            where = f" (line {warning.line})" if warning.line else ""
            fail("no coroutine left un-awaited",
                 f"Python warned: coroutine '{name}' was never awaited{where}, so its code never ran",
                 f"calling {name}() only creates a coroutine object; write `await {name}()` to run it "
                 "and wait until it has finished")


@check("the water boils from t=0s to t=3s")
def water_boils(program):
    run = program.run()
    tip = "boil_water() runs only when brew_tea() awaits it: `await boil_water()`"
    if _line(run, "steeping") is None:
        tip = ("brew_tea() never ran either: main() must `await brew_tea()`, "
               "and brew_tea() must `await boil_water()`")
    _expect_at(run, "boiling water", 0, tip)
    if _line(run, "water boiled") is None:
        fail('the line "water boiled" at t=3s',
             "the water started boiling, but the program ended first: when main() returns, "
             "asyncio.run() cancels whatever is still running",
             "main() must wait until the tea is made: `await brew_tea()`")
    _expect_at(run, "water boiled", 3, tip)


@check("the tea steeps after the water has boiled and is ready at t=5s")
def tea_ready(program):
    run = program.run()
    tip = ("brew_tea() must wait for the water before it steeps (`await boil_water()`), "
           "and main() must wait for the tea (`await brew_tea()`)")
    _expect_at(run, "steeping", 3, tip)
    _expect_at(run, "tea is ready", 5, tip)


@check('"drinking tea" comes last, at t=5s, once the tea is ready')
def drink_last(program):
    run = program.run()
    line = _expect_at(run, "drinking tea", 5,
                      "main() must wait until brew_tea() has finished: `await brew_tea()`")
    if run.output and run.output[-1] is not line:
        fail('"drinking tea" to be the last line',
             f'the program printed {run.output[-1].text.strip()!r} after it',
             "main() must wait until brew_tea() has finished: `await brew_tea()`")
