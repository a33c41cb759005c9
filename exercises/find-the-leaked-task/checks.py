import re

from awaitable.grading import Submission, check, fail

ORDERS = (1, 2, 3)
TAKEN = {1: 1.0, 2: 2.0, 3: 3.0}
SENT = {1: 2.5, 2: 3.5, 3: 4.5}
CLOSED = 4.5

# Runs the program's main() and then asks asyncio which tasks are still
# unfinished: exactly the tasks that asyncio.run would have to cancel. A
# task already asked to stop (cancel() called) does not count as leaked.
LEFTOVER_PROBE = '''

async def __awaitable_leftover_probe():
    import asyncio as __asyncio
    await main()
    me = __asyncio.current_task()
    return sorted(task.get_name() for task in __asyncio.all_tasks()
                  if task is not me and not task.cancelling())
'''


def _times(run, pattern):
    """{order: time of its first line} for the lines matching ``pattern``,
    whose one group is the order number."""
    found = {}
    for line in run.find_lines(pattern):
        order = int(re.search(pattern, line.text, re.IGNORECASE).group(1))
        found.setdefault(order, line.t)
    return found


def _describe(times, label):
    return ", ".join(f"{label} {order} at t={t:g}s" for order, t in sorted(times.items())) or "none"


@check("the program runs to the end without an error")
def runs(program):
    program.run().expect_no_error().expect_no_blocking_calls()


@check("orders are still taken one per second, at t=1, 2 and 3, while receipts go out in the background")
def orders_keep_coming(program):
    taken = _times(program.run(), r"^order (\d+) taken$")
    if taken != TAKEN:
        fail("order 1 taken at t=1s, order 2 at t=2s, order 3 at t=3s",
             _describe(taken, "order"),
             "don't wait for a receipt before taking the next order: keep the receipts as "
             "background tasks, and wait for them all once the last order is taken")


@check("every order gets its receipt, 1.5 s after it was taken: at t=2.5, 3.5 and 4.5")
def every_receipt_sent(program):
    sent = _times(program.run(), r"^receipt sent for order (\d+)$")
    if sent != SENT:
        missing = [order for order in ORDERS if order not in sent]
        saw = _describe(sent, "receipt")
        if missing:
            listed = " and ".join(map(str, missing))
            saw += f"; no receipt for order{'s' if len(missing) > 1 else ''} {listed}"
        tip = ("a receipt task still running when main() returns is cancelled by asyncio.run, "
               "and its receipt is lost: keep each task that take_order creates and await them "
               "all before the shop closes"
               if missing else
               "each receipt should go out 1.5 s after its order, in the background, while the "
               "next order is taken")
        fail("receipts for orders 1, 2 and 3 at t=2.5s, 3.5s and 4.5s", saw, tip)


@check("no task is left running when main() returns")
def nothing_leaked(program):
    leftover = Submission(program.source + LEFTOVER_PROBE).call("__awaitable_leftover_probe")
    leftover.expect_no_error()
    if leftover.value:
        names = ", ".join(leftover.value)
        fail("every task to be finished (or stopped) by the time main() returns",
             f"still running after main() returned: {names}",
             "create_task starts a task, but nothing waits for it: return the task from "
             "take_order, collect the tasks in main() and `await asyncio.gather(*tasks)` "
             "(or create them in an `asyncio.TaskGroup`)")


@check("the shop closes at t=4.5s, once the last receipt is sent, with nothing still running")
def closes_when_done(program):
    run = program.run()
    line = run.expect_line(r"^shop closed", what='the "shop closed; still running: ..." line')
    if line.text != "shop closed; still running: []":
        fail('"shop closed; still running: []"', repr(line.text),
             "wait for the receipt tasks before printing it; then still_running() finds none")
    if abs(line.t - CLOSED) > 1e-3:
        receipts = run.find_lines(r"^receipt sent")
        if line.t < CLOSED:
            tip = "the last receipt goes out at t=4.5s: wait for the receipt tasks before closing"
        elif receipts and receipts[-1].t < line.t:
            tip = "wait for the receipt tasks themselves, not for a guessed number of seconds"
        else:
            tip = "take the orders one per second and let the receipts go out meanwhile"
        fail("the shop to close at t=4.5s", f"it closed at t={line.t:g}s", tip)
    run.expect_virtual_time(CLOSED)
