"""An asyncio event loop that runs on a virtual clock.

``VirtualEventLoop`` is a plain ``asyncio.BaseEventLoop``: every scheduling
rule, ``call_later`` ordering and task semantics are CPython's own. Only the
two things that touch the outside world are replaced: ``time()`` reads the
virtual clock, and the selector, instead of blocking for ``timeout`` seconds,
moves the clock forward by ``timeout``. An idle loop with nothing scheduled
(``select(None)``) can never wake up again: that is a deadlock.

Around that core: timers due at the same virtual instant keep their
creation order; executor work runs as virtual threads (``threads``); the
step and virtual-time budgets stop runaway programs and then give asyncio a
few more iterations to clean up; subprocesses and sockets go to the
sandbox's simulated operating system.
"""

import asyncio
import contextvars
import heapq
import inspect
import itertools
import re
import selectors
import sys
import warnings

from . import internals
from .cpu_guard import CpuLimitExceeded
from .deadlock import break_wait_cycles
from .trace import RECORD_ATTRIBUTE

__all__ = ["VirtualEventLoop", "Deadlock", "LimitExceeded"]


#: frames of the sandbox that can sit between a program's frames and above them
_SANDBOX_FRAME_ALLOWANCE = 16

#: loop iterations a stopped program still gets, so that asyncio.run can
#: cancel the remaining tasks and their `finally` blocks run, as they would
#: when a real program is interrupted
_GRACE_STEPS = 1000


class Deadlock(BaseException):
    """Every task waits for something that can never happen.

    A ``BaseException`` so that learner code cannot swallow it with
    ``except Exception``; it unwinds out of ``run_until_complete``.
    """

    def __init__(self, loop):
        super().__init__("no task can make progress")
        self.loop = loop


class LimitExceeded(BaseException):
    """The program went past one of the sandbox's budgets."""

    def __init__(self, kind, message):
        super().__init__(message)
        #: steps, virtual-time, cpu
        self.kind = kind


#: exceptions the sandbox raises to stop a program
_STOPPING_EXCEPTIONS = (Deadlock, LimitExceeded, CpuLimitExceeded)


_Handle = asyncio.Handle
_Task = asyncio.Task
_TimerHandle = asyncio.TimerHandle
_new_object = object.__new__
_copy_context = contextvars.copy_context
_heappush = heapq.heappush
_heappop = heapq.heappop

_set_result_unless_cancelled = asyncio.futures._set_result_unless_cancelled
_getcoroutinestate = inspect.getcoroutinestate
_CORO_CREATED = inspect.CORO_CREATED
_RECORD = RECORD_ATTRIBUTE
_current_task_of = internals.current_task_of
_TASK_STEP = internals.TASK_STEP_TYPE
#: the name asyncio gives a task made without one
_ASYNCIO_DEFAULT_NAME = re.compile(r"Task-\d+")


def _timer_cancelled(entry):
    """Whether a timer of the heap (see ``VirtualEventLoop._timers``) was cancelled."""
    if len(entry) == 3:
        return entry[2]._cancelled
    return entry[2].cancelled()


#: when more than this many timers wait and over half of them are
#: cancelled, the heap is rebuilt without them (as BaseEventLoop does)
_MIN_TIMERS_TO_PURGE = 100


def _fast_handle(kind, callback, args, loop, context):
    """A ``Handle`` (or ``TimerHandle``) made without its ``__init__``.

    Outside debug mode ``Handle.__init__`` only stores its arguments; the
    loop makes tens of thousands of handles in a busy program, and setting
    the fields here saves two Python calls per handle. The fields are those
    of ``asyncio.events.Handle`` (see ``internals``).
    """
    handle = _new_object(kind)
    handle._context = _copy_context() if context is None else context
    handle._loop = loop
    handle._callback = callback
    handle._args = args
    handle._cancelled = False
    handle._repr = None
    handle._source_traceback = None
    return handle


class _VirtualSelector(selectors.BaseSelector):
    """A selector with no file descriptors (the loop never calls ``select``:
    its ``_run_once`` moves the virtual clock itself)."""

    def __init__(self, loop):
        self._loop = loop
        self._map = {}

    def register(self, fileobj, events, data=None):
        raise OSError("the sandbox has no real file descriptors to watch")

    def unregister(self, fileobj):
        raise KeyError(fileobj)

    def select(self, timeout=None):
        return []

    def close(self):
        self._map.clear()

    def get_map(self):
        return self._map


