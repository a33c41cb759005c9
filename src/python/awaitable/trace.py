"""What happened during a run, in virtual time: tasks, blocking calls, output.

The trace is the single record that checks, error explanations and the
learner's run timeline read. Everything in it is plain data so it converts to
JSON without help (``Trace.to_json``).
"""

import collections
from dataclasses import dataclass, field

__all__ = ["Trace", "TaskRecord", "TaskEvent", "TASKS_REPORTED", "RECORD_ATTRIBUTE", "describe_sleep",
           "BlockingCall", "OutputLine", "RequestRecord", "ProcessRecord", "ThreadRecord"]


#: tasks whose records a run's JSON carries, the first ones made: the
#: timeline draws a few dozen, and ten thousand tasks would make megabytes
#: to send across and read (checks see every task, in Python)
TASKS_REPORTED = 1000


#: the attribute that holds a task's ``TaskRecord``, on the task itself
#: (asyncio's Task keeps a dict for attributes it does not know): the task
#: holds its record, never the other way round, so that a record keeps no
#: task alive
RECORD_ATTRIBUTE = "_awaitable_record"


TaskEvent = collections.namedtuple("TaskEvent", "t kind detail line", defaults=(None, None))
TaskEvent.__doc__ = """One moment in a task's life: ``(t, kind, detail, line)``.

``kind`` is created, started, suspended, resumed, done, error or cancelled.
``detail``, for ``suspended``, says what the task waits on
(``asyncio.sleep(1)``, ``Queue.get()``...) and for ``error`` names the
exception as ``Type: message``. ``line`` is the line of the learner's
program where it happened, if known.

A named tuple: a busy program records tens of thousands of these. The loop
records them as plain tuples, and ``TaskRecord.events`` makes them named
when they are read, with ``tuple.__new__``, in one C call.
"""


def _format_number(value):
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return repr(value)


#: "asyncio.sleep(1)" and the like, by (type, delay): most programs sleep
#: for the same few delays over and over
_SLEEP_DESCRIPTIONS = {}
_SLEEP_DESCRIPTIONS_KEPT = 256


def describe_sleep(delay):
    """``asyncio.sleep(1)`` and the like: what a task waits on in a sleep."""
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


_new_event = tuple.__new__


@dataclass(slots=True)
class TaskRecord:
    """A task, from creation to its end (or to the end of the run)."""

    id: int
    name: str
    #: qualified name of the coroutine the task runs
    coro: str
    created: float
    #: id of the task whose code created this one (None: created outside tasks)
    parent: int | None
    #: line of the learner's program that created the task
    line: int | None
    #: the events as the loop records them (see ``events``)
    raw_events: list = field(default_factory=list, repr=False)
    #: virtual time of completion, error or cancellation
    ended: float | None = None
    #: pending, done, error or cancelled
    state: str = "pending"
    #: repr of the result, for done tasks
    result: str | None = None
    #: how many of ``raw_events``, from the first, are ``TaskEvent``s
    _read: int = field(default=0, repr=False, compare=False)

    @property
    def events(self):
        """The task's events, oldest first, as ``TaskEvent``s.

        The loop records a step as a plain tuple, and a suspension in
        ``asyncio.sleep`` with the sleep's delay for its detail: the words
        are made for the events someone reads (a run of ten thousand tasks
        reports a thousand of them).
        """
        events = self.raw_events
        for index in range(self._read, len(events)):
            t, kind, detail, line = events[index]
            if detail is not None and type(detail) is not str:
                detail = describe_sleep(detail)
            events[index] = _new_event(TaskEvent, (t, kind, detail, line))
        self._read = len(events)
        return events

    @property
    def started(self):
        for event in self.events:
            if event.kind == "started":
                return event.t
        return None

    def to_json(self):
        # Each event as an array, [t, kind, detail, line], straight from the
        # loop's tuples: only a sleep's detail needs words.
        events = [(t, kind, detail, line) if detail is None or type(detail) is str
                  else (t, kind, describe_sleep(detail), line)
                  for t, kind, detail, line in self.raw_events]
        return {
            "id": self.id,
            "name": self.name,
            "coro": self.coro,
            "created": self.created,
            # The first step, if any: the event after the creation.
            "started": events[1][0] if len(events) > 1 and events[1][1] == "started" else None,
            "ended": self.ended,
            "state": self.state,
            "parent": self.parent,
            "line": self.line,
            "result": self.result,
            "events": events,
        }


