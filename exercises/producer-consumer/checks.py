from awaitable.grading import check, fail

PACKED_AT = [2.5, 4.0, 5.5, 7.0, 8.5]


def describe_waits(run):
    """What the stuck tasks waited on, as the sandbox saw them."""
    waits = [f"task {each['name']!r} waits on {each['waits_on']} (line {each['line']})"
             for each in run.stopped.waiting]
    return "; ".join(waits) or run.stopped.message


def packed_numbers(run):
    return [int(line.text.split()[-1]) for line in run.find_lines(r"packed order \d+$")]


@check("the program ends by itself once the last order is packed")
def ends(program):
    run = program.run()
    if run.stopped is not None and run.stopped.kind == "deadlock":
        waits = describe_waits(run)
        if "Queue.join()" in waits:
            tip = ("queue.join() waits until queue.task_done() has been called once for every item: "
                   "call queue.task_done() in the packer after handling each order")
        else:
            tip = ("a `while True` loop around `await queue.get()` waits for the next order forever. "
                   "When the last order is taken, put a sentinel such as None in the queue and "
                   "`break` when the packer gets it (or wait with `await queue.join()`, then cancel the packer)")
        fail("the program to end after packing order 5",
             f"at t={run.virtual_time:g}s it was stuck: {waits}", tip)
    run.expect_no_error()


@check("all five orders are packed, in the order they were taken")
def all_packed(program):
    run = program.run()
    packed = packed_numbers(run)
    if packed == [1, 2, 3, 4, 5]:
        return
    missing = [number for number in range(1, 6) if number not in packed]
    if missing:
        saw = "no order was packed" if not packed else (
            f"packed orders {packed}; order {missing[0]} was never packed")
        fail("lines `packed order 1` to `packed order 5`", saw,
             "the packer stopped, or was stopped, while orders were still coming. `queue.empty()` is "
             "also true when the next order simply has not arrived yet, and cancelling the packer "
             "throws away the order it is working on: stop it with a sentinel put after the last "
             "order, or cancel it only after `await queue.join()` returns")
    fail("the orders packed once each, in order 1 to 5", f"packed orders {packed}",
         "take orders out with `await queue.get()`, which hands them over first in, first out")


@check("packing overlaps ordering: the orders are packed at t=2.5, 4, 5.5, 7 and 8.5s")
def packing_overlaps(program):
    run = program.run()
    times = [line.t for line in run.find_lines(r"packed order \d+$")]
    if len(times) < 5:
        fail("five `packed order N` lines", f"{len(times)} of them",
             "first make every order get packed (the check above)")
    if all(abs(seen - expected) < 1e-3 for seen, expected in zip(times, PACKED_AT)):
        return
    saw = ", ".join(f"{t:g}" for t in times)
    if times[0] > PACKED_AT[0] + 1e-3:
        tip = ("order 1 is taken at t=1s and packing takes 1.5s, so it can be packed at t=2.5s: run "
               "the order taker and the packer at the same time (asyncio.gather or create_task) "
               "instead of one after the other")
    else:
        tip = ("the packer should take the next order as soon as it finishes one: one "
               "`await asyncio.sleep(1.5)` per order, and no other waits")
    fail("orders packed at t=2.5, 4, 5.5, 7 and 8.5s", f"packed at t={saw}s", tip)


@check("`all done` is printed at t=8.5s, as soon as the last order is packed, and the program ends")
def done_on_time(program):
    run = program.run()
    done = run.find_lines(r"^all done$")
    if not done:
        if run.stopped is not None:
            fail("`all done` printed after the last order", "the program never got that far",
                 "first make the program end by itself (the first check)")
        fail("a line `all done` after the last order", "no `all done` line",
             "keep the `print(\"all done\")` at the end of main()")
    line = done[0]
    if abs(line.t - 8.5) > 1e-3:
        packed_last = run.find_lines(r"packed order 5$")
        if line.t < 8.5:
            tip = ("main() finished before the packing did: wait for the packer (gather it, await "
                   "its task, or `await queue.join()`) before printing")
        elif not packed_last or packed_last[0].t > 8.5 + 1e-3:
            tip = "the packing itself ends late: make it overlap the ordering first (the check above)"
        else:
            tip = ("the packer noticed late that no more orders were coming. A timeout or a polling "
                   "sleep guesses and costs time; a sentinel after the last order, or "
                   "`await queue.join()` followed by cancel(), says so exactly")
        fail("`all done` at t=8.5s", f"it was printed at t={line.t:g}s", tip)
    run.expect_virtual_time(8.5, what="the program")
