from awaitable.grading import check, fail

REPORT = r"^report: sales are up 12%$"
TICK = r"^tick (\d+)$"
REPORT_READY = 3.5


def _ticks(run):
    return [(int(line.text.split()[1]), line.t) for line in run.find_lines(TICK)]


def _describe(pairs, most=5):
    shown = ", ".join(f"tick {n} at t={t:g}s" for n, t in pairs[:most]) or "no tick at all"
    if len(pairs) > most:
        shown += f" and {len(pairs) - most} more"
    return shown


@check("the program runs to the end without an error")
def runs(program):
    program.run().expect_no_error()


@check("load_report() runs in a worker thread, so the event loop never freezes")
def runs_in_a_thread(program):
    run = program.run()
    for call in run.blocking_calls:
        if call.task is not None:
            where = f" on line {call.line}" if call.line else ""
            fail("load_report() to run in a worker thread while the event loop keeps going",
                 f"`{call.call}`{where} ran on the event loop and froze every task for {call.duration:g}s",
                 "don't call load_report() directly in a coroutine: hand it to a thread with "
                 "`report = await asyncio.to_thread(load_report)`")
    if not any(thread.function.split(".")[-1] == "load_report" for thread in run.result.trace.threads):
        if program.calls_to("asyncio.to_thread"):
            fail("load_report() to run in a worker thread",
                 "asyncio.to_thread(load_report) is there, but its thread never started",
                 "asyncio.to_thread(...) gives a coroutine, which does nothing until awaited: "
                 "`report = await asyncio.to_thread(load_report)`")
        fail("load_report() to run in a worker thread",
             "load_report() never ran in a thread",
             "load_report stands for library code you cannot change or await; keep it as it is "
             "and run it with `await asyncio.to_thread(load_report)`")


@check("the ticker keeps ticking while the report loads: tick 0 to tick 3 at t=0, 1, 2 and 3")
def ticks_meanwhile(program):
    run = program.run()
    seen = [(n, t) for n, t in _ticks(run) if t < REPORT_READY]
    expected = [(n, float(n)) for n in range(4)]
    if seen != expected:
        fail("tick 0 at t=0s, tick 1 at t=1s, tick 2 at t=2s and tick 3 at t=3s, "
             "all before the report arrives at t=3.5s",
             _describe(seen),
             "start the ticker task first, then await the thread: while "
             "`await asyncio.to_thread(...)` waits, the event loop runs the ticker")


@check("the report is printed at t=3.5s, as soon as the thread returns it")
def report_on_time(program):
    run = program.run()
    unawaited = run.find_lines(r"^report: <coroutine")
    if unawaited:
        fail('"report: sales are up 12%" at t=3.5s',
             f"{unawaited[0].text!r} at t={unawaited[0].t:g}s: a coroutine object, not the report",
             "asyncio.to_thread(...) gives a coroutine; the thread's result comes back only when "
             "you `await` it: `report = await asyncio.to_thread(load_report)`")
    run.expect_line(REPORT, what='"report: sales are up 12%"', at=REPORT_READY)


@check("the ticker stops once the report is in, and the program ends at t=3.5s")
def ticker_stops(program):
    run = program.run()
    late = [(n, t) for n, t in _ticks(run) if t > REPORT_READY]
    if late:
        fail("no tick after the report", _describe(late),
             "cancel the ticker task right after printing the report: `ticking.cancel()`")
    if run.stopped is not None:
        fail("the program to end at t=3.5s", f"the sandbox stopped it: {run.stopped.message}",
             "don't wait for the ticker to finish (it never does): cancel it instead")
    run.expect_virtual_time(REPORT_READY)
