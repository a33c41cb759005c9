"""Plain-language explanations of the usual asyncio mistakes.

The catalogue is two lists of small explainers. Each recognises one mistake
from what a run left behind (the exception, the syntax tree of the source,
the warnings shown, the task trace, and why the sandbox stopped the program)
and returns an ``Explanation``: what happened, why, and what to try, in our
own words and naming the learner's line.

Error messages differ between CPython 3.11 and 3.14 (Pyodide), so explainers
match them by exception type and a tolerant pattern, and read the syntax tree
at the failing line for the rest.
"""

import ast
import asyncio
import inspect
import os
import re
import warnings
from dataclasses import dataclass

from .errors import leaf_exceptions, learner_line_of

__all__ = ["Explanation", "explain_error", "attach_explanations"]


@dataclass(frozen=True)
class Explanation:
    """One mistake, explained."""

    #: stable identifier that checks and the UI test for, e.g. ``never-awaited``
    id: str
    #: one line of plain text
    title: str
    #: what happened, why and what to try, in Markdown
    text: str
    #: the learner's line it is about, if known
    line: int | None = None

    def to_json(self):
        return {"id": self.id, "title": self.title, "text": self.text, "line": self.line}


def explain_error(result, source, error):
    """The explanation of ``error``, the exception the program of ``result``
    ended with (or the SyntaxError that kept it from starting), or None.

    Call it as soon as the error is caught: the explanation is plain data,
    so the exception and the frames it holds can go (and the warnings of
    what they kept alive appear during the run, as in CPython).
    """
    evidence = _Evidence(result, source)
    # A TaskGroup's ExceptionGroup is explained by its first sub-exception
    # that a specific explainer recognises, and only otherwise as a group.
    failures = [_Failure(error, evidence.filename)]
    if isinstance(error, BaseExceptionGroup):
        failures += [_Failure(leaf, evidence.filename) for leaf in leaf_exceptions(error)]
    for explainer in _ERROR_EXPLAINERS:
        for failure in failures:
            explanation = explainer(evidence, failure)
            if explanation is not None:
                return explanation
    return None


def attach_explanations(result, source, about_error=None):
    """Explain the mistakes a finished run shows.

    ``about_error`` is what ``explain_error`` said of the run's error. Sets
    ``result.explanations`` to every explanation found, that one first, and
    when the run has an error, ``result.error["explanation"]`` to its JSON
    (or None).
    """
    evidence = _Evidence(result, source)
    evidence.about_error = about_error
    found = [about_error] if about_error is not None else []
    for explainer in _RUN_EXPLAINERS:
        explanation = explainer(evidence)
        # One explanation per mistake and per line: on the error's line,
        # the error's explanation says it best.
        if explanation is not None and all(
                each.id != explanation.id and (each.line is None or each.line != explanation.line)
                for each in found):
            found.append(explanation)
    result.explanations = found
    if result.error is not None:
        result.error["explanation"] = about_error.to_json() if about_error is not None else None


# What explainers read

class _Failure:
    """An exception with its message and the learner's line it points at."""

    def __init__(self, exception, filename):
        self.exception = exception
        if isinstance(exception, SyntaxError):
            self.message = exception.msg or ""
            self.line = exception.lineno
        else:
            self.message = str(exception)
            self.line = learner_line_of(exception, filename)


class _Evidence:
    """Everything one run left behind, and the source's syntax tree."""

    def __init__(self, result, source):
        self.filename = result.sandbox.filename
        self.source = _Source(source)
        self.trace = result.trace
        self.warnings = result.warnings
        self.stopped = result.stopped
        self.virtual_time = result.virtual_time
        self.finished = result.error is None and result.stopped is None
        #: the explanation of the run's error, for run explainers to defer to
        self.about_error = None

    def output(self, stream):
        return [line.text for line in self.trace.output if line.stream == stream]


