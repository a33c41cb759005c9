"""Records every task's life, step by step.

A task advances its coroutine only in its steps, and the event loop runs
every step as a callback (``Task.__step``, or the task's wakeup when the
future it waits on is done). So the loop sees each one: a task's first step
starts it, and after each step the task has either finished (done, failed or
cancelled) or waits on the future in ``Task._fut_waiter`` (none after a bare
``yield``, as in ``asyncio.sleep(0)``). The loop calls ``TaskTracer`` before
and after each step, or records the commonest cases itself; the task drives
the program's own coroutine, untouched, so its tracebacks, ``get_coro()``
and ``get_stack()`` are CPython's.
"""

import asyncio
import os
import types

from .loop import VirtualEventLoop, virtual_sleep
from .trace import TaskRecord, describe_sleep

__all__ = ["TaskTracer", "learner_line", "describe_wait"]

_RESULT_REPR_LIMIT = 200

_ASYNCIO_DIRECTORY = os.path.dirname(asyncio.__file__) + os.sep
#: asyncio.sleep's code, and the sandbox's faster version of it
_VIRTUAL_SLEEP_CODE = virtual_sleep.__code__
_SLEEP_CODES = frozenset({asyncio.sleep.__code__, _VIRTUAL_SLEEP_CODE})
_CoroutineType = types.CoroutineType
#: the code that runs a task's steps: a task's coroutine is called from
#: the loop's iteration (via ``Handle._run`` in debug mode), or from
#: ``create_task`` when an eager task starts at once. Compared by identity:
#: a code object hashes all its contents each time it is hashed.
_RUN_ONCE_CODE = VirtualEventLoop._run_once.__code__
_CREATE_TASK_CODE = VirtualEventLoop.create_task.__code__
_HANDLE_RUN_CODE = asyncio.Handle._run.__code__
#: the classes whose ``async with`` waits to acquire them
_ACQUIRED_BY_ASYNC_WITH = frozenset({"Lock", "Semaphore", "BoundedSemaphore", "Condition"})
_GeneratorType = types.GeneratorType


def learner_line(frame, filename, within_task=False):
    """The line of the innermost frame, from ``frame`` outwards, that belongs
    to the learner's file, or None.

    With ``within_task``, the search stops at the task that runs ``frame``:
    beyond it lie the event loop (whose frame calls every task step) and
    the line that started the loop, which says nothing about the call.
    """
    while frame is not None:
        code = frame.f_code
        if code.co_filename == filename:
            return frame.f_lineno
        if within_task and (code is _RUN_ONCE_CODE or code is _CREATE_TASK_CODE or code is _HANDLE_RUN_CODE):
            return None
        frame = frame.f_back
    return None


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
        return describe_sleep(frame.f_locals["delay"])
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


def _describe_future(future):
    if future is None:
        return "the event loop (a bare yield)"
    if isinstance(future, asyncio.Task):
        return f"task {future.get_name()!r}"
    if type(future).__name__ == "_GatheringFuture":
        return "asyncio.gather(...)"
    return "a Future"


def _shorten(text):
    return text[:_RESULT_REPR_LIMIT - 3] + "..."


class TaskTracer:
    """Creates the trace records of one program's tasks and writes their steps."""

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

    def new_record(self, coro, name, parent, frame):
        """The record of a task about to be made for ``coro`` by the code
        running in ``frame``, in the task whose record is ``parent`` (None
        outside a task), or None for something that is no coroutine."""
        if type(coro) is _CoroutineType:
            qualname = coro.__qualname__
        elif asyncio.iscoroutine(coro):
            qualname = getattr(coro, "__qualname__", type(coro).__name__)
        else:
            return None
        line = learner_line(frame, self.filename, within_task=True)
        if line is None and parent is not None:
            # Made by library code the parent task called (gather, wait...).
            line = parent.line
        tasks = self.trace.tasks
        now = self.clock.now
        # Positional: a busy program makes thousands of these.
        record = TaskRecord(len(tasks) + 1, name, qualname, now, None if parent is None else parent.id, line,
                            [(now, "created", None, line)])
        tasks.append(record)
        return record

    # The loop calls these around each step of a task (and records the
    # commonest cases itself, see VirtualEventLoop._run_once). Events go in
    # as plain tuples; TaskRecord.events makes them TaskEvents when read.

    def step_started(self, record):
        events = record.raw_events
        # events[0] is the creation: a task with one event has not started.
        events.append((self.clock.now, "started" if len(events) == 1 else "resumed", None, None))

    def step_ended(self, task, record, last_sleep):
        """After a step of ``task``: it finished, or it waits on something."""
        if task.done():
            self.ended(task, record)
        else:
            self.suspended(task, record, last_sleep)

    def suspended(self, task, record, last_sleep):
        """``task`` waits on ``Task._fut_waiter`` (None after a bare yield).

        ``last_sleep`` is the loop's note of the sleep that began last
        (``VirtualEventLoop.last_sleep``): when the task waits on that
        sleep's future, its delay and line are known without a search, and
        the delay stands for its description.
        """
        waiter = task._fut_waiter
        if last_sleep is not None and last_sleep[0] is waiter and last_sleep[2] is not None:
            detail, line = last_sleep[1], last_sleep[2]
        else:
            detail, line = describe_wait(task.get_coro(), waiter, self.filename)
        record.raw_events.append((self.clock.now, "suspended", detail, line))

    def ended(self, task, record):
        # Tasks can be renamed while they run (and until 3.13
        # asyncio.create_task(name=...) named them only after making them);
        # the sandbox reads the names of the tasks still alive at the end.
        record.name = task.get_name()
        now = self.clock.now
        record.ended = now
        if task.cancelled():
            record.state = "cancelled"
            record.raw_events.append((now, "cancelled", None, None))
            return
        # The fields, not exception() and result(): those would mark an
        # error as retrieved, and asyncio would not report it if no one does.
        error = task._exception
        if error is None:
            record.state = "done"
            result = repr(task._result)
            record.result = result if len(result) <= _RESULT_REPR_LIMIT else _shorten(result)
            record.raw_events.append((now, "done", None, None))
        else:
            record.state = "error"
            record.raw_events.append((now, "error", f"{type(error).__name__}: {error}", None))
