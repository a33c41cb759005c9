"""Virtual threads: ``to_thread`` and ``run_in_executor`` on the virtual clock.

The sandbox runs one real thread (Pyodide has no other). A function handed
to an executor runs at once, synchronously, as a *virtual thread*: while it
runs, the clock reads the thread's own time (its start plus what its
``time.sleep`` calls added), no event loop is running (as in a real worker
thread), and ``threading.current_thread()`` names the worker as CPython would
(``asyncio_0``). When it returns, the clock goes back to the loop's time and
the executor's future resolves at the thread's end time, so every task keeps
running meanwhile. Lines the thread printed are held and written when the
loop's clock reaches the times they were printed at.

Executors keep CPython's accounting of workers: a pool of ``max_workers``
starts a new worker only when every existing one is busy, and a function
submitted to a full pool waits for the first worker to become free.

Direct use of threads (``threading.Thread.start``, ``executor.submit``) has
no virtual counterpart and raises ``RuntimeError`` saying what to use, and
so does blocking on an unfinished ``concurrent.futures.Future``, which no
other thread could ever finish.
"""

import concurrent.futures
import functools
import itertools
import os
import pickle
import sys
import threading

from . import internals
from .trace import ThreadRecord

__all__ = ["VirtualThreads", "VirtualThreadPoolExecutor", "VirtualProcessPoolExecutor",
           "ONE_THREAD_MESSAGE", "refuse_thread_start", "future_result", "future_exception"]

#: what a learner is told when their program tries to start a real thread
ONE_THREAD_MESSAGE = (
    "the sandbox runs one thread, so {what} is not available here; "
    "to run blocking code without blocking the event loop, use "
    "asyncio.to_thread(function, ...) or loop.run_in_executor(executor, function, ...), "
    "which the sandbox runs as virtual threads")

_real_current_thread = threading.current_thread
_real_getpid = os.getpid
_real_getppid = os.getppid
_real_get_ident = threading.get_ident


class _VirtualExecutor(concurrent.futures.Executor):
    """An executor whose work runs as virtual threads through the loop.

    ``submit`` and ``map`` need a real worker thread that waits for work, so
    they raise; ``loop.run_in_executor(executor, ...)`` is the way in.
    """

    def __init__(self, max_workers=None):
        if max_workers is None:
            max_workers = self._default_workers()
        elif max_workers <= 0:
            raise ValueError("max_workers must be greater than 0")
        self._max_workers = max_workers
        self._shutdown = False
        #: set by ``VirtualThreads`` the first time work arrives
        self._virtual_pool = None

    @staticmethod
    def _default_workers():
        # ThreadPoolExecutor's own default (3.8+).
        return min(32, (os.cpu_count() or 1) + 4)

    def submit(self, fn, /, *args, **kwargs):
        raise RuntimeError(ONE_THREAD_MESSAGE.format(what=f"{type(self).__name__}.submit()"))

    def map(self, fn, *iterables, timeout=None, chunksize=1):
        raise RuntimeError(ONE_THREAD_MESSAGE.format(what=f"{type(self).__name__}.map()"))

    def shutdown(self, wait=True, *, cancel_futures=False):
        # Work never waits in a queue here (see _Pool), so cancel_futures
        # has nothing to cancel.
        self._shutdown = True
        pool = self._virtual_pool
        if wait and pool is not None:
            pool.threads.sandbox.block_until(pool.busy_until(), f"{type(self).__name__}.shutdown()")


class VirtualThreadPoolExecutor(_VirtualExecutor):
    """Stands in for ``concurrent.futures.ThreadPoolExecutor`` in the sandbox."""

    #: numbers unnamed pools, as ThreadPoolExecutor does once per process;
    #: each program gets a subclass with a fresh count (see VirtualThreads)
    _counter = itertools.count()

    def __init__(self, max_workers=None, thread_name_prefix="", initializer=None, initargs=()):
        super().__init__(max_workers)
        if initializer is not None and not callable(initializer):
            raise TypeError("initializer must be a callable")
        self._thread_name_prefix = (
            thread_name_prefix or f"ThreadPoolExecutor-{next(type(self)._counter)}")
        self._initializer = initializer
        self._initargs = initargs


class VirtualProcessPoolExecutor(_VirtualExecutor):
    """Stands in for ``concurrent.futures.ProcessPoolExecutor`` in the sandbox.

    Work runs in the program's own interpreter, but as in a real worker
    process the function and its arguments must pickle, and arguments and
    result are copies.
    """

    def __init__(self, max_workers=None, mp_context=None, initializer=None, initargs=(),
                 *, max_tasks_per_child=None):
        super().__init__(max_workers)
        if initializer is not None and not callable(initializer):
            raise TypeError("initializer must be a callable")
        self._initializer = initializer
        self._initargs = initargs

    @staticmethod
    def _default_workers():
        return os.cpu_count() or 1


