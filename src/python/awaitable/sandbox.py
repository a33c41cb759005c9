"""One program's sandbox: its clock, trace, limits and the patches around it.

A ``Sandbox`` is used once, as a context manager around everything the
program does; leaving it restores the host exactly as it was.
"""

import asyncio
import functools
import gc
import sys

from . import internals
from .clock import VirtualClock
from .cpu_guard import CpuGuard
from .deadlock import deadlock_hint
from .limits import Limits
from .loop import VirtualEventLoop
from .output import OutputCapture
from .patches import Patches
from .task_tracer import TaskTracer, describe_wait, learner_line
from .threads import VirtualThreads
from .trace import RECORD_ATTRIBUTE, BlockingCall, Trace

__all__ = ["Sandbox", "StopReason"]


#: the cycle collector's threshold for its youngest generation while a
#: program runs, when the host's is lower. A run's trace keeps a record of
#: every task, and each collection looks over part of what is kept: at
#: CPython 3.14's 2,000, a run of 10,000 tasks in Pyodide took 5-8% longer
#: in one set of interleaved runs, and no longer in another.
_YOUNG_GENERATION_THRESHOLD = 20_000


class StopReason:
    """Why the sandbox stopped a program early, and where."""

    def __init__(self, kind, message, waiting=(), hint=None):
        #: deadlock, steps, virtual-time, cpu
        self.kind = kind
        self.message = message
        #: what each unfinished task was doing: dicts with task, name, waits_on, line
        self.waiting = list(waiting)
        #: what usually causes this and what to try, or None
        self.hint = hint

    def to_json(self):
        return {"kind": self.kind, "message": self.message, "waiting": self.waiting,
                "hint": self.hint}


def _format_seconds(value):
    return f"{value:g}"


