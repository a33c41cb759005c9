"""Records every task's life by wrapping the coroutine each task drives.

A task advances its coroutine only through ``send`` and ``throw``, so a thin
wrapper around the coroutine sees every step: the first ``send`` starts the
task, every value it yields is a suspension (the yielded future says what the
task waits on), ``StopIteration`` completes it and ``CancelledError`` or
another exception ends it. The wrapper forwards the ``cr_*`` attributes, so
``Task.get_stack()``, ``print_stack()`` and task reprs work unchanged.
"""

import asyncio
import collections.abc
import sys

from .trace import TaskEvent, TaskRecord

__all__ = ["TaskTracer", "learner_line", "describe_wait"]

_RESULT_REPR_LIMIT = 200


def learner_line(frame, filename):
    """The line of the innermost frame, from ``frame`` outwards, that belongs
    to the learner's file, or None."""
    while frame is not None:
        if frame.f_code.co_filename == filename:
            return frame.f_lineno
        frame = frame.f_back
    return None


def _await_chain(coro):
    """Coroutine frames from the task's own coroutine down to the innermost
    one, following ``cr_await`` (and ``gi_yieldfrom`` for generators)."""
    frames = []
    while coro is not None:
        frame = getattr(coro, "cr_frame", None) or getattr(coro, "gi_frame", None)
        if frame is None:
            break
        frames.append(frame)
        coro = getattr(coro, "cr_await", None) or getattr(coro, "gi_yieldfrom", None)
    return frames


def _format_number(value):
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return repr(value)


def describe_wait(coro, yielded, filename):
    """Say what a suspended coroutine waits on, and at which learner line.

    Returns ``(description, line)``, for example ``("asyncio.sleep(1)", 7)``
    or ``("Queue.get()", 12)``.
    """
    frames = _await_chain(coro)
    line = None
    for frame in frames:
        if frame.f_code.co_filename == filename:
            line = frame.f_lineno
    description = None
    if frames:
        inner = frames[-1]
        code = inner.f_code
        if code.co_filename != filename:
            qualname = getattr(code, "co_qualname", code.co_name)
            if qualname == "sleep" and "delay" in inner.f_locals:
                description = f"asyncio.sleep({_format_number(inner.f_locals['delay'])})"
            else:
                description = f"{qualname}()"
    if description is None:
        description = _describe_future(yielded)
    return description, line


def _describe_future(future):
    if future is None:
        return "the event loop (a bare yield)"
    if isinstance(future, asyncio.Task):
        return f"task {future.get_name()!r}"
    kind = type(future).__name__
    if kind == "_GatheringFuture":
        return "asyncio.gather(...)"
    return "a Future"


class _TracedCoroutine:
    """Wraps a coroutine and reports each step of it to a ``TaskTracer``."""

    __slots__ = ("_coro", "_record", "_tracer", "__weakref__")

    def __init__(self, coro, record, tracer):
        self._coro = coro
        self._record = record
        self._tracer = tracer

    def send(self, value):
        return self._step(self._coro.send, value)

    def throw(self, *args):
        return self._step(self._coro.throw, *args)

    def __next__(self):
        return self._step(self._coro.send, None)

    def close(self):
        return self._coro.close()

    def __await__(self):
        return self

    def __iter__(self):
        return self

    def _step(self, advance, *args):
        tracer = self._tracer
        record = self._record
        now = tracer.clock.now
        first = record.events[-1].kind == "created"
        record.events.append(TaskEvent(now, "started" if first else "resumed"))
        try:
            yielded = advance(*args)
        except StopIteration as stop:
            tracer.finish(record, "done", _short_repr(stop.value))
            raise
        except asyncio.CancelledError:
            tracer.finish(record, "cancelled")
            raise
        except BaseException as error:
            tracer.finish(record, "error", f"{type(error).__name__}: {error}")
            raise
        description, line = describe_wait(self._coro, yielded, tracer.filename)
        record.events.append(TaskEvent(tracer.clock.now, "suspended", description, line))
        return yielded

    def __getattr__(self, name):
        # cr_frame, cr_await, cr_code, __name__, __qualname__...: asyncio's
        # stack printing and reprs see the wrapped coroutine's attributes.
        return getattr(self._coro, name)

    def __repr__(self):
        return repr(self._coro)


collections.abc.Coroutine.register(_TracedCoroutine)


def _short_repr(value):
    text = repr(value)
    if len(text) > _RESULT_REPR_LIMIT:
        text = text[:_RESULT_REPR_LIMIT - 3] + "..."
    return text


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
        if not asyncio.iscoroutine(coro) or not hasattr(coro, "cr_frame"):
            return coro, None
        record = TaskRecord(
            id=len(self.trace.tasks) + 1,
            name=name,
            coro=getattr(coro, "__qualname__", type(coro).__name__),
            created=self.clock.now,
            parent=parent,
            line=learner_line(sys._getframe(2), self.filename),
        )
        record.events.append(TaskEvent(self.clock.now, "created", line=record.line))
        self.trace.tasks.append(record)
        return _TracedCoroutine(coro, record, self), record

    def finish(self, record, state, detail=None):
        record.state = state
        record.ended = self.clock.now
        if state == "done":
            record.result = detail
            record.events.append(TaskEvent(self.clock.now, "done"))
        else:
            record.events.append(TaskEvent(self.clock.now, state, detail))
