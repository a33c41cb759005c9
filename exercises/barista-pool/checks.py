import re

from awaitable.grading import check, fail

BARISTAS = 2
ORDERS = [("Ada", 3), ("Ben", 1), ("Cleo", 4), ("Dev", 1), ("Eli", 2)]
STARTS = {"Ada": 0, "Ben": 0, "Cleo": 1, "Dev": 3, "Eli": 4}
ALL_SERVED = 6
ONE_AT_A_TIME = sum(seconds for _, seconds in ORDERS)
START = re.compile(r"^brewing for (\w+)$")
READY = re.compile(r"^(\w+)'s coffee is ready$")


def _brews(run):
    """{name: [start, ready]} from the output; either may be None."""
    brews = {}
    for line in run.output:
        if match := START.match(line.text):
            brews.setdefault(match.group(1), [None, None])[0] = line.t
        elif match := READY.match(line.text):
            brews.setdefault(match.group(1), [None, None])[1] = line.t
    return brews


def _peak(brews):
    """The most coffees brewing at once, and when that happened."""
    moments = []
    for start, ready in brews.values():
        if start is not None:
            moments.append((start, 1))
            moments.append((ready if ready is not None else float("inf"), -1))
    peak, alive, when = 0, 0, None
    # A coffee ready at t=1 and one started at t=1 did not overlap.
    for t, change in sorted(moments):
        alive += change
        if alive > peak:
            peak, when = alive, t
    return peak, when


@check("the program runs to the end without an error")
def runs(program):
    program.run().expect_no_error().expect_no_blocking_calls()


@check("each coffee takes its brew time: Ada 3 s, Ben 1 s, Cleo 4 s, Dev 1 s, Eli 2 s")
def brew_times(program):
    brews = _brews(program.run())
    for name, seconds in ORDERS:
        start, ready = brews.get(name, (None, None))
        if start is None or ready is None:
            fail(f'"brewing for {name}" and "{name}\'s coffee is ready"',
                 f"the {'first' if start is None else 'second'} line is missing",
                 "keep the two print calls of make_coffee as they are")
        if abs((ready - start) - seconds) > 1e-3:
            fail(f"{name}'s coffee ready {seconds}s after it started",
                 f"it took {ready - start:g}s (t={start:g}s to t={ready:g}s)",
                 "hold a barista for the whole brew: the start line, the sleep and the ready line")


@check("never more than two coffees brew at once")
def at_most_two(program):
    peak, when = _peak(_brews(program.run()))
    if peak > BARISTAS:
        fail(f"at most {BARISTAS} coffees brewing at the same time",
             f"{peak} were brewing at once at t={when:g}s",
             "create one `asyncio.Semaphore(BARISTAS)`, shared by every order, and hold it "
             "for the whole brew: put the two prints and the sleep inside `async with baristas:`")


@check("both baristas stay busy: the five coffees are served by t=6s, not t=11s")
def both_busy(program):
    run = program.run()
    peak, _ = _peak(_brews(run))
    line = run.expect_line(r"^all 5 coffees served$", what='"all 5 coffees served"')
    if abs(line.t - ALL_SERVED) > 1e-3:
        if peak < BARISTAS:
            tip = ("only one coffee brewed at a time: start every order at once (gather or a "
                   "TaskGroup) and let `asyncio.Semaphore(2)` admit two, not a Lock")
        elif line.t < ALL_SERVED:
            tip = "more than two coffees brewed at once: limit them with `asyncio.Semaphore(2)`"
        else:
            tip = "a barista sat idle while an order waited: let each free barista take the next order"
        fail('"all 5 coffees served" at t=6s', f"it was printed at t={line.t:g}s", tip)
    run.expect_virtual_time(ALL_SERVED)


@check("orders are served first come, first served: Ada and Ben at t=0, Cleo at t=1, Dev at t=3, Eli at t=4")
def in_order(program):
    brews = _brews(program.run())
    for name, _ in ORDERS:
        start = brews.get(name, (None, None))[0]
        if start is None or abs(start - STARTS[name]) > 1e-3:
            seen = ", ".join(f"{each} at t={brews[each][0]:g}s" for each, _ in ORDERS
                             if brews.get(each, (None,))[0] is not None)
            if start is not None and start < STARTS[name]:
                tip = (f"{name}'s coffee started before a barista was free: hold the shared "
                       "semaphore for the whole brew")
            else:
                tip = (f"{name} waited while a barista was free: start the orders in the order "
                       "of ORDERS, all at once, and let a shared Semaphore admit each as soon "
                       "as a barista is free")
            fail(f"{name}'s coffee started at t={STARTS[name]:g}s",
                 f"brews started: {seen or 'none'}", tip)
