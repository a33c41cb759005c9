from awaitable.grading import check, fail

LIMITS = [500, 1000, 1500, 2000]
RESULT = r"^(\d+) primes below (\d+)$"
STAND_IN = 2.0


def _count_primes(limit):
    return sum(1 for n in range(2, limit) if all(n % d for d in range(2, int(n ** 0.5) + 1)))


def _results(run):
    return [(int(line.text.split()[0]), int(line.text.split()[-1]), line.t)
            for line in run.find_lines(RESULT)]


def _jobs(run):
    return [thread for thread in run.result.trace.threads
            if thread.function.split(".")[-1] == "count_primes"]


def _peak(jobs):
    moments = sorted([(job.start, 1) for job in jobs] + [(job.end, -1) for job in jobs])
    peak = alive = 0
    for _, change in moments:
        alive += change
        peak = max(peak, alive)
    return peak


@check("the program runs to the end without an error")
def runs(program):
    program.run().expect_no_error()


@check("each count is right: 95, 168, 239 and 303 primes below 500, 1000, 1500 and 2000")
def counts_are_right(program):
    run = program.run()
    found = {limit: count for count, limit, _ in _results(run)}
    for limit in LIMITS:
        expected = _count_primes(limit)
        if found.get(limit) != expected:
            saw = (f'"{found[limit]} primes below {limit}"' if limit in found
                   else f"no line for {limit}")
            fail(f'the line "{expected} primes below {limit}"', saw,
                 "print each result as `f\"{result} primes below {limit}\"`, with the number "
                 "count_primes(limit) returned")


@check("count_primes() runs in worker processes, never on the event loop's thread")
def runs_in_processes(program):
    run = program.run()
    for call in run.blocking_calls:
        if call.task is None:
            continue
        if "shutdown" in call.call:
            fail("the event loop to keep running while the pool works",
                 f"`{call.call}` on line {call.line} held the event loop for {call.duration:g}s",
                 "leaving a `with ProcessPoolExecutor(...)` block shuts the pool down, which "
                 "waits for every job and blocks the event loop meanwhile; await the results "
                 "inside the block, then let it close")
        blocked = sum(each.duration for each in run.blocking_calls if each.task is not None)
        fail("count_primes() to run in worker processes",
             f"it ran on the event loop's thread: its stand-in `{call.call}` (line {call.line}) "
             f"froze every task, {blocked:g}s in all",
             "gather takes turns at each `await`, and a computation never awaits, so the four "
             "ran one after another; hand each one to a process pool with "
             "`await loop.run_in_executor(pool, count_primes, limit)`")
    jobs = _jobs(run)
    if not jobs:
        fail("count_primes() to run in worker processes", "count_primes never ran in an executor",
             "create `ProcessPoolExecutor(max_workers=2)` and run each call with "
             "`await loop.run_in_executor(pool, count_primes, limit)`")
    threads = [job for job in jobs if job.executor != "ProcessPoolExecutor"]
    if threads:
        fail("count_primes() to run in worker processes",
             f"it ran in threads ({threads[0].executor})",
             "on a real machine only one thread at a time runs Python code (the GIL), so threads "
             "do not speed up pure computation; use `ProcessPoolExecutor(max_workers=2)` with "
             "`loop.run_in_executor(pool, count_primes, limit)`")


@check("two worker processes share the work: two results at t=2s, two at t=4s")
def two_at_a_time(program):
    run = program.run()
    times = sorted(t for _, _, t in _results(run))
    jobs = _jobs(run)
    peak = _peak(jobs) if jobs and all(job.end is not None for job in jobs) else 0
    if peak > 2:
        fail("at most two computations at once (a pool of two processes)",
             f"{peak} ran at the same time",
             "create the pool with exactly two workers: `ProcessPoolExecutor(max_workers=2)`")
    expected = [STAND_IN, STAND_IN, 2 * STAND_IN, 2 * STAND_IN]
    if len(times) != 4 or any(abs(seen - want) > 1e-3 for seen, want in zip(times, expected)):
        shown = ("results at " + ", ".join(f"t={t:g}s" for t in times) if times
                 else 'no "... primes below ..." line')
        tip = ("start all four before awaiting any: gather the `run_in_executor(...)` calls, "
               "so both workers are busy from t=0s"
               if peak < 2 else "print each result as soon as its computation returns")
        fail("results at t=2s, t=2s, t=4s and t=4s", shown, tip)


@check("the program ends at t=4s, not t=8s, after printing \"all done\"")
def done_at_four(program):
    run = program.run()
    last = run.expect_line(r"^all done$", what='"all done"')
    if run.output[-1].text != "all done":
        fail('"all done" as the last line', f"it came before {run.output[-1].text!r}",
             "print it after every result is in: after the awaited gather")
    if abs(last.t - 2 * STAND_IN) > 1e-3:
        tip = ("four 2-second jobs on two workers take 4 seconds: keep both workers busy from the start"
               if last.t > 2 * STAND_IN else
               "more than two jobs ran at once: give the pool two workers, `max_workers=2`")
        fail('"all done" at t=4s', f"it was printed at t={last.t:g}s", tip)
    run.expect_virtual_time(2 * STAND_IN)
