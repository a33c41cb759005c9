"""Every private asyncio and Pyodide detail the sandbox relies on, in one place.

These are the parts that may change between Python versions. The sandbox's
test suite runs under the system CPython and under Pyodide so that a change
shows up as a failing test here rather than as a strange run for a learner.

``VirtualEventLoop`` (a ``BaseEventLoop`` subclass) also overrides or uses
these private members of its base class, present from 3.11 to 3.14:
``_run_once`` (replaced whole: it keeps its own heap of timers), ``_ready``,
``_closed``,
``_stopping``, ``_current_handle``, ``_timer_cancelled_count``,
``_selector``, ``_process_events``, ``_write_to_self``,
``_clock_resolution``, ``_check_closed``, ``_check_thread``,
``_check_callback``, ``_debug``, ``_default_executor``,
``_check_default_executor``, ``_executor_shutdown_called``,
``_set_coroutine_origin_tracking``, ``_make_subprocess_transport``, and
``Task._source_traceback``. It makes ``Handle`` and ``TimerHandle`` objects
without calling their ``__init__``, setting their fields (``_context``,
``_loop``, ``_callback``, ``_args``, ``_cancelled``, ``_repr``,
``_source_traceback``, and ``_when``, ``_scheduled``) itself, and runs a
handle's callback as ``Handle._run`` does. The tracer finds the task a
step belongs to as the ``__self__`` of the callback the loop runs (the C
``TaskStepMethWrapper`` and the task's bound wakeup, in both
implementations), keeps a task's record in an attribute of the task, and
reads ``Task._fut_waiter``, ``_result`` and ``_exception`` after a step.
The loop knows a task made by ``asyncio.Task(...)`` itself by the type of
the step callback it schedules (``TASK_STEP_TYPE``), and renames it when it
bears asyncio's default ``Task-N`` name.
Outside the loop: ``warnings._warn_unawaited_coroutine``, which the
interpreter looks up to word "coroutine ... was never awaited".
"""

import asyncio
import asyncio.base_events
import asyncio.events
import asyncio.format_helpers
import asyncio.log
import inspect
import types

__all__ = [
    "get_running_loop_or_none", "set_running_loop",
    "asyncio_logger", "format_handle", "format_callback_source",
    "task_coroutine", "current_task_of", "TASK_STEP_TYPE", "task_waiter", "gathered_children", "end_task_only",
]

#: The loop running in this thread, or None (public in spirit, private in
#: name). The C function itself: the sandbox asks at every task it makes.
get_running_loop_or_none = asyncio.events._get_running_loop


def set_running_loop(loop):
    """Pyodide registers its WebLoop as the running loop of the main thread;
    the sandbox hides it while a program runs and puts it back afterwards."""
    asyncio.events._set_running_loop(loop)


#: the logger asyncio reports to (slow callbacks in debug mode, among others)
asyncio_logger = asyncio.log.logger


def format_handle(handle):
    """A handle as BaseEventLoop names it in a slow-callback warning."""
    return asyncio.base_events._format_handle(handle)


_format_callback_source = asyncio.format_helpers._format_callback_source
#: 3.13 added the ``debug`` keyword
_FORMAT_TAKES_DEBUG = "debug" in inspect.signature(_format_callback_source).parameters


def format_callback_source(callback, args, debug):
    """A callback and its arguments as ``Handle._run`` names them."""
    if _FORMAT_TAKES_DEBUG:
        return _format_callback_source(callback, args, debug=debug)
    return _format_callback_source(callback, args)


def task_coroutine(task):
    """The coroutine object a task drives (``Task._coro`` in both the C and
    the Python implementation)."""
    return task.get_coro()


#: the task running on a loop, or None. In 3.11 ``current_task`` is
#: Python code that reads the C module's dict of current tasks; from 3.12
#: it is C.
if isinstance(asyncio.tasks.current_task, types.FunctionType) and isinstance(
        getattr(asyncio.tasks, "_current_tasks", None), dict):
    current_task_of = asyncio.tasks._current_tasks.get
else:
    current_task_of = asyncio.tasks.current_task


def task_waiter(task):
    """The future a suspended task waits for (``Task._fut_waiter``, in both
    the C and the Python implementation), or None."""
    return getattr(task, "_fut_waiter", None)


def gathered_children(future):
    """The awaitables an ``asyncio.gather`` future waits for
    (``_GatheringFuture._children``), or None for any other future."""
    return getattr(future, "_children", None)


def _task_step_type():
    """The type of the callback asyncio's C ``Task`` schedules for its steps
    (``TaskStepMethWrapper``, which Python does not name), found by making a
    task on a stand-in loop that only notes it; None without the C tasks."""

    class _NotingLoop:
        step = None

        def get_debug(self):
            return False

        def call_soon(self, callback, *args, context=None):
            self.step = callback

        def call_exception_handler(self, context):
            pass

    async def _nothing():
        pass

    loop = _NotingLoop()
    coro = _nothing()
    try:
        task = asyncio.Task(coro, loop=loop)
        # Never run: neither it nor its coroutine may be reported as such.
        task._log_destroy_pending = False
    except Exception:
        return None
    finally:
        coro.close()
    kind = type(loop.step)
    return None if kind is types.MethodType else kind


#: the type of a C task's step callback (see ``_task_step_type``), or None
TASK_STEP_TYPE = _task_step_type()


def end_task_only(task):
    """Mark ``task`` cancelled without cancelling what it waits for.

    ``Task.cancel()`` cancels the future the task waits on; when that future
    is a task waiting for this one, the two call each other forever (and
    Pyodide dies of it). ``Future.cancel``, called on the task as a plain
    future, only marks it done and wakes its waiters; its coroutine stays
    suspended and is closed when collected. ``Future._callbacks`` lists
    ``(callback, context)`` pairs in both implementations.
    """
    waiter = task_waiter(task)
    if waiter is not None:
        # The task's wakeup (a bound method of the task in every version
        # and implementation) must not fire for a task that is done.
        for callback, _ in list(waiter._callbacks or ()):
            if getattr(callback, "__self__", None) is task:
                waiter.remove_done_callback(callback)
    asyncio.Future.cancel(task)