# Programs see the classes they asked for: type(pool).__name__, reprs and
# error messages say ThreadPoolExecutor, as on CPython.
for _virtual, _real_module in ((VirtualThreadPoolExecutor, "concurrent.futures.thread"),
                               (VirtualProcessPoolExecutor, "concurrent.futures.process")):
    _virtual.__name__ = _virtual.__qualname__ = _virtual.__name__[len("Virtual"):]
    _virtual.__module__ = _real_module
del _virtual, _real_module


class _Worker:
    """One virtual worker thread (or process) of a pool."""

    __slots__ = ("name", "free_at", "identity", "pid", "step")

    def __init__(self, name, free_at, ident, pid=None):
        self.name = name
        #: virtual time at which this worker finishes its current work
        self.free_at = free_at
        #: what threading.current_thread() returns while it works
        self.identity = _VirtualThreadIdentity(name, ident)
        #: a worker process's own pid (os.getpid() in its work); None for a thread
        self.pid = pid
        #: the event loop's iteration in which it was last handed work
        self.step = None


class _Pool:
    """The virtual workers of one executor.

    A worker is busy until its ``free_at``. Work that finds every worker
    busy in a full pool runs on the worker that frees up first, starting
    then: since a virtual thread's length is known the moment it has run,
    the work can run at once with its clock set to that later start.
    """

    def __init__(self, threads, loop, executor):
        self.threads = threads
        self.loop = loop
        self.executor = executor
        self.workers = []

    def submit(self, future, func, args, record):
        now = self.threads.clock.now
        # A worker handed work in this iteration of the loop is busy for the
        # rest of it, however quick the work: in a real pool, work submitted
        # in one burst is queued before the first worker gets going, so a
        # burst starts new workers (up to the pool's limit) rather than
        # waiting for one.
        step = self.loop._steps
        worker = next((worker for worker in self.workers
                       if worker.free_at <= now and worker.step != step), None)
        max_workers = getattr(self.executor, "_max_workers", None) or 1
        if worker is None and len(self.workers) < max_workers:
            pid = None
            if isinstance(self.executor, VirtualProcessPoolExecutor):
                pid = self.threads.sandbox.processes.reserve_pid()
            worker = _Worker(self._worker_name(len(self.workers)), now, self.threads.new_ident(), pid)
            self.workers.append(worker)
            initializer = getattr(self.executor, "_initializer", None)
            if initializer is not None:
                _, _, worker.free_at = self.threads.run_as(
                    worker, self.executor, now, initializer, self.executor._initargs)
        if worker is None:
            worker = min(self.workers, key=lambda each: each.free_at)
        start = max(now, worker.free_at)
        worker.step = step
        record.worker = worker.name
        record.start = start
        outcome, failed, end = self.threads.run_as(worker, self.executor, start, func, args)
        record.end = worker.free_at = end
        if failed:
            record.error = f"{type(outcome).__name__}: {outcome}"
        self.loop.call_at(end, _resolve, future, outcome, failed)

    def _worker_name(self, number):
        if isinstance(self.executor, VirtualThreadPoolExecutor):
            return f"{self.executor._thread_name_prefix}_{number}"
        if isinstance(self.executor, VirtualProcessPoolExecutor):
            # A worker process's only thread is its main thread.
            return "MainThread"
        return f"{type(self.executor).__name__}_{number}"

    def busy_until(self):
        """Virtual time at which every worker is idle."""
        return max((worker.free_at for worker in self.workers), default=0.0)


def _resolve(future, outcome, failed):
    if future.cancelled():
        return
    if failed:
        future.set_exception(outcome)
    else:
        future.set_result(outcome)


class _VirtualThreadIdentity(threading.Thread):
    """What ``threading.current_thread()`` returns inside a virtual thread."""

    def __init__(self, name, ident):
        super().__init__(name=name, daemon=True)
        self._virtual_ident = ident

    @property
    def ident(self):
        return self._virtual_ident

    @property
    def native_id(self):
        return self._virtual_ident

    def is_alive(self):
        return True


