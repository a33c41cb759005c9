"""Turns exceptions from a learner's program into something a learner can read.

An error becomes a dict of plain data: its type and message as Python gives
them, the learner's line (and for a SyntaxError the columns an editor can
mark), and a traceback trimmed to the learner's own frames.
"""

import os
import traceback

__all__ = ["describe_error", "describe_syntax_error", "learner_line_of", "leaf_exceptions"]

# Frames of this package stand in for C code (``time.sleep``) or for the
# interpreter itself (the run's closing ``gc.collect()``), so a learner never
# sees them, not even as the frame that raised.
_PACKAGE_DIR = os.path.dirname(os.path.abspath(__file__)) + os.sep


def _is_sandbox_file(filename):
    return filename.startswith(_PACKAGE_DIR)


def describe_syntax_error(error, filename, source=None):
    """A SyntaxError (or IndentationError, TabError) as a dict with the line
    and the 1-based columns an editor can mark.

    ``end_line``/``end_column`` are None where Python gives no end (it uses 0
    or -1 for that). ``source`` fills in the line's text when the compiler
    could not read it back from a file, as for a program that is only a string.
    """
    if error.text is None and source is not None and error.lineno:
        _attach_source_line(error, source)
    end_line, end_column = error.end_lineno, error.end_offset
    if not end_line or not end_column or end_column < 1:
        end_line = end_column = None
    lines = traceback.format_exception_only(type(error), error)
    return {
        "type": type(error).__name__,
        "message": error.msg,
        "line": error.lineno,
        "column": error.offset,
        "end_line": end_line,
        "end_column": end_column,
        "traceback": "".join(lines).rstrip("\n"),
        "exceptions": [],
    }


def _attach_source_line(error, source):
    """Give ``error`` its line of source and character columns.

    Errors found by the compiler rather than the parser ("'await' outside
    function") come with ``text`` None when the program is not a file on
    disk, and then their offsets count UTF-8 bytes, not characters.
    """
    lines = source.splitlines(True)
    if error.lineno > len(lines):
        return
    text = lines[error.lineno - 1]
    encoded = text.encode("utf-8")

    def to_characters(offset):
        if offset is None or offset < 1:
            return offset
        return len(encoded[:offset - 1].decode("utf-8", errors="replace")) + 1

    error.text = text
    error.offset = to_characters(error.offset)
    if error.end_lineno == error.lineno:
        error.end_offset = to_characters(error.end_offset)


def describe_error(error, filename):
    """A runtime error as a dict, its traceback trimmed to the learner's frames.

    Frames of the sandbox and of asyncio are noise to a learner: the trimmed
    traceback keeps the frames of their own file (``filename``), and when the
    error was raised inside the library, the last library frame, which says
    what was called. Chained exceptions and the sub-exceptions of an
    ExceptionGroup (from a TaskGroup) are trimmed the same way;
    ``exceptions`` lists a group's leaf exceptions with their own lines.
    """
    if isinstance(error, SyntaxError) and error.filename == filename:
        return describe_syntax_error(error, filename)
    summary = traceback.TracebackException.from_exception(error)
    _trim(summary, filename, set())
    leaves = leaf_exceptions(error) if isinstance(error, BaseExceptionGroup) else []
    return {
        "type": type(error).__name__,
        "message": str(error),
        "line": learner_line_of(error, filename),
        "column": None,
        "end_line": None,
        "end_column": None,
        "traceback": "".join(summary.format()).rstrip("\n"),
        "exceptions": [
            {"type": type(leaf).__name__, "message": str(leaf),
             "line": learner_line_of(leaf, filename)}
            for leaf in leaves
        ],
    }


def learner_line_of(error, filename):
    """The line of the innermost frame of ``error``'s traceback that is in
    the learner's file, or None."""
    line = None
    tb = error.__traceback__
    while tb is not None:
        if tb.tb_frame.f_code.co_filename == filename:
            line = tb.tb_lineno
        tb = tb.tb_next
    return line


def leaf_exceptions(error):
    """The exceptions inside an ExceptionGroup, nested groups flattened, in
    order; for any other exception, the exception itself."""
    if not isinstance(error, BaseExceptionGroup):
        return [error]
    leaves = []
    for each in error.exceptions:
        leaves.extend(leaf_exceptions(each))
    return leaves


def _trim(summary, filename, seen):
    """Trim ``summary`` and every exception chained to or grouped in it."""
    if summary is None or id(summary) in seen:
        return
    seen.add(id(summary))
    summary.stack = traceback.StackSummary.from_list(_learner_frames(summary.stack, filename))
    _trim(summary.__cause__, filename, seen)
    _trim(summary.__context__, filename, seen)
    for each in getattr(summary, "exceptions", None) or ():
        _trim(each, filename, seen)


def _learner_frames(frames, filename):
    kept = [frame for frame in frames if frame.filename == filename]
    after_learner = list(frames)
    for index, frame in enumerate(frames):
        if frame.filename == filename:
            after_learner = frames[index + 1:]
    library = [frame for frame in after_learner if not _is_sandbox_file(frame.filename)]
    if library:
        kept.append(library[-1])
    return kept
