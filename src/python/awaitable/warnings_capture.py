"""Records the warnings a program triggers, with the learner's line.

The classic one is ``RuntimeWarning: coroutine 'main' was never awaited``,
issued when a coroutine object that never ran is thrown away. Warnings are
still printed to the program's stderr exactly as CPython prints them; the
capture only keeps a copy of each one that was shown.
"""

import os
import sys
import warnings
from dataclasses import dataclass

from .task_tracer import learner_line

__all__ = ["WarningsCapture", "CapturedWarning"]

# The filters of a fresh ``python3 main.py`` (the same in 3.11 and 3.14): a
# program sees these whatever the host set up (a test runner shows every
# warning, for one).
_DEFAULT_FILTERS = (
    ("default", DeprecationWarning, "__main__"),
    ("ignore", DeprecationWarning, ""),
    ("ignore", PendingDeprecationWarning, ""),
    ("ignore", ImportWarning, ""),
    ("ignore", ResourceWarning, ""),
)

_PACKAGE_DIR = os.path.dirname(os.path.abspath(__file__)) + os.sep


@dataclass
class CapturedWarning:
    """A warning the program was shown."""

    t: float
    #: the warning's class name, for example ``RuntimeWarning``
    category: str
    message: str
    #: the learner's line it points at, or None
    line: int | None

    def to_json(self):
        return {"t": self.t, "category": self.category, "message": self.message,
                "line": self.line}


class WarningsCapture:
    """A context manager that records every warning shown while it is active.

    Entering it also resets the filters to CPython's defaults and forgets
    which warnings were already shown (``catch_warnings`` does that), so each
    run shows its warnings as a fresh interpreter would.
    """

    def __init__(self, clock, filename):
        self.clock = clock
        self.filename = filename
        #: CapturedWarning objects, in the order they were shown
        self.records = []
        self._catcher = None
        self._saved_hook = None

    def __enter__(self):
        self._catcher = warnings.catch_warnings()
        self._catcher.__enter__()
        warnings.resetwarnings()
        for action, category, module in _DEFAULT_FILTERS:
            warnings.filterwarnings(action, category=category, module=module, append=True)
        # ``warnings._showwarnmsg`` is the private hook that both the C
        # ``warn()`` and the pure-Python one (3.14's ``_py_warnings``) call
        # for every warning they show; unlike the public ``showwarning`` it
        # receives the whole message, including the ``source`` object that
        # CPython's tracemalloc hint line depends on. ``catch_warnings`` does
        # not save it, so ``__exit__`` puts it back.
        self._saved_hook = warnings._showwarnmsg
        warnings._showwarnmsg = self._show
        return self

    def __exit__(self, *exc_info):
        warnings._showwarnmsg = self._saved_hook
        self._catcher.__exit__(*exc_info)
        return False

    def _show(self, message):
        if message.filename == self.filename:
            line = message.lineno
        else:
            line = learner_line(sys._getframe(1), self.filename)
        if message.filename.startswith(_PACKAGE_DIR):
            # The sandbox's frames stand in for C code, whose caller CPython
            # names instead, or for interpreter exit (the collection at the
            # end of a run), which CPython reports as "sys:1".
            where = (self.filename, line) if line is not None else ("sys", 1)
            message = warnings.WarningMessage(
                message.message, message.category, *where, message.file, None, message.source)
        self.records.append(CapturedWarning(
            self.clock.now, message.category.__name__, str(message.message), line))
        self._saved_hook(message)