class VirtualEventLoop(asyncio.BaseEventLoop):
    """Event loop whose time is the sandbox's virtual clock."""

    def __init__(self, sandbox):
        super().__init__()
        self._sandbox = sandbox
        self._clock = sandbox.clock
        self._selector = _VirtualSelector(self)
        # Timers due within this resolution run together; a nanosecond keeps
        # float rounding from splitting timers that are due at the same time.
        self._clock_resolution = 1e-9
        self._tracer = sandbox.tracer
        self._filename = sandbox.tracer.filename
        self._output = sandbox.output
        self._threads = sandbox.threads
        #: the timers, a heap of ``(when, sequence, TimerHandle)``, and of
        #: ``(when, sequence, future, result)`` for sleeps: timers due
        #: at the same virtual instant run in the order they were made (on a
        #: real clock two timers are never due at exactly the same time).
        #: Tuples compare in C; BaseEventLoop's heap of TimerHandles compares
        #: them with a Python ``__lt__``.
        self._timers = []
        self._timer_sequence = itertools.count()
        self._steps = 0
        self._grace = None
        #: the sleep that began last, what the task tracer says a task waits
        #: on when it yields that sleep's future: ``(future, delay, line)``,
        #: with the line of the program's code that called the sleep, or
        #: None when other code called it (see ``virtual_sleep``)
        self.last_sleep = None
        self._max_steps = sandbox.limits.max_steps
        self._max_virtual_time = sandbox.limits.max_virtual_time
        self._cpu_guard = sandbox.cpu_guard
        #: create_task calls under way (a task factory may call it again)
        self._making_tasks = 0

    def time(self):
        return self._clock.now

    def _advance_to(self, target):
        """Move the clock to the next timer, or stop the program at the
        sandbox's limit on virtual time."""
        limits = self._sandbox.limits
        if target > limits.max_virtual_time and self._grace is None:
            self._clock.advance_to(limits.max_virtual_time)
            self._exceed("virtual-time", (
                f"the program was still waiting at virtual t={limits.max_virtual_time:g}s, "
                "the sandbox's limit on virtual time; a loop that never ends "
                "(for example `while True:` around `await asyncio.sleep(...)`) "
                "keeps a program alive forever"))
        self._clock.advance_to(target)

    def _check_budgets(self):
        sandbox = self._sandbox
        if self._grace is not None:
            self._grace -= 1
            if self._grace < 0:
                raise LimitExceeded("steps", "the program did not finish its clean-up after being stopped")
        elif sandbox.stop_reason is not None:
            # Stopped outside the loop's own checks (the CPU guard stopped a
            # task's code): end this run of the loop too.
            self._grace = _GRACE_STEPS
            raise LimitExceeded(sandbox.stop_reason.kind, sandbox.stop_reason.message)
        elif self._steps > self._max_steps:
            self._exceed("steps", (
                f"the event loop ran {self._max_steps:,} iterations without the "
                "program finishing; tasks that pass control back and forth forever "
                "(for example `while True: await asyncio.sleep(0)`) never end"))

    def _deadlock(self):
        """Nothing is ready and no timer is set: no task can ever run again."""
        if self._grace is None:
            self._grace = _GRACE_STEPS
        sandbox = self._sandbox
        sandbox.stop("deadlock", "no task can make progress: every one waits for something that never happens")
        break_wait_cycles([task for task, _ in sandbox.unfinished_tasks()])
        raise Deadlock(self)

    def _run_once(self):
        """The loop's iterations: BaseEventLoop's, on the virtual clock.

        ``BaseEventLoop.run_forever`` calls this again and again, and stops
        when an iteration leaves ``_stopping`` set. Here one call runs the
        iterations one after another and returns at that same point: the
        loop goes round tens of thousands of times in a busy program, and
        each round saves a call and the look-up of the loop's parts.

        Where BaseEventLoop would wait in ``select`` for the next timer,
        the clock jumps to it. The budgets are checked first. Every step of
        every task passes through here, so the common path is inlined.
        """
        sandbox = self._sandbox
        clock = self._clock
        ready = self._ready
        popleft = ready.popleft
        tracer = self._tracer
        guard = self._cpu_guard
        output = self._output
        max_steps = self._max_steps
        while True:
            self._steps += 1
            if self._grace is not None or sandbox.stop_reason is not None or self._steps > max_steps:
                self._check_budgets()
            guard.progress += 1  # guard.checkpoint()
            if output.held:
                output.release(clock.now)

            timers = self._timers
            if self._timer_cancelled_count:
                # Cancelled timers are counted as they are cancelled: with none,
                # there is nothing to take off the heap.
                timers = self._drop_cancelled_timers()

            if not ready and not self._stopping:
                if not timers:
                    self._deadlock()
                when = timers[0][0]
                if when > clock.now:
                    if when > self._max_virtual_time:
                        self._advance_to(when)
                    clock.now = when

            # As BaseEventLoop: a timer runs unless it is due at or after
            # end_time (so one due at NaN runs at once, as on CPython).
            end_time = clock.now + self._clock_resolution
            if timers and not timers[0][0] >= end_time:
                due = [_heappop(timers)]
                only_sleeps = len(due[0]) == 4
                while timers and not timers[0][0] >= end_time:
                    entry = _heappop(timers)
                    due.append(entry)
                    if len(entry) == 3:
                        only_sleeps = False
                if only_sleeps and not ready:
                    # Only sleeps end now, and nothing else is ready: their
                    # timers would run first, one after the other, and do
                    # nothing but set their futures' results. Setting them
                    # here queues the same wake-ups in the same order.
                    for _, _, future, result in due:
                        if not future.cancelled():
                            future.set_result(result)
                else:
                    for entry in due:
                        if len(entry) == 3:
                            handle = entry[2]
                            handle._scheduled = False
                        else:
                            handle = _fast_handle(_Handle, _set_result_unless_cancelled, entry[2:], self, None)
                        ready.append(handle)

            if self._debug:
                for _ in range(len(ready)):
                    handle = popleft()
                    if not handle._cancelled:
                        self._run_debug(handle)
                if self._stopping:
                    return
                continue
            # Handle._run, inlined: this is where every callback runs, and
            # every step of every task, which the tracer records before and
            # after (see task_tracer).
            for _ in range(len(ready)):
                handle = popleft()
                if handle._cancelled:
                    continue
                callback = handle._callback
                task = getattr(callback, "__self__", None)
                if type(task) is _Task or task is not None and isinstance(task, _Task):
                    record = getattr(task, _RECORD, None)
                else:
                    record = None
                if record is None:
                    try:
                        handle._context.run(callback, *handle._args)
                    except (SystemExit, KeyboardInterrupt):
                        raise
                    except BaseException as error:
                        self._report_callback_error(handle, error)
                    continue
                # A step of a traced task: TaskTracer.step_started and
                # step_ended, inlined for the commonest cases.
                events = record.raw_events
                events.append((clock.now, "started" if len(events) == 1 else "resumed", None, None))
                try:
                    handle._context.run(callback, *handle._args)
                except (SystemExit, KeyboardInterrupt):
                    tracer.step_ended(task, record, self.last_sleep)
                    raise
                except BaseException as error:
                    self._report_callback_error(handle, error)
                if task.done():
                    tracer.ended(task, record)
                    continue
                last_sleep = self.last_sleep
                if last_sleep is not None and last_sleep[0] is task._fut_waiter and last_sleep[2] is not None:
                    # The program's own code awaits asyncio.sleep.
                    events.append((clock.now, "suspended", last_sleep[1], last_sleep[2]))
                else:
                    tracer.suspended(task, record, last_sleep)
            if self._stopping:
                return

    def _drop_cancelled_timers(self):
        """BaseEventLoop's: rebuild the heap without its cancelled timers
        when they are over half of it, or else pop those at its head (a
        cancelled timer must not move the clock). Returns the heap."""
        timers = self._timers
        cancelled = self._timer_cancelled_count
        if cancelled > _MIN_TIMERS_TO_PURGE // 2 and cancelled * 2 > len(timers) > _MIN_TIMERS_TO_PURGE:
            kept = []
            for entry in timers:
                if _timer_cancelled(entry):
                    if len(entry) == 3:
                        entry[2]._scheduled = False
                else:
                    kept.append(entry)
            heapq.heapify(kept)
            self._timers = kept
            self._timer_cancelled_count = 0
            return kept
        while timers:
            entry = timers[0]
            if len(entry) == 3:
                if not entry[2]._cancelled:
                    break
                entry[2]._scheduled = False
            elif not entry[2].cancelled():
                break
            self._timer_cancelled_count -= 1
            _heappop(timers)
        return timers

    def _run_debug(self, handle):
        # BaseEventLoop._run_once in debug mode: slow callbacks are logged,
        # here in virtual time (a callback that calls time.sleep is slow).
        task = getattr(handle._callback, "__self__", None)
        record = getattr(task, _RECORD, None) if isinstance(task, _Task) else None
        try:
            self._current_handle = handle
            started = self.time()
            if record is not None:
                self._tracer.step_started(record)
            try:
                handle._run()
            finally:
                if record is not None:
                    self._tracer.step_ended(task, record, self.last_sleep)
            took = self.time() - started
            if took >= self.slow_callback_duration:
                internals.asyncio_logger.warning(
                    "Executing %s took %.3f seconds", internals.format_handle(handle), took)
        finally:
            self._current_handle = None

    def _report_callback_error(self, handle, error):
        # What Handle._run does with an exception from its callback.
        callback = internals.format_callback_source(handle._callback, handle._args, self.get_debug())
        context = {"message": f"Exception in callback {callback}", "exception": error, "handle": handle}
        if handle._source_traceback:
            context["source_traceback"] = handle._source_traceback
        self.call_exception_handler(context)

    def call_exception_handler(self, context):
        # A task the sandbox stopped (a deadlock, a limit) never finishes,
        # or finishes with the sandbox's own exception: asyncio's reports of
        # either are no news after the stop.
        if self._sandbox.stop_reason is not None and (
                context.get("message") == "Task was destroyed but it is pending!"
                or isinstance(context.get("exception"), _STOPPING_EXCEPTIONS)):
            return
        super().call_exception_handler(context)

    def _exceed(self, kind, message):
        self._grace = _GRACE_STEPS
        self._sandbox.stop(kind, message)
        raise LimitExceeded(kind, message)

    def create_task(self, coro, **kwargs):
        name = kwargs.get("name")
        if name is None:
            kwargs["name"] = name = self._tracer.default_name()
        code = getattr(coro, "cr_code", None)
        if code is _SHUTDOWN_ASYNCGENS or code is _SHUTDOWN_EXECUTOR or code is _OWN_SHUTDOWN_EXECUTOR:
            # asyncio.run's own clean-up is no part of the program's story.
            record = None
        else:
            parent = _current_task_of(self)
            record = self._tracer.new_record(
                coro, name, None if parent is None else getattr(parent, _RECORD, None), _getframe(1))
        # Tasks made while this runs are this method's (see call_soon).
        self._making_tasks += 1
        try:
            if self._task_factory is None:
                # BaseEventLoop.create_task, inlined: every task starts here.
                if self._closed:
                    raise RuntimeError("Event loop is closed")
                task = _Task(coro, loop=self, **kwargs)
                if task._source_traceback:
                    # Debug mode: the task was created where asyncio.create_task
                    # was called, not in this method (as BaseEventLoop leaves
                    # its own frame out).
                    del task._source_traceback[-1]
            else:
                task = super().create_task(coro, **kwargs)
                if task._source_traceback:
                    # Debug mode: the task factory made it; of the frames that
                    # led there, this method's is the sandbox's, not asyncio's.
                    task._source_traceback[:] = [
                        entry for entry in task._source_traceback if entry.filename != __file__]
        finally:
            self._making_tasks -= 1
        # None too: the loop has seen this task (see call_soon).
        task._awaitable_record = record  # RECORD_ATTRIBUTE
        if record is not None:
            if self._task_factory is not None and _getcoroutinestate(coro) != _CORO_CREATED:
                # An eager task (3.12's eager_task_factory) ran its first
                # step as it was made, before the loop could see it.
                self._tracer.step_started(record)
                self._tracer.step_ended(task, record, self.last_sleep)
        return task

    def make_untraced_task(self, coro, name):
        """``asyncio.Task(coro, name=name)`` on this loop, kept out of the
        program's trace and its ``Task-N`` numbering (a virtual host's)."""
        self._making_tasks += 1
        try:
            task = _Task(coro, loop=self, name=name)
        finally:
            self._making_tasks -= 1
        task._awaitable_record = None  # RECORD_ATTRIBUTE: seen, not traced
        return task

    def _adopt_task(self, task):
        """Name and record a task the program made with ``asyncio.Task(...)``
        rather than ``create_task``, as create_task would have. Called as it
        asks for its first step, from the program's own line."""
        if _ASYNCIO_DEFAULT_NAME.fullmatch(task.get_name()):
            # asyncio numbers such tasks in the host's count, not the program's.
            task.set_name(self._tracer.default_name())
        parent = _current_task_of(self)
        task._awaitable_record = self._tracer.new_record(  # RECORD_ATTRIBUTE
            task.get_coro(), task.get_name(), None if parent is None else getattr(parent, _RECORD, None),
            _getframe(2))

    def _set_coroutine_origin_tracking(self, enabled):
        # Coroutines created in debug mode record where they were created;
        # the sandbox's frames (left out again when a "never awaited"
        # warning is written) must not crowd out the program's own.
        super()._set_coroutine_origin_tracking(enabled)
        if enabled:
            sys.set_coroutine_origin_tracking_depth(
                asyncio.constants.DEBUG_STACK_DEPTH + _SANDBOX_FRAME_ALLOWANCE)

    def call_at(self, when, callback, *args, context=None):
        # BaseEventLoop.call_at, with timers that keep their creation order.
        if when is None:
            raise TypeError("when cannot be None")
        self._check_closed()
        if self._debug:
            self._check_thread()
            self._check_callback(callback, "call_at")
        timer = self._push_timer(when, callback, args, context)
        if timer._source_traceback:
            del timer._source_traceback[-1]
        return timer

    def _push_timer(self, when, callback, args, context):
        if self._debug:
            timer = _TimerHandle(when, callback, args, self, context)
        else:
            timer = _fast_handle(_TimerHandle, callback, args, self, context)
            timer._when = when
        timer._scheduled = True
        _heappush(self._timers, (when, next(self._timer_sequence), timer))
        return timer

    def call_soon(self, callback, *args, context=None):
        # BaseEventLoop.call_soon, with a handle made in one step.
        if type(callback) is _TASK_STEP and not self._making_tasks and not hasattr(callback.__self__, _RECORD):
            # A task made by asyncio.Task(...) itself asks for its first step.
            self._adopt_task(callback.__self__)
        if self._debug:
            handle = super().call_soon(callback, *args, context=context)
            if handle._source_traceback:
                del handle._source_traceback[-1]
            return handle
        if self._closed:
            raise RuntimeError("Event loop is closed")
        handle = _fast_handle(_Handle, callback, args, self, context)
        self._ready.append(handle)
        return handle

    def call_soon_threadsafe(self, callback, *args, context=None):
        # From a virtual thread, the callback belongs at the thread's time,
        # which is ahead of the loop's.
        if self._threads.current is None:
            return super().call_soon_threadsafe(callback, *args, context=context)
        self._check_closed()
        return self._push_timer(self._clock.now, callback, args, context)

    # Executors run their work as virtual threads (see threads.py). The
    # default executor is BaseEventLoop's own ``_default_executor``.

    def run_in_executor(self, executor, func, *args):
        self._check_closed()
        if self._debug:
            self._check_callback(func, "run_in_executor")
        if executor is None:
            executor = self._default_executor
            self._check_default_executor()
            if executor is None:
                executor = self._threads.thread_pool_class(thread_name_prefix="asyncio")
                self._default_executor = executor
        return self._threads.run_in_executor(self, executor, func, args)

    async def shutdown_default_executor(self, timeout=None):
        """Wait until the default executor's virtual threads have finished."""
        self._executor_shutdown_called = True
        executor = self._default_executor
        if executor is None:
            return
        until = self._threads.busy_until(executor)
        if timeout is not None and until > self.time() + timeout:
            until = self.time() + timeout
            finished = False
        else:
            finished = True
        if until > self.time():
            waiter = self.create_future()
            self.call_at(until, _set_result_unless_done, waiter)
            await waiter
        if not finished:
            warnings.warn("The executor did not finishing joining "
                          f"its threads within {timeout} seconds.",
                          RuntimeWarning, stacklevel=2)
        executor.shutdown(wait=False)

    # Processes and sockets do not exist in the sandbox: asyncio's own
    # subprocess and stream layers run unchanged on top of the simulated
    # transports these hooks return.

    async def _make_subprocess_transport(self, protocol, args, shell, stdin, stdout,
                                         stderr, bufsize, extra=None, **kwargs):
        return await self._sandbox.processes.make_transport(
            self, protocol, args, shell, stdin, stdout, stderr, extra, **kwargs)

    async def create_connection(self, protocol_factory, host=None, port=None, **kwargs):
        return await self._sandbox.network.create_connection(
            self, protocol_factory, host, port, **kwargs)

    async def create_server(self, protocol_factory, host=None, port=None, **kwargs):
        return await self._sandbox.network.create_server(
            self, protocol_factory, host, port, **kwargs)

    async def getaddrinfo(self, host, port, **kwargs):
        return await self._sandbox.network.getaddrinfo(self, host, port, **kwargs)

    def _write_to_self(self):
        # Only called by call_soon_threadsafe; there is one thread, and the
        # loop never truly blocks, so there is nothing to wake.
        pass

    def _process_events(self, event_list):
        pass

    def close(self):
        super().close()
        self._selector.close()


