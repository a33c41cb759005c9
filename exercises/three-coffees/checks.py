from awaitable.grading import check, fail

ORDERS = [("latte", 5), ("espresso", 1), ("cappuccino", 3)]
SLOWEST = max(seconds for _, seconds in ORDERS)
SUM = sum(seconds for _, seconds in ORDERS)
SERVED = "served: " + ", ".join(coffee for coffee, _ in ORDERS)
GATHER_NOT_AWAITED = ("asyncio.gather(...) gives you something to await, not the list itself: "
                      "write `cups = await asyncio.gather(...)`")


def _line(run, pattern, text):
    """The first line matching ``pattern``; when there is none because the
    program crashed first, say so rather than blame the spelling."""
    if not run.find_lines(pattern) and run.error is not None:
        fail(f"the line '{text}'", f"the program stopped with {run.error['type']} before printing it",
             GATHER_NOT_AWAITED if _gather_not_awaited(run) else "fix that error first: the first check shows it")
    return run.expect_line(pattern, what=f"the line '{text}'")


def _gather_not_awaited(run):
    return run.error is not None and "await wasn't used with future" in run.error["message"]


@check("the program runs to the end without an error")
def runs(program):
    run = program.run()
    if _gather_not_awaited(run):
        fail("the program runs to the end without an error",
             f"RuntimeError at line {run.error.get('line')}: {run.error['message']}", GATHER_NOT_AWAITED)
    run.expect_no_error()


@check("all three coffees start brewing at t=0s")
def start_together(program):
    run = program.run()
    run.expect_no_blocking_calls()
    for coffee, _ in ORDERS:
        line = _line(run, rf"^brewing {coffee}$", f"brewing {coffee}")
        if line.t > 1e-3:
            fail(f"'brewing {coffee}' at t=0s, with the other two",
                 f"it started at t={line.t:g}s, after the coffee before it was ready",
                 "start all three before waiting for any: "
                 "`await asyncio.gather(brew(...), brew(...), brew(...))`")


@check("each coffee is ready after its own brewing time: espresso at t=1s, cappuccino at t=3s, latte at t=5s")
def ready_on_time(program):
    run = program.run()
    for coffee, seconds in sorted(ORDERS, key=lambda order: order[1]):
        line = _line(run, rf"^{coffee} is ready$", f"{coffee} is ready")
        if abs(line.t - seconds) > 1e-3:
            fail(f"'{coffee} is ready' at t={seconds}s, {seconds}s after it started",
                 f"it was ready at t={line.t:g}s",
                 "the brews should overlap, so each is ready after its own time only; "
                 "run them together with asyncio.gather")


@check("all three coffees are ready at t=5s, not t=9s")
def total_time(program):
    run = program.run()
    run.expect_no_blocking_calls()
    if run.error is not None:
        fail(f"the three coffees served at t={SLOWEST}s", f"the program stopped with {run.error['type']}",
             GATHER_NOT_AWAITED if _gather_not_awaited(run) else "fix that error first: the first check shows it")
    if abs(run.virtual_time - SUM) < 1e-3:
        fail(f"everything served at t={SLOWEST}s, the time of the slowest coffee",
             f"it took t={SUM}s, the sum of the three: they brewed one after another",
             "an `await` in a loop waits for each coffee before starting the next; pass all three "
             "to `asyncio.gather(...)` and await that once")
    run.expect_virtual_time(SLOWEST, what="the three coffees")


@check("the cups are served in the order of ORDERS (latte, espresso, cappuccino), not the order they were ready")
def served_in_order(program):
    run = program.run()
    lines = run.find_lines(r"^served:")
    if not lines and run.error is not None:
        _line(run, r"^served:", SERVED)
    if not lines:
        fail(f"the line '{SERVED}'", "no line starting 'served:'",
             "keep the starter's last print: `print(\"served:\", \", \".join(cups))`")
    line = lines[0]
    if line.text.strip() != SERVED:
        tip = "gather returns the results in the order of its arguments: pass the brews in the order of ORDERS"
        if line.text.strip() == "served: espresso, cappuccino, latte":
            tip = ("that is the order they were ready in; asyncio.gather returns results in the order of "
                   "its arguments, so pass the brews in the order of ORDERS and use the list it returns")
        fail(f"'{SERVED}'", f"'{line.text}'", tip)
    if abs(line.t - SLOWEST) > 1e-3:
        fail(f"'{SERVED}' at t={SLOWEST}s", f"it was printed at t={line.t:g}s",
             "serve as soon as the last coffee (the latte, 5s) is ready")
