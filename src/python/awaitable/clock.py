"""The virtual clock that every loop and every patched time function reads."""

__all__ = ["VirtualClock"]


class VirtualClock:
    """Seconds since the program started, advanced only by waiting.

    The clock never moves while Python code runs: only an idle event loop
    (waiting for its next timer), a blocking ``time.sleep`` or a virtual
    thread's work moves it forward. One clock serves a whole program, so two
    ``asyncio.run`` calls in a row continue the same timeline.
    """

    #: Wall-clock value that virtual t=0 maps to for ``time.time()`` and
    #: ``datetime.now()``: 2025-01-06 09:00:00 UTC, a Monday morning, so that
    #: dates printed by learners are plausible and identical on every run.
    EPOCH = 1736154000.0

    def __init__(self):
        self.now = 0.0

    def advance(self, seconds):
        """Move forward by ``seconds`` (negative values are ignored)."""
        if seconds > 0:
            self.now += seconds

    def advance_to(self, when):
        """Move forward to the absolute virtual time ``when``, never back."""
        if when > self.now:
            self.now = when

    def wall(self):
        """The virtual time as a POSIX timestamp."""
        return self.EPOCH + self.now