class VirtualThreads:
    """Runs executor work as virtual threads for one sandbox."""

    def __init__(self, sandbox):
        self.sandbox = sandbox
        self.clock = sandbox.clock
        #: the identity of the virtual thread running now, or None
        self.current = None
        #: the pid of the process pool worker running now, or None
        self.current_pid = None
        #: id(executor) -> _Pool; a pool holds its executor, so ids stay unique
        self._pools = {}
        self._idents = itertools.count(1_000_000)
        #: the class a program sees as concurrent.futures.ThreadPoolExecutor
        self.thread_pool_class = type("ThreadPoolExecutor", (VirtualThreadPoolExecutor,),
                                      {"_counter": itertools.count(), "__module__":
                                       VirtualThreadPoolExecutor.__module__})

    def run_in_executor(self, loop, executor, func, args):
        """``loop.run_in_executor``: an asyncio future resolved at the thread's end."""
        if isinstance(executor, _VirtualExecutor) and executor._shutdown:
            raise RuntimeError("cannot schedule new futures after shutdown")
        pool = self._pools.get(id(executor))
        if pool is None:
            pool = self._pools[id(executor)] = _Pool(self, loop, executor)
            if isinstance(executor, _VirtualExecutor):
                executor._virtual_pool = pool
        future = loop.create_future()
        record = ThreadRecord(
            id=len(self.sandbox.trace.threads) + 1,
            function=_callable_name(func),
            executor=_executor_kind(executor),
            submitted=self.clock.now,
            line=self.sandbox.call_line(sys._getframe(1)),
            task=self.sandbox.current_task_id())
        self.sandbox.trace.threads.append(record)
        pool.submit(future, func, args, record)
        return future

    def busy_until(self, executor):
        pool = self._pools.get(id(executor))
        return 0.0 if pool is None else pool.busy_until()

    def new_ident(self):
        """A thread identifier no real thread has."""
        return next(self._idents)

    def now_in_thread(self):
        """The running virtual thread's clock, or None outside virtual threads."""
        return self.clock.now if self.current is not None else None

    def run_as(self, worker, executor, start, func, args):
        """Run ``func(*args)`` as ``worker`` from virtual time ``start``.

        Returns ``(outcome, failed, end)``: the result or the exception, and
        the virtual time the function returned at.
        """
        clock = self.clock
        now = clock.now
        saved_loop = internals.get_running_loop_or_none()
        saved_current, saved_pid = self.current, self.current_pid
        output = self.sandbox.output
        self.current, self.current_pid = worker.identity, worker.pid
        internals.set_running_loop(None)
        output.defer_lines(True)
        clock.now = start
        guard = self.sandbox.cpu_guard
        try:
            with guard.allowance(self.sandbox.limits.max_thread_cpu_seconds):
                if isinstance(executor, VirtualProcessPoolExecutor):
                    # A worker process receives pickled copies and sends one back.
                    func, args = pickle.loads(pickle.dumps((func, args)))
                    outcome = pickle.loads(pickle.dumps(func(*args)))
                else:
                    outcome = func(*args)
            failed = False
        except Exception as error:
            # Cut this frame: the traceback starts at the function, as a
            # worker thread's starts at concurrent.futures' code.
            error.__traceback__ = error.__traceback__.tb_next
            outcome, failed = error, True
        finally:
            end = clock.now
            clock.now = now
            output.defer_lines(saved_current is not None)
            internals.set_running_loop(saved_loop)
            self.current, self.current_pid = saved_current, saved_pid
        return outcome, failed, end

    # Replacements for the threading module's functions while a program runs.

    def current_thread(self):
        return self.current if self.current is not None else _real_current_thread()

    def get_ident(self):
        return self.current.ident if self.current is not None else _real_get_ident()

    def os_pid_functions(self):
        """Stand-ins for ``os.getpid`` and ``os.getppid``: a process pool's
        worker is a process of its own, whose parent is the program.

        Plain functions named as ``os``'s own, so that they pickle by name
        (``pool.submit(os.getpid)`` must reach the worker).
        """
        def getpid():
            return self.current_pid if self.current_pid is not None else _real_getpid()

        def getppid():
            return _real_getpid() if self.current_pid is not None else _real_getppid()

        for function, real in ((getpid, _real_getpid), (getppid, _real_getppid)):
            function.__module__ = "os"
            function.__qualname__ = function.__name__
            function.__doc__ = real.__doc__
        return getpid, getppid


def refuse_thread_start(thread):
    """``threading.Thread.start`` in the sandbox."""
    raise RuntimeError(ONE_THREAD_MESSAGE.format(what="threading.Thread.start()"))


def _refuse_to_wait(method):
    """``concurrent.futures.Future.result``/``exception`` that refuse to block.

    With one thread nothing could complete the future while the program
    waits (a real wait would hang the page), so a wait on an unfinished
    future is an error; a finished one answers as usual.
    """
    def wait_or_refuse(future, timeout=None):
        if not future.done() and timeout != 0:
            raise RuntimeError(
                f"the sandbox runs one thread, so concurrent.futures.Future.{method.__name__}() "
                "would wait forever for a future that is not done; await it in a coroutine "
                "instead (asyncio.wrap_future(future))")
        return method(future, timeout)

    return wait_or_refuse


#: replacements for concurrent.futures.Future's blocking methods
future_result = _refuse_to_wait(concurrent.futures.Future.result)
future_exception = _refuse_to_wait(concurrent.futures.Future.exception)


def _executor_kind(executor):
    if isinstance(executor, VirtualProcessPoolExecutor):
        return "ProcessPoolExecutor"
    if isinstance(executor, VirtualThreadPoolExecutor):
        return "ThreadPoolExecutor"
    return type(executor).__name__


def _callable_name(func):
    """The learner's function behind ``to_thread``'s ``partial(ctx.run, f, ...)``."""
    while True:
        if isinstance(func, functools.partial):
            if getattr(func.func, "__name__", None) == "run" and func.args and callable(func.args[0]):
                func = func.args[0]
            else:
                func = func.func
            continue
        break
    return getattr(func, "__qualname__", None) or getattr(func, "__name__", None) or repr(func)
