"""Records every task's life by wrapping the coroutine each task drives.

A task advances its coroutine only through ``send`` and ``throw``, so a thin
wrapper around the coroutine sees every step: the first ``send`` starts the
task, every value it yields is a suspension (the yielded future says what the
task waits on), ``StopIteration`` completes it and ``CancelledError`` or
another exception ends it. The wrapper forwards the ``cr_*`` attributes, so
``Task.get_stack()``, ``print_stack()`` and task reprs work unchanged, and it
keeps its own frame out of the tracebacks of task errors.
"""

import asyncio
import collections.abc
import os
import sys
import types

from .loop import virtual_sleep
from .trace import TaskEvent, TaskRecord

__all__ = ["TaskTracer", "learner_line", "describe_wait"]

_RESULT_REPR_LIMIT = 200

_ASYNCIO_DIRECTORY = os.path.dirname(asyncio.__file__) + os.sep
#: asyncio.sleep's code, and the sandbox's faster version of it
_VIRTUAL_SLEEP_CODE = virtual_sleep.__code__
_SLEEP_CODES = frozenset({asyncio.sleep.__code__, _VIRTUAL_SLEEP_CODE})
_get_running_loop = asyncio.events._get_running_loop
_CoroutineType = types.CoroutineType
#: the classes whose ``async with`` waits to acquire them
_ACQUIRED_BY_ASYNC_WITH = frozenset({"Lock", "Semaphore", "BoundedSemaphore", "Condition"})
_GeneratorType = types.GeneratorType


def learner_line(frame, filename, within_task=False):
    """The line of the innermost frame, from ``frame`` outwards, that belongs
    to the learner's file, or None.

    With ``within_task``, the search stops at the task that runs ``frame``:
    beyond it lie the event loop and the line that started the loop, which
    says nothing about the call.
    """
    while frame is not None:
        code = frame.f_code
        if code.co_filename == filename:
            return frame.f_lineno
        if within_task and code.co_filename == __file__:
            return None
        frame = frame.f_back
    return None


def _format_number(value):
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return repr(value)


def describe_wait(coro, yielded, filename):
    """Say what a suspended coroutine waits on, and at which learner line.

    Returns ``(description, line)``, for example ``("asyncio.sleep(1)", 7)``
    or ``("Queue.get()", 12)``. The description names what the learner's
    code called: the outermost library coroutine below their last frame
    (``Queue.join()``, not the ``Event.wait()`` that it awaits inside).
    """
    # Follow the await chain from the task's coroutine inwards. This runs at
    # every suspension of every task, so it reads the attributes of the two
    # native types directly and stops at anything else (a Future, a C
    # awaitable), which the yielded future then describes.
    line = None
    called = None
    while True:
        kind = type(coro)
        if kind is _TracedCoroutine:
            coro = coro._coro
            continue
        if kind is _CoroutineType:
            frame, following = coro.cr_frame, coro.cr_await
        elif kind is _GeneratorType:
            frame, following = coro.gi_frame, coro.gi_yieldfrom
        else:
            break
        if frame is None:
            break
        if frame.f_code.co_filename == filename:
            line = frame.f_lineno
            called = None
        elif called is None:
            called = frame
        coro = following
    if called is None:
        return _describe_future(yielded), line
    return _describe_call(called), line


def _describe_call(frame):
    code = frame.f_code
    if code in _SLEEP_CODES:
        return _describe_sleep(frame.f_locals["delay"])
    qualname = code.co_qualname if hasattr(code, "co_qualname") else code.co_name
    owner, _, method = qualname.rpartition(".")
    if owner and code.co_argcount and code.co_varnames[0] == "self":
        # The object's own class, not the mixin that defines the method.
        owner = type(frame.f_locals["self"]).__name__
        qualname = f"{owner}.{method}"
    if method == "__aenter__" and owner in _ACQUIRED_BY_ASYNC_WITH:
        # `async with lock:` waits in Lock.acquire().
        return f"{owner}.acquire()"
    if method == "__aexit__" and owner:
        return f"the end of an `async with {owner}` block"
    if not owner and code.co_filename.startswith(_ASYNCIO_DIRECTORY):
        return f"asyncio.{qualname}()"
    return f"{qualname}()"


#: "asyncio.sleep(1)" and the like, by (type, delay): most programs sleep
#: for the same few delays over and over
_SLEEP_DESCRIPTIONS = {}
_SLEEP_DESCRIPTIONS_KEPT = 256


def _describe_sleep(delay):
    key = (type(delay), delay)
    try:
        text = _SLEEP_DESCRIPTIONS.get(key)
    except TypeError:
        # An unhashable delay: asyncio accepts anything that compares with 0.
        return f"asyncio.sleep({_format_number(delay)})"
    if text is None:
        text = f"asyncio.sleep({_format_number(delay)})"
        if len(_SLEEP_DESCRIPTIONS) < _SLEEP_DESCRIPTIONS_KEPT:
            _SLEEP_DESCRIPTIONS[key] = text
    return text


def _describe_future(future):
    if future is None:
        return "the event loop (a bare yield)"
    if isinstance(future, asyncio.Task):
        return f"task {future.get_name()!r}"
    if type(future).__name__ == "_GatheringFuture":
        return "asyncio.gather(...)"
    return "a Future"


