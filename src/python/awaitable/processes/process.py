"""One simulated process: a coroutine with a pid, descriptors and signals.

A process is deliberately not an ``asyncio.Task``: a real child process is
not one of the program's tasks, so it must not appear in
``asyncio.all_tasks()``, in the run's task trace, or take a ``Task-N`` name
from the program's own tasks. ``VirtualProcess`` therefore drives its
coroutine itself, the way ``Task.__step`` does: it resumes the coroutine
when the future it waits on is done, and yields to the loop on a bare
``yield``. Inside a process ``asyncio.sleep``, queues, events and pipes
work; ``asyncio.current_task()`` is None.
"""

import contextvars

__all__ = ["VirtualProcess", "Signalled", "SIGNALS", "SIGKILL", "SIGTERM", "SIGPIPE"]

SIGKILL = 9
SIGPIPE = 13
SIGTERM = 15

#: Linux's signal numbers and names (``kill -l``).
SIGNALS = {
    1: "HUP", 2: "INT", 3: "QUIT", 4: "ILL", 5: "TRAP", 6: "ABRT", 7: "BUS", 8: "FPE",
    9: "KILL", 10: "USR1", 11: "SEGV", 12: "USR2", 13: "PIPE", 14: "ALRM", 15: "TERM",
    16: "STKFLT", 17: "CHLD", 18: "CONT", 19: "STOP", 20: "TSTP", 21: "TTIN", 22: "TTOU",
    23: "URG", 24: "XCPU", 25: "XFSZ", 26: "VTALRM", 27: "PROF", 28: "WINCH", 29: "IO",
    30: "PWR", 31: "SYS",
}

#: Signals whose default action is to do nothing. The job-control signals
#: (STOP, TSTP, TTIN, TTOU, CONT) are among them: the sandbox does not
#: suspend processes.
_IGNORED = {17, 18, 19, 20, 21, 22, 23, 28}

_SIGRTMAX = 64


class Signalled(BaseException):
    """Raised inside a process's coroutine when a signal it did not ignore
    arrives; a command that lets it propagate dies of that signal.

    A ``BaseException``, so that ``except Exception`` in a command does not
    catch it, just as a signal is no exception in a real program. A command
    may catch it on purpose to clean up (a handler for SIGTERM);
    ``SIGKILL`` cannot be caught: the coroutine is closed instead.
    """

    def __init__(self, signal):
        super().__init__(signal)
        self.signal = signal


