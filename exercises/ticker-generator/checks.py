from awaitable.grading import Submission, check, fail
from awaitable.limits import Limits

# Appended to the learner's program: takes the first `count` numbers of a
# fresh ticker() with their virtual times, then closes it as a careful
# caller would (a class-based ticker may have no aclose()).
PROBE = '''


async def __probe_ticker(count):
    import asyncio as __asyncio
    loop = __asyncio.get_running_loop()
    ticks = ticker()
    seen = []
    try:
        async for value in ticks:
            seen.append((value, round(loop.time(), 6)))
            if len(seen) == count:
                break
    finally:
        close = getattr(ticks, "aclose", None)
        if close is not None:
            await close()
    return seen
'''

WANTED = [(1, 1.0), (2, 2.0), (3, 3.0), (4, 4.0)]


def _listing(items, limit=5):
    """Up to ``limit`` items joined for a message, with a count of the rest."""
    shown = "; ".join(items[:limit])
    if len(items) > limit:
        shown += f"; ... ({len(items)} in all)"
    return shown


def _probe(program):
    probe = Submission(program.source.rstrip() + "\n" + PROBE, limits=Limits(max_virtual_time=60))
    return probe.call("__probe_ticker", len(WANTED))


@check("the program runs to the end without an error")
def runs(program):
    program.run().expect_no_error()


@check("ticker() is an async generator that `async for` can loop over")
def is_async_iterable(program):
    run = _probe(program)
    error = run.error
    if error is not None and error["type"] == "TypeError" and "async for" in error["message"]:
        fail("`async for n in ticker():` to get numbers from ticker()",
             f"TypeError: {error['message']}",
             "an `async def` function becomes an async generator once it contains `yield`: "
             "give ticker() a loop that yields each number")
    if error is not None:
        fail("`async for n in ticker():` to run without an error",
             f"{error['type']}: {error['message']}", "read the traceback under Run's output")
    if run.stopped is not None or not run.value:
        fail("ticker() to yield a first number after one second",
             "it yielded nothing within a minute",
             "inside the loop, after `await asyncio.sleep(1)`, write `yield count`")


@check("ticker() yields 1, 2, 3, 4 at t=1s, 2s, 3s, 4s, on and on")
def one_per_second(program):
    run = _probe(program)
    if run.error is not None or not run.value:
        fail("ticker() to work with `async for`", "it does not yet", "make the check above pass first")
    run.expect_no_blocking_calls()
    seen = run.value
    if seen != WANTED:
        shown = ", ".join(f"{value} at t={t:g}s" for value, t in seen)
        wanted = ", ".join(f"{value} at t={t:g}s" for value, t in WANTED)
        if [value for value, _ in seen] == [value for value, _ in WANTED] and seen[0][1] == 0:
            tip = ("the first number came at t=0s: wait one second *before* each yield, not after, "
                   "and `await` the sleep")
        elif len(seen) < len(WANTED):
            tip = "the ticker stopped early: it should count forever, in a `while True:` loop"
        else:
            tip = "wait one second with `await asyncio.sleep(1)`, then yield the next number: 1, 2, 3, ..."
        fail(f"asking a fresh ticker() for four numbers to give {wanted}", shown or "nothing", tip)


@check("main() prints tick 1, tick 2, tick 3 at t=1s, 2s, 3s, and no more ticks")
def main_ticks(program):
    run = program.run()
    ticks = [(line.text.strip(), round(line.t, 6)) for line in run.find_lines(r"^\s*tick\b")]
    wanted = [("tick 1", 1.0), ("tick 2", 2.0), ("tick 3", 3.0)]
    if ticks != wanted:
        shown = _listing([f"{text!r} at t={t:g}s" for text, t in ticks]) or "no tick lines"
        if len(ticks) > 3:
            tip = "stop the `async for` loop with `break` right after printing tick 3"
        elif not ticks:
            tip = "loop with `async for n in ticker():` and print f\"tick {n}\" for each number"
        else:
            tip = "print f\"tick {n}\" for each number the ticker yields, and break after the third"
        fail("'tick 1' at t=1s, 'tick 2' at t=2s, 'tick 3' at t=3s", shown, tip)


@check("the ticker is closed as soon as main() stops: `ticker stopped` comes before `done`, at t=3s")
def closed_before_done(program):
    run = program.run()
    texts = [line.text.strip() for line in run.output]
    if "done" not in texts:
        fail("main() to print 'done' at the end", "no 'done' line", "keep `print(\"done\")` at the end of main()")
    done = run.output[texts.index("done")]
    if "ticker stopped" not in texts:
        fail("'ticker stopped' in the output, printed by the ticker's `finally`", "no such line",
             "keep the `try:` ... `finally: print(\"ticker stopped\")` around the ticker's loop")
    stopped = run.output[texts.index("ticker stopped")]
    if texts.index("ticker stopped") > texts.index("done"):
        fail("'ticker stopped', then 'done'",
             "'done' first: the ticker was cleaned up only after main() returned, "
             "when asyncio.run finalised the abandoned generator",
             "after `break`, the generator is left paused at its `yield`; close it yourself: "
             "`await ticks.aclose()`, or loop inside `async with contextlib.aclosing(ticker()) as ticks:`")
    if abs(stopped.t - 3.0) > 1e-6 or abs(done.t - 3.0) > 1e-6:
        fail("'ticker stopped' and 'done' both at t=3s",
             f"'ticker stopped' at t={stopped.t:g}s and 'done' at t={done.t:g}s",
             "stop right after tick 3 and close the ticker straight away")