class _Source:
    """The program's text and syntax tree, with the lookups explainers need.

    A program that does not parse has no tree; every lookup then finds
    nothing. Errors the compiler raises after parsing ("'await' outside
    function") still have one.
    """

    def __init__(self, text):
        self.text = text
        # Parsing again must not show the program's SyntaxWarnings a second time.
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            try:
                self.tree = ast.parse(text)
            except (SyntaxError, ValueError):
                self.tree = None
        self._nodes = list(ast.walk(self.tree)) if self.tree is not None else []
        self._parents = {}
        for node in self._nodes:
            for child in ast.iter_child_nodes(node):
                self._parents[child] = node

    def nodes(self, kind):
        """Nodes of ``kind``, in source order."""
        found = [node for node in self._nodes if isinstance(node, kind)]
        return sorted(found, key=lambda node: (node.lineno, node.col_offset))

    def parent(self, node):
        return self._parents.get(node)

    def around(self, line, kind):
        """Nodes of ``kind`` whose span includes ``line``, innermost first;
        the ones that start on ``line`` before the ones that enclose it."""
        if line is None:
            return []
        found = [node for node in self.nodes(kind) if node.lineno <= line <= node.end_lineno]
        return sorted(found, key=lambda node: (node.lineno != line, -node.lineno, -node.col_offset))

    def function_at(self, line):
        """The innermost ``def`` or ``async def`` around ``line``, or None."""
        found = [node for node in self.nodes((ast.FunctionDef, ast.AsyncFunctionDef))
                 if line is not None and node.lineno <= line <= node.end_lineno]
        return max(found, key=lambda node: (node.lineno, node.col_offset), default=None)

    def in_async_function(self, line):
        return isinstance(self.function_at(line), ast.AsyncFunctionDef)

    def async_functions(self):
        """Names of the program's ``async def`` functions and methods."""
        return {node.name for node in self.nodes(ast.AsyncFunctionDef)}

    def async_generators(self):
        """Names of ``async def`` functions that ``yield``."""
        return {node.name for node in self.nodes(ast.AsyncFunctionDef) if _yields(node)}

    def sync_functions(self):
        return {node.name for node in self.nodes(ast.FunctionDef)}

    def classes_defining(self, method):
        """Names of the program's classes that define ``method``."""
        return {node.name for node in self.nodes(ast.ClassDef)
                if any(isinstance(item, (ast.FunctionDef, ast.AsyncFunctionDef)) and item.name == method
                       for item in node.body)}

    def code(self, node, limit=60):
        """The source of ``node`` on one line, shortened to ``limit`` characters."""
        text = ast.get_source_segment(self.text, node) or ""
        if not text or "\n" in text:
            text = ast.unparse(node)
        if len(text) > limit:
            text = text[:limit - 3] + "..."
        return text

    def is_handed_over(self, call):
        """Whether the coroutine ``call`` creates is awaited or given to
        something that runs it (``create_task``, ``gather``, ``run``...)."""
        node, parent = call, self.parent(call)
        while isinstance(parent, (ast.List, ast.Tuple, ast.Set, ast.Starred, ast.keyword,
                                  ast.comprehension, ast.ListComp, ast.SetComp, ast.GeneratorExp)):
            node, parent = parent, self.parent(parent)
        if isinstance(parent, ast.Await):
            return node is call
        if isinstance(parent, ast.Return):
            return True
        return isinstance(parent, ast.Call) and node is not parent.func and _last_name(parent.func) in _RUNNERS

    def stored_coroutines(self, line):
        """Unawaited coroutine calls assigned to a variable that ``line`` uses,
        in the same function (``prices = fetch()`` then ``prices["tea"]``)."""
        function = self.function_at(line)
        used = {node.id for node in self.nodes(ast.Name)
                if node.lineno <= line <= node.end_lineno and isinstance(node.ctx, ast.Load)}
        found = []
        for assign in self.nodes(ast.Assign):
            if (assign.lineno < line and self.function_at(assign.lineno) is function
                    and any(isinstance(target, ast.Name) and target.id in used for target in assign.targets)):
                found += [call for call in self.unawaited_calls(line=assign.lineno) if call is assign.value]
        return found

    def unawaited_calls(self, name=None, line=None):
        """Calls that create a coroutine nobody awaits: of the function
        ``name`` if given, else of any async function; on ``line`` if given."""
        known = {name} if name is not None else self.async_functions() | _ASYNCIO_COROUTINE_FUNCTIONS
        found = []
        for call in self.nodes(ast.Call):
            if line is not None and not call.lineno <= line <= call.end_lineno:
                continue
            if _calls_coroutine_function(call, known) and not self.is_handed_over(call):
                found.append(call)
        return found


def _yields(function):
    for node in ast.walk(function):
        if isinstance(node, (ast.Yield, ast.YieldFrom)):
            return True
    return False


def _last_name(node):
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return node.attr
    return None


def _dotted_name(node):
    """``asyncio.sleep`` for the expression ``asyncio.sleep``, else None."""
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        base = _dotted_name(node.value)
        return f"{base}.{node.attr}" if base is not None else None
    return None


def _calls_coroutine_function(call, names):
    if _last_name(call.func) not in names:
        return False
    dotted = _dotted_name(call.func) or ""
    # ``time.sleep`` shares its name with ``asyncio.sleep`` but is no coroutine.
    return not dotted.startswith("time.")


#: calls that run or schedule the coroutine they are given
_RUNNERS = {"run", "run_until_complete", "create_task", "ensure_future", "gather", "wait",
            "wait_for", "shield", "as_completed", "run_coroutine_threadsafe", "Task"}

_ASYNCIO_COROUTINE_FUNCTIONS = {
    name for name in asyncio.__all__ if inspect.iscoroutinefunction(getattr(asyncio, name, None))}


def _where(line):
    return f" on line {line}" if line is not None else ""


def _task_label(record, capital=False):
    """``task 'Task-2' (`brew()`)`` for a trace record."""
    return f"{'Task' if capital else 'task'} '{record.name}' (`{record.coro.split('.')[-1]}()`)"


def _seconds(value):
    return f"{value:g}s"


def _a(kind):
    """``a `list``` or ``an `int```."""
    return f"{'an' if kind[:1].lower() in 'aeiou' else 'a'} `{kind}`"


# Explainers of the error a run ended with: (evidence, failure) -> Explanation | None

_OUTSIDE_ASYNC = re.compile(
    r"^'(?P<what>await|async with|async for)' outside (?:async )?function$"
    r"|^asynchronous comprehension outside of an asynchronous function$")


