import re
from dataclasses import dataclass, field

from awaitable.grading import check, fail

BARISTAS = 2
CLOSING_TIME = 20.0
ARRIVAL_GAP = (1.0, 3.0)
BREW_TIME = (1.0, 5.0)
#: the days every check looks at: the program run with each of these seeds
SEEDS = (0, 1, 2)
EPSILON = 1e-6

ARRIVES = re.compile(r"^customer (\d+) arrives$")
BREWING = re.compile(r"^brewing for customer (\d+)$")
SERVED = re.compile(r"^customer (\d+) gets their coffee$")
DOORS = re.compile(r"^doors close$")
SUMMARY = re.compile(r"^day over: (\d+) served, average wait (\d+(?:\.\d+)?)s, "
                     r"longest wait (\d+(?:\.\d+)?)s$")
SUMMARY_FORMAT = "day over: N served, average wait X.Xs, longest wait Y.Ys"


@dataclass
class Customer:
    number: int
    arrived: float
    started: float | None = None
    served: float | None = None
    #: position of the "gets their coffee" line in the output
    served_index: int | None = None

    @property
    def brew(self):
        return self.served - self.started

    @property
    def done(self):
        return self.started is not None and self.served is not None


@dataclass
class Day:
    seed: int
    run: object
    customers: dict = field(default_factory=dict)
    doors: list = field(default_factory=list)
    summary: object = None
    summary_index: int | None = None
    problems: list = field(default_factory=list)

    def __str__(self):
        return f"the day random.seed({self.seed}) gives"

    @property
    def in_order(self):
        return [self.customers[number] for number in sorted(self.customers)]

    @property
    def unserved(self):
        return [customer for customer in self.in_order if customer.served is None]

    def brewing_spans(self):
        """(start, end) of every coffee started; one never finished brews
        until the program ended."""
        return [(customer.started,
                 customer.served if customer.served is not None else self.run.virtual_time)
                for customer in self.in_order if customer.started is not None]

    def served_prefix(self):
        """The customers, in arrival order, up to the first one not served:
        first come, first served, their coffees depend only on each other."""
        prefix = []
        for customer in sorted(self.in_order, key=lambda each: (each.arrived, each.number)):
            if not customer.done:
                break
            prefix.append(customer)
        return prefix


def _read_day(run, seed):
    """The day as the program's output tells it; ``problems`` lists lines
    that do not fit (a coffee for a customer who never arrived...)."""
    day = Day(seed, run)
    for index, line in enumerate(run.output):
        text = line.text
        if match := ARRIVES.match(text):
            number = int(match.group(1))
            if number in day.customers:
                day.problems.append(f"customer {number} arrives twice")
            else:
                day.customers[number] = Customer(number, line.t)
        elif match := BREWING.match(text) or SERVED.match(text):
            number = int(match.group(1))
            customer = day.customers.get(number)
            starting = text.startswith("brewing")
            what = "brewing starts" if starting else "a coffee is served"
            if customer is None:
                day.problems.append(f"{what} for customer {number}, who never arrived")
            elif starting and customer.started is not None:
                day.problems.append(f"a second coffee is brewed for customer {number}")
            elif not starting and customer.served is not None:
                day.problems.append(f"customer {number} gets a second coffee")
            elif not starting and customer.started is None:
                day.problems.append(f"customer {number} gets a coffee that was never brewed")
            elif starting:
                customer.started = line.t
            else:
                customer.served = line.t
                customer.served_index = index
        elif DOORS.match(text):
            day.doors.append(line.t)
        elif SUMMARY.match(text):
            day.summary = line
            day.summary_index = index
    return day


def _days(program):
    """The three seeded days, each run to the end without an error."""
    days = []
    for seed in SEEDS:
        run = program.run(seed=seed)
        run.expect_no_error()
        days.append(_read_day(run, seed))
    return days


