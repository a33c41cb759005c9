"""Stops learner code that computes forever without awaiting (``while True: pass``).

Only the learner's own file is watched, and the guard raises
``CpuLimitExceeded`` only at a line of that file, never inside asyncio or
the sandbox. It trips when the event loop has not had control back for
``seconds`` of real time. From then on the frames that were running are
*condemned*: they raise again at their next line or loop iteration, so a
program that catches the exception (``except BaseException``) still ends,
while other code (a ``finally`` in another task) runs normally.

How the time is watched depends on the interpreter:

- Python 3.12+ (Pyodide included): ``sys.monitoring`` JUMP events on the
  learner's code objects count backward jumps (every loop iteration makes
  one); forward-jump locations are disabled so they cost nothing afterwards.
- 3.11 in the main thread of a system with interval timers: a ``SIGALRM``
  timer looks in a few times a second and costs nothing in between; once
  the time is up it traces the learner's frames only.
- Elsewhere: a ``sys.settrace`` tracer limited to frames of the learner's file.
"""

import contextlib
import signal
import sys
import time

__all__ = ["CpuGuard", "CpuLimitExceeded"]

#: backward jumps (or traced lines) between two looks at the clock
_CHECK_EVERY = 512

#: seconds between two looks of the SIGALRM timer
_ALARM_INTERVAL = 0.1

_real_perf_counter = time.perf_counter
#: returned by a monitoring callback to switch off the location that fired
_DISABLE = getattr(getattr(sys, "monitoring", None), "DISABLE", None)


class CpuLimitExceeded(BaseException):
    """Raised inside learner code that ran too long without yielding."""


def _code_objects(code):
    yield code
    for const in code.co_consts:
        if hasattr(const, "co_code"):
            yield from _code_objects(const)