#: coroutines of the loop itself that asyncio.run runs as tasks when it
#: ends, compared by identity (a code object hashes all its contents each
#: time it is hashed, and every task's coroutine is checked)
_SHUTDOWN_ASYNCGENS = asyncio.BaseEventLoop.shutdown_asyncgens.__code__
_SHUTDOWN_EXECUTOR = asyncio.BaseEventLoop.shutdown_default_executor.__code__
_OWN_SHUTDOWN_EXECUTOR = VirtualEventLoop.shutdown_default_executor.__code__


_original_sleep = asyncio.sleep
_get_running_loop = asyncio.events._get_running_loop
_Future = asyncio.Future
_getframe = sys._getframe


async def sleep(delay, result=None):
    """``asyncio.sleep`` while a program runs in the sandbox (``virtual_sleep``).

    On a virtual loop outside debug mode it does what asyncio's own does
    (a future, and a timer that sets its result) with fewer steps: the timer
    is a tuple on the loop's heap, and cancelled only when the sleep did not
    end by itself. Anything else (``sleep(0)``, another loop, debug mode) goes to
    asyncio's own.
    """
    loop = _get_running_loop()
    # `delay <= 0` first, as asyncio's own does: a delay of the wrong type
    # fails there with the same message. NaN (never equal to itself) and
    # everything else unusual go to asyncio's own too.
    if delay <= 0 or delay != delay or type(loop) is not VirtualEventLoop or loop._debug:
        return await _original_sleep(delay, result)
    future = _Future(loop=loop)
    # call_later(delay, _set_result_unless_cancelled, future, result), with
    # no handle: the heap holds (when, sequence, future, result).
    _heappush(loop._timers, (loop._clock.now + delay, next(loop._timer_sequence), future, result))
    caller = _getframe(1)
    loop.last_sleep = (future, delay, caller.f_lineno if caller.f_code.co_filename == loop._filename else None)
    try:
        return await future
    except BaseException:
        if future.cancelled():
            # The sleep's timer is still set: count it as cancelled, as
            # TimerHandle.cancel() does, so that the loop purges such timers.
            loop._timer_cancelled_count += 1
        raise


virtual_sleep = sleep
virtual_sleep.__module__ = _original_sleep.__module__
virtual_sleep.__doc__ = _original_sleep.__doc__
del sleep


def _set_result_unless_done(future):
    if not future.done():
        future.set_result(None)