def _checked_days(program):
    """The days, after checking that their lines tell a consistent story."""
    days = _days(program)
    for day in days:
        if day.problems:
            fail("one coffee per customer, brewed after they arrive",
                 f"on {day}, {day.problems[0]}",
                 "print the three lines of a customer in order: arrives, brewing for, gets their coffee")
    return days


def _peak(spans):
    """The most coffees brewing at once, and when, from (start, end) pairs."""
    moments = []
    for start, end in spans:
        moments.append((start, 1))
        moments.append((end, -1))
    peak = alive = 0
    when = None
    # Ends sort before starts at the same time: a coffee served at t=5 and
    # one started at t=5 did not overlap.
    for t, change in sorted(moments):
        alive += change
        if alive > peak:
            peak, when = alive, t
    return peak, when


def _expected_starts(customers):
    """When each coffee starts if the customers are served first come, first
    served, by BARISTAS baristas who never sit idle while someone waits."""
    free_at = [0.0] * BARISTAS
    starts = {}
    for customer in sorted(customers, key=lambda each: (each.arrived, each.number)):
        barista = min(range(BARISTAS), key=lambda index: free_at[index])
        start = max(customer.arrived, free_at[barista])
        starts[customer.number] = start
        free_at[barista] = start + customer.brew
    return starts


def _replay(day):
    return (f"to replay {day}, put `random.seed({day.seed})` after `import random` for a "
            "moment (and take it out again)")


@check("the program runs to the end without an error, on three different days (random seeds 0, 1 and 2)")
def runs(program):
    for day in _days(program):
        day.run.expect_no_blocking_calls()
        if day.run.stopped is not None:
            fail("the day to end by itself", f"on {day}, the sandbox stopped the program: "
                 f"{day.run.stopped.message}",
                 "after the doors close, wait only for the customers inside, then end")


@check("arrivals and brewing times come from random: different seeds give different days")
def days_differ(program):
    days = _days(program)
    arrivals = {tuple(customer.arrived for customer in day.in_order) for day in days}
    brews = {tuple(customer.served for customer in day.in_order) for day in days}
    if len(arrivals) == 1 and len(brews) == 1:
        fail("three different days for random seeds 0, 1 and 2",
             "the same customers at the same times every day",
             "draw each gap between customers with `random.randint(1, 3)` and each brewing "
             "time with `random.randint(1, 5)`, and don't call random.seed yourself: the course "
             "seeds it for each run")


@check("customers arrive 1 to 3 s apart, numbered from 1, until the doors close at t=20s")
def arrivals(program):
    for day in _days(program):
        customers = day.in_order
        if not customers:
            fail("customers to arrive", f"on {day}, no \"customer N arrives\" line",
                 "keep printing `customer N arrives` as each customer comes in")
        numbers = [customer.number for customer in customers]
        if numbers != list(range(1, len(numbers) + 1)):
            fail("customers numbered 1, 2, 3, ... in the order they arrive",
                 f"on {day}, the numbers were {numbers}", "count the customers as they come in")
        previous = 0.0
        for customer in customers:
            gap = customer.arrived - previous
            if not ARRIVAL_GAP[0] - EPSILON <= gap <= ARRIVAL_GAP[1] + EPSILON:
                since = "opening" if previous == 0 else f"customer {customer.number - 1}"
                fail("1 to 3 seconds between one arrival and the next (and from opening to "
                     "the first)",
                     f"on {day}, customer {customer.number} arrived at t={customer.arrived:g}s, "
                     f"{gap:g}s after {since}",
                     "the next customer should come in 1 to 3 s after the previous one, "
                     "whatever is brewing: arrivals are a task of their own, and nothing else "
                     "waits in that loop")
            previous = customer.arrived
        last = customers[-1]
        if last.arrived >= CLOSING_TIME - EPSILON:
            fail("nobody to come in at or after t=20s, when the doors close",
                 f"on {day}, customer {last.number} arrived at t={last.arrived:g}s",
                 "stop the arrivals at closing time: `async with asyncio.timeout(CLOSING_TIME)` "
                 "around the arrivals loop does it")
        if last.arrived < CLOSING_TIME - ARRIVAL_GAP[1] - EPSILON:
            fail("customers to keep coming until closing time",
                 f"on {day}, the last customer arrived at t={last.arrived:g}s, though one more "
                 "could have come before t=20s",
                 "keep the arrivals going until the doors close at t=20s")
        if len(day.doors) != 1 or abs(day.doors[0] - CLOSING_TIME) > 1e-3:
            seen = (", ".join(f"t={t:g}s" for t in day.doors) if day.doors
                    else "no \"doors close\" line")
            fail('"doors close" printed once, at t=20s', f"on {day}: {seen}",
                 "print it at closing time exactly, even while coffees are still brewing: "
                 "don't sleep past t=20s waiting for a customer who will not come")