def _await_outside_async(evidence, failure):
    match = _OUTSIDE_ASYNC.match(failure.message)
    if not isinstance(failure.exception, SyntaxError) or match is None:
        return None
    what = f"`{match['what']}`" if match["what"] else "an asynchronous comprehension (`async for` or `await` inside it)"
    line = failure.line
    function = evidence.source.function_at(line)
    if isinstance(function, ast.FunctionDef):
        where = f"Line {line} uses {what} inside `def {function.name}()`, an ordinary function. "
        fix = (f"Make it `async def {function.name}(...)`; code that calls it must then "
               f"`await {function.name}(...)` too.")
    else:
        where = f"Line {line} uses {what} at the top level of the file, outside any function. "
        fix = ("Put that code in an `async def main():` function and start it once, at the end "
               "of the file, with `asyncio.run(main())`.")
    return Explanation(
        "await-outside-async", "`await` outside an `async def` function",
        where + f"{what} only works inside an `async def` function, because only a coroutine "
        "can pause and let the event loop run something else meanwhile. " + fix, line)


_RUNNING_LOOP_MESSAGES = (
    "asyncio.run() cannot be called from a running event loop",
    "Runner.run() cannot be called from a running event loop",
    "This event loop is already running",
    "Cannot run the event loop while another loop is running",
)


def _run_in_running_loop(evidence, failure):
    if not isinstance(failure.exception, RuntimeError) or failure.message not in _RUNNING_LOOP_MESSAGES:
        return None
    line = failure.line
    source = evidence.source
    function = source.function_at(line)
    inside = f" inside `{function.name}()`" if function is not None else ""
    instead = "`await` the coroutine directly"
    for call in source.around(line, ast.Call):
        if _last_name(call.func) in {"run", "run_until_complete"} and call.args:
            argument = source.code(call.args[0])
            instead = f"write `await {argument}` (or `asyncio.create_task({argument})` to run it alongside)"
            break
    return Explanation(
        "run-in-running-loop", "`asyncio.run()` inside a running event loop",
        f"Line {line} starts an event loop{inside}, but that code already runs on one: "
        "`asyncio.run()` (and `loop.run_until_complete()`) start a loop, and only one can run at a "
        "time. Call `asyncio.run(main())` once, from ordinary code at the end of the file; inside "
        f"a coroutine, {instead}.", line)


_NOT_AWAITABLE = re.compile(
    r"^object (?P<old>\S+) can't be used in 'await' expression$|^'(?P<new>[^']+)' object can't be awaited$")
_NOT_A_COROUTINE = re.compile(
    r"^a coroutine was expected, got |^An asyncio\.Future, a coroutine or an awaitable is required$")


def _not_awaitable(evidence, failure):
    if not isinstance(failure.exception, (TypeError, ValueError)):
        return None
    line = failure.line
    source = evidence.source
    if _NOT_A_COROUTINE.match(failure.message):
        return _function_instead_of_coroutine(source, line)
    match = _NOT_AWAITABLE.match(failure.message)
    if match is None:
        return None
    kind = (match["old"] or match["new"]).split(".")[-1]
    awaits = source.around(line, ast.Await)
    value = awaits[0].value if awaits else None
    code = f"`await {source.code(value)}`" if value is not None else "`await`"
    title = "Awaiting something that is not awaitable"
    if isinstance(value, ast.Call) and _dotted_name(value.func) == "time.sleep":
        arguments = ", ".join(source.code(argument) for argument in value.args)
        text = (f"{code} on line {line}: `time.sleep()` is an ordinary function, not a coroutine. "
                "It blocks the whole program and returns `None`, and `None` can't be awaited. "
                f"Use `await asyncio.sleep({arguments})`, which pauses only this task.")
    elif kind in {"function", "method", "builtin_function_or_method"} and not isinstance(value, ast.Call):
        name = source.code(value) if value is not None else "the function"
        text = (f"{code} on line {line} awaits the function itself: the parentheses are missing. "
                f"Call it to get a coroutine, then await that: `await {name}()`.")
    elif kind == "async_generator":
        text = (f"{code} on line {line}: an async generator (an `async def` with `yield`) produces "
                "several values, so it isn't awaited but looped over: "
                f"`async for item in {source.code(value) if value is not None else '...'}:`.")
    elif isinstance(value, ast.Call) and _last_name(value.func) in source.sync_functions() - source.async_functions():
        name = _last_name(value.func)
        text = (f"{code} on line {line}: `{name}()` is an ordinary function (`def`, not `async def`), "
                f"so calling it already ran it and gave back its result, {_a(kind)}, which can't be "
                f"awaited. Either drop the `await`, or make it `async def {name}(...)` if it needs "
                "to await something itself.")
    elif kind in {"list", "tuple", "set", "generator"}:
        text = (f"{code} on line {line} awaits {_a(kind)}. To run several coroutines together and "
                "wait for all of them, pass them to `asyncio.gather()`: "
                "`await asyncio.gather(*coroutines)`.")
    else:
        text = (f"{code} on line {line} awaits {_a(kind)}. `await` only works on awaitables: the "
                "coroutine you get by calling an `async def` function, a Task or a Future.")
    return Explanation("not-awaitable", title, text, line)


def _function_instead_of_coroutine(source, line):
    calls = [call for call in source.around(line, ast.Call)
             if _last_name(call.func) in _RUNNERS and call.args]
    for call in calls:
        for argument in call.args:
            if isinstance(argument, (ast.Name, ast.Attribute)) and _last_name(argument) in source.async_functions():
                name = source.code(argument)
                runner = source.code(call.func)
                return Explanation(
                    "not-awaitable", "A function where a coroutine was needed",
                    f"Line {line} passes the function `{name}` itself to `{runner}()`, which needs a "
                    f"coroutine object: add the parentheses, `{runner}({name}())`. Calling an "
                    "`async def` function creates the coroutine; `asyncio` then runs it.", line)
    return None