_new_event = tuple.__new__


class _TracedCoroutine:
    """Wraps a coroutine and records each step of it in its task's record."""

    __slots__ = ("_coro", "_record", "_events", "_clock", "_filename", "task", "__weakref__")

    def __init__(self, coro, record, tracer):
        self._coro = coro
        self._record = record
        self._events = record.events
        self._clock = tracer.clock
        self._filename = tracer.filename
        #: a weak reference to the task driving this coroutine, set once it exists
        self.task = None

    # send, throw and __next__ repeat one pattern rather than share a
    # helper around the step: an exception leaving the coroutine passes
    # through exactly one frame of this class, and _ended() cuts that frame
    # from its traceback, so tracebacks of task errors show the program's
    # frames and asyncio's, as on CPython, where Task.__step is C. A bare
    # `raise` adds no frame.

    def send(self, value):
        self._resumed()
        try:
            yielded = self._coro.send(value)
        except BaseException as error:
            self._ended(error)
            raise
        self._suspended(yielded)
        return yielded

    def throw(self, *args):
        self._resumed()
        try:
            yielded = self._coro.throw(*args)
        except BaseException as error:
            self._ended(error)
            raise
        self._suspended(yielded)
        return yielded

    def __next__(self):
        # Task steps that send None call this (PyIter_Send), not send().
        self._resumed()
        try:
            yielded = self._coro.send(None)
        except BaseException as error:
            self._ended(error)
            raise
        self._suspended(yielded)
        return yielded

    def _resumed(self):
        events = self._events
        # events[0] is the creation: a task with one event has not started.
        kind = "started" if len(events) == 1 else "resumed"
        events.append(_new_event(TaskEvent, (self._clock.now, kind, None, None)))

    def _suspended(self, yielded):
        last_sleep = _get_running_loop().last_sleep
        if last_sleep is not None and last_sleep[0] is yielded and last_sleep[2] is not None:
            # The program's own code awaits asyncio.sleep: the loop knows
            # the delay and the line (describe_wait would find the same).
            detail, line = _describe_sleep(last_sleep[1]), last_sleep[2]
        else:
            detail, line = describe_wait(self._coro, yielded, self._filename)
        self._events.append(_new_event(TaskEvent, (self._clock.now, "suspended", detail, line)))

    def close(self):
        return self._coro.close()

    def __await__(self):
        return self

    def __iter__(self):
        return self

    def _ended(self, error):
        record = self._record
        # Tasks can be renamed while they run (and until 3.13
        # asyncio.create_task(name=...) named them only after making them);
        # the sandbox reads the names of the tasks still alive at the end.
        task = self.task() if self.task is not None else None
        if task is not None:
            record.name = task.get_name()
        now = self._clock.now
        record.ended = now
        if isinstance(error, StopIteration):
            record.state = "done"
            result = repr(error.value)
            record.result = result if len(result) <= _RESULT_REPR_LIMIT else _shorten(result)
            self._events.append(_new_event(TaskEvent, (now, "done", None, None)))
            return
        traceback = error.__traceback__
        if traceback is not None and traceback.tb_frame.f_code.co_filename == __file__:
            error.__traceback__ = traceback.tb_next
        if isinstance(error, asyncio.CancelledError):
            record.state = "cancelled"
            self._events.append(_new_event(TaskEvent, (now, "cancelled", None, None)))
        else:
            record.state = "error"
            self._events.append(_new_event(TaskEvent, (now, "error", f"{type(error).__name__}: {error}", None)))

    def __getattr__(self, name):
        # cr_frame, cr_await, cr_code, __name__, __qualname__...: asyncio's
        # stack printing and reprs see the wrapped coroutine's attributes.
        return getattr(self._coro, name)

    def __repr__(self):
        return repr(self._coro)


collections.abc.Coroutine.register(_TracedCoroutine)


def _shorten(text):
    return text[:_RESULT_REPR_LIMIT - 3] + "..."


class TaskTracer:
    """Creates the trace records of one program's tasks."""

    def __init__(self, trace, clock, filename):
        self.trace = trace
        self.clock = clock
        self.filename = filename
        self._next_name = 1

    def default_name(self):
        """``Task-N`` numbered per program, as a fresh CPython process would."""
        name = f"Task-{self._next_name}"
        self._next_name += 1
        return name

    def wrap(self, coro, name, parent):
        """Return a traced stand-in for ``coro`` and its new record."""
        if type(coro) is not _CoroutineType and (
                not asyncio.iscoroutine(coro) or not hasattr(coro, "cr_frame")):
            return coro, None
        line = learner_line(sys._getframe(2), self.filename, within_task=True)
        if line is None and parent is not None:
            # Made by library code the parent task called (gather, wait...).
            line = self.trace.task(parent).line
        record = TaskRecord(
            id=len(self.trace.tasks) + 1,
            name=name,
            coro=getattr(coro, "__qualname__", type(coro).__name__),
            created=self.clock.now,
            parent=parent,
            line=line,
        )
        record.events.append(_new_event(TaskEvent, (record.created, "created", None, line)))
        self.trace.tasks.append(record)
        return _TracedCoroutine(coro, record, self), record
