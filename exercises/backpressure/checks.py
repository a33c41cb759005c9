import re

from awaitable.grading import check, fail

CHUNKS = 8
QUEUED_AT = [0.25, 0.5, 0.75, 1.25, 2.25, 3.25, 4.25, 5.25]


def chunk_lines(run, verb):
    return [(line.t, int(line.text.split()[-1]))
            for line in run.find_lines(rf"^{verb} chunk \d+$")]


def finished(program):
    """The program's run, once it ran to the end (the first check explains when it did not)."""
    run = program.run()
    if run.error is not None or run.stopped is not None:
        fail("the program to run to the end", "it stopped early (see the first check)",
             "fix what the first check reports, then try again")
    return run


def most_waiting(run):
    """The most chunks queued but not yet taken by the uploader, and when."""
    waiting = most = 0
    when = 0.0
    for line in run.output:
        if re.fullmatch(r"queued chunk \d+", line.text.strip()):
            waiting += 1
        elif re.fullmatch(r"uploading chunk \d+", line.text.strip()):
            waiting -= 1
        if waiting > most:
            most, when = waiting, line.t
    return most, when


@check("the program runs to the end without an error")
def runs(program):
    run = program.run()
    error = run.error
    if error is not None and error["type"] == "QueueFull":
        fail("the reader to wait when the queue is full",
             f"QueueFull at line {error['line']}: put_nowait() found the queue full",
             "`queue.put_nowait(item)` never waits: on a full queue it raises QueueFull. "
             "`await queue.put(item)` waits until the uploader makes room. The sentinel needs "
             "`await queue.put(None)` too")
    run.expect_no_error()


@check("all 8 chunks are uploaded, in order")
def all_uploaded(program):
    run = finished(program)
    uploaded = [number for _, number in chunk_lines(run, "uploaded")]
    if uploaded != list(range(1, CHUNKS + 1)):
        missing = [number for number in range(1, CHUNKS + 1) if number not in uploaded]
        saw = f"uploaded chunks {uploaded}" + (f"; chunk {missing[0]} never was" if missing else "")
        fail("`uploaded chunk 1` to `uploaded chunk 8`, in order", saw,
             "every chunk must get through: when the queue is full, wait for room with "
             "`await queue.put(chunk)` instead of skipping the chunk")


@check("never more than 2 chunks wait in the queue")
def bounded(program):
    run = finished(program)
    most, when = most_waiting(run)
    if most > 2:
        fail("at most 2 chunks queued and not yet being uploaded",
             f"{most} chunks were waiting at t={when:g}s",
             "give the queue a size limit: `asyncio.Queue(maxsize=2)`. Then `await queue.put(...)` "
             "holds the reader back until the uploader takes a chunk out")


@check("the reader waits only until there is room: chunks are queued at t=0.25, 0.5, 0.75, 1.25, 2.25s...")
def paced(program):
    run = finished(program)
    queued = chunk_lines(run, "queued")
    numbers = [number for _, number in queued]
    if numbers != list(range(1, CHUNKS + 1)):
        missing = [number for number in range(1, CHUNKS + 1) if number not in numbers]
        tip = ("first get every chunk into the queue (the check above)" if missing else
               "keep the `print(f\"queued {chunk}\")` right after the chunk goes into the queue")
        fail("`queued chunk 1` to `queued chunk 8`, in order", f"queued chunks {numbers}", tip)
    for (seen, number), expected in zip(queued, QUEUED_AT):
        if abs(seen - expected) > 1e-3:
            if seen > expected:
                tip = ("the reader waited longer than it had to. With `asyncio.Queue(maxsize=2)`, "
                       "`await queue.put(chunk)` returns the moment the uploader takes a chunk "
                       "out; a smaller queue, or a loop that sleeps while `queue.full()`, makes it "
                       "wait longer")
            else:
                tip = "the reader did not wait for room in the queue: see the check above"
            fail(f"chunk {number} queued at t={expected:g}s", f"it was queued at t={seen:g}s", tip)


@check("backpressure costs no time: `upload complete` at t=8.25s, as without a limit")
def on_time(program):
    run = finished(program)
    run.expect_line(r"^upload complete$", what="`upload complete`", at=8.25)
    run.expect_virtual_time(8.25)
