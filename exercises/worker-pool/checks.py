import heapq
import re

from awaitable.grading import Submission, check, fail

JOBS = [3, 1, 4, 1, 5, 2, 2, 3]
WORKERS = 3
OTHER_POOLS = [([2, 2, 2, 2, 2], 2), ([2, 1], 4), ([1, 2, 3], 1)]

# Runs the learner's run_pool() and then reports the tasks it left running:
# cancelled tasks (cancelling() > 0) are on their way out and do not count.
HARNESS = '''

import asyncio as __awaitable_aio


async def __awaitable_pool(durations, workers):
    await run_pool(durations, workers)
    me = __awaitable_aio.current_task()
    running = [task for task in __awaitable_aio.all_tasks()
               if task is not me and not task.done() and not task.cancelling()]
    print(f"@@ tasks still running: {len(running)}")
'''


def expected_starts(durations, workers):
    """When each job starts if a free worker takes the next job at once."""
    free_at = [0.0] * workers
    starts = []
    for seconds in durations:
        start = heapq.heappop(free_at)
        starts.append(start)
        heapq.heappush(free_at, start + seconds)
    return starts


def events(run):
    """(t, 'starts' or 'done', job number) for each job line, in print order."""
    found = []
    for line in run.output:
        match = re.fullmatch(r"job (\d+) (starts|done)", line.text.strip())
        if match:
            found.append((line.t, match.group(2), int(match.group(1))))
    return found


def peak(found):
    running = most = 0
    for _, kind, _ in found:
        running += 1 if kind == "starts" else -1
        most = max(most, running)
    return most


def expect_finished(run, call):
    """The run ended by itself; a stuck pool is explained by what its tasks waited on."""
    if run.stopped is not None and run.stopped.kind == "deadlock":
        waits = "; ".join(f"{each['name']!r} waits on {each['waits_on']} (line {each['line']})"
                          for each in run.stopped.waiting)
        if "Queue.join()" in waits:
            tip = ("queue.join() returns once queue.task_done() has been called for every job: "
                   "call it in the worker after each job (a `finally:` is a good place)")
        else:
            tip = ("workers that loop on `await queue.get()` never end by themselves: after "
                   "`await queue.join()`, cancel them, or send one sentinel per worker")
        fail(f"{call} to finish", f"at t={run.virtual_time:g}s it was stuck: {waits}", tip)
    run.expect_no_error()


def pool_run(program, durations, workers):
    harnessed = Submission(program.source + HARNESS)
    return harnessed.call("__awaitable_pool", durations, workers)


def expect_jobs(run, durations, workers, call):
    """Every job ran once, in order, at most `workers` at once, each starting
    as soon as a worker was free."""
    expect_finished(run, call)
    found = events(run)
    started = [number for _, kind, number in found if kind == "starts"]
    done = sorted(number for _, kind, number in found if kind == "done")
    every = list(range(1, len(durations) + 1))
    if started != every or done != every:
        fail(f"{call} to start jobs {every[0]} to {every[-1]} in order and finish each once",
             f"jobs started in the order {started} and {len(done)} finished",
             "put every job in the queue in order, and let each worker take the next one with "
             "`await queue.get()`")
    most = peak(found)
    if most > workers:
        fail(f"{call} to run at most {workers} jobs at once", f"{most} jobs ran at the same time",
             f"start exactly `workers` worker tasks ({workers} here) and let only them run jobs")
    starts = [t for t, kind, _ in found if kind == "starts"]
    wanted = expected_starts(durations, workers)
    for number, (seen, expected) in enumerate(zip(starts, wanted), start=1):
        if abs(seen - expected) > 1e-3:
            if seen > expected and most == 1 and workers > 1:
                tip = ("the jobs ran one after another. Start `workers` worker tasks with "
                       "asyncio.create_task (or a TaskGroup), each taking jobs from a shared queue")
            elif seen > expected:
                tip = ("a worker should take the next job the moment it finishes one. Running the "
                       "jobs in batches makes a whole batch wait for its slowest job; a fixed set "
                       "of workers, each looping over `await queue.get()`, does not")
            else:
                tip = "a job started before a worker was free: are there more workers than asked?"
            fail(f"{call}: job {number} to start at t={expected:g}s, when a worker is first free",
                 f"it started at t={seen:g}s", tip)


@check("every job runs once, in order, with 3 jobs running at a time and never more")
def jobs_in_order(program):
    run = program.run()
    expect_finished(run, "the program")
    found = events(run)
    started = [number for _, kind, number in found if kind == "starts"]
    if started != list(range(1, len(JOBS) + 1)):
        fail("jobs 1 to 8 to start, in order", f"jobs started in the order {started}",
             "put every job in the queue in order, and let each worker take the next one with "
             "`await queue.get()`")
    most = peak(found)
    if most > WORKERS:
        fail("at most 3 jobs running at once", f"{most} jobs ran at the same time",
             "start 3 worker tasks and let only them run jobs; each runs one job at a time")
    if most < WORKERS:
        fail("3 jobs running at once while there are jobs waiting",
             f"never more than {most} at once",
             "start the workers with asyncio.create_task (or a TaskGroup) so that they run "
             "together, and do not await one before creating the next")


@check("a free worker takes the next job at once: all jobs are done at t=8s, not t=21s")
def finishes_on_time(program):
    run = program.run()
    expect_jobs(run, JOBS, WORKERS, "run_pool(JOBS, 3)")
    run.expect_line(r"^all jobs done$", what="`all jobs done`", at=8.0)


@check("run_pool works for other job lists and pool sizes too")
def other_pools(program):
    for durations, workers in OTHER_POOLS:
        call = f"run_pool({durations}, {workers})"
        run = pool_run(program, durations, workers)
        expect_jobs(run, durations, workers, call)
        finished = max(s + d for s, d in zip(expected_starts(durations, workers), durations))
        if abs(run.virtual_time - finished) > 1e-3:
            fail(f"{call} to return at t={finished:g}s, when its last job is done",
                 f"it returned at t={run.virtual_time:g}s",
                 "return as soon as the last job is done: no extra sleeps")


@check("when run_pool returns, none of its workers is left running")
def workers_stopped(program):
    for durations, workers in [(JOBS, WORKERS)] + OTHER_POOLS:
        run = pool_run(program, durations, workers)
        expect_finished(run, f"run_pool({durations}, {workers})")
        report = run.find_lines(r"^@@ tasks still running: \d+$")
        if not report:
            fail(f"run_pool({durations}, {workers}) to return", "it never returned",
                 "first make the checks above pass")
        left = int(report[0].text.split()[-1])
        if left:
            fail(f"run_pool({durations}, {workers}) to stop its workers before returning",
                 f"{left} task(s) were still waiting when it returned",
                 "a worker looping on `await queue.get()` never ends by itself. After "
                 "`await queue.join()`, cancel each worker task (or put one sentinel per worker "
                 "in the queue and wait for the workers to finish)")
