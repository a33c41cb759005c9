from awaitable.grading import Submission, check, fail

REPORT = r"^pending:"
REPORT_TIMES = (1.0, 2.0, 3.0)
DONE = 3.5

# Runs the program's main() and then asks asyncio which tasks are still
# unfinished: exactly the tasks that asyncio.run would have to cancel. A
# task already asked to stop (cancel() called) does not count.
LEFTOVER_PROBE = '''

async def __awaitable_leftover_probe():
    import asyncio as __asyncio
    await main()
    me = __asyncio.current_task()
    return sorted(task.get_name() for task in __asyncio.all_tasks()
                  if task is not me and not task.cancelling())
'''


def _reports(run):
    return run.find_lines(REPORT)


def _names(text):
    listed = text.split(":", 1)[1].strip()
    return [name.strip() for name in listed.split(",")] if listed else []


def _alive_at(run, t):
    """Trace records of the tasks that asyncio.all_tasks() lists at virtual
    time t, in two lists: those alive for certain, and those created or
    finished at that very instant, which a report at t may list or not
    (the trace cannot say whether that happened before or after it)."""
    certain, either = [], []
    for task in run.tasks:
        if task.created > t or (task.ended is not None and task.ended < t):
            continue
        if task.created < t and (task.ended is None or task.ended > t):
            certain.append(task)
        else:
            either.append(task)
    return certain, either


def _active_at(task, t):
    """Whether the task ran at virtual time t (the monitor, when it reports)."""
    return any(event.t == t and event.kind in ("started", "resumed") for event in task.events)


def _matches(seen, certain, either, reporter):
    """Whether a report listing ``seen`` is right if ``reporter`` printed it."""
    required = {task.name for task in certain if task is not reporter}
    allowed = required | {task.name for task in either if task is not reporter}
    return (reporter.name not in seen and required <= set(seen) <= allowed
            and seen == sorted(seen) and len(seen) == len(set(seen)))


@check("the program runs to the end without an error")
def runs(program):
    program.run().expect_no_error().expect_no_blocking_calls()


@check("the monitor reports every second while the work runs: at t=1, 2 and 3")
def reports_every_second(program):
    run = program.run()
    times = tuple(line.t for line in _reports(run))
    if len(times) != len(REPORT_TIMES) or any(abs(seen - want) > 1e-3
                                               for seen, want in zip(times, REPORT_TIMES)):
        shown = ("reports at " + ", ".join(f"t={t:g}s" for t in times[:6]) if times
                 else "no line starting with \"pending:\"")
        if len(times) > 6:
            shown += f" and {len(times) - 6} more"
        if not times:
            tip = ("start the monitor as a task in main(), before the work: "
                   "`watcher = asyncio.create_task(monitor(), name=\"monitor\")`, and make it "
                   "print a \"pending: ...\" line every second")
        elif times[0] < REPORT_TIMES[0]:
            tip = "sleep first, then report: the first report is due at t=1s, not at t=0s"
        else:
            tip = ("loop forever in monitor(): `await asyncio.sleep(1)`, then print; main() "
                   "stops it when the work is done")
        fail("reports at t=1s, t=2s and t=3s", shown, tip)


@check("each report lists the unfinished tasks by name, sorted, leaving out the monitor itself")
def reports_the_right_names(program):
    run = program.run()
    reports = _reports(run)
    if not reports:
        fail('lines starting with "pending: "', "no report at all",
             "write monitor() first: each second it prints the unfinished tasks' names")
    if run.stopped is not None:
        # Tasks the sandbox stopped end at the moment of the stop.
        reports = [line for line in reports if line.t < run.virtual_time]
    for line in reports:
        certain, either = _alive_at(run, line.t)
        seen = _names(line.text)
        # The monitor is the task that ran at the moment of the report.
        candidates = [task for task in certain + either if _active_at(task, line.t)]
        if any(_matches(seen, certain, either, reporter) for reporter in candidates):
            continue
        reporter = next((task for task in candidates if task.name not in seen),
                        candidates[0] if candidates else None)
        expected = sorted(task.name for task in certain if task is not reporter)
        wanted = f'"pending: {", ".join(expected)}" at t={line.t:g}s'
        if reporter is not None and reporter.name in seen:
            tip = ("the monitor lists itself: leave out the task that "
                   "`asyncio.current_task()` returns")
        elif set(expected) - set(seen):
            tip = ("ask `asyncio.all_tasks()` at the moment of each report: it returns every "
                   "unfinished task of the running loop, main() included")
        elif sorted(seen) != seen and sorted(seen) == expected:
            tip = "sort the names: `sorted(task.get_name() for task in ...)`"
        else:
            tip = "list only unfinished tasks: `asyncio.all_tasks()` leaves out finished ones"
        fail(wanted, repr(line.text), tip + "; join the names with \", \"")


@check("the monitor stops when the work is done, and the program ends at t=3.5s")
def monitor_stops(program):
    run = program.run()
    if run.stopped is not None:
        fail("the program to end at t=3.5s", f"the sandbox stopped it: {run.stopped.message}",
             "the monitor loops forever, so don't await it or wait for it in a TaskGroup: "
             "start it with asyncio.create_task and cancel it with `watcher.cancel()`")
    run.expect_line(r"^all work done$", what='"all work done"', at=DONE)
    run.expect_virtual_time(DONE)
    leftover = Submission(program.source + LEFTOVER_PROBE).call("__awaitable_leftover_probe")
    leftover.expect_no_error()
    if leftover.value:
        fail("nothing left running when main() returns",
             f"still running after main() returned: {', '.join(leftover.value)}",
             "keep the monitor task in a variable and cancel it once the work is done: "
             "`watcher.cancel()`; asyncio.run would otherwise cancel it for you, silently")