class CpuGuard:
    """Raises ``CpuLimitExceeded`` in learner code that has run for more than
    ``seconds`` of real time since the last ``checkpoint()``.

    A checkpoint only counts (the event loop makes one per iteration, inline:
    ``progress += 1``); the clock is read when the guard looks, a few times a
    second at most. A look that finds new progress starts the allowance
    afresh from then, so a computation gets ``seconds`` from the guard's
    first look at it, which comes within a few hundred loop iterations (or
    one alarm) of its start.
    """

    def __init__(self, filename, seconds, on_exceeded):
        self.filename = filename
        self.seconds = seconds
        self._on_exceeded = on_exceeded
        #: checkpoints so far
        self.progress = 0
        #: ``progress`` at the guard's last look, and the real time
        #: (``time.perf_counter``) at which it trips if there is no more
        self._progress_seen = 0
        self._deadline = _real_perf_counter() + seconds
        self._count = 0
        #: code objects of the frames that were running when the guard tripped
        self._condemned = set()
        self._tool = None
        self._codes = []
        self._previous_trace = None
        self._previous_alarm = None
        #: whether the code being watched runs in a virtual thread
        self.in_thread = False

    def checkpoint(self):
        """Code is making progress (the event loop got control back)."""
        self.progress += 1

    def _overdue(self):
        """Whether the code running now has had more than its allowance."""
        now = _real_perf_counter()
        if self.progress != self._progress_seen:
            self._progress_seen = self.progress
            self._deadline = now + self.seconds
            return False
        return now > self._deadline

    @contextlib.contextmanager
    def allowance(self, seconds):
        """Allow ``seconds`` of computation for the block (a virtual thread's
        function), then restore the loop's own budget."""
        saved = self.seconds, self.in_thread
        self.seconds, self.in_thread = seconds, True
        self.checkpoint()
        try:
            yield
        finally:
            self.seconds, self.in_thread = saved
            self.checkpoint()

    def watch(self, code):
        """Start watching the loops in ``code`` (a module's code object)."""
        if getattr(sys, "monitoring", None) is not None:
            self._watch_with_monitoring(code)
        elif not self._watch_with_alarm():
            self._watch_with_settrace()

    def close(self):
        """Stop watching; the interpreter's hooks are as they were before."""
        if self._previous_alarm is not None:
            handler, timer = self._previous_alarm
            signal.setitimer(signal.ITIMER_REAL, *timer)
            signal.signal(signal.SIGALRM, handler)
            self._previous_alarm = None
            sys.settrace(self._previous_trace)
        elif self._tool is not None:
            monitoring = sys.monitoring
            for code in self._codes:
                monitoring.set_local_events(self._tool, code, 0)
            monitoring.register_callback(self._tool, monitoring.events.JUMP, None)
            monitoring.free_tool_id(self._tool)
            self._tool = None
        elif getattr(sys, "monitoring", None) is None:
            sys.settrace(self._previous_trace)

    # Tripping

    def _time_is_up(self):
        self._count += 1
        return self._count % _CHECK_EVERY == 0 and self._overdue()

    def _trip(self, frame):
        """Condemn the learner's running frames and raise at ``frame``'s line."""
        line = frame.f_lineno
        if not self._condemned:
            self._on_exceeded(line)
        while frame is not None:
            if frame.f_code.co_filename == self.filename:
                self._condemned.add(frame.f_code)
            frame = frame.f_back
        raise CpuLimitExceeded(
            f"line {line} ran for more than {self.seconds:g}s of real time "
            "without giving control back to the event loop")

    # Python 3.12+: sys.monitoring

    def _watch_with_monitoring(self, code):
        monitoring = sys.monitoring
        if self._tool is None:
            for tool in range(5, 0, -1):
                if monitoring.get_tool(tool) is None:
                    self._tool = tool
                    break
            else:
                return
            monitoring.use_tool_id(self._tool, "awaitable-cpu-guard")
            monitoring.register_callback(self._tool, monitoring.events.JUMP, self._on_jump)
        for each in _code_objects(code):
            monitoring.set_local_events(self._tool, each, monitoring.events.JUMP)
            self._codes.append(each)

    def _on_jump(self, code, offset, destination):
        # Called on every backward jump of the learner's loops: kept to the
        # fewest operations (hashing a code object is not cheap, so the
        # condemned set is consulted only once something was condemned).
        if destination >= offset:
            return _DISABLE
        self._count += 1
        if ((self._condemned and code in self._condemned)
                or (not self._count % _CHECK_EVERY and self._overdue())):
            # The jumping frame is the caller of this callback.
            self._trip(sys._getframe(1))
        return None

    # Python 3.11, main thread: a SIGALRM timer

    def _watch_with_alarm(self):
        if not hasattr(signal, "setitimer"):
            return False
        try:
            handler = signal.signal(signal.SIGALRM, self._on_alarm)
        except ValueError:
            # Signals are for the main thread only.
            return False
        timer = signal.setitimer(signal.ITIMER_REAL, _ALARM_INTERVAL, _ALARM_INTERVAL)
        self._previous_alarm = (handler, timer)
        self._previous_trace = sys.gettrace()
        return True

    def _on_alarm(self, signum, frame):
        overdue = self._overdue()
        if not overdue and not self._condemned:
            return
        # Trace the learner's frames on the stack: a frame inside a library
        # call stops at its own next line, and a frame that catches the
        # exception raised below stops again at the line after.
        traced = False
        current = frame
        while current is not None:
            code = current.f_code
            if code.co_filename == self.filename and (overdue or code in self._condemned):
                current.f_trace = self._condemned_line_tracer
                traced = True
            current = current.f_back
        if traced and sys.gettrace() is None:
            # Frames' f_trace only fire while some trace function is set.
            sys.settrace(_no_new_frames)
        code = frame.f_code
        if code.co_filename == self.filename and (overdue or code in self._condemned):
            self._trip(frame)

    def _condemned_line_tracer(self, frame, event, arg):
        if event == "line" and (frame.f_code in self._condemned or self._overdue()):
            self._trip(frame)
        return self._condemned_line_tracer

    # Anywhere else: sys.settrace on the learner's frames

    def _watch_with_settrace(self):
        filename = self.filename

        def local(frame, event, arg):
            if event == "line" and (frame.f_code in self._condemned or self._time_is_up()):
                self._trip(frame)
            return local

        def global_(frame, event, arg):
            if frame.f_code.co_filename == filename:
                return local
            return None

        self._previous_trace = sys.gettrace()
        sys.settrace(global_)


def _no_new_frames(frame, event, arg):
    return None
