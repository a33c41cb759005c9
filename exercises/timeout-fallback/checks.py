import inspect

from awaitable.grading import check, fail

LIMIT = 2.0
LIVE = {"apple": 1.25, "melon": 3.40, "cherry": 6.10}
CACHED = {"apple": 1.20, "melon": 3.50, "cherry": 6.00}
# main()'s calls: (item, seconds the service takes, when its price is printed)
CALLS = [("apple", 1, 1.0), ("melon", 5, 3.0), ("cherry", 0.5, 3.5)]
FALLBACK_MESSAGE = r"no answer after 2 ?s"


def _call(program, item, seconds):
    """Run price_or_cached(item, seconds) alone; fail helpfully if it breaks."""
    run = program.call("price_or_cached", item, seconds)
    call = f"price_or_cached({item!r}, {seconds})"
    error = run.error
    if error is not None and error["type"] == "NameError" and "price_or_cached" in error["message"]:
        fail("a coroutine function named price_or_cached(item, seconds)", "no function by that name",
             "keep the name and the parameters of price_or_cached from the starter")
    if error is not None and error["type"] == "TimeoutError":
        fail(f"{call} to return the cached price {CACHED[item]:.2f} when the 2 seconds run out",
             f"it raised TimeoutError at t={run.virtual_time:g}s",
             "the timeout raises TimeoutError (not CancelledError): catch it with "
             "`except TimeoutError:` around the `async with asyncio.timeout(2):` block and return "
             "CACHED_PRICES[item] there")
    if error is not None:
        fail(f"{call} to return a price", f"it raised {error['type']}: {error['message']}",
             "run the program and read the traceback under its output")
    if inspect.iscoroutine(run.value):
        fail(f"{call} to return a price", "it returned a coroutine object, which nobody awaited",
             "calling a coroutine function only creates a coroutine: put `await` in front of the call "
             "whose result you return, as in `return await asyncio.wait_for(...)`")
    return run


def _expect_price(run, call, expected, at, why):
    if abs(run.virtual_time - at) > 1e-3:
        if run.virtual_time > at:
            tip = ("it waited for the whole slow answer: wrap the call in `async with asyncio.timeout(2):` "
                   "(or use `await asyncio.wait_for(..., timeout=2)`) so that it gives up after 2 seconds")
        else:
            tip = "it gave up too early: the limit is 2 seconds"
        fail(f"{call} to return at t={at:g}s", f"it returned at t={run.virtual_time:g}s", tip)
    if not isinstance(run.value, (int, float)) or abs(run.value - expected) > 1e-9:
        fail(f"{call} to return {expected:.2f} ({why})", f"it returned {run.value!r}",
             "return fetch_price's answer when it comes in time, CACHED_PRICES[item] when it does not")


@check("the program runs to the end without an error")
def runs(program):
    run = program.run()
    if run.error is not None and run.error["type"] == "TimeoutError":
        fail("the program runs to the end without an error",
             f"TimeoutError at line {run.error.get('line')}, raised when the 2 seconds ran out",
             "catch it: `except TimeoutError:` (not CancelledError) around the timeout, and return the "
             "cached price there")
    run.expect_no_error()


@check("a quick answer comes through: price_or_cached('apple', 1) returns 1.25 at t=1s")
def quick_answer(program):
    run = _call(program, "apple", 1)
    _expect_price(run, "price_or_cached('apple', 1)", LIVE["apple"], 1.0, "the live price")


@check("a slow answer is abandoned at t=2s: price_or_cached('melon', 5) returns the cached 3.50")
def slow_answer(program):
    run = _call(program, "melon", 5)
    _expect_price(run, "price_or_cached('melon', 5)", CACHED["melon"], LIMIT, "the cached price")


@check("the limit is 2s, no less: an answer after 1.9s still comes through")
def just_in_time(program):
    run = _call(program, "cherry", 1.9)
    _expect_price(run, "price_or_cached('cherry', 1.9)", LIVE["cherry"], 1.9, "the live price")


@check("main() prints apple at t=1s, melon at t=3s and cherry at t=3.5s")
def prints_prices(program):
    run = program.run()
    run.expect_no_blocking_calls()
    for item, seconds, at in CALLS:
        cached = seconds > LIMIT
        expected = f"{item}: {(CACHED if cached else LIVE)[item]:.2f}"
        lines = run.find_lines(rf"^{item}: \d")
        if not lines and run.error is not None:
            fail(f"the line '{expected}'",
                 f"the program stopped with {run.error['type']} before printing it",
                 "fix that error first: the other checks say more about it")
        if not lines:
            fail(f"the line '{expected}'", "no line with the price of " + item,
                 "keep main() as the starter has it")
        line = lines[0]
        if line.text != expected:
            why = "the cached price: its service takes 5s" if cached else "the live price"
            fail(f"'{expected}' ({why})", f"'{line.text}'",
                 "return CACHED_PRICES[item] when 2 seconds pass without an answer")
        if abs(line.t - at) > 1e-3:
            fail(f"'{expected}' at t={at:g}s", f"it was printed at t={line.t:g}s",
                 "each call may wait 2 seconds at most: 1s for the apple, then 2s for the melon, "
                 "then 0.5s for the cherry")


@check("only the melon prints 'no answer after 2s, using the cached price', at t=3s")
def announces_fallback(program):
    run = program.run()
    lines = run.find_lines(FALLBACK_MESSAGE)
    melon = [line for line in lines if "melon" in line.text]
    if not melon:
        fail("the line 'melon: no answer after 2s, using the cached price'",
             "no such line" if not lines else f"only '{lines[0].text}'",
             "print it in the `except TimeoutError:` branch, before returning the cached price")
    if abs(melon[0].t - 3.0) > 1e-3:
        fail("the melon's message at t=3s, 2 seconds after its fetch started",
             f"it was printed at t={melon[0].t:g}s",
             "print it as soon as the timeout fires, in the `except TimeoutError:` branch")
    others = [line for line in lines if "melon" not in line.text]
    if others:
        fail("the message only when the service is too slow", f"also '{others[0].text}'",
             "apple and cherry answer in time: print the message only when TimeoutError was raised")


@check("the slow fetch is stopped at its deadline, not left running in the background")
def slow_fetch_stopped(program):
    # asyncio.timeout and wait_for cancel the fetch at the deadline. A fetch
    # started as a task and never cancelled keeps running until asyncio.run()
    # cancels it when main() returns (t=3.5s), long after its deadline (t=3s).
    run = program.run()
    for task in run.tasks:
        if task.coro.split(".")[-1] != "fetch_price":
            continue
        deadline = task.created + LIMIT + 1e-3
        if task.ended is None or task.ended > deadline:
            ended = "was still running" if task.ended is None else f"ran until t={task.ended:g}s"
            fail(f"the fetch started at t={task.created:g}s to be cancelled at its deadline, "
                 f"t={task.created + LIMIT:g}s",
                 f"it {ended}, left running in the background after price_or_cached gave up on it",
                 "cancel it when the time is up: `asyncio.timeout(2)` and `asyncio.wait_for` do that for "
                 "you; with a task of your own, call `task.cancel()`")
