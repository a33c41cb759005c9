from awaitable.grading import check, fail

QUICK = ["backup", "--quick"]
FULL = ["backup", "--full"]


def _call(program, args, timeout):
    run = program.call("run_with_timeout", args, timeout)
    if run.error is not None:
        fail(f"run_with_timeout({args!r}, {timeout}) to return without an error",
             f"{run.error['type']}: {run.error['message']}",
             "catch the timeout (`except TimeoutError:`) inside run_with_timeout and return "
             "(exit status, None)")
    if run.stopped is not None:
        fail(f"run_with_timeout({args!r}, {timeout}) to return after {timeout}s",
             "it never returned: it waited for the hung backup forever",
             "wrap the wait in `async with asyncio.timeout(timeout):` and catch `TimeoutError`")
    return run


def _records(run, args):
    return [record for record in run.result.trace.processes if record.args[-len(args):] == args]


@check("the program runs to the end without an error")
def runs(program):
    program.run().expect_no_error()


@check("a command that finishes in time gives (0, 'backed up 12 files\\n') at t=1s, without waiting for the timeout")
def quick(program):
    run = _call(program, QUICK, 5)
    if run.value != (0, "backed up 12 files\n") and list(run.value or ()) != [0, "backed up 12 files\n"]:
        fail("(0, 'backed up 12 files\\n')", repr(run.value),
             "when the command finishes in time, return `process.returncode, output.decode()`")
    if abs(run.virtual_time - 1.0) > 1e-3:
        fail("it to return at t=1s, when the backup ends", f"it returned at t={run.virtual_time:g}s",
             "don't sleep for the whole timeout: wait for the process itself, inside `asyncio.timeout(...)`")


@check("a command that hangs is killed when its timeout runs out (a 2s timeout kills it at t=2s)")
def killed(program):
    run = _call(program, FULL, 2)
    records = _records(run, FULL)
    if not records:
        fail("`backup --full` to run", "it never started", "start the command given in `args`")
    record = records[0]
    if record.ended is None:
        fail("the hung backup to be killed at t=2s",
             f"run_with_timeout returned at t={run.virtual_time:g}s, and the backup was still running",
             "a timeout stops your waiting, not the process: call `process.kill()` when it fires")
    if abs(record.ended - 2.0) > 1e-3 or record.returncode is None or record.returncode >= 0:
        fail("the backup killed at t=2s", f"it ended at t={record.ended:g}s with exit status {record.returncode}",
             "call `process.kill()` as soon as the timeout fires")


@check("after kill(), it waits for the process to exit and returns (-9, None)")
def waits_after_kill(program):
    run = _call(program, FULL, 2)
    value = tuple(run.value) if isinstance(run.value, (tuple, list)) else run.value
    if value == (None, None):
        fail("(-9, None)", "(None, None)",
             "returncode stays None until the process has exited: `await process.wait()` after `process.kill()`")
    if value not in ((-9, None), (-15, None)):
        fail("(-9, None): the exit status of a killed process, and no output", repr(run.value),
             "after `process.kill()` and `await process.wait()`, return `process.returncode, None`")
    if abs(run.virtual_time - 2.0) > 1e-3:
        fail("it to return at t=2s", f"it returned at t={run.virtual_time:g}s",
             "return as soon as the killed process has exited")


@check("main() prints the quick backup at t=1s and the killed full backup at t=4s")
def main_output(program):
    run = program.run()
    wanted = [("quick backup:", "quick backup: exit 0: backed up 12 files", 1.0),
              ("full backup:", "full backup: timed out and killed, exit -9", 4.0)]
    for prefix, text, t in wanted:
        found = [line for line in run.output if line.text.strip().startswith(prefix)]
        if not found:
            fail(f"the line {text!r} at t={t:g}s", "no such line",
                 "main() prints it once run_with_timeout returns: make sure it returns")
        line = found[0]
        if line.text.strip() != text:
            if line.text.strip().endswith("None"):
                tip = ("the exit status is None: the process had not exited yet; `await process.wait()` after "
                       "`process.kill()`")
            elif line.text.strip().endswith("-15"):
                tip = "-15 means SIGTERM, from terminate(); the instructions ask for kill(), which sends SIGKILL (-9)"
            else:
                tip = "return (exit status, output) as the instructions say; main() prints them"
            fail(repr(text), repr(line.text.strip()), tip)
        if abs(line.t - t) > 1e-3:
            fail(f"{text!r} at t={t:g}s", f"it at t={line.t:g}s",
                 "return as soon as the command finishes, or as soon as the timeout has killed it")
