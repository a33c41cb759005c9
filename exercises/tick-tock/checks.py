from awaitable.grading import check, fail

ORDER = ["tick 1", "tock 1", "tick 2", "tock 2", "tick 3", "tock 3"]
TOGETHER = "run both at once with `await asyncio.gather(tick(), tock())`"
OFFSET = "make tock() wait half a second before its first line, with `await asyncio.sleep(0.5)`"


def _line(run, text):
    """The first output line that is exactly ``text`` (spaces around it ignored), or None."""
    for line in run.output:
        if line.text.strip() == text:
            return line
    return None


def _expect_times(run, word, times, tip):
    for n, t in enumerate(times, start=1):
        line = _line(run, f"{word} {n}")
        if line is None:
            fail(f'the line "{word} {n}" at t={t:g}s', "it was never printed",
                 f"keep the loop of {word}(): it prints {word} 1, {word} 2 and {word} 3")
        if abs(line.t - t) > 1e-3:
            fail(f'"{word} {n}" printed at t={t:g}s', f"it was printed at t={line.t:g}s", tip(line.t, t))


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


@check("nothing freezes the event loop")
def no_blocking(program):
    program.run().expect_no_blocking_calls()


@check("tick prints at t=0s, 1s and 2s")
def tick_times(program):
    _expect_times(program.run(), "tick", [0, 1, 2],
                  lambda seen, wanted: f"tick() starts at once and waits 1s between lines: {TOGETHER}")


@check("tock prints half a second after each tick, at t=0.5s, 1.5s and 2.5s")
def tock_times(program):
    def tip(seen, wanted):
        if abs(seen - (wanted - 0.5)) < 1e-3:
            return f"tock is on the beat of tick, not between its beats: {OFFSET}"
        return f"tock must run alongside tick, half a second behind it: {TOGETHER}, and {OFFSET}"

    _expect_times(program.run(), "tock", [0.5, 1.5, 2.5], tip)


@check("the lines alternate: tick 1, tock 1, tick 2, tock 2, tick 3, tock 3")
def alternate(program):
    run = program.run()
    printed = [line.text.strip() for line in run.output if line.text.strip() in ORDER]
    if printed != ORDER:
        fail(", ".join(ORDER), ", ".join(printed) or "no tick or tock lines",
             f"{TOGETHER}, and {OFFSET}")


@check("tick() and tock() run at the same time, as two coroutines side by side")
def side_by_side(program):
    run = program.run()
    if run.peak_concurrency() < 2:
        fail("tick() and tock() to run at the same time, each in its own task",
             "only one task ran at a time, so tick and tock could not overlap",
             f"keep tick() and tock() as two coroutines and {TOGETHER}")
