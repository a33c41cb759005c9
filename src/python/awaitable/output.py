"""Line-buffered capture of a program's stdout and stderr on the virtual clock."""

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
        self.stdout = _StreamWriter(self, "stdout")
        self.stderr = _StreamWriter(self, "stderr")

    def emit(self, text, stream):
        if (len(self._trace.output) >= self._limits.max_output_lines
                or self._chars + len(text) > self._limits.max_output_chars):
            self.dropped += 1
            return
        self._chars += len(text)
        line = OutputLine(self._clock.now, text, stream)
        self._trace.output.append(line)
        if self._on_line is not None:
            self._on_line(line)

    def finish(self):
        self.stdout.finish()
        self.stderr.finish()
