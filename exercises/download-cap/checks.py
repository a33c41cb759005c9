import heapq
import re

from awaitable.grading import check, fail

FILES = [("jan.csv", 2), ("feb.csv", 1), ("mar.csv", 3), ("apr.csv", 2), ("may.csv", 1),
         ("jun.csv", 2), ("jul.csv", 3), ("aug.csv", 1), ("sep.csv", 2), ("oct.csv", 1)]
LIMIT = 3
OTHER_CALLS = [
    ([("a.txt", 1), ("b.txt", 3), ("c.txt", 1), ("d.txt", 1), ("e.txt", 1)], 2),
    ([("a.txt", 2), ("b.txt", 1), ("c.txt", 1)], 1),
    ([("a.txt", 1), ("b.txt", 1), ("c.txt", 1)], 5),
]


def expected_starts(files, limit):
    """When each download starts if it takes a slot the moment one is free."""
    free_at = [0.0] * limit
    starts = {}
    for name, seconds in files:
        start = heapq.heappop(free_at)
        starts[name] = start
        heapq.heappush(free_at, start + seconds)
    return starts


def events(run):
    """(t, 'start' or 'done', file name) for each download line, in print order."""
    found = []
    for line in run.output:
        match = re.fullmatch(r"(start|done) (\S+)", line.text.strip())
        if match:
            found.append((line.t, match.group(1), match.group(2)))
    return found


def true_peak(found):
    running = most = 0
    for _, kind, _ in found:
        running += 1 if kind == "start" else -1
        most = max(most, running)
    return most


def expect_downloads(run, files, limit, call):
    """Every file downloaded once, never more than `limit` at once, each
    starting as soon as a slot was free."""
    run.expect_no_error()
    found = events(run)
    names = sorted(name for name, _ in files)
    started = sorted(name for _, kind, name in found if kind == "start")
    done = sorted(name for _, kind, name in found if kind == "done")
    if started != names or done != names:
        fail(f"{call} to download each of its {len(files)} files once",
             f"{len(started)} downloads started and {len(done)} finished",
             "call download(name, seconds) once for every file")
    most = true_peak(found)
    if most > limit:
        fail(f"{call} to run at most {limit} downloads at once",
             f"{most} downloads ran at the same time",
             "create one `asyncio.Semaphore(limit)` in download_all, shared by every download, and run each download inside "
             "`async with` that semaphore. A semaphore created per download limits nothing")
    starts = {name: t for t, kind, name in found if kind == "start"}
    for name, expected in expected_starts(files, limit).items():
        seen = starts[name]
        if abs(seen - expected) > 1e-3:
            if seen > expected:
                tip = ("a download should start the moment a slot is free. Downloading in "
                       "batches makes each batch wait for its slowest file, and a Lock allows "
                       "only one at a time; an `asyncio.Semaphore(limit)` hands a freed slot "
                       "to the next download at once")
            else:
                tip = "a download started before a slot was free: is the semaphore shared?"
            fail(f"{call}: {name} to start at t={expected:g}s, when a slot is first free",
                 f"it started at t={seen:g}s", tip)


def expect_measured(run, value, limit, call):
    """``value``, what download_all returned, is the true peak."""
    most = true_peak(events(run))
    if value == most:
        return
    if value is None or not isinstance(value, int):
        fail(f"{call} to return the most downloads that ran at once ({most})",
             f"it returned {value!r}",
             "count the running downloads: add 1 when a download has its slot, subtract 1 when "
             "it ends, and remember the highest count; return that number")
    if value == limit:
        tip = ("return what you measured, not the limit: the limit is the most that may run "
               "at once, and with fewer files than slots fewer do. Count each download while it "
               "holds a slot and return the highest count")
    elif value > most:
        tip = ("count a download as running only once it holds a slot: increase the counter "
               "inside `async with semaphore:`, not before it")
    else:
        tip = ("increase the counter when a download starts and decrease it when it ends, "
               "and keep the highest value it reached")
    fail(f"{call} to return {most}: that many downloads ran at once",
         f"it returned {value}", tip)


@check("every file is downloaded once, and never more than 3 at a time")
def capped(program):
    run = program.run()
    run.expect_no_error()
    found = events(run)
    started = [name for _, kind, name in found if kind == "start"]
    if sorted(started) != sorted(name for name, _ in FILES):
        fail("each of the 10 files downloaded once", f"{len(started)} downloads started",
             "call download(name, seconds) once for every file")
    most = true_peak(found)
    if most > LIMIT:
        fail("at most 3 downloads running at once", f"{most} ran at the same time",
             "create one `asyncio.Semaphore(limit)` in download_all, shared by every download, and "
             "run each download inside `async with` that semaphore")


@check("a download starts as soon as a slot is free: all done at t=6s")
def on_time(program):
    run = program.run()
    expect_downloads(run, FILES, LIMIT, "download_all(FILES, 3)")
    run.expect_line(r"^all downloaded", what="the `all downloaded` line", at=6.0)


@check("download_all measures the cap it kept: the program prints `most at once: 3`")
def proves_cap(program):
    run = program.run()
    run.expect_no_error()
    line = run.expect_line(r"most at once: ", what="the `most at once: N` line")
    printed = line.text.rsplit(":", 1)[-1].strip()
    value = int(printed) if printed.lstrip("-").isdigit() else None
    if value is None:
        fail("`most at once: 3`", f"`{line.text}`",
             "return the number you measured from download_all; main() prints it")
    expect_measured(run, value, LIMIT, "download_all(FILES, 3)")
    if value != LIMIT:
        fail("`most at once: 3`", f"`most at once: {value}`",
             "your count is right, so the cap is what needs fixing: see the first check")


@check("download_all keeps other limits and measures them too")
def other_limits(program):
    for files, limit in OTHER_CALLS:
        call = f"download_all({files}, {limit})"
        run = program.call("download_all", files, limit)
        if run.stopped is not None:
            fail(f"{call} to finish", f"it never returned: {run.stopped.message}",
                 "make sure every acquire has its release: use `async with semaphore:`")
        expect_downloads(run, files, limit, call)
        expect_measured(run, run.value, limit, call)
