from awaitable.grading import check, fail

# filename -> (seconds the download takes, size in KB), in the order of FILES
FILES = {"photo.jpg": (3, 1536), "song.mp3": (2, 1024), "notes.txt": (1, 512)}
SLOWEST = max(seconds for seconds, _ in FILES.values())


def _at(line):
    return f"t={line.t:g}s"


def _expect_no_task_objects(run):
    """A task printed where its result belongs: the task was never awaited."""
    for line in run.output:
        if "<Task " in line.text:
            fail("each file's size, a number of KB",
                 f"a task object where the size belongs: '{line.text}'",
                 "a task is not its result: `await task` waits for the download and gives you its size")


@check("the program runs to the end without an error")
def runs(program):
    program.run().expect_no_error()


@check("each download runs in a task of its own, named after its file")
def named_tasks(program):
    run = program.run()
    names = [task.name for task in run.tasks if task.coro.split(".")[-1] == "download"]
    if not names:
        fail("three tasks running download(), one per file",
             "download() ran inside main() itself, never in a task of its own",
             "start each download with `asyncio.create_task(download(filename, seconds), name=filename)`")
    if sorted(names) != sorted(FILES):
        fail(f"tasks named {', '.join(FILES)}",
             f"tasks named {', '.join(names)}",
             "give each task its file's name: `asyncio.create_task(..., name=filename)`")


@check("main() announces 'started 3 downloads' at t=0s, without waiting for them")
def announces_at_once(program):
    run = program.run()
    line = run.expect_line(r"started 3 downloads", what="the line 'started 3 downloads'")
    if line.t > 1e-3:
        fail("'started 3 downloads' printed at t=0s, as soon as the three tasks exist",
             f"it was printed at {_at(line)}",
             "print it right after the loop that creates the tasks, before you await any of them: "
             "creating a task returns at once")


@check("the downloads overlap: notes.txt finishes at t=1s, song.mp3 at t=2s, photo.jpg at t=3s")
def overlap(program):
    run = program.run()
    run.expect_no_blocking_calls()
    for filename, (seconds, _) in FILES.items():
        if not run.find_lines(rf"finished {filename}"):
            cancelled = [task for task in run.cancelled_tasks() if task.coro.split(".")[-1] == "download"]
            if cancelled:
                fail(f"'finished {filename}' in the output",
                     f"the download was cancelled at t={cancelled[0].ended:g}s, before it finished: main() ended "
                     "without waiting for it, and asyncio.run() cancels the tasks left over",
                     "await every task before main() returns: `size = await task`")
        line = run.expect_line(rf"finished {filename}", what=f"the line 'finished {filename}'")
        if abs(line.t - seconds) > 1e-3:
            fail(f"{filename} to finish at t={seconds}s, since all three download at the same time",
                 f"it finished at {_at(line)}",
                 "start all three downloads as tasks before you await any of them: awaiting a "
                 "download, or a task right after creating it, waits for that file before the "
                 "next one starts")


@check("the sizes are printed in the order of FILES, at t=3s, once all three have arrived")
def sizes_in_order(program):
    run = program.run()
    _expect_no_task_objects(run)
    expected = [f"{filename}: {size} KB" for filename, (_, size) in FILES.items()]
    found = [run.expect_line(rf"^{text}$", what=f"the line '{text}'") for text in expected]
    printed = sorted(found, key=run.output.index)
    if printed != found:
        fail("the sizes in the order of FILES: " + ", ".join(FILES),
             "they came out in another order: " + ", ".join(line.text.split(":")[0] for line in printed),
             "loop over FILES (or over your tasks, created in that order) when you collect the results")
    late = [line for line in found if abs(line.t - SLOWEST) > 1e-3]
    if late:
        fail(f"the sizes printed at t={SLOWEST}s, when the slowest download is done",
             f"'{late[0].text}' was printed at {_at(late[0])}",
             "the three downloads should run together, so the last one ends at t=3s, not after 3 + 2 + 1 seconds")


@check("the total, 3072 KB, comes at t=3s and the program ends there")
def total(program):
    run = program.run()
    run.expect_line(r"^total: 3072 KB$", what="the line 'total: 3072 KB'", at=SLOWEST)
    run.expect_virtual_time(SLOWEST, what="the program")
