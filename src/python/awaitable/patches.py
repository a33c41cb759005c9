"""Routes the program's view of asyncio entry points, time and dates to the sandbox.

``Patches.install()`` swaps module attributes and ``restore()`` puts every
one of them back, so the host (Pyodide's own WebLoop, or the CPython running
the tests) is untouched between runs.
"""

import asyncio
import asyncio.constants
import asyncio.events
import asyncio.runners
import asyncio.tasks
import concurrent.futures
import datetime as _datetime
import importlib.abc
import importlib.machinery
import linecache
import os
import sys
import threading
import time
import traceback
import warnings

from . import internals, threads
from .loop import virtual_sleep

__all__ = ["Patches"]

_NOT_IMPORTED = object()

_PACKAGE_DIRECTORY = os.path.dirname(os.path.abspath(__file__)) + os.sep

class Patches:
    """The module attributes one sandbox replaces while its program runs."""

    def __init__(self, sandbox):
        self._sandbox = sandbox
        self._saved = []
        self._saved_modules = {}

    def _set(self, owner, name, value):
        self._saved.append((owner, name, getattr(owner, name)))
        setattr(owner, name, value)

    def _set_in_module(self, module, name, value):
        # Through the module's dict: concurrent.futures builds its executor
        # classes lazily in a module __getattr__, which getattr would call.
        self._saved.append((module, name, module.__dict__.get(name, _NOT_IMPORTED)))
        setattr(module, name, value)

    def _set_module(self, name, module):
        """Put ``module`` in ``sys.modules`` for the run (None: absent, to be
        found by an import hook)."""
        self._saved_modules[name] = sys.modules.get(name, _NOT_IMPORTED)
        if module is None:
            sys.modules.pop(name, None)
        else:
            sys.modules[name] = module

    def install(self):
        sandbox = self._sandbox
        clock = sandbox.clock
        self._saved_running_loop = internals.get_running_loop_or_none()
        internals.set_running_loop(None)

        def new_event_loop():
            return sandbox.new_loop()

        set_called = False

        def get_event_loop():
            # The default policy's rules: a loop is made on first use only
            # until set_event_loop is called (asyncio.run calls it), and
            # from 3.14 on never.
            running = internals.get_running_loop_or_none()
            if running is not None:
                return running
            if sandbox.current_loop is None and not set_called and sys.version_info < (3, 14):
                if sys.version_info >= (3, 12):
                    warnings.warn("There is no current event loop", DeprecationWarning, stacklevel=2)
                sandbox.current_loop = sandbox.new_loop()
            if sandbox.current_loop is None:
                raise RuntimeError("There is no current event loop in thread "
                                   f"{threading.current_thread().name!r}.")
            return sandbox.current_loop

        def set_event_loop(loop):
            nonlocal set_called
            set_called = True
            sandbox.current_loop = loop

        for module in (asyncio, asyncio.events):
            self._set(module, "new_event_loop", new_event_loop)
            self._set(module, "get_event_loop", get_event_loop)
            self._set(module, "set_event_loop", set_event_loop)
        # Pyodide replaces asyncio.run with its own; the standard library's
        # is still asyncio.runners.run, and its Runner makes its loop with
        # the new_event_loop patched above.
        self._set(asyncio, "run", asyncio.runners.run)
        self._set(asyncio, "sleep", virtual_sleep)
        self._set(asyncio.tasks, "sleep", virtual_sleep)
        self._set(warnings, "_warn_unawaited_coroutine",
                  lambda coro: _warn_unawaited_coroutine(coro, sandbox.filename))

        # Nanoseconds are computed from the exact epoch so that no float
        # rounding shows in them (the wall clock in ns is beyond 2**53).
        epoch_ns = int(clock.EPOCH) * 1_000_000_000
        self._set(time, "time", lambda: clock.wall())
        self._set(time, "time_ns", lambda: epoch_ns + round(clock.now * 1e9))
        for name in ("monotonic", "perf_counter"):
            self._set(time, name, lambda: clock.now)
            self._set(time, name + "_ns", lambda: round(clock.now * 1e9))
        self._set(time, "sleep", sandbox.blocking_sleep)

        virtual_datetime, virtual_date = _virtual_date_types(clock)
        self._set(_datetime, "datetime", virtual_datetime)
        self._set(_datetime, "date", virtual_date)

        self._set(threading, "current_thread", sandbox.threads.current_thread)
        self._set(threading, "get_ident", sandbox.threads.get_ident)
        getpid, getppid = sandbox.threads.os_pid_functions()
        self._set(os, "getpid", getpid)
        self._set(os, "getppid", getppid)
        self._set(threading.Thread, "start", threads.refuse_thread_start)
        self._set(concurrent.futures.Future, "result", threads.future_result)
        self._set(concurrent.futures.Future, "exception", threads.future_exception)
        self._set_in_module(concurrent.futures, "ThreadPoolExecutor",
                            sandbox.threads.thread_pool_class)
        self._set_in_module(concurrent.futures, "ProcessPoolExecutor",
                            threads.VirtualProcessPoolExecutor)

        self._set(sys, "stdout", sandbox.output.stdout)
        self._set(sys, "stderr", sandbox.output.stderr)

        # `import aiohttp` finds the simulated client, fresh for each run and
        # built only when imported: most programs never touch the network.
        self._set_module("aiohttp", None)
        sys.meta_path.insert(0, _SIMULATED_MODULES)
        self._saved.append((_MetaPathEntry(), "finder", _SIMULATED_MODULES))

    def restore(self):
        while self._saved:
            owner, name, value = self._saved.pop()
            if isinstance(owner, _MetaPathEntry):
                sys.meta_path.remove(value)
            elif value is _NOT_IMPORTED:
                delattr(owner, name)
            else:
                setattr(owner, name, value)
        for name, module in self._saved_modules.items():
            if module is _NOT_IMPORTED:
                sys.modules.pop(name, None)
            else:
                sys.modules[name] = module
        self._saved_modules.clear()
        internals.set_running_loop(self._saved_running_loop)