_COROUTINE_AS_VALUE = re.compile(r"\bcoroutine\b")


def _coroutine_used_as_value(evidence, failure):
    if (not isinstance(failure.exception, (TypeError, AttributeError))
            or not _COROUTINE_AS_VALUE.search(failure.message)):
        return None
    line = failure.line
    source = evidence.source
    calls = source.unawaited_calls(line=line) or source.stored_coroutines(line)
    learner = source.async_functions()
    calls.sort(key=lambda call: _last_name(call.func) not in learner)
    problem = f"(`{failure.message}`)"
    if calls:
        code = source.code(calls[0])
        used = "the next step" if calls[0].lineno == line else f"line {line}"
        text = (f"`{code}` on line {calls[0].lineno} calls an `async def` function without `await`. "
                f"That does not run it: it only creates a coroutine object, and {used} used that "
                f"object as if it were the result {problem}. Write `await {code}` to run it and "
                "get its result.")
        line = calls[0].lineno
    else:
        text = (f"Line {line} uses a coroutine object as if it were a result {problem}. Calling an "
                "`async def` function only creates a coroutine; `await` it to run it and get what "
                "it returns.")
    return Explanation("never-awaited", "A coroutine was never awaited", text, line)


_CONTEXT_MANAGER = re.compile(
    r"^'(?P<type>[^']+)' object does not support the (?P<asynchronous>asynchronous )?context manager protocol")

#: classes, by short name, that are only asynchronous context managers
_ASYNC_CONTEXT_MANAGERS = {
    "Lock", "Semaphore", "BoundedSemaphore", "Condition", "TaskGroup", "Timeout", "Runner",
    "ClientSession", "ClientResponse", "_RequestContextManager", "StreamWriter", "Server",
}

#: classes, by short name, that are only ordinary context managers
_SYNC_CONTEXT_MANAGERS = {
    "TextIOWrapper", "BufferedReader", "BufferedWriter", "FileIO", "lock", "RLock",
    "_GeneratorContextManager", "suppress", "ExitStack", "redirect_stdout", "TemporaryDirectory",
    "ThreadPoolExecutor", "Session",
}


def _with_instead_of_async_with(evidence, failure):
    if not isinstance(failure.exception, TypeError):
        return None
    message = failure.message
    match = _CONTEXT_MANAGER.match(message)
    aiohttp_style = message == "Use async with instead"
    if not aiohttp_style and (match is None or match["asynchronous"]):
        return None
    source = evidence.source
    kind = match["type"].split(".")[-1] if match else None
    statement = _statement_at(source, failure.line, ast.With)
    asynchronous = (aiohttp_style or "supports the asynchronous context manager protocol" in message
                    or kind in _ASYNC_CONTEXT_MANAGERS or kind in source.classes_defining("__aenter__"))
    if not asynchronous or statement is None:
        return None
    line = statement.lineno
    item = source.code(statement.items[0].context_expr)
    what = f"{_a(kind)} object" if kind else f"`{item}`"
    text = (f"Line {line} uses `with {item}`, but {what} is an *asynchronous* context manager: "
            "entering or leaving it may have to wait (for a lock, a connection...), so it needs "
            f"`async with {item}:`.")
    if not source.in_async_function(line):
        text += " `async with` only works inside an `async def` function, so move this code into one."
    return Explanation("with-instead-of-async-with", "`with` where `async with` is needed", text, line)


def _async_with_instead_of_with(evidence, failure):
    match = _CONTEXT_MANAGER.match(failure.message)
    if not isinstance(failure.exception, TypeError) or match is None or not match["asynchronous"]:
        return None
    source = evidence.source
    kind = match["type"].split(".")[-1]
    statement = _statement_at(source, failure.line, ast.AsyncWith)
    line = statement.lineno if statement is not None else failure.line
    item = source.code(statement.items[0].context_expr) if statement is not None else kind
    ordinary = ("supports the context manager protocol" in failure.message
                or kind in _SYNC_CONTEXT_MANAGERS
                or kind in source.classes_defining("__enter__") - source.classes_defining("__aenter__")
                or (statement is not None and _calls(statement.items[0].context_expr, "open")))
    if ordinary:
        text = (f"Line {line} uses `async with {item}`, but {_a(kind)} object is an ordinary context "
                "manager: entering and leaving it never waits for the event loop. Use a plain "
                f"`with {item}:`.")
    else:
        text = (f"Line {line} uses `async with {item}`, but {_a(kind)} object is not an asynchronous "
                "context manager. `async with` needs an object with `__aenter__` and `__aexit__` "
                "methods, such as an `asyncio.Lock()`, `asyncio.timeout(...)` or an "
                "`aiohttp.ClientSession()`.")
    return Explanation("async-with-instead-of-with", "`async with` on an ordinary context manager",
                       text, line)


def _statement_at(source, line, kind):
    """The ``kind`` statement whose header is on ``line``, else the innermost around it."""
    found = source.around(line, kind)
    return found[0] if found else None


def _calls(node, name):
    return isinstance(node, ast.Call) and _last_name(node.func) == name


_NOT_ITERABLE = re.compile(r"^'(?P<type>[^']+)' object is not iterable$")
_ASYNC_ITERABLES = {"async_generator", "StreamReader"}


