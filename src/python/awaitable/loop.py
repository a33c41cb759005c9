"""An asyncio event loop that runs on a virtual clock.

``VirtualEventLoop`` is a plain ``asyncio.BaseEventLoop``: every scheduling
rule, ``call_later`` ordering and task semantics are CPython's own. Only the
two things that touch the outside world are replaced: ``time()`` reads the
virtual clock, and the selector, instead of blocking for ``timeout`` seconds,
moves the clock forward by ``timeout``. An idle loop with nothing scheduled
(``select(None)``) can never wake up again: that is a deadlock.
"""

import asyncio
import selectors

from . import internals
from .task_tracer import TaskTracer

__all__ = ["VirtualEventLoop", "Deadlock", "LimitExceeded"]


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
            loop._sandbox.stop("deadlock", "no task can make progress: every one waits for something that never happens")
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
        if self._grace is not None:
            self._grace -= 1
            if self._grace < 0:
                raise LimitExceeded("steps", "the program did not finish its clean-up after being stopped")
        elif self._steps > self._sandbox.limits.max_steps:
            self._exceed("steps", (
                f"the event loop ran {self._sandbox.limits.max_steps:,} iterations without the "
                "program finishing; tasks that pass control back and forth forever "
                "(for example `while True: await asyncio.sleep(0)`) never end"))
        self._sandbox.check_cpu()
        super()._run_once()

    def _exceed(self, kind, message):
        # A few more iterations let asyncio.run cancel the remaining tasks so
        # their `finally` blocks run, as they would at interpreter exit.
        self._grace = 1000
        self._sandbox.stop(kind, message)
        raise LimitExceeded(kind, message)

    def create_task(self, coro, **kwargs):
        if kwargs.get("name") is None:
            kwargs["name"] = self._tracer.default_name()
        parent = self._sandbox.current_task_id()
        wrapped, record = self._tracer.wrap(coro, kwargs["name"], parent)
        task = super().create_task(wrapped, **kwargs)
        if record is not None:
            self._sandbox.register_task(task, record)
        return task

    # Processes and sockets do not exist in the sandbox: asyncio's own
    # subprocess and stream layers run unchanged on top of the simulated
    # transports these hooks return.

    async def _make_subprocess_transport(self, protocol, args, shell, stdin, stdout,
                                         stderr, bufsize, extra=None, **kwargs):
        return await self._sandbox.processes.make_transport(
            self, protocol, args, shell, stdin, stdout, stderr, extra)

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