def _program_origin(origin, filename):
    """A coroutine's ``cr_origin`` (innermost frame first) as the program's
    own frames: no sandbox frames, nothing outside the program's module
    code, at most as deep as asyncio's debug mode records."""
    frames = [frame for frame in origin if not frame[0].startswith(_PACKAGE_DIRECTORY)]
    modules = [index for index, frame in enumerate(frames)
               if frame[0] == filename and frame[2] == "<module>"]
    if modules:
        frames = frames[:modules[-1] + 1]
    return frames[:asyncio.constants.DEBUG_STACK_DEPTH]


def _warn_unawaited_coroutine(coro, filename):
    """``warnings._warn_unawaited_coroutine`` as CPython words it, with the
    sandbox's own frames left out of "Coroutine created at".

    The interpreter calls this (looked up on the warnings module each time)
    when a coroutine that never ran is destroyed. In debug mode the loop
    records deeper origins (``VirtualEventLoop._set_coroutine_origin_tracking``)
    so that, once the sandbox's frames are gone, as many are left as
    CPython would show.
    """
    # The wording is CPython's (Lib/warnings.py), character for character.
    message = [f"coroutine '{coro.__qualname__}' was never awaited\n"]
    if coro.cr_origin is not None:
        origin = _program_origin(coro.cr_origin, filename)
        message.append("Coroutine created at (most recent call last)\n")
        message += traceback.format_list([
            (path, lineno, funcname, linecache.getline(path, lineno))
            for path, lineno, funcname in reversed(origin)])
    warnings.warn("".join(message).rstrip("\n"), category=RuntimeWarning,
                  stacklevel=2, source=coro)


class _RealInstances(type):
    """Makes ``isinstance(value, datetime.datetime)`` true for the real
    datetimes that the virtual class's methods and arithmetic return."""

    def __instancecheck__(cls, instance):
        return isinstance(instance, cls.__mro__[1])

    def __subclasscheck__(cls, subclass):
        return issubclass(subclass, cls.__mro__[1])


def _virtual_date_types(clock):
    """Subclasses of ``datetime``/``date`` whose ``now()``/``today()`` read the
    virtual clock; instances are ordinary datetimes in every other way."""
    real_datetime = _datetime.datetime
    real_date = _datetime.date

    class datetime(real_datetime, metaclass=_RealInstances):
        @classmethod
        def now(cls, tz=None):
            return real_datetime.fromtimestamp(clock.wall(), tz)

        @classmethod
        def today(cls):
            return real_datetime.fromtimestamp(clock.wall())

        @classmethod
        def utcnow(cls):
            return real_datetime.fromtimestamp(clock.wall(), _datetime.timezone.utc).replace(tzinfo=None)

    class date(real_date, metaclass=_RealInstances):
        @classmethod
        def today(cls):
            return real_date.fromtimestamp(clock.wall())

    datetime.__module__ = date.__module__ = "datetime"
    return datetime, date


class _MetaPathEntry:
    """Marks a finder put on ``sys.meta_path`` in ``Patches._saved``."""


class _SimulatedModuleFinder(importlib.abc.MetaPathFinder, importlib.abc.Loader):
    """Finds the sandbox's stand-ins for modules a browser cannot provide."""

    def find_spec(self, fullname, path=None, target=None):
        if fullname == "aiohttp":
            return importlib.machinery.ModuleSpec(fullname, self)
        return None

    def create_module(self, spec):
        from .network import aiohttp_client
        return aiohttp_client.make_module()

    def exec_module(self, module):
        pass


_SIMULATED_MODULES = _SimulatedModuleFinder()
