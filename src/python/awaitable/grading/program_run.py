"""A finished run of the learner's program, with the questions checks ask of it."""

import re

from .failure import fail

__all__ = ["ProgramRun"]


def _seconds(t):
    return f"t={t:g}s"


class ProgramRun:
    """Wraps a ``RunResult``: output with virtual times, the task trace, errors.

    The ``expect_*`` methods are the common assertions, one line each in a
    check, each failing with a message that says what was expected, what was
    seen and what to try.
    """

    def __init__(self, result, value=None):
        self.result = result
        #: for ``Submission.call``: what the called coroutine returned
        self.value = value

    # What happened

    @property
    def output(self):
        """stdout lines (``OutputLine`` with ``t`` and ``text``)."""
        return [line for line in self.result.trace.output if line.stream == "stdout"]

    @property
    def lines(self):
        """stdout lines as text."""
        return [line.text for line in self.output]

    @property
    def virtual_time(self):
        return self.result.virtual_time

    @property
    def error(self):
        return self.result.error

    @property
    def stopped(self):
        return self.result.stopped

    @property
    def tasks(self):
        return self.result.trace.tasks

    @property
    def blocking_calls(self):
        return self.result.trace.blocking

    def find_lines(self, pattern):
        """stdout lines matching ``pattern`` (a regular expression, searched
        case-insensitively) in the order they were printed."""
        regex = re.compile(pattern, re.IGNORECASE)
        return [line for line in self.output if regex.search(line.text)]

    def peak_concurrency(self, coro=None):
        """The largest number of tasks alive (started, not ended) at once,
        counting only tasks running coroutine ``coro`` if given."""
        moments = []
        for task in self.tasks:
            if coro is not None and task.coro.split(".")[-1] != coro:
                continue
            if task.started is None:
                continue
            end = task.ended if task.ended is not None else float("inf")
            moments.append((task.started, 1))
            moments.append((end, -1))
        peak = alive = 0
        # At equal times, ends count before starts: a task that finishes at
        # t=1 and one that starts at t=1 did not overlap.
        for _, change in sorted(moments, key=lambda moment: (moment[0], moment[1])):
            alive += change
            peak = max(peak, alive)
        return peak

    def completion_order(self, coro=None):
        """Names of finished tasks in the order they ended."""
        done = [task for task in self.tasks
                if task.ended is not None and (coro is None or task.coro.split(".")[-1] == coro)]
        return [task.name for task in sorted(done, key=lambda task: (task.ended, task.id))]

    def cancelled_tasks(self):
        return [task for task in self.tasks if task.state == "cancelled"]

    # Assertions

    def expect_no_error(self):
        """The program ran to the end without an exception or a stop."""
        error = self.error
        if error is not None:
            where = f" at line {error['line']}" if error.get("line") else ""
            explanation = error.get("explanation")
            tip = explanation["text"] if explanation else "read the traceback under Run's output and fix that line"
            message = f": {error['message']}" if error["message"] else ""
            fail("the program runs to the end without an error", f"{error['type']}{where}{message}", tip)
        if self.stopped is not None:
            fail("the program runs to the end by itself", f"the sandbox stopped it: {self.stopped.message}",
                 "make sure every loop ends and nothing waits forever")
        return self

    def expect_line(self, pattern, *, what, at=None, tolerance=1e-3, tip=None):
        """A stdout line matching ``pattern`` was printed, at virtual time
        ``at`` if given. ``what`` names it for the message ("the greeting");
        ``tip`` replaces the generic advice when the timing is off."""
        found = self.find_lines(pattern)
        if not found:
            printed = "; ".join(repr(text) for text in self.lines[:5]) or "nothing at all"
            fail(f"{what} in the output", f"the program printed {printed}",
                 "check the spelling and that the print actually runs")
        line = found[0]
        if at is not None and abs(line.t - at) > tolerance:
            fail(f"{what} printed at {_seconds(at)}", f"it was printed at {_seconds(line.t)}",
                 tip or _timing_tip(line.t, at))
        return line

    def expect_virtual_time(self, t, *, what="the program", tolerance=1e-3, tip=None):
        """The program ended at virtual time ``t``."""
        if abs(self.virtual_time - t) > tolerance:
            fail(f"{what} to finish at {_seconds(t)}", f"it finished at {_seconds(self.virtual_time)}",
                 tip or _timing_tip(self.virtual_time, t))
        return self

    def expect_no_blocking_calls(self):
        """No call blocked the event loop (``time.sleep`` inside a coroutine)."""
        for call in self.blocking_calls:
            if call.task is not None:
                where = f" at line {call.line}" if call.line else ""
                fail("nothing blocks the event loop",
                     f"`{call.call}`{where} froze the whole program for {call.duration:g}s",
                     "inside `async def`, wait with `await asyncio.sleep(...)`, which lets other tasks run")
        return self


def _timing_tip(seen, expected):
    if seen < expected:
        return "it came too early: is a wait missing before it, or a sleep not awaited?"
    return ("it came too late: look at what runs before it, a wait too many, or waits "
            "running one after another where they should run together")
