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
import heapq
import itertools
import selectors
import sys
import warnings
import weakref

from . import internals
from .cpu_guard import CpuLimitExceeded
from .deadlock import break_wait_cycles

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


class _OrderedTimerHandle(asyncio.TimerHandle):
    """A timer that sorts after the timers due at the same time created before it.

    On a real clock two timers are never due at exactly the same instant, so
    the one scheduled first runs first; on the virtual clock they often are,
    and the heap alone would order them arbitrarily.
    """

    __slots__ = ("_sequence",)

    def __init__(self, when, callback, args, loop, context, sequence):
        super().__init__(when, callback, args, loop, context=context)
        self._sequence = sequence

    def __lt__(self, other):
        if self._when == other._when:
            return self._sequence < other._sequence
        return self._when < other._when


class _VirtualSelector(selectors.BaseSelector):
    """A selector with no file descriptors whose waiting is virtual."""

    def __init__(self, loop):
        self._loop = loop
        self._map = {}

    def register(self, fileobj, events, data=None):
        raise OSError("the sandbox has no real file descriptors to watch")

    def unregister(self, fileobj):
        raise KeyError(fileobj)

    def select(self, timeout=None):
        loop = self._loop
        if timeout is None:
            if loop._grace is None:
                loop._grace = _GRACE_STEPS
            sandbox = loop._sandbox
            sandbox.stop("deadlock", "no task can make progress: every one waits for something that never happens")
            break_wait_cycles([task for task, _ in sandbox.unfinished_tasks()])
            raise Deadlock(loop)
        if timeout > 0:
            loop._advance_clock(timeout)
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
        self._output = sandbox.output
        self._threads = sandbox.threads
        self._timer_sequence = itertools.count()
        self._steps = 0
        self._grace = None

    def time(self):
        return self._clock.now

    def _advance_clock(self, timeout):
        """Jump to the next timer exactly (not ``now + timeout`` rounded)."""
        scheduled = internals.loop_scheduled(self)
        target = self._clock.now + timeout
        if scheduled and timeout < internals.MAXIMUM_SELECT_TIMEOUT:
            target = scheduled[0]._when
        limits = self._sandbox.limits
        if target > limits.max_virtual_time and self._grace is None:
            self._clock.advance_to(limits.max_virtual_time)
            self._exceed("virtual-time", (
                f"the program was still waiting at virtual t={limits.max_virtual_time:g}s, "
                "the sandbox's limit on virtual time; a loop that never ends "
                "(for example `while True:` around `await asyncio.sleep(...)`) "
                "keeps a program alive forever"))
        self._clock.advance_to(target)

    def _run_once(self):
        self._steps += 1
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
        elif self._steps > sandbox.limits.max_steps:
            self._exceed("steps", (
                f"the event loop ran {sandbox.limits.max_steps:,} iterations without the "
                "program finishing; tasks that pass control back and forth forever "
                "(for example `while True: await asyncio.sleep(0)`) never end"))
        sandbox.cpu_guard.checkpoint()
        self._output.release(self._clock.now)
        super()._run_once()

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
        if kwargs.get("name") is None:
            kwargs["name"] = self._tracer.default_name()
        if getattr(coro, "cr_code", None) in _CLEAN_UP_CODES:
            # asyncio.run's own clean-up is no part of the program's story.
            wrapped, record = coro, None
        else:
            parent = self._sandbox.current_task_id()
            wrapped, record = self._tracer.wrap(coro, kwargs["name"], parent)
        task = super().create_task(wrapped, **kwargs)
        if task._source_traceback:
            # Debug mode: the task was created where asyncio.create_task
            # was called, not in this method.
            del task._source_traceback[-1]
        if record is not None:
            wrapped.task = weakref.ref(task)
            self._sandbox.register_task(task, record)
        return task

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
        timer = _OrderedTimerHandle(when, callback, args, self, context,
                                    next(self._timer_sequence))
        heapq.heappush(internals.loop_scheduled(self), timer)
        timer._scheduled = True
        return timer

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


#: coroutines of the loop itself that asyncio.run runs as tasks when it ends
_CLEAN_UP_CODES = frozenset({
    asyncio.BaseEventLoop.shutdown_asyncgens.__code__,
    asyncio.BaseEventLoop.shutdown_default_executor.__code__,
    VirtualEventLoop.shutdown_default_executor.__code__,
})


def _set_result_unless_done(future):
    if not future.done():
        future.set_result(None)