def _for_instead_of_async_for(evidence, failure):
    match = _NOT_ITERABLE.match(failure.message)
    if not isinstance(failure.exception, TypeError) or match is None:
        return None
    source = evidence.source
    kind = match["type"].split(".")[-1]
    iterable, in_comprehension = _loop_at(source, failure.line, asynchronous=False)
    from_async_generator = (isinstance(iterable, ast.Call)
                            and _last_name(iterable.func) in source.async_generators())
    if not (kind in _ASYNC_ITERABLES or from_async_generator
            or kind in source.classes_defining("__aiter__") - source.classes_defining("__iter__")):
        return None
    line = failure.line
    code = source.code(iterable) if iterable is not None else "..."
    if in_comprehension:
        fix = f"`async for` inside the comprehension: `[... async for ... in {code}]`"
    else:
        fix = f"`async for ... in {code}:`"
    if kind == "async_generator" or from_async_generator:
        what = "an async generator (an `async def` that uses `yield`)"
    else:
        what = f"an asynchronous iterable ({_a(kind)} object)"
    text = (f"Line {line} loops over `{code}` with a plain `for`, but it is {what}: each item "
            f"arrives only after an `await`, so it needs {fix}.")
    if not source.in_async_function(line):
        text += " `async for` only works inside an `async def` function."
    return Explanation("for-instead-of-async-for", "`for` where `async for` is needed", text, line)


_ASYNC_FOR = re.compile(r"^'async for' requires an object with __aiter__ method, got (?P<type>\S+)$")


def _async_for_instead_of_for(evidence, failure):
    match = _ASYNC_FOR.match(failure.message)
    if not isinstance(failure.exception, TypeError) or match is None:
        return None
    source = evidence.source
    kind = match["type"].split(".")[-1]
    iterable, _ = _loop_at(source, failure.line, asynchronous=True)
    code = source.code(iterable) if iterable is not None else "..."
    line = failure.line
    if kind == "coroutine":
        text = (f"Line {line} uses `async for` over `{code}`, a coroutine: the function is "
                "`async def` and *returns* its items (all at once) rather than yielding them one "
                f"by one. Await it first, then loop normally: `for ... in await {code}:`.")
    else:
        text = (f"Line {line} uses `async for` over `{code}`, an ordinary {kind}: its items are "
                "all there already, nothing needs awaiting. Use a plain `for ... in "
                f"{code}:`. `async for` is for asynchronous iterables such as async generators.")
    return Explanation("async-for-instead-of-for", "`async for` over an ordinary iterable", text, line)


def _loop_at(source, line, asynchronous):
    """``(iterable, in_comprehension)`` of the ``for`` on ``line`` whose kind
    matches, or ``(None, False)``; comprehension ``for`` clauses count too."""
    for statement in source.around(line, ast.AsyncFor if asynchronous else ast.For):
        if statement.lineno == line:
            return statement.iter, False
    for expression in source.around(line, (ast.ListComp, ast.SetComp, ast.DictComp, ast.GeneratorExp)):
        for clause in expression.generators:
            if bool(clause.is_async) == asynchronous and clause.iter.lineno <= line <= clause.iter.end_lineno:
                return clause.iter, True
    return None, False


def _event_loop_closed(evidence, failure):
    if not isinstance(failure.exception, RuntimeError) or failure.message != "Event loop is closed":
        return None
    line = failure.line
    return Explanation(
        "event-loop-closed", "The event loop is closed",
        f"Line {line} uses an event loop that was already closed. `asyncio.run()` creates a new "
        "loop, runs your coroutine and then closes that loop for good: the loop, and the tasks and "
        "futures that belong to it, can't be used after `asyncio.run()` returns. Keep all the async "
        "work inside one `async def main()`, started once with `asyncio.run(main())` at the end of "
        "the file.", line)


def _timeout(evidence, failure):
    if not isinstance(failure.exception, TimeoutError):
        return None
    source = evidence.source
    line = failure.line
    advice = ("If the work may take longer, allow more time; if not, handle it with "
              "`except TimeoutError:` (since Python 3.11 `asyncio.TimeoutError` is the same class).")
    for call in source.around(line, ast.Call):
        if _last_name(call.func) == "wait_for" and call.lineno == line:
            limit = _argument(call, "timeout", 1)
            if isinstance(limit, ast.Constant):
                seconds = f" of {limit.value} s"
            else:
                seconds = f" (`timeout={source.code(limit)}`)" if limit is not None else ""
            return Explanation(
                "timeout", "The operation timed out",
                f"`{source.code(call)}` on line {line} gave the work a time limit{seconds}. It was "
                "not finished by then, so `wait_for` cancelled it and raised `TimeoutError`. "
                + advice, line)
    for block in source.around(line, ast.AsyncWith):
        item = block.items[0].context_expr
        if isinstance(item, ast.Call) and _last_name(item.func) in {"timeout", "timeout_at"}:
            return Explanation(
                "timeout", "The operation timed out",
                f"The block under `async with {source.code(item)}:` on line {block.lineno} did not "
                "finish in time, so it was cancelled and `TimeoutError` was raised where the block "
                "ends. " + advice, block.lineno)
    exception = failure.exception
    if type(exception).__module__.startswith("aiohttp") or _passed_through_aiohttp(exception):
        return Explanation(
            "timeout", "The request timed out",
            f"The HTTP request{_where(line)} took longer than its time limit, so aiohttp gave up "
            f"and raised `{type(exception).__name__}`. If the server may be that slow, allow more "
            "time with `timeout=aiohttp.ClientTimeout(total=...)`; otherwise handle it with "
            "`except TimeoutError:`, which catches aiohttp's timeouts too.", line)
    if not _raised_in_asyncio(exception):
        return None
    return Explanation(
        "timeout", "The operation timed out",
        f"An asyncio time limit ran out{_where(line)}: the work was cancelled and `TimeoutError` "
        "raised. " + advice, line)


