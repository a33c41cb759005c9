from awaitable.grading import check, fail

SUPPLIERS = {"Acme": (3, 120), "Globex": (1, 150), "Initech": (2, 110), "Umbrella": (4, 130)}
ARRIVALS = sorted(SUPPLIERS, key=lambda supplier: SUPPLIERS[supplier][0])
LAST = max(seconds for seconds, _ in SUPPLIERS.values())
CHEAPEST = "cheapest: Initech at 110"


def _quote_lines(run):
    """The line with each supplier's quote, by supplier."""
    lines = {}
    for supplier in SUPPLIERS:
        found = run.find_lines(rf"^\d+\. {supplier}:")
        if not found:
            if run.error is not None:
                fail(f"a line quoting {supplier}",
                     f"the program stopped with {run.error['type']} before it",
                     "fix that error first: the first check shows it")
            fail(f"a line like '1. {supplier}: <price>'", f"no line quoting {supplier}",
                 "print each quote as `f\"{number}. {supplier}: {price}\"`")
        lines[supplier] = found[0]
    return lines


def _paired_lines(run):
    """Like ``_quote_lines``, but the timing and numbering of a quote only make
    sense once each supplier is printed with its own price."""
    lines = _quote_lines(run)
    for supplier, line in lines.items():
        if not line.text.endswith(f"{supplier}: {SUPPLIERS[supplier][1]}"):
            fail("each supplier printed with its own price, before timing and numbering can be checked",
                 f"'{line.text}'", "fix the pairing first: the check 'each supplier is quoted with its own "
                 "price' says how")
    return lines


@check("the program runs to the end without an error")
def runs(program):
    program.run().expect_no_error()


@check("each supplier is quoted with its own price")
def prices_match(program):
    run = program.run()
    for supplier, line in _quote_lines(run).items():
        price = SUPPLIERS[supplier][1]
        if not line.text.endswith(f"{supplier}: {price}"):
            fail(f"{supplier}'s own price, {price}", f"'{line.text}'",
                 "as_completed gives results in the order they finish, not in the order of SUPPLIERS, "
                 "so do not zip it with SUPPLIERS: take the supplier's name from the result, "
                 "`supplier, price = await next_quote`")


@check("each quote is printed the moment it arrives: Globex at t=1s, Initech at t=2s, Acme at t=3s, Umbrella at t=4s")
def printed_on_arrival(program):
    run = program.run()
    run.expect_no_blocking_calls()
    lines = _paired_lines(run)
    for supplier in ARRIVALS:
        seconds = SUPPLIERS[supplier][0]
        line = lines[supplier]
        if abs(line.t - seconds) < 1e-3:
            continue
        if all(abs(other.t - LAST) < 1e-3 for other in lines.values()):
            tip = ("gather waits for every quote before you see any; `for next_quote in "
                   "asyncio.as_completed(...)` hands you each one as soon as it arrives")
        elif line.t > seconds:
            tip = ("ask all four suppliers at once, then take the quotes as they finish with "
                   "asyncio.as_completed, instead of awaiting one supplier after another")
        else:
            tip = "print a quote only once it has arrived"
        fail(f"{supplier}'s quote printed at t={seconds}s, when it arrives", f"it was printed at t={line.t:g}s", tip)


@check("the quotes are numbered in the order they arrived: 1. Globex, 2. Initech, 3. Acme, 4. Umbrella")
def numbered(program):
    run = program.run()
    lines = _paired_lines(run)
    for number, supplier in enumerate(ARRIVALS, start=1):
        line = lines[supplier]
        if not line.text.startswith(f"{number}. "):
            fail(f"'{number}. {supplier}: {SUPPLIERS[supplier][1]}'", f"'{line.text}'",
                 "count the quotes as they arrive, starting at 1: "
                 "`for number, next_quote in enumerate(asyncio.as_completed(...), start=1):`")


@check("the cheapest quote, Initech at 110, is announced at t=4s, once all four are in")
def cheapest(program):
    run = program.run()
    line = run.expect_line(r"^cheapest:", what=f"the line '{CHEAPEST}'")
    if line.text.strip() != CHEAPEST:
        fail(f"'{CHEAPEST}'", f"'{line.text}'", "keep every quote in a list as it arrives, then take the lowest price")
    if abs(line.t - LAST) > 1e-3:
        fail(f"'{CHEAPEST}' at t={LAST}s, when the last quote is in", f"it was printed at t={line.t:g}s",
             "announce the cheapest after the loop over all four quotes")
    run.expect_virtual_time(LAST, what="the program")
