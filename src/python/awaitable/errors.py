"""Turns exceptions from a learner's program into something a learner can read."""

import traceback

__all__ = ["describe_error", "describe_syntax_error"]


def describe_syntax_error(error, filename):
    """A SyntaxError as a dict with the line and column an editor can mark."""
    lines = traceback.format_exception_only(type(error), error)
    return {
        "type": type(error).__name__,
        "message": error.msg,
        "line": error.lineno,
        "column": error.offset,
        "end_line": getattr(error, "end_lineno", None),
        "end_column": getattr(error, "end_offset", None),
        "traceback": "".join(lines).rstrip("\n"),
    }


def describe_error(error, filename):
    """A runtime error as a dict, its traceback trimmed to the learner's frames.

    Frames of the sandbox and of asyncio are noise to a learner: the trimmed
    traceback keeps the frames of their own file (``filename``), and when the
    error was raised inside the library, the last library frame, which says
    what was called.
    """
    if isinstance(error, SyntaxError) and error.filename == filename:
        return describe_syntax_error(error, filename)
    summary = traceback.TracebackException.from_exception(error)
    _trim(summary, filename)
    line = None
    for frame in summary.stack:
        if frame.filename == filename:
            line = frame.lineno
    return {
        "type": type(error).__name__,
        "message": str(error),
        "line": line,
        "column": None,
        "end_line": None,
        "end_column": None,
        "traceback": "".join(summary.format()).rstrip("\n"),
    }


def _trim(summary, filename):
    seen = set()
    while summary is not None and id(summary) not in seen:
        seen.add(id(summary))
        frames = list(summary.stack)
        kept = [frame for frame in frames if frame.filename == filename]
        if frames and frames[-1].filename != filename:
            kept.append(frames[-1])
        summary.stack = traceback.StackSummary.from_list(kept)
        summary = summary.__cause__ or summary.__context__
