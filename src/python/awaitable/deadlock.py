"""Explains a deadlock: which tasks wait for each other, and what usually causes it.

A deadlock is found by the loop (nothing is ready and no timer is set); this
module turns the waiting tasks into a hint a learner can act on. Hints come
from what the tasks wait on (``Queue.join()``, ``Event.wait()``...) and from
the tasks' wait-for graph (a task waiting for itself, or a cycle of tasks
waiting for each other).
"""

from . import internals

__all__ = ["deadlock_hint", "break_wait_cycles"]

#: what the waits a learner most often gets stuck on usually mean, keyed by
#: the end of the wait's description
_HINTS = [
    ("Queue.join()", (
        "queue.join() waits until queue.task_done() has been called once for every "
        "item put in the queue; no task is left to take the remaining items out and "
        "call task_done(). Start the consumers before join(), and call "
        "queue.task_done() after handling each item.")),
    ("Queue.get()", (
        "every consumer waits for another item but no task will put one: when the "
        "producers are done, cancel the consumers (after queue.join()) or put a "
        "sentinel such as None in the queue to tell them to stop.")),
    ("Queue.put()", (
        "the queue is full and no task takes items out of it: start a consumer, "
        "or make the queue bigger.")),
    ("Event.wait()", (
        "no task is left to call event.set(): set the event in the task that "
        "finishes the work the waiters wait for.")),
    ("Lock.acquire()", (
        "the lock is held and never released: asyncio.Lock is not reentrant, so a "
        "task that acquires a lock it already holds (a nested `async with lock:`) "
        "waits forever, and so does every task after it.")),
    ("Semaphore.acquire()", (
        "every slot of the semaphore is taken and no task will release one: "
        "use `async with semaphore:` so each acquire() has its release().")),
    ("Condition.wait()", (
        "no task is left to call condition.notify() or notify_all().")),
    ("Barrier.wait()", (
        "fewer tasks reached barrier.wait() than the barrier's parties: start as "
        "many tasks as the barrier waits for.")),
    ("a Future", (
        "nothing will ever set this future's result: the code that should call "
        "future.set_result() never runs, or runs before the future exists.")),
]


def deadlock_hint(tasks, waiting):
    """A hint for a deadlock, or None.

    ``tasks`` are the unfinished tasks in creation order; ``waiting`` is the
    sandbox's report of them (dicts with ``name`` and ``waits_on``).
    """
    hints = []
    cycle = _wait_cycle(tasks)
    if cycle is not None:
        names = [task.get_name() for task in cycle]
        if len(names) == 1:
            hints.append(f"task {names[0]!r} waits for itself (through gather or wait), "
                         "so it can never finish.")
        else:
            chain = " -> ".join(repr(name) for name in names + names[:1])
            hints.append(f"tasks wait for each other in a circle ({chain}): none of them "
                         "can finish first. Make one of them not wait for the other.")
    for ending, hint in _HINTS:
        if any(entry["waits_on"].endswith(ending) for entry in waiting) and hint not in hints:
            hints.append(hint)
    return " ".join(hints) or None


def break_wait_cycles(tasks):
    """End one task of every cycle of tasks waiting for each other.

    asyncio.run cancels the tasks left at the end, and cancelling a task
    cancels what it waits for: around a cycle that never ends. Ending one
    task of the cycle first (without cancelling what it waits for) lets the
    others be cancelled normally.
    """
    pending = [task for task in tasks if not task.done()]
    while True:
        cycle = _wait_cycle(pending)
        if cycle is None:
            return
        internals.end_task_only(cycle[0])
        pending.remove(cycle[0])


def _waits_for(task):
    """The tasks whose end ``task`` waits for."""
    waiter = internals.task_waiter(task)
    if waiter is None:
        return []
    children = internals.gathered_children(waiter)
    if children is not None:
        return [child for child in children if not child.done()]
    return [waiter]


def _wait_cycle(tasks):
    """The first cycle in the tasks' wait-for graph, as a list of tasks, or None."""
    pending = set(tasks)
    finished = set()

    def visit(task, path):
        if task in path:
            return path[path.index(task):]
        if task in finished:
            return None
        path.append(task)
        for following in _waits_for(task):
            if following in pending:
                cycle = visit(following, path)
                if cycle is not None:
                    return cycle
        path.pop()
        finished.add(task)
        return None

    for task in tasks:
        cycle = visit(task, [])
        if cycle is not None:
            return cycle
    return None
