"""What the built-in commands share: messages quoted as coreutils quotes them
in a UTF-8 locale, usage errors, and opening the files they are given."""

import shlex

from .command_context import InputStream
from .open_files import FileReader, NullFile
from .options import UsageError, parse_options

__all__ = ["quote", "shell_quote", "quote_if_needed", "usage_error", "parse_or_report",
           "open_input"]


def quote(text):
    """coreutils' ``quote()``: curly quotes in a UTF-8 locale."""
    return f"‘{text}’"


def shell_quote(text):
    """coreutils' ``quoteaf()``: always quoted, as a shell would need it."""
    quoted = shlex.quote(text)
    return quoted if quoted.startswith("'") else f"'{quoted}'"


def quote_if_needed(text):
    """coreutils' ``quotef()``: quoted only when a shell would need it."""
    return shlex.quote(text)


async def usage_error(ctx, message, status=1):
    """Report a bad command line the way every coreutils program does."""
    await ctx.error(message)
    await ctx.stderr.write(f"Try '{ctx.name} --help' for more information.\n")
    return status


async def parse_or_report(ctx, short, long=None, status=1, args=None):
    """``parse_options`` over the command's arguments; on a mistake, the
    usage message is written and ``None`` returned (exit with ``status``)."""
    try:
        return parse_options(ctx.args if args is None else args, short, long)
    except UsageError as error:
        await usage_error(ctx, str(error), status)
        return None


def open_input(ctx, operand):
    """An ``InputStream`` for a file operand (``-`` is standard input).

    Raises the ``OSError`` that opening it raises.
    """
    if operand == "-":
        return ctx.stdin
    node = ctx.files.open_file(operand, ctx.cwd, "r")
    if node.is_file:
        return InputStream(FileReader(node))
    return InputStream(NullFile())