@check("every customer who comes in gets one coffee, brewed in 1 to 5 s")
def one_coffee_each(program):
    for day in _checked_days(program):
        if day.unserved:
            first = day.unserved[0]
            state = "was never brewed" if first.started is None else "was never served"
            fail("every customer who came in to get a coffee",
                 f"on {day}, customer {first.number} (arrived at t={first.arrived:g}s): "
                 f"their coffee {state}",
                 "wait for every customer's task before the day ends: create them in an "
                 "asyncio.TaskGroup, or gather them, after the doors close")
        for customer in day.in_order:
            if customer.started < customer.arrived - EPSILON:
                fail("brewing to start after the customer arrives",
                     f"on {day}, customer {customer.number} arrived at t={customer.arrived:g}s "
                     f"but brewing started at t={customer.started:g}s",
                     "start brewing only once a customer has come in")
            if not BREW_TIME[0] - EPSILON <= customer.brew <= BREW_TIME[1] + EPSILON:
                fail("each coffee to take 1 to 5 s, from \"brewing for\" to \"gets their coffee\"",
                     f"on {day}, customer {customer.number}'s coffee took {customer.brew:g}s "
                     f"(t={customer.started:g}s to t={customer.served:g}s)",
                     "print \"brewing for\" when a barista starts, and \"gets their coffee\" "
                     "after `await asyncio.sleep(brewing_time)`")


@check("orders overlap: customers come in while coffees brew, and both baristas work at once when customers wait")
def orders_overlap(program):
    days = _checked_days(program)
    arrivals_while_brewing = sum(
        1 for day in days for customer in day.in_order for start, end in day.brewing_spans()
        if start < customer.arrived < end)
    if not arrivals_while_brewing:
        fail("customers to come in and order while other coffees are brewing",
             "on every day, nobody came in while a coffee was brewing: one customer at a time",
             "serve each customer in a task of their own (`asyncio.create_task` or a TaskGroup), "
             "so that the arrivals go on while coffees brew")
    for day in days:
        customers = day.served_prefix()
        # What a first-come, first-served shop with two baristas would reach
        # with these arrivals and brewing times.
        starts = _expected_starts(customers)
        possible, _ = _peak([(starts[each.number], starts[each.number] + each.brew)
                             for each in customers])
        peak, _ = _peak(day.brewing_spans())
        if possible >= 2 and peak < 2:
            fail("two coffees brewing at the same time while customers wait",
                 f"on {day}, never more than one at a time",
                 "let both baristas work: a shared `asyncio.Semaphore(BARISTAS)` admits two "
                 "customers' coffees at once (a Lock admits only one); " + _replay(day))


@check("never more than 2 coffees brew at once: there are only 2 baristas")
def barista_limit(program):
    for day in _checked_days(program):
        peak, when = _peak(day.brewing_spans())
        if peak > BARISTAS:
            fail(f"at most {BARISTAS} coffees brewing at once",
                 f"on {day}, {peak} were brewing at t={when:g}s",
                 "make every customer wait for a free barista: one shared "
                 "`asyncio.Semaphore(BARISTAS)`, held with `async with` for the whole brew")


