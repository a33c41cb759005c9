from awaitable.grading import Submission, check, fail

NAMES = ["lint", "unit-tests", "build-docs"]
REPORT = ["lint: exit 1: 2 problems found", "unit-tests: exit 0: 42 passed",
          "build-docs: exit 0: docs built", "failed: lint"]


def _other_results(sandbox):
    """The same commands with other durations and results."""
    processes = sandbox.processes
    processes.register_command("lint", output="no problems\n", delay=1.0)
    processes.register_command("unit-tests", output="3 failed, 39 passed\n", delay=2.0, exit_code=1)
    processes.register_command("build-docs", output="docs built\n", delay=4.0)


OTHER_REPORT = ["lint: exit 0: no problems", "unit-tests: exit 1: 3 failed, 39 passed",
                "build-docs: exit 0: docs built", "failed: unit-tests"]


def _report(run):
    """The report lines (a command's line or the failed line), as printed."""
    return [line for line in run.output
            if line.text.strip().split(":", 1)[0].strip() in NAMES + ["failed"]]


def _listing(lines):
    return "; ".join(repr(text) for text in lines) or "no report lines"


@check("the program runs to the end without an error")
def runs(program):
    program.run().expect_no_error()


@check("the three commands start together, at t=0s")
def start_together(program):
    run = program.run()
    starts = {}
    for record in run.result.trace.processes:
        name = record.args[0].rsplit("/", 1)[-1] if record.args else ""
        if name in NAMES and name not in starts:
            starts[name] = record.started
    missing = [name for name in NAMES if name not in starts]
    if missing:
        fail("lint, unit-tests and build-docs to run", f"{', '.join(missing)} never started",
             "run every command in COMMANDS")
    late = {name: t for name, t in starts.items() if t > 1e-6}
    if late:
        shown = ", ".join(f"{name} at t={t:g}s" for name, t in late.items())
        fail("all three started at t=0s", f"{shown}: each waited for the one before",
             "start them all before awaiting any: `await asyncio.gather(*(run(*c) for c in COMMANDS))`")


@check("each command's exit status and output are printed in the order of COMMANDS, then `failed: lint`")
def report_lines(program):
    lines = [line.text.strip() for line in _report(program.run())]
    if lines[:3] != REPORT[:3]:
        fail("; ".join(repr(text) for text in REPORT[:3]), _listing(lines),
             "print f\"{name}: exit {status}: {output.strip()}\" for each command, in the order of COMMANDS "
             "(gather returns results in that order)")
    if lines[3:] != REPORT[3:]:
        fail("then 'failed: lint'", _listing(lines[3:]) if lines[3:] else "no 'failed:' line",
             "collect the names of the commands whose exit status is not 0 and print "
             "`failed: NAME, NAME`, or `failed: none`")


@check("the report is complete at t=3s, when the slowest command ends, not at t=6s")
def report_time(program):
    run = program.run()
    lines = _report(run)
    late = [line for line in lines if line.t > 3.0 + 1e-6]
    if not lines or late:
        shown = ", ".join(f"{line.text.strip()!r} at t={line.t:g}s" for line in (late or lines)[:3])
        fail("every report line by t=3s", shown or "no report lines",
             "run the commands together, so that the build takes as long as unit-tests alone (3 s)")
    if abs(lines[-1].t - 3.0) > 1e-6:
        fail("the last line, 'failed: ...', at t=3s, once every command has finished",
             f"it at t={lines[-1].t:g}s", "print the failed line after all three commands have finished")
    run.expect_virtual_time(3.0, what="the program")


@check("with other results (unit-tests failing, build-docs slowest at 4s), the report follows them")
def follows_results(program):
    run = Submission(program.source, fixtures=_other_results).run()
    run.expect_no_error()
    lines = _report(run)
    texts = [line.text.strip() for line in lines]
    if texts != OTHER_REPORT:
        fail(_listing(OTHER_REPORT), _listing(texts),
             "print each command's real exit status and output, and name the commands that really failed")
    if abs(lines[-1].t - 4.0) > 1e-6:
        fail("the report complete at t=4s, when build-docs ends", f"its last line at t={lines[-1].t:g}s",
             "wait for all three commands, whichever is slowest, before printing the failed line")
