import re

from awaitable.grading import check, fail

DEPOSITS = 10
AMOUNT = 10


def final_balance(run):
    found = run.find_lines(r"^final balance: -?\d+$")
    return (int(found[0].text.split()[-1]), found[0]) if found else (None, None)


def waited_for_a_lock(run):
    """Whether any task ever had to wait to acquire a lock (or semaphore)."""
    return any(event.kind == "suspended" and (event.detail or "").endswith(".acquire()")
               for task in run.tasks for event in task.events)


@check("the program runs to the end without an error")
def runs(program):
    program.run().expect_no_error()


@check("no deposit is lost: the final balance is 100")
def no_lost_update(program):
    run = program.run()
    run.expect_no_error()
    balance, _ = final_balance(run)
    if balance is None:
        fail("a line `final balance: 100`", "no `final balance:` line",
             "keep the last print of main()")
    if balance == DEPOSITS * AMOUNT:
        return
    lost = (DEPOSITS * AMOUNT - balance) // AMOUNT
    if not waited_for_a_lock(run):
        tip = ("no deposit ever had to wait for a lock, so nothing kept them apart. Create one "
               "`asyncio.Lock()` that every deposit shares (in `Account.__init__`, not inside "
               "deposit(): a new lock per call protects nothing) and hold it with `async with` "
               "around the read and the write")
    else:
        tip = ("the lock must cover both the read and the write: a deposit that reads the balance "
               "outside the lock can read it while another deposit is between its read and its "
               "write, and then overwrite that deposit's update")
    fail(f"final balance: {DEPOSITS * AMOUNT}",
         f"final balance: {balance}, so {lost} deposit(s) were overwritten by others", tip)


@check("the payment checks still overlap: the last deposit lands at t=3s, not t=12s")
def only_the_update_is_locked(program):
    run = program.run()
    run.expect_no_error()
    balances = [(line.t, int(line.text.split()[-1]))
                for line in run.find_lines(r"^deposited \d+, balance now -?\d+$")]
    if len(balances) != DEPOSITS:
        fail(f"{DEPOSITS} lines `deposited 10, balance now N`", f"{len(balances)} of them",
             "keep the print at the end of deposit()")
    last = max(t for t, _ in balances)
    if abs(last - 3.0) <= 1e-3:
        return
    if last > 3.0:
        tip = ("the deposits wait for each other longer than they must. Each takes 1s for the "
               "payment check, which may overlap, and 0.2s to read and write the balance, which "
               "may not: 1 + 10 x 0.2 = 3s. Hold the lock only around the read and the write, "
               "and start all deposits together (gather)")
    elif final_balance(run)[0] != DEPOSITS * AMOUNT:
        tip = ("the deposits' reads and writes overlapped, which is the race the check above "
               "reports; once a lock keeps them apart, the last deposit lands at t=3s")
    else:
        tip = ("keep the payment check, the read and the write as they are: each deposit reads "
               "and writes through the database, which takes 0.2s")
    fail("the last deposit printed at t=3s", f"it was printed at t={last:g}s", tip)
