from awaitable.grading import check, fail

#: each file and how long its download takes, in the order main() lists them
DOWNLOADS = {"photo.jpg": 2, "song.mp3": 3, "video.mp4": 5}
TOGETHER = ("start all three before waiting for any: "
            "`await asyncio.gather(download(...), download(...), download(...))`")


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


@check("nothing freezes the event loop while a download waits")
def no_blocking(program):
    program.run().expect_no_blocking_calls()


@check("all three downloads start together, at t=0s")
def start_together(program):
    run = program.run()
    for name in DOWNLOADS:
        line = _line(run, f"start {name}")
        if line is None:
            fail(f'the line "start {name}" in the output', "it was never printed",
                 "main() must wait until the downloads are over: "
                 "`await asyncio.gather(...)` both starts them and waits for them")
        if line.t != 0:
            fail(f"{name} to start at t=0s, together with the other downloads",
                 f"it started at t={line.t:g}s, once the download before it had finished", TOGETHER)


@check("photo.jpg, song.mp3 and video.mp4 finish at t=2s, 3s and 5s")
def finish_times(program):
    run = program.run()
    for name, seconds in DOWNLOADS.items():
        line = _line(run, f"done {name}")
        if line is None:
            if _line(run, f"start {name}") is not None:
                fail(f'the line "done {name}" in the output',
                     f"{name} started but never finished: main() ended first, and when main() "
                     "returns, asyncio.run() cancels whatever is still running",
                     "make main() wait for the downloads: "
                     "`await asyncio.gather(download(...), download(...), download(...))`")
            fail(f'the line "done {name}" in the output', "it was never printed",
                 "keep download() as it is, and make main() wait until every download is over")
        if abs(line.t - seconds) > 1e-3:
            fail(f"{name}, a {seconds}s download started at t=0s, to finish at t={seconds}s",
                 f"it finished at t={line.t:g}s", TOGETHER)


@check("the whole job takes 5s, the longest download, instead of 10s, the sum of all three")
def total_is_the_longest(program):
    run = program.run()
    found = run.find_lines(r"^all done")
    if not found:
        fail('the last line, "all done in ...s"', "it was never printed",
             "keep the last print of main(), after the downloads")
    line = found[0]
    if abs(line.t - 5) > 1e-3:
        if line.t < 5:
            how = "before the downloads had finished"
        elif abs(line.t - 10) < 1e-3:
            how = "the sum of the three downloads, one after another"
        else:
            how = "later than the longest download"
        fail('"all done" at t=5s: three downloads that wait at the same time take as long as the longest one',
             f"it was printed at t={line.t:g}s, {how}", TOGETHER)
