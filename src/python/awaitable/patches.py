"""Routes the program's view of asyncio entry points, time and dates to the sandbox.

``Patches.install()`` swaps module attributes and ``restore()`` puts every
one of them back, so the host (Pyodide's own WebLoop, or the CPython running
the tests) is untouched between runs.
"""

import asyncio
import asyncio.events
import asyncio.runners
import datetime as _datetime
import sys
import time

from . import internals

__all__ = ["Patches"]

_real_time = time.time
_real_sleep = time.sleep


class Patches:
    def __init__(self, sandbox):
        self._sandbox = sandbox
        self._saved = []

    def _set(self, owner, name, value):
        self._saved.append((owner, name, getattr(owner, name)))
        setattr(owner, name, value)

    def install(self):
        sandbox = self._sandbox
        clock = sandbox.clock
        self._saved_running_loop = internals.get_running_loop_or_none()
        internals.set_running_loop(None)

        def new_event_loop():
            return sandbox.new_loop()

        def get_event_loop():
            running = internals.get_running_loop_or_none()
            if running is not None:
                return running
            if sandbox.current_loop is None or sandbox.current_loop.is_closed():
                sandbox.current_loop = sandbox.new_loop()
            return sandbox.current_loop

        def set_event_loop(loop):
            sandbox.current_loop = loop

        def run(main, *, debug=None, loop_factory=None):
            if internals.get_running_loop_or_none() is not None:
                raise RuntimeError("asyncio.run() cannot be called from a running event loop")
            with asyncio.Runner(debug=debug, loop_factory=loop_factory) as runner:
                return runner.run(main)

        run.__doc__ = asyncio.runners.run.__doc__

        for module in (asyncio, asyncio.events):
            self._set(module, "new_event_loop", new_event_loop)
            self._set(module, "get_event_loop", get_event_loop)
            self._set(module, "set_event_loop", set_event_loop)
        self._set(asyncio, "run", run)
        self._set(asyncio.runners, "run", run)

        self._set(time, "time", lambda: clock.wall())
        self._set(time, "time_ns", lambda: int(clock.wall() * 1e9))
        for name in ("monotonic", "perf_counter"):
            self._set(time, name, lambda: clock.now)
            self._set(time, name + "_ns", lambda: int(clock.now * 1e9))
        self._set(time, "sleep", sandbox.blocking_sleep)

        virtual_datetime, virtual_date = _virtual_date_types(clock)
        self._set(_datetime, "datetime", virtual_datetime)
        self._set(_datetime, "date", virtual_date)

        self._set(sys, "stdout", sandbox.output.stdout)
        self._set(sys, "stderr", sandbox.output.stderr)

    def restore(self):
        while self._saved:
            owner, name, value = self._saved.pop()
            setattr(owner, name, value)
        internals.set_running_loop(self._saved_running_loop)


def _virtual_date_types(clock):
    """Subclasses of ``datetime``/``date`` whose ``now()``/``today()`` read the
    virtual clock; instances are ordinary datetimes in every other way."""
    real_datetime = _datetime.datetime
    real_date = _datetime.date

    class datetime(real_datetime):
        @classmethod
        def now(cls, tz=None):
            return real_datetime.fromtimestamp(clock.wall(), tz)

        @classmethod
        def today(cls):
            return real_datetime.fromtimestamp(clock.wall())

        @classmethod
        def utcnow(cls):
            return real_datetime.fromtimestamp(clock.wall(), _datetime.timezone.utc).replace(tzinfo=None)

    class date(real_date):
        @classmethod
        def today(cls):
            return real_date.fromtimestamp(clock.wall())

    datetime.__module__ = date.__module__ = "datetime"
    return datetime, date
