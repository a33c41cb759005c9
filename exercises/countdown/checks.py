from awaitable.grading import check, fail

EXPECTED = [("3", 0.0), ("2", 1.0), ("1", 2.0), ("Liftoff!", 3.0)]


@check("the program runs to the end without an error")
def runs(program):
    program.run().expect_no_error()


@check("it prints 3, 2, 1, Liftoff! in that order")
def lines_in_order(program):
    lines = [line.strip() for line in program.run().lines]
    wanted = [text for text, _ in EXPECTED]
    if lines != wanted:
        fail(f"the lines {', '.join(wanted)}, one per line", f"{', '.join(lines) or 'no output'}",
             "print each number on its own line, then \"Liftoff!\"")


@check("one line per second: 3 at t=0s, 2 at t=1s, 1 at t=2s, Liftoff! at t=3s")
def one_per_second(program):
    run = program.run()
    run.expect_no_blocking_calls()
    for text, t in EXPECTED:
        run.expect_line(rf"^\s*{text}\s*$", what=f"the line {text!r}", at=t)