@dataclass
class BlockingCall:
    """A call that held the event loop (or the whole program) while time passed."""

    t: float
    duration: float
    #: what was called, for example ``time.sleep(2)``
    call: str
    line: int | None
    #: id of the task that was running, or None outside any task
    task: int | None

    def to_json(self):
        return {"t": self.t, "duration": self.duration, "call": self.call,
                "line": self.line, "task": self.task}


@dataclass
class OutputLine:
    """A line the program wrote, stamped with the virtual time it was written."""

    t: float
    text: str
    #: stdout or stderr
    stream: str = "stdout"

    def to_json(self):
        return {"t": self.t, "text": self.text, "stream": self.stream}


@dataclass
class RequestRecord:
    """An HTTP request made through the sandbox's aiohttp client."""

    id: int
    method: str
    url: str
    #: the host part of the URL, as in ``api.example.com``
    host: str
    #: virtual time the request started (``session.get(...)`` awaited)
    start: float
    #: id of the task that made the request, or None outside any task
    task: int | None = None
    #: virtual time the response's status and headers arrived, or the
    #: request failed; None while it is still in flight
    end: float | None = None
    #: the response's status code, when one arrived
    status: int | None = None
    #: the exception the request raised, as ``Type: message``
    error: str | None = None

    def to_json(self):
        return {"id": self.id, "method": self.method, "url": self.url, "host": self.host,
                "start": self.start, "end": self.end, "status": self.status,
                "error": self.error, "task": self.task}


@dataclass
class ProcessRecord:
    """A simulated process, from its start to its exit."""

    pid: int
    #: the program and its arguments; after an ``exec``, the new program's
    args: list[str]
    #: virtual time it started
    started: float
    #: pid of the simulated process (a shell) that started it; None when
    #: the program started it
    parent: int | None = None
    #: virtual time it exited; None if it was still running at the end
    ended: float | None = None
    #: its exit status, or -N after it was killed by signal N
    returncode: int | None = None

    def to_json(self):
        return {"pid": self.pid, "args": self.args, "started": self.started,
                "parent": self.parent, "ended": self.ended, "returncode": self.returncode}


@dataclass
class ThreadRecord:
    """A function run by ``to_thread`` or ``run_in_executor`` as a virtual thread."""

    id: int
    #: qualified name of the function
    function: str
    #: ThreadPoolExecutor (the default executor too) or ProcessPoolExecutor
    executor: str
    #: virtual time ``to_thread``/``run_in_executor`` was called
    submitted: float
    #: line of the learner's program that handed the function over
    line: int | None
    #: id of the task that handed it over, or None outside any task
    task: int | None
    #: the worker's thread name, as ``threading.current_thread().name`` says
    worker: str | None = None
    #: virtual time it started (later than ``submitted`` when every worker was busy)
    start: float | None = None
    #: virtual time it returned or raised
    end: float | None = None
    #: the exception it raised, as ``Type: message``
    error: str | None = None

    def to_json(self):
        return {"id": self.id, "function": self.function, "executor": self.executor,
                "worker": self.worker, "submitted": self.submitted, "start": self.start,
                "end": self.end, "line": self.line, "task": self.task, "error": self.error}


@dataclass
class Trace:
    tasks: list[TaskRecord] = field(default_factory=list)
    blocking: list[BlockingCall] = field(default_factory=list)
    output: list[OutputLine] = field(default_factory=list)
    requests: list[RequestRecord] = field(default_factory=list)
    processes: list[ProcessRecord] = field(default_factory=list)
    threads: list[ThreadRecord] = field(default_factory=list)

    def task(self, task_id):
        return self.tasks[task_id - 1]

    def clear(self):
        """Forget everything recorded (see ``RunResult.release``)."""
        for records in (self.tasks, self.blocking, self.output, self.requests,
                        self.processes, self.threads):
            records.clear()

    def to_json(self):
        reported = self.tasks[:TASKS_REPORTED]
        return {
            "tasks": [t.to_json() for t in reported],
            "tasks_omitted": len(self.tasks) - len(reported),
            "blocking": [b.to_json() for b in self.blocking],
            "requests": [r.to_json() for r in self.requests],
            "processes": [p.to_json() for p in self.processes],
            "threads": [t.to_json() for t in self.threads],
        }
