from awaitable.grading import Submission, check, fail

# Appended to the learner's program: runs `ls -l FOLDER` itself for the
# expected answer, then the learner's list_files(FOLDER).
PROBE = '''


async def __probe_list(folder):
    import asyncio as __asyncio
    reference = await __asyncio.create_subprocess_exec(
        "ls", "-l", folder,
        stdout=__asyncio.subprocess.PIPE, stderr=__asyncio.subprocess.DEVNULL)
    expected, _ = await reference.communicate()
    got = await list_files(folder)
    return {"expected": (reference.returncode, expected.decode()), "got": got}
'''

INJECTION = "notes.txt; rm todo.txt"


def _probe(program, folder):
    run = Submission(program.source.rstrip() + "\n" + PROBE).call("__probe_list", folder)
    error = run.error
    if error is not None:
        if error["type"] == "FileNotFoundError":
            tip = ("create_subprocess_exec takes the program and each argument separately, "
                   "`(\"ls\", \"-l\", folder)`, not one string with spaces")
        elif error["type"] == "AttributeError" and "NoneType" in error["message"]:
            tip = ("communicate() gives None for a stream that has no pipe: start ls with "
                   "`stdout=asyncio.subprocess.PIPE`")
        else:
            tip = "a failing ls is not an error in Python: return its exit status instead of raising"
        fail(f"list_files({folder!r}) to return without an error",
             f"{error['type']}: {error['message']}", tip)
    return run


def _status_tip(got):
    if got is not None and got[0] is None:
        return ("returncode is None while the process runs: read it once the process has finished, "
                "after `await process.communicate()`")
    return "return ls's own exit status, `process.returncode`"


def _pair(value):
    """The learner's result as (status, text), or None if it is not that shape."""
    if isinstance(value, (tuple, list)) and len(value) == 2:
        return tuple(value)
    return None


@check("the program runs to the end without an error")
def runs(program):
    program.run().expect_no_error()


@check("list_files('.') returns ls's exit status 0 and the listing it printed, as text")
def captures_listing(program):
    run = _probe(program, ".")
    status, text = run.value["expected"]
    got = _pair(run.value["got"])
    if got is None:
        fail("a pair: (exit status, output text)", repr(run.value["got"]),
             "return both, in that order: `return process.returncode, output.decode()`")
    got_status, got_text = got
    if isinstance(got_text, bytes):
        fail("the output as text (str)", f"bytes: {got_text[:40]!r}...",
             "a pipe gives bytes; turn them into text with `output.decode()`")
    if got_text != text:
        if not got_text:
            tip = ("ls printed its listing straight to the screen, so list_files() never saw it: start ls with "
                   "`stdout=asyncio.subprocess.PIPE` and read it with `await process.communicate()`")
        else:
            tip = "return everything ls wrote to its standard output, unchanged"
        fail(f"the text ls printed, starting {text.splitlines()[0]!r}",
             repr(got_text[:60]) if got_text else "an empty string", tip)
    if got_status != status:
        fail(f"exit status {status}", repr(got_status),
             "return `process.returncode`, once the process has finished (after `communicate()`)")


@check("a missing folder gives ls's exit status 2, not an exception")
def missing_folder(program):
    run = _probe(program, "no-such-folder")
    got = _pair(run.value["got"])
    if got is None or got[0] != 2:
        fail("list_files('no-such-folder') to return exit status 2 as its first value",
             repr(run.value["got"]), _status_tip(got))


@check("a folder name such as 'notes.txt; rm todo.txt' reaches ls as one argument and deletes nothing")
def no_shell_injection(program):
    run = _probe(program, INJECTION)
    ran = [record.args for record in run.result.trace.processes]
    removed = [args for args in ran if args and args[0].rsplit("/", 1)[-1] == "rm"]
    if removed:
        fail("ls to get the name as one odd file name, and nothing else to run",
             f"a shell split the name at ';' and ran {' '.join(removed[0])!r}, which deleted a file",
             "don't build a shell command from data: `asyncio.create_subprocess_exec(\"ls\", \"-l\", folder, ...)` "
             "passes the name to ls as one argument")
    got = _pair(run.value["got"])
    expected_status = run.value["expected"][0]
    if got is None or got[0] != expected_status:
        fail(f"exit status {expected_status}: ls finds no file by that odd name",
             repr(run.value["got"]), _status_tip(got))


@check("main() prints the captured listing after `| `, then exit status 0 and exit status 2")
def main_output(program):
    run = program.run()
    if not run.find_lines(r"^\|\s+total\b"):
        fail("the listing printed by main(), each line after '| '",
             "no '| total ...' line",
             "main() prints what list_files() returns: capture ls's output so that there is something to print")
    statuses = [line.text.split(":", 1)[1].strip() for line in run.find_lines(r"^exit status:")]
    if statuses != ["0", "2"]:
        fail("'exit status: 0', then 'exit status: 2'", f"exit statuses {statuses}",
             "return ls's exit status, `process.returncode`, after the process has finished")
