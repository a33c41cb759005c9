from awaitable.grading import check, fail

STOP = 3.5
CLEANUP = r"worker: closing the log"
STOPPED = r"main: worker stopped"


def _worker_task(run):
    tasks = [task for task in run.tasks if task.name == "worker" or task.coro.split(".")[-1] == "worker"]
    if not tasks:
        fail("a task named 'worker' running the worker", "the worker never ran in a task of its own",
             "keep `task = asyncio.create_task(worker(), name=\"worker\")` from the starter")
    return tasks[0]


@check("the program runs to the end without an error")
def runs(program):
    run = program.run()
    if run.stopped is not None:
        fail("the program to end once the worker is cancelled",
             f"the sandbox stopped it: {run.stopped.message}",
             "the worker never stops by itself: call `task.cancel()` before you `await task`")
    if run.error is not None and run.error["type"] == "CancelledError":
        fail("main() to carry on after the worker stopped",
             "CancelledError reached main() and ended the program",
             "awaiting a cancelled task raises CancelledError: wrap `await task` in "
             "`try:` / `except asyncio.CancelledError:` (`except Exception:` does not catch it)")
    run.expect_no_error()


@check("the worker runs in the background: jobs 1 to 4 at t=0s, 1s, 2s and 3s")
def works_in_background(program):
    run = program.run()
    run.expect_no_blocking_calls()
    for job in range(1, 5):
        run.expect_line(rf"^worker: job {job}$", what=f"'worker: job {job}'", at=float(job - 1))
    extra = run.find_lines(r"^worker: job 5$")
    if extra:
        fail("no job 5: the worker is cancelled at t=3.5s, before it gets there",
             f"'worker: job 5' at t={extra[0].t:g}s",
             "cancel the worker right after main()'s `await asyncio.sleep(3.5)`")


@check("the worker task ends as cancelled at t=3.5s, rather than returning normally")
def ends_cancelled(program):
    run = program.run()
    task = _worker_task(run)
    if task.ended is None:
        fail("the worker task to be cancelled at t=3.5s", "it was still running when the program ended",
             "call `task.cancel()` in main() after the 3.5 seconds")
    if task.state == "done":
        fail("the worker task to end as cancelled",
             f"it caught the cancellation and returned normally at t={task.ended:g}s",
             "do not swallow CancelledError: clean up in `finally:` (or re-raise with a bare `raise` "
             "after `except asyncio.CancelledError:`), so that the task really ends as cancelled")
    if task.state == "error":
        detail = next((event.detail for event in task.events if event.kind == "error"), "an exception")
        fail("the worker task to end as cancelled", f"it ended with {detail}",
             "let the cancellation end the task; clean up in `finally:`")
    if abs(task.ended - STOP) > 1e-3:
        fail("the worker task cancelled at t=3.5s", f"it ended at t={task.ended:g}s",
             "cancel it right after main()'s `await asyncio.sleep(3.5)`")


@check("the worker's cleanup runs when it is cancelled: 'worker: closing the log' at t=3.5s")
def cleanup_runs(program):
    run = program.run()
    lines = run.find_lines(CLEANUP)
    if not lines:
        fail("'worker: closing the log' when the worker is cancelled",
             "no such line: the code that prints it never ran",
             "cancellation raises CancelledError inside the worker, at its `await`, so code after the "
             "loop is skipped; put the print in a `finally:` block around the loop")
    if abs(lines[0].t - STOP) > 1e-3:
        fail("'worker: closing the log' at t=3.5s, when the worker is cancelled",
             f"it was printed at t={lines[0].t:g}s", "print it only when the worker stops")


@check("main() prints 'main: worker stopped' at t=3.5s, only after the worker's cleanup")
def main_waits_for_the_worker(program):
    run = program.run()
    stopped = run.expect_line(STOPPED, what="the line 'main: worker stopped'", at=STOP)
    cleanup = run.find_lines(CLEANUP)
    if cleanup and run.output.index(stopped) < run.output.index(cleanup[0]):
        fail("'main: worker stopped' after 'worker: closing the log'",
             "main() printed it first, while the worker was still running",
             "`task.cancel()` asks the task to stop and `await task` waits until it has (catch the "
             "CancelledError it raises); do both before printing. Without them the worker is only "
             "cancelled by asyncio.run() once main() has returned")


@check("the program ends at t=3.5s")
def ends_on_time(program):
    run = program.run()
    if run.stopped is None:
        run.expect_virtual_time(STOP, what="the program")
    else:
        fail("the program to end at t=3.5s", "it never ended by itself",
             "cancel the worker: it loops forever otherwise")
