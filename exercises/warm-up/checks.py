from awaitable.grading import check, fail

GREETING = r"hello"


@check("the program runs to the end without an error")
def runs(program):
    program.run().expect_no_error()


@check("asyncio.run(main()) starts the program")
def started_by_asyncio_run(program):
    if not program.calls_to("asyncio.run"):
        fail("the program to start with `asyncio.run(main())`",
             "no call to asyncio.run",
             "keep the last line, `asyncio.run(main())`: it creates the event loop, runs main() and closes the loop")
    run = program.run()
    if not any(task.coro.endswith("main") and task.parent is None for task in run.tasks):
        fail("main() to run as the program's first task", "main() never ran",
             "pass the coroutine to asyncio.run: `asyncio.run(main())`, with the parentheses after main")


@check("the greeting is printed")
def greets(program):
    program.run().expect_line(GREETING, what='a line saying "Hello, asyncio!"')


@check("the greeting appears at t=1s, after an awaited one-second sleep")
def greets_after_one_second(program):
    run = program.run()
    run.expect_no_blocking_calls()
    run.expect_line(GREETING, what="the greeting", at=1.0)