class VirtualProcess:
    """A running (or finished) simulated process.

    ``fds`` maps descriptor numbers to open file descriptions; the process
    owns one reference to each and closes them when it exits.
    """

    def __init__(self, pid, argv, fds, *, env, cwd, parent=None, record=None):
        self.pid = pid
        #: the program and its arguments; replaced by ``exec``
        self.argv = list(argv)
        self.fds = dict(fds)
        self.env = dict(env)
        self.cwd = cwd
        #: the process that started this one (None: the learner's program)
        self.parent = parent
        #: this process's entry in the run's trace
        self.record = record
        #: None while running; the exit status, or -N after signal N
        self.returncode = None
        self._loop = None
        # The coroutine is made when the process first runs: a process
        # killed before then, or left unstarted when its loop closes, leaves
        # no coroutine that was never awaited.
        self._main = None
        self._coro = None
        self._context = contextvars.Context()
        # Either `_waiting` is the future the coroutine is suspended on and
        # `_wakeup` is its done callback, or a resumption is scheduled with
        # the current `_token`; a signal replaces the token so that a
        # resumption scheduled before it arrived does nothing.
        self._waiting = None
        self._token = None
        self._pending_signal = None
        self._exit_callbacks = []
        self._exit_waiters = []

    def __repr__(self):
        state = "running" if self.returncode is None else f"returncode={self.returncode}"
        return f"<VirtualProcess pid={self.pid} {self.argv[0]!r} {state}>"

    def start(self, loop, main):
        """Run ``main(self)``, a coroutine function, as the process's program
        from the next loop iteration (a signal sent before then takes
        effect first)."""
        self._loop = loop
        self._main = main
        self._schedule()

    def add_exit_callback(self, callback):
        """Call ``callback(returncode)`` when the process exits."""
        self._exit_callbacks.append(callback)

    async def wait(self):
        """The return code, once the process has exited."""
        if self.returncode is None:
            waiter = self._loop.create_future()
            self._exit_waiters.append(waiter)
            await waiter
        return self.returncode

    def send_signal(self, signal):
        """Deliver ``signal``, as ``kill(2)`` would.

        Raises ``OSError(EINVAL)`` for a number that is no signal. The
        signal takes effect before the process runs again; a process that
        has already exited ignores it, as a zombie does.
        """
        signal = int(signal)
        if not 0 <= signal <= _SIGRTMAX:
            raise OSError(22, "Invalid argument")
        if self.returncode is not None or signal == 0 or signal in _IGNORED:
            return
        if self._pending_signal != SIGKILL:
            self._pending_signal = signal
        if self._loop is not None and not self._loop.is_closed():
            self._loop.call_soon(self._deliver, context=self._context)

    def raise_signal(self, signal):
        """Deliver ``signal`` from inside the process itself (``kill $$``):
        unless it is ignored, it ends the running code at once."""
        if signal not in _IGNORED and signal != 0:
            raise Signalled(signal)

    def exec(self, argv):
        """Record that the process now runs another program (``exec``)."""
        self.argv = list(argv)
        if self.record is not None:
            self.record.args = list(argv)

    # Driving the coroutine

    def _schedule(self, exc=None):
        self._token = token = object()
        self._loop.call_soon(self._resume, token, exc, context=self._context)

    def _resume(self, token, exc):
        if token is self._token:
            self._step(exc)

    def _wakeup(self, future):
        if future is self._waiting:
            self._step()

    def _deliver(self):
        if self.returncode is not None or self._pending_signal is None:
            return
        self._detach()
        self._step()

    def _detach(self):
        if self._waiting is not None:
            self._waiting.remove_done_callback(self._wakeup)
            self._waiting = None
        self._token = None

    def _step(self, exc=None):
        if self.returncode is not None:
            return
        self._waiting = None
        self._token = None
        if self._pending_signal == SIGKILL:
            self._pending_signal = None
            if self._coro is not None:
                self._close_coroutine()
            self._exit(-SIGKILL)
            return
        if self._pending_signal is not None:
            signal, self._pending_signal = self._pending_signal, None
            if self._coro is None:
                # Signalled before it ever ran: nothing of it handles the
                # signal yet, so the default action ends it.
                self._exit(-signal)
                return
            exc = Signalled(signal)
        if self._coro is None:
            self._coro = self._main(self)
        try:
            if exc is None:
                result = self._coro.send(None)
            else:
                result = self._coro.throw(exc)
        except StopIteration as stop:
            self._exit(stop.value)
        except Signalled as signalled:
            self._exit(-signalled.signal)
        except KeyboardInterrupt:
            raise
        except BaseException as error:
            # Commands turn their own errors into an exit status (see
            # `command_context.run_command`); anything else is a failure of the
            # simulation, reported as the loop reports a failed callback.
            self._exit(1)
            self._loop.call_exception_handler({
                "message": f"simulated process {self.pid} ({self.argv[0]}) failed",
                "exception": error,
            })
        else:
            blocking = getattr(result, "_asyncio_future_blocking", None)
            if blocking:
                result._asyncio_future_blocking = False
                self._waiting = result
                result.add_done_callback(self._wakeup, context=self._context)
            elif result is None:
                self._schedule()
            else:
                self._schedule(RuntimeError(f"a process got a bad yield: {result!r}"))

    def _close_coroutine(self):
        try:
            self._coro.close()
        except Exception:
            # A `finally` that awaits or raises while being killed: the
            # process is gone all the same.
            pass

    def _exit(self, returncode):
        self.returncode = returncode
        self._coro = self._main = None
        fds, self.fds = self.fds, {}
        for open_file in fds.values():
            open_file.close()
        if self.record is not None:
            self.record.ended = self._loop.time()
            self.record.returncode = returncode
        for callback in self._exit_callbacks:
            callback(returncode)
        for waiter in self._exit_waiters:
            if not waiter.done():
                waiter.set_result(returncode)
        self._exit_callbacks, self._exit_waiters = [], []