class Sandbox:
    """The world one program runs in: virtual clock, loops, threads, trace and limits."""

    def __init__(self, filename="main.py", limits=None, on_output=None):
        self.filename = filename
        self.limits = limits or Limits()
        self.clock = VirtualClock()
        self.trace = Trace()
        self.tracer = TaskTracer(self.trace, self.clock, filename)
        self.output = OutputCapture(self.trace, self.clock, self.limits, on_output)
        self.cpu_guard = CpuGuard(filename, self.limits.max_cpu_seconds, self._cpu_exceeded)
        self.current_loop = None
        #: set the first time the sandbox stops the program; later stops
        #: during clean-up do not replace it
        self.stop_reason = None
        self._loops = []
        self.threads = VirtualThreads(self)
        self._patches = Patches(self)

    def __enter__(self):
        self._gc_threshold = gc.get_threshold()
        if self._gc_threshold[0] < _YOUNG_GENERATION_THRESHOLD:
            gc.set_threshold(_YOUNG_GENERATION_THRESHOLD, *self._gc_threshold[1:])
        self._patches.install()
        return self

    def __exit__(self, *exc_info):
        self.output.finish()
        self.cpu_guard.close()
        for loop in self._loops:
            if not loop.is_closed() and not loop.is_running():
                loop.close()
        self._patches.restore()
        gc.set_threshold(*self._gc_threshold)
        # A finished task's name was read as it ended; the others may have
        # been renamed since they were made.
        for task, record in self.unfinished_tasks():
            record.name = task.get_name()
        return False

    # Simulated operating system: built on first use, so a program that
    # starts no process and opens no connection pays nothing for them.
    # Importing them takes real time the program did not spend: the CPU
    # guard's clock starts again once they exist.

    @functools.cached_property
    def processes(self):
        from .processes import VirtualProcesses
        processes = VirtualProcesses(self)
        self.cpu_guard.checkpoint()
        return processes

    @functools.cached_property
    def network(self):
        from .network import VirtualNetwork
        network = VirtualNetwork(self)
        self.cpu_guard.checkpoint()
        return network

    # Loops and tasks

    def new_loop(self):
        loop = VirtualEventLoop(self)
        self._loops.append(loop)
        return loop

    def current_task_id(self):
        loop = internals.get_running_loop_or_none()
        if loop is None:
            return None
        task = internals.current_task_of(loop)
        if task is None:
            return None
        record = getattr(task, RECORD_ATTRIBUTE, None)
        return record.id if record is not None else None

    def unfinished_tasks(self):
        """(task, record) pairs of the program's tasks that have not
        finished, in creation order (a task holds its record, see
        ``RECORD_ATTRIBUTE``; asyncio knows the tasks that are alive, and
        gives a loop's unfinished ones, whether it runs or not)."""
        pairs = []
        for loop in self._loops:
            for task in asyncio.all_tasks(loop):
                record = getattr(task, RECORD_ATTRIBUTE, None)
                if record is not None:
                    pairs.append((task, record))
        pairs.sort(key=lambda pair: pair[1].id)
        return pairs

    def waiting_report(self):
        report = []
        for task, record in self.unfinished_tasks():
            last = record.events[-1]
            if last.kind == "suspended":
                waits_on, line = last.detail, last.line
            elif last.kind == "created":
                waits_on, line = "nothing yet: it has not started", record.line
            else:
                _, line = describe_wait(internals.task_coroutine(task), None, self.filename)
                waits_on = "nothing: it was running"
            report.append({"task": record.id, "name": task.get_name(),
                           "waits_on": waits_on, "line": line or record.line})
        return report

    def stop(self, kind, message):
        if self.stop_reason is None:
            waiting = self.waiting_report()
            hint = None
            if kind == "deadlock":
                tasks = [task for task, _ in self.unfinished_tasks()]
                hint = deadlock_hint(tasks, waiting)
            self.stop_reason = StopReason(kind, message, waiting, hint)
        return self.stop_reason

    # Blocking calls and the CPU guard

    def blocking_sleep(self, seconds):
        """``time.sleep`` in the sandbox: the clock moves on, and nothing else
        runs meanwhile (the event loop is blocked, as on a real machine).
        In a virtual thread only that thread's clock moves."""
        seconds = float(seconds)
        if seconds < 0:
            raise ValueError("sleep length must be non-negative")
        if self.threads.current is None:
            self.record_blocking(f"time.sleep({_format_seconds(seconds)})", seconds)
        self.clock.advance(seconds)

    def block_until(self, when, call):
        """Hold the program until virtual time ``when``, as a blocking ``call``."""
        duration = when - self.clock.now
        if duration <= 0:
            return
        if self.threads.current is None:
            self.record_blocking(call, duration)
        self.clock.advance(duration)

    def record_blocking(self, call, duration):
        self.trace.blocking.append(BlockingCall(
            t=self.clock.now, duration=duration, call=call,
            line=self.call_line(sys._getframe(1)),
            task=self.current_task_id()))

    def call_line(self, frame):
        """The program's line that led to the call running in ``frame``: its
        own frame's, or else the line that created the current task."""
        line = learner_line(frame, self.filename, within_task=True)
        if line is None:
            task_id = self.current_task_id()
            if task_id is not None:
                line = self.trace.task(task_id).line
        return line

    def _cpu_exceeded(self, line):
        if self.cpu_guard.in_thread:
            self.stop("cpu", (
                f"the program was stopped at line {line}: a function running in a thread "
                f"(asyncio.to_thread or run_in_executor) computed for more than "
                f"{_format_seconds(self.limits.max_thread_cpu_seconds)}s; the sandbox runs "
                "threads one after another in your browser, so it cannot let one run forever"))
            return
        self.stop("cpu", (
            f"the program was stopped at line {line}: it ran for more than "
            f"{_format_seconds(self.limits.max_cpu_seconds)}s without giving control "
            "back to the event loop (a loop with no `await` inside, such as "
            "`while True: pass`, never lets anything else run)"))