@check("no customer waits while a barista is free, and customers are served in the order they came in")
def first_come_first_served(program):
    for day in _checked_days(program):
        customers = day.served_prefix()
        expected = _expected_starts(customers)
        for customer in customers:
            want = expected[customer.number]
            if abs(customer.started - want) > 1e-3:
                if customer.started > want:
                    why = (f"a barista was free for them from t={want:g}s"
                           if want > customer.arrived else "a barista was free when they came in")
                    tip = ("let the next waiting customer take a barista the moment one is free: "
                           "a shared Semaphore (or a queue of orders with one worker per barista) "
                           "does this in arrival order")
                else:
                    why = f"first come, first served, their turn was at t={want:g}s"
                    tip = ("serve customers in the order they arrive, each holding a barista for "
                           "the whole brew")
                fail("each coffee to start as soon as a barista is free for that customer",
                     f"on {day}, customer {customer.number} arrived at t={customer.arrived:g}s "
                     f"and brewing started at t={customer.started:g}s, but {why}",
                     tip + "; " + _replay(day))


@check("the day ends once the doors are closed and every customer has their coffee, with the summary last")
def day_ends(program):
    for day in _checked_days(program):
        run = day.run
        if day.summary is None:
            fail(f'a last line "{SUMMARY_FORMAT}"', f"on {day}, no such line",
                 'print it with f"day over: {served} served, average wait {average:.1f}s, '
                 'longest wait {longest:.1f}s"')
        if day.unserved:
            first = day.unserved[0]
            fail("the summary once every customer has their coffee",
                 f"on {day}, it came at t={day.summary.t:g}s, while customer {first.number} "
                 "was still waiting for their coffee",
                 "after the doors close, wait for the customers still inside (a TaskGroup around "
                 "the arrivals, or gather), then print the summary")
        last_coffee = max((customer.served for customer in day.in_order), default=0.0)
        end = max(CLOSING_TIME, last_coffee)
        if run.output[-1] is not day.summary:
            fail("the summary as the last line", f"on {day}, {run.output[-1].text!r} came after it",
                 "print the summary once everything else is done")
        if abs(day.summary.t - end) > 1e-3:
            when = ("the last coffee was served" if last_coffee > CLOSING_TIME
                    else "the doors closed, with every coffee already served")
            fail(f"the summary at t={end:g}s, when {when}",
                 f"on {day}, it was printed at t={day.summary.t:g}s",
                 "after the doors close, wait for the customers still inside (and no longer), "
                 "then print the summary")
        run.expect_virtual_time(end, what=f"the program, on {day},")


@check("the summary's numbers match the day: customers served, average and longest wait")
def summary_numbers(program):
    for day in _checked_days(program):
        if day.summary is None:
            fail(f'a summary line "{SUMMARY_FORMAT}"', f"on {day}, no such line",
                 "print the summary when the day is over")
        served, average, longest = SUMMARY.match(day.summary.text).groups()
        # The coffees served before the summary was printed.
        waits = [customer.served - customer.arrived for customer in day.in_order
                 if customer.served is not None and customer.served_index < day.summary_index]
        want_average = sum(waits) / len(waits) if waits else 0.0
        want_longest = max(waits, default=0.0)
        tip = ("a customer's wait runs from the moment they arrive to the moment they get their "
               "coffee; record both times (`loop.time()`) for every customer")
        if int(served) != len(waits):
            fail(f"{len(waits)} served", f"on {day}, the summary says {served}",
                 "count every customer who got a coffee")
        if abs(float(average) - want_average) > 0.051:
            fail(f"average wait {want_average:.1f}s", f"on {day}, the summary says {average}s", tip)
        if abs(float(longest) - want_longest) > 0.051:
            fail(f"longest wait {want_longest:.1f}s", f"on {day}, the summary says {longest}s", tip)