def _argument(call, keyword, position):
    for each in call.keywords:
        if each.arg == keyword:
            return each.value
    return call.args[position] if len(call.args) > position else None


_ASYNCIO_DIR = os.path.dirname(asyncio.__file__) + os.sep
# aiohttp's own files, or the sandbox's simulation of it (``network/aiohttp_*.py``).
_AIOHTTP_FILES = (os.sep + "aiohttp" + os.sep,
                  os.path.join(os.path.dirname(os.path.abspath(__file__)), "network", "aiohttp_"))


def _frame_files(exception):
    tb = exception.__traceback__
    while tb is not None:
        yield tb.tb_frame.f_code.co_filename
        tb = tb.tb_next


def _raised_in_asyncio(exception):
    files = list(_frame_files(exception))
    return bool(files) and files[-1].startswith(_ASYNCIO_DIR)


def _passed_through_aiohttp(exception):
    return any(marker in filename for filename in _frame_files(exception) for marker in _AIOHTTP_FILES)


def _unexpected_cancel(evidence, failure):
    if not isinstance(failure.exception, asyncio.CancelledError):
        return None
    source = evidence.source
    # A task that awaited a cancelled one ends cancelled too; the root is
    # the one that was not itself waiting for a task.
    cancelled = [record for record in evidence.trace.tasks if record.state == "cancelled"]
    cancelled.sort(key=_waited_for_a_task)
    cancels = [call.lineno for call in source.nodes(ast.Call)
               if isinstance(call.func, ast.Attribute) and call.func.attr == "cancel"]
    line = cancels[0] if cancels else failure.line
    if cancelled:
        record = cancelled[0]
        created = f", created on line {record.line}" if record.line else ""
        by = f" by `.cancel()` on line {cancels[0]}" if cancels else ""
        what = f"{_task_label(record, capital=True)}{created}, was cancelled{by}. "
    else:
        what = f"A task was cancelled{_where(line)}. "
    return Explanation(
        "unexpected-cancel", "An unexpected `CancelledError`",
        what + "Cancelling a task raises `CancelledError` inside it, and again in any code that "
        "then awaits it (`await task`, `asyncio.gather(...)`). Here nothing caught it, so it reached "
        "`asyncio.run()` and ended the program. If you cancel a task on purpose, expect it where "
        "you await the task: `try: await task` / `except asyncio.CancelledError: ...`.", line)


def _waited_for_a_task(record):
    waits = [event.detail or "" for event in record.events if event.kind == "suspended"]
    return bool(waits) and waits[-1].startswith(("task ", "asyncio.gather"))


_MISSING_BLOCKING_LIBRARIES = {"requests"}


def _blocking_library_missing(evidence, failure):
    exception = failure.exception
    if not isinstance(exception, ModuleNotFoundError) or exception.name not in _MISSING_BLOCKING_LIBRARIES:
        return None
    return Explanation(
        "blocking-call", "A blocking library in async code",
        f"Line {failure.line} imports `{exception.name}`, which isn't available here, and wouldn't "
        "help anyway: it is a *blocking* HTTP library. While it waits for a server, the whole event "
        "loop waits with it and no other task runs. In async code, use `aiohttp` "
        "(`async with aiohttp.ClientSession() as session:` then `await session.get(url)`).",
        failure.line)


def _task_group_error(evidence, failure):
    exception = failure.exception
    if (not isinstance(exception, BaseExceptionGroup)
            or not failure.message.startswith("unhandled errors in a TaskGroup")):
        return None
    failures = []
    for leaf in leaf_exceptions(exception):
        leaf_line = learner_line_of(leaf, evidence.filename)
        described = f"{type(leaf).__name__}: {leaf}" if str(leaf) else type(leaf).__name__
        failures.append(f"`{described}`{_where(leaf_line)}")
    line = failure.line
    return Explanation(
        "task-group-error", "A task in a `TaskGroup` failed",
        f"A task in the `TaskGroup`{_where(line)} failed with {', '.join(failures)}. When one task "
        "of a group fails, the group cancels the others and raises an `ExceptionGroup` holding "
        "every failure; the traceback shows each one under the group. Fix the failing task, or "
        "handle its error inside the task, or around the `async with` with "
        f"`except* {type(leaf_exceptions(exception)[0]).__name__}:`.", line)


_ERROR_EXPLAINERS = (
    _await_outside_async,
    _run_in_running_loop,
    _not_awaitable,
    _async_for_instead_of_for,
    _coroutine_used_as_value,
    _with_instead_of_async_with,
    _async_with_instead_of_with,
    _for_instead_of_async_for,
    _event_loop_closed,
    _timeout,
    _unexpected_cancel,
    _blocking_library_missing,
    _task_group_error,
)


# Explainers of the run as a whole: (evidence) -> Explanation | None

_NEVER_AWAITED = re.compile(r"^coroutine '(?P<name>[^']+)' was never awaited$")
_COROUTINE_REPR = re.compile(r"<coroutine object (?P<name>\S+) at 0x[0-9a-fA-F]+>")


