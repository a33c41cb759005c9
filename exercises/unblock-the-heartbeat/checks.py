from awaitable.grading import check, fail


def _line(run, text):
    """The first output line that is exactly ``text`` (spaces around it ignored), or None."""
    for line in run.output:
        if line.text.strip() == text:
            return line
    return None


@check("the program runs to the end without an error")
def runs(program):
    run = program.run()
    error = run.error
    # The sandbox's explanation of the error says what to do in full;
    # expect_no_error() would give only its title.
    if error is not None and error.get("explanation"):
        where = f" at line {error['line']}" if error.get("line") else ""
        fail("the program runs to the end without an error",
             f"{error['type']}{where}: {error['message']}", error["explanation"]["text"])
    run.expect_no_error()


@check("nothing freezes the event loop while the file is saved")
def no_blocking(program):
    program.run().expect_no_blocking_calls()


@check("the heartbeat keeps its rhythm: beat 1 to beat 5 at t=1s, 2s, 3s, 4s and 5s")
def heartbeat_on_time(program):
    run = program.run()
    for beat in range(1, 6):
        line = _line(run, f"beat {beat}")
        if line is None:
            fail(f'the line "beat {beat}" at t={beat}s', "it was never printed",
                 "leave heartbeat() as it is, and keep gather running both coroutines")
        if abs(line.t - beat) > 1e-3:
            late = line.t - beat
            fail(f'"beat {beat}" at t={beat}s', f"it came at t={line.t:g}s, {late:g}s late",
                 "while one coroutine blocks, no other can run: wait in save_file() with "
                 "`await asyncio.sleep(3)`, which lets the heartbeat go on")


@check('the file is saved at t=3s, while the heartbeat goes on')
def saved_on_time(program):
    run = program.run()
    for text, t in (("saving...", 0), ("saved", 3)):
        line = _line(run, text)
        if line is None:
            fail(f'the line "{text}" at t={t}s', "it was never printed",
                 "leave the prints of save_file() as they are")
        if abs(line.t - t) > 1e-3:
            if line.t < t:
                tip = "the save took no time at all: is the `await` missing in front of asyncio.sleep(3)?"
            else:
                tip = ("save_file() must start at once, alongside the heartbeat: keep "
                       "`await asyncio.gather(heartbeat(), save_file())` in main()")
            fail(f'"{text}" at t={t}s', f"it was printed at t={line.t:g}s", tip)
