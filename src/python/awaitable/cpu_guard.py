"""Stops learner code that computes forever without awaiting (``while True: pass``).

Only loops in the learner's own file are watched. On Python 3.12+ the guard
uses ``sys.monitoring`` JUMP events on the learner's code objects, counting
backward jumps (every loop iteration makes one) and disabling forward-jump
locations so they cost nothing afterwards. On 3.11, in the main thread of a
system with interval timers, a ``SIGALRM`` timer looks in a few times a
second and costs nothing in between: once the time is up it traces the
learner's frames only, so the exception is raised at a line of theirs, never
inside asyncio. Elsewhere it falls back to a ``sys.settrace`` tracer limited
to frames of the learner's file.
"""

import signal
import sys
import time

__all__ = ["CpuGuard", "CpuLimitExceeded"]

_CHECK_EVERY = 512

#: seconds between two looks of the SIGALRM timer
_ALARM_INTERVAL = 0.1
_real_perf_counter = time.perf_counter


class CpuLimitExceeded(BaseException):
    """Raised inside learner code that ran too long without yielding."""


def _code_objects(code):
    yield code
    for const in code.co_consts:
        if hasattr(const, "co_code"):
            yield from _code_objects(const)


class CpuGuard:
    """Raises ``CpuLimitExceeded`` in learner code that has run for more than
    ``seconds`` of real time since the last ``checkpoint()``."""

    def __init__(self, filename, seconds, on_exceeded):
        self.filename = filename
        self.seconds = seconds
        self._on_exceeded = on_exceeded
        self._deadline = _real_perf_counter() + seconds
        self._count = 0
        self._tool = None
        self._codes = []
        self._previous_trace = None
        self._previous_alarm = None

    def checkpoint(self):
        """Code is making progress (the event loop got control back)."""
        self._deadline = _real_perf_counter() + self.seconds

    def _tick(self, line):
        self._count += 1
        if self._count % _CHECK_EVERY == 0 and _real_perf_counter() > self._deadline:
            # Once tripped, trip again soon if the learner's code catches it.
            self._deadline = _real_perf_counter() + 0.1
            self._on_exceeded(line)
            raise CpuLimitExceeded(
                f"line {line} ran for more than {self.seconds:g}s of real time "
                "without giving control back to the event loop")

    def watch(self, code):
        """Start watching the loops in ``code`` (a module's code object)."""
        monitoring = getattr(sys, "monitoring", None)
        if monitoring is None:
            if not self._watch_with_alarm():
                self._watch_with_settrace()
            return
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
        if destination >= offset:
            return sys.monitoring.DISABLE
        self._tick(_line_of(code, offset))
        return None

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
        return True

    def _on_alarm(self, signum, frame):
        if _real_perf_counter() <= self._deadline:
            return
        if frame.f_code.co_filename == self.filename:
            self._tick_now(frame.f_lineno)
        # The program is inside a library call: trace its own frames so
        # that it stops at its next line, and nowhere else.
        local = self._local_tracer()
        found = False
        while frame is not None:
            if frame.f_code.co_filename == self.filename:
                frame.f_trace = local
                found = True
            frame = frame.f_back
        if found and sys.gettrace() is None:
            self._previous_trace = None
            sys.settrace(lambda frame, event, arg: None)

    def _tick_now(self, line):
        self._count = _CHECK_EVERY - 1
        self._tick(line)

    def _local_tracer(self):
        def local(frame, event, arg):
            if event == "line":
                sys.settrace(None)
                self._tick_now(frame.f_lineno)
            return local
        return local

    def _watch_with_settrace(self):
        filename = self.filename

        def local(frame, event, arg):
            if event == "line":
                self._tick(frame.f_lineno)
            return local

        def global_(frame, event, arg):
            if frame.f_code.co_filename == filename:
                return local
            return None

        self._previous_trace = sys.gettrace()
        sys.settrace(global_)

    def close(self):
        monitoring = getattr(sys, "monitoring", None)
        if self._previous_alarm is not None:
            handler, timer = self._previous_alarm
            signal.setitimer(signal.ITIMER_REAL, *timer)
            signal.signal(signal.SIGALRM, handler)
            self._previous_alarm = None
            sys.settrace(None)
            return
        if monitoring is None:
            sys.settrace(self._previous_trace)
            return
        if self._tool is not None:
            for code in self._codes:
                monitoring.set_local_events(self._tool, code, 0)
            monitoring.register_callback(self._tool, monitoring.events.JUMP, None)
            monitoring.free_tool_id(self._tool)
            self._tool = None


def _line_of(code, offset):
    for start, end, line in code.co_lines():
        if start <= offset < end:
            return line
    return None
