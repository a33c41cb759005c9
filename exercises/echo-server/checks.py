from awaitable.grading import Submission, check, fail

# Appended to the learner's program. The first probe talks to the learner's
# server with a client of its own; the second runs the learner's client
# against a server of its own that answers in capitals, so that replies
# cannot be mistaken for the messages sent.
PROBES = '''


async def __probe_server():
    import asyncio as __asyncio
    server = await __asyncio.start_server(handle_echo, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    report = {"replies": [], "stuck": None, "rest": None}
    reader, writer = await __asyncio.open_connection("127.0.0.1", port)
    try:
        for line in ["one\\n", "two words\\n", "three\\n"]:
            report["stuck"] = f"waiting for the reply to {line.strip()!r}"
            writer.write(line.encode())
            await writer.drain()
            async with __asyncio.timeout(1):
                report["replies"].append((await reader.readline()).decode())
        report["stuck"] = "waiting for the server to close after the client's end of stream"
        writer.write_eof()
        async with __asyncio.timeout(1):
            report["rest"] = (await reader.read()).decode()
        report["stuck"] = None
    except TimeoutError:
        pass
    writer.close()
    server.close()
    return report


async def __probe_client(messages):
    import asyncio as __asyncio
    import warnings as __warnings
    # A StreamWriter thrown away open closes itself with a ResourceWarning,
    # which Python hides by default: show it, so the check can tell.
    __warnings.simplefilter("always", ResourceWarning)
    seen = {"lines": [], "end_of_stream": False}

    async def capitals(reader, writer):
        while line := await reader.readline():
            seen["lines"].append(line.decode())
            writer.write(line.upper())
            await writer.drain()
        seen["end_of_stream"] = True
        writer.close()

    server = await __asyncio.start_server(capitals, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    try:
        async with __asyncio.timeout(5):
            replies = await echo_client(port, messages)
    except TimeoutError:
        replies = None
    await __asyncio.sleep(0.1)
    server.close()
    return {"replies": replies, "finished": replies is not None, **seen}
'''

SENT = ["one\n", "two words\n", "three\n"]
MESSAGES = ["one", "two words", "three"]


def _probe(program, name, *args):
    run = Submission(program.source.rstrip() + "\n" + PROBES).call(name, *args)
    return run


@check("the program runs to the end without an error")
def runs(program):
    program.run().expect_no_error()


@check("the server sends back each line, unchanged, as soon as it has read it")
def server_echoes(program):
    run = _probe(program, "__probe_server")
    if run.error is not None:
        fail("the server to answer a client", f"{run.error['type']}: {run.error['message']}",
             "read the traceback under Run's output")
    run.expect_no_blocking_calls()
    report = run.value
    replies = report["replies"]
    if replies != SENT[:len(replies)] or (report["stuck"] or "").startswith("waiting for the reply"):
        shown = ", ".join(repr(reply) for reply in replies) or "nothing"
        if replies and replies[-1] == "":
            shown = "no reply: the connection was closed"
            tip = "the server closed the connection before it answered: loop while `readline()` returns a line"
        elif report["stuck"]:
            tip = ("the server kept the line to itself: after `writer.write(line)`, `await writer.drain()`, "
                   "and answer each line as soon as it is read, not at the end")
        else:
            tip = "write back exactly the line you read, newline included"
        fail("'one\\n', 'two words\\n' and 'three\\n' back, each right after it was sent",
             f"{shown}" + (f", then no answer ({report['stuck']})" if report["stuck"] else ""), tip)


@check("the server closes the connection when the client's stream ends")
def server_closes(program):
    run = _probe(program, "__probe_server")
    if run.error is not None or run.value["replies"] != SENT:
        fail("the server to echo lines first", "it does not yet", "make the check above pass first")
    if run.value["rest"] is None:
        fail("the server to close once `readline()` returns b'' (the client is done)",
             "the connection stayed open for a second after the client's end of stream",
             "when `await reader.readline()` returns b'', leave the loop and `writer.close()`")


def _client_tip(value):
    if not value["lines"]:
        return ("connect with `reader, writer = await asyncio.open_connection(\"127.0.0.1\", port)`, then "
                "send each message as a line: `writer.write(message.encode() + b\"\\n\")`")
    return "send each message encoded, with a newline after it: `writer.write(message.encode() + b\"\\n\")`"


@check("the client sends each message as a line and returns the server's replies")
def client_replies(program):
    run = _probe(program, "__probe_client", MESSAGES)
    if run.error is not None:
        fail("echo_client to return a list of replies", f"{run.error['type']}: {run.error['message']}",
             "read the traceback under Run's output")
    value = run.value
    if value["lines"] != SENT:
        shown = ", ".join(repr(line) for line in value["lines"]) or "no complete line"
        fail("the lines 'one\\n', 'two words\\n', 'three\\n' at the server", shown, _client_tip(value))
    if not value["finished"]:
        fail("echo_client to finish against a server that closes when the client is done",
             "it was still waiting after 5 seconds",
             "read exactly one reply line per message; at the end, `writer.write_eof()`, then `await reader.read()`")
    if value["replies"] != ["ONE", "TWO WORDS", "THREE"]:
        fail("the server's replies, ['ONE', 'TWO WORDS', 'THREE'] from a server that answers in capitals",
             repr(value["replies"]),
             "return what `await reader.readline()` gives for each message, decoded, without its newline")


@check("the client closes its connection before it returns")
def client_closes(program):
    run = _probe(program, "__probe_client", MESSAGES)
    if run.error is not None or run.value["lines"] != SENT or not run.value["finished"]:
        fail("echo_client to work", "it does not yet", "make the check above pass first")
    unclosed = [warning for warning in run.result.warnings
                if warning.category == "ResourceWarning" and "unclosed <StreamWriter" in warning.message]
    if unclosed or not run.value["end_of_stream"]:
        fail("echo_client to close its connection", "the connection was left open"
             + (": Python closed it only when it threw the writer away" if unclosed else ""),
             "finish with `writer.close()` and `await writer.wait_closed()` (after `write_eof()` and "
             "`await reader.read()`)")


@check("main() prints echo: hello, echo: async, echo: world")
def main_output(program):
    run = program.run()
    lines = [line.strip() for line in run.lines if line.strip().startswith("echo:")]
    wanted = ["echo: hello", "echo: async", "echo: world"]
    if lines != wanted:
        fail(", ".join(repr(line) for line in wanted), ", ".join(repr(line) for line in lines) or "no echo lines",
             "main() prints what echo_client returns: make both ends work")