def _never_awaited(evidence):
    # Coroutines that were never awaited: the RuntimeWarning CPython shows
    # when one is thrown away, or its repr printed by the program.
    lost = {}
    for warning in evidence.warnings:
        match = _NEVER_AWAITED.match(warning.message)
        if warning.category == "RuntimeWarning" and match:
            lost.setdefault(match["name"], warning.line)
    printed = set()
    for text in evidence.output("stdout"):
        for match in _COROUTINE_REPR.finditer(text):
            printed.add(match["name"])
            lost.setdefault(match["name"], None)
    source = evidence.source
    for qualname, warned_line in lost.items():
        name = qualname.split(".")[-1]
        calls = source.unawaited_calls(name=name)
        if not calls and any(_calls_coroutine_function(call, {name}) for call in source.nodes(ast.Call)):
            # Every call hands the coroutine to asyncio.run, create_task...:
            # one of those failed before running it, a consequence of an
            # error that has its own explanation.
            continue
        at_warning = [call for call in calls if call.lineno == warned_line]
        call = (at_warning or calls or [None])[0]
        line = call.lineno if call is not None else warned_line
        about_error = evidence.about_error
        if about_error is not None and about_error.line == line:
            # Thrown away because of the error on its line, explained there.
            continue
        code = source.code(call) if call is not None else f"{name}()"
        if line is None or source.in_async_function(line):
            fix = f"Write `await {code}`."
        else:
            fix = (f"Outside `async def` there is no `await`: start it with `asyncio.run({code})`, "
                   "once, at the end of the file.")
        text = (f"`{code}`{_where(line)} creates a coroutine that is never awaited, so its code "
                "never ran. Calling an `async def` function only creates a coroutine object; the "
                "function runs when you `await` it (or hand it to `asyncio.create_task()` or "
                f"`asyncio.gather()`). " + fix)
        if qualname in printed:
            text += (f" That is also why the output shows `<coroutine object {qualname} at ...>` "
                     "instead of a result.")
        return Explanation("never-awaited", "A coroutine was never awaited", text, line)
    return None


_BLOCKING_LIBRARY_CALL = re.compile(
    r"^(requests\.(get|post|put|patch|delete|head|options|request)|urllib\.request\.urlopen|urlopen)$")


def _blocking_call(evidence):
    calls = [call for call in evidence.trace.blocking if call.task is not None]
    if calls:
        return _blocking_call_in_trace(evidence, calls)
    source = evidence.source
    for call in source.nodes(ast.Call):
        name = _dotted_name(call.func)
        if name and _BLOCKING_LIBRARY_CALL.match(name) and source.in_async_function(call.lineno):
            return Explanation(
                "blocking-call", "A blocking call in async code",
                f"`{source.code(call)}` on line {call.lineno} is a blocking call inside an "
                "`async def` function: while it waits for the network, the whole event loop waits "
                "with it and no other task can run. Use an async library instead (for HTTP, "
                "`aiohttp`: `await session.get(url)`), or move the call to a thread with "
                f"`await asyncio.to_thread({name}, ...)`.", call.lineno)
    return None


def _blocking_call_in_trace(evidence, calls):
    first = calls[0]
    same = [call for call in calls if call.call == first.call and call.line == first.line]
    total = sum(call.duration for call in same)
    record = evidence.trace.task(first.task)
    repeated = f" ({len(same)} times, {_seconds(total)} in all)" if len(same) > 1 else ""
    others = len({(call.call, call.line) for call in calls}) - 1
    also = f" The run has {others} more blocking call{'s' if others > 1 else ''} like it." if others else ""
    happened = (f"`{first.call}`{_where(first.line)} ran inside {_task_label(record)} and "
                f"blocked the whole event loop for {_seconds(first.duration)}{repeated}: meanwhile no "
                "other task could run, so waits that should overlap happen one after another.")
    if evidence.finished:
        happened += " The program still finished, but its timing is wrong."
    if first.call.startswith("time.sleep("):
        fix = (f" Inside `async def`, wait with `await asyncio.{first.call[len('time.'):]}`, which "
               "pauses only this task and lets the others run.")
    else:
        fix = (" Use an async library instead (for HTTP, `aiohttp`), or move the call to a thread "
               "with `await asyncio.to_thread(...)`.")
    return Explanation("blocking-call", "A blocking call froze the event loop",
                       happened + fix + also, first.line)


_NEVER_RETRIEVED = "Task exception was never retrieved"
_FINISHED_TASK = re.compile(r"^future: <Task finished name='(?P<name>[^']*)'.* exception=(?P<exception>.*)>$")


def _task_exception_never_retrieved(evidence):
    lines = evidence.output("stderr")
    for index, text in enumerate(lines[:-1]):
        if text != _NEVER_RETRIEVED:
            continue
        match = _FINISHED_TASK.match(lines[index + 1])
        if match is None:
            continue
        records = [record for record in evidence.trace.tasks if record.name == match["name"]]
        record = records[-1] if records else None
        label = _task_label(record, capital=True) if record is not None else f"Task '{match['name']}'"
        line = record.line if record is not None else None
        created = f", created on line {line}," if line else ""
        return Explanation(
            "task-exception-never-retrieved", "A task's exception was never retrieved",
            f"{label}{created} failed with `{match['exception']}`, but no code "
            "ever awaited the task or asked for its result, so the error went nowhere: asyncio "
            "could only log it when the task was thrown away (*Task exception was never "
            "retrieved*). Keep the task and `await` it, or start such tasks with "
            "`asyncio.gather(...)` or in an `asyncio.TaskGroup`: the error then reaches your code, "
            "where you can handle it.", line)
    return None


