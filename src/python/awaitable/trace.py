"""What happened during a run, in virtual time: tasks, blocking calls, output.

The trace is the single record that checks, error explanations and the
learner's run timeline read. Everything in it is plain data so it converts to
JSON without help (``Trace.to_json``).
"""

from dataclasses import dataclass, field

__all__ = ["Trace", "TaskRecord", "TaskEvent", "BlockingCall", "OutputLine"]


@dataclass
class TaskEvent:
    """One moment in a task's life."""

    t: float
    #: created, started, suspended, resumed, done, error, cancelled
    kind: str
    #: for ``suspended``: what the task waits on (``asyncio.sleep(1)``,
    #: ``Queue.get()``...); for ``error``: the exception, as ``Type: message``
    detail: str | None = None
    #: line of the learner's program where this happened, if known
    line: int | None = None


@dataclass
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
    events: list[TaskEvent] = field(default_factory=list)
    #: virtual time of completion, error or cancellation
    ended: float | None = None
    #: pending, done, error or cancelled
    state: str = "pending"
    #: repr of the result, for done tasks
    result: str | None = None

    @property
    def started(self):
        for event in self.events:
            if event.kind == "started":
                return event.t
        return None

    def to_json(self):
        return {
            "id": self.id,
            "name": self.name,
            "coro": self.coro,
            "created": self.created,
            "started": self.started,
            "ended": self.ended,
            "state": self.state,
            "parent": self.parent,
            "line": self.line,
            "result": self.result,
            "events": [
                {"t": e.t, "kind": e.kind, "detail": e.detail, "line": e.line}
                for e in self.events
            ],
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
class Trace:
    tasks: list[TaskRecord] = field(default_factory=list)
    blocking: list[BlockingCall] = field(default_factory=list)
    output: list[OutputLine] = field(default_factory=list)

    def task(self, task_id):
        return self.tasks[task_id - 1]

    def to_json(self):
        return {
            "tasks": [t.to_json() for t in self.tasks],
            "blocking": [b.to_json() for b in self.blocking],
        }
