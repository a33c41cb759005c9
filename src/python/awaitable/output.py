"""Line-buffered capture of a program's stdout and stderr on the virtual clock.

Lines are kept in the order of their virtual times. A virtual thread runs
ahead of the event loop (see ``threads``), so the lines it writes are held
and released once the rest of the program has written everything that
comes before them.
"""

import heapq
import io

from .trace import OutputLine

__all__ = ["OutputCapture"]


class _StreamWriter(io.TextIOBase):
    """A text stream that hands each completed line to the capture."""

    def __init__(self, capture, name):
        self._capture = capture
        self._name = name
        self._partial = []

    @property
    def name(self):
        return f"<{self._name}>"

    @property
    def encoding(self):
        return "utf-8"

    def writable(self):
        return True

    def isatty(self):
        return False

    def write(self, text):
        if not isinstance(text, str):
            raise TypeError(f"write() argument must be str, not {type(text).__name__}")
        parts = text.split("\n")
        for complete in parts[:-1]:
            self._partial.append(complete)
            self._capture.emit("".join(self._partial), self._name)
            self._partial = []
        if parts[-1]:
            self._partial.append(parts[-1])
        return len(text)

    def flush(self):
        pass

    def finish(self):
        """Emit what is left without a newline (at the end of the run)."""
        if self._partial:
            self._capture.emit("".join(self._partial), self._name)
            self._partial = []


class OutputCapture:
    """Collects output lines, stamped with virtual time, up to the limits."""

    def __init__(self, trace, clock, limits, on_line=None):
        self._trace = trace
        self._clock = clock
        self._limits = limits
        self._on_line = on_line
        self._chars = 0
        #: lines written past the limits (counted, not kept)
        self.dropped = 0
        #: characters of those lines
        self.dropped_chars = 0
        self.stdout = _StreamWriter(self, "stdout")
        self.stderr = _StreamWriter(self, "stderr")
        self._deferring = False
        #: held lines as a heap of (t, sequence, text, stream); the loop
        #: releases them when virtual time reaches them
        self.held = []
        self._sequence = 0

    def defer_lines(self, deferring):
        """While ``deferring``, lines are held until ``release`` reaches their time."""
        self._deferring = deferring

    def emit(self, text, stream):
        now = self._clock.now
        if self._deferring:
            self._sequence += 1
            heapq.heappush(self.held, (now, self._sequence, text, stream))
            return
        if self.held:
            self.release(now)
        self._keep(now, text, stream)

    def release(self, until):
        """Write the held lines stamped at or before virtual time ``until``."""
        held = self.held
        while held and held[0][0] <= until:
            t, _, text, stream = heapq.heappop(held)
            self._keep(t, text, stream)

    def _keep(self, t, text, stream):
        # Once a line is dropped every later one is too: output with a gap
        # in the middle would mislead more than output cut short.
        if (self.dropped or len(self._trace.output) >= self._limits.max_output_lines
                or self._chars + len(text) > self._limits.max_output_chars):
            self.dropped += 1
            self.dropped_chars += len(text)
            return
        self._chars += len(text)
        line = OutputLine(t, text, stream)
        self._trace.output.append(line)
        if self._on_line is not None:
            self._on_line(line)

    def finish(self):
        self._deferring = False
        self.stdout.finish()
        self.stderr.finish()
        self.release(float("inf"))