_SLEEP = re.compile(r"^asyncio\.sleep\((?P<delay>[^)]*)\)$")
_CANCELLED_ERROR_NAMES = {"CancelledError", "BaseException"}


def _swallowed_cancel(evidence):
    if not any(_catches_cancellation(handler) and not any(isinstance(node, ast.Raise) for node in ast.walk(handler))
               for handler in evidence.source.nodes(ast.ExceptHandler)):
        # No handler could swallow a cancellation: no need to read every task's events.
        return None
    for record in evidence.trace.tasks:
        if record.state == "cancelled":
            continue
        for moment, line in _early_wake_ups(record):
            handler = _swallowing_handler(evidence.source, line)
            if handler is None:
                continue
            caught = evidence.source.code(handler.type) if handler.type is not None else ""
            ending = {"done": "returned normally", "error": "ended with an error"}.get(
                record.state, "kept running")
            return Explanation(
                "swallowed-cancel", "A cancelled task kept going",
                f"{_task_label(record, capital=True)} was cancelled at "
                f"t={_seconds(moment)} while it waited on line {line}, but `except {caught}:` on "
                f"line {handler.lineno} caught the `CancelledError` and did not raise it again, so "
                f"the task {ending} instead of ending as cancelled. Whoever cancelled it "
                "(`task.cancel()`, a timeout, a `TaskGroup`, or `asyncio.run()` at the end) "
                "relies on it stopping. Do the clean-up in the handler (or in `finally:`), then "
                "re-raise with a bare `raise`.", handler.lineno)
    return None


def _early_wake_ups(record):
    """(time, line) of each moment ``record``'s task woke from
    ``asyncio.sleep(d)`` before ``d`` had passed: only a cancellation does that."""
    events = record.events
    for suspended, resumed in zip(events, events[1:]):
        if suspended.kind != "suspended" or resumed.kind != "resumed" or suspended.line is None:
            continue
        match = _SLEEP.match(suspended.detail or "")
        try:
            delay = float(match["delay"]) if match else None
        except ValueError:
            continue
        if delay is not None and resumed.t < suspended.t + delay - 1e-9:
            yield resumed.t, suspended.line


def _swallowing_handler(source, line):
    """The ``except`` around ``line`` that catches CancelledError and never
    raises, unless the line also holds a timeout, whose TimeoutError is what
    such a handler catches there."""
    if any(_last_name(call.func) in {"wait_for", "timeout", "timeout_at"}
           for call in source.around(line, ast.Call)):
        return None
    for statement in source.around(line, (ast.Try, ast.TryStar)):
        body_end = statement.body[-1].end_lineno
        if not statement.body[0].lineno <= line <= body_end:
            continue
        for handler in statement.handlers:
            if _catches_cancellation(handler) and not any(
                    isinstance(node, ast.Raise) for node in ast.walk(handler)):
                return handler
    return None


def _catches_cancellation(handler):
    if handler.type is None:
        return True
    types = handler.type.elts if isinstance(handler.type, ast.Tuple) else [handler.type]
    return any(_last_name(each) in _CANCELLED_ERROR_NAMES for each in types)


_DEADLOCK_HINTS = (
    ("Queue.get", "nothing will ever put another item in that queue"),
    ("Queue.put", "the queue is full and nothing will ever take an item out"),
    ("Queue.join", "`join()` waits for a `task_done()` per item, and some never came"),
    ("Event.wait", "nothing will ever call `set()` on that event"),
    ("Lock.acquire", "the lock is held and never released (an `asyncio.Lock` is not re-entrant: "
                     "a task that holds it and acquires it again waits for itself)"),
    ("Condition.wait", "nothing will ever call `notify()` on that condition"),
    ("Semaphore.acquire", "every slot is taken and none will be released"),
    ("Barrier.wait", "not enough tasks will ever reach the barrier"),
    ("a Future", "nothing will ever set that future's result"),
)


def _deadlock(evidence):
    stopped = evidence.stopped
    if stopped is None or stopped.kind != "deadlock":
        return None
    lines = []
    root_line = None
    for waiting in stopped.waiting:
        waits_on = waiting["waits_on"] or "something"
        hint = next((hint for prefix, hint in _DEADLOCK_HINTS if waits_on.startswith(prefix)), None)
        if waits_on.startswith(("task ", "asyncio.gather")):
            hint = "waiting for other tasks in this list"
        elif root_line is None:
            root_line = waiting["line"]
        at = f" at line {waiting['line']}" if waiting["line"] else ""
        lines.append(f"- task '{waiting['name']}' waits on `{waits_on}`{at}"
                     + (f": {hint}" if hint else ""))
    line = root_line if root_line is not None else next(
        (waiting["line"] for waiting in stopped.waiting if waiting["line"]), None)
    return Explanation(
        "deadlock", "Deadlock: every task is waiting",
        f"At t={_seconds(evidence.virtual_time)} no task could continue, and nothing (no sleep, "
        "no timer) would ever wake one up:\n\n" + "\n".join(lines) + "\n\nOn your own computer "
        "this program would hang forever. Look for the missing other half: the `put()`, `set()`, "
        "`release()` or result that the waiting task expects.", line)


_RUN_EXPLAINERS = (
    _never_awaited,
    _blocking_call,
    _task_exception_never_retrieved,
    _swallowed_cancel,
    _deadlock,
)
