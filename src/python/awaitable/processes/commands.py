"""The programs in ``/usr/bin``, and the simple ones among them.

Each command behaves as its GNU coreutils namesake does on Debian in the
C.UTF-8 locale: the options people use, the output format, the messages
and the exit status. The text and file tools live in ``text_commands``
and ``file_commands``; the shells in ``shell``.
"""

import calendar
import posixpath
import re
from decimal import Decimal, InvalidOperation

from .command_context import Command
from .command_support import parse_or_report, quote, usage_error
from .date_format import DEFAULT_FORMAT, RFC_5322_FORMAT, format_date
from .file_commands import cp, ls, mkdir, mv, rm, touch
from .file_system import USER
from .printf_format import echo_output, format_printf
from .shell import shell_command
from .text_commands import cat, cut, grep, head, sort, tail, tee, tr, uniq, wc

__all__ = ["BUILTIN_COMMANDS"]

#: How ``yes`` paces itself: a chunk of lines, then a pause, so that a
#: program reading (or ignoring) its endless output leaves the virtual
#: clock free to move.
_YES_CHUNK = 8192
_YES_PAUSE = 0.01


async def echo(ctx):
    await ctx.stdout.write(echo_output(ctx.args, "gnu"))
    return 0


async def printf(ctx):
    args = ctx.args
    if args[:1] == ["--"]:
        args = args[1:]
    if not args:
        return await usage_error(ctx, "missing operand")
    output, messages, status = format_printf(args[0], args[1:], "gnu")
    await ctx.stdout.write(output)
    for message in messages:
        await ctx.error(message)
    return status


async def true(ctx):
    return 0


async def false(ctx):
    return 1


async def yes(ctx):
    line = ((" ".join(ctx.args) if ctx.args else "y") + "\n").encode("utf-8", "surrogateescape")
    chunk = line * max(1, _YES_CHUNK // len(line))
    while True:
        await ctx.stdout.write(chunk)
        await ctx.sleep(_YES_PAUSE)


_INTERVAL = re.compile(r"(\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?([smhd]?)|[iI][nN][fF](?:[iI][nN][iI][tT][yY])?")
_UNITS = {"": 1, "s": 1, "m": 60, "h": 3600, "d": 86400}


async def sleep(ctx):
    parsed = await parse_or_report(ctx, "")
    if parsed is None:
        return 1
    _, operands = parsed
    if not operands:
        return await usage_error(ctx, "missing operand")
    total = 0.0
    bad = False
    for operand in operands:
        match = _INTERVAL.fullmatch(operand)
        if match is None:
            await ctx.error(f"invalid time interval {quote(operand)}")
            bad = True
            continue
        if match.group(1) is None:
            total = float("inf")
        else:
            unit = match.group(2)
            total += float(operand[:len(operand) - len(unit)]) * _UNITS[unit]
    if bad:
        await ctx.stderr.write(f"Try '{ctx.name} --help' for more information.\n")
        return 1
    if total == float("inf"):
        await ctx.hang()
    await ctx.sleep(total)
    return 0


_NUMBER = re.compile(r"[+-]?(\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?")


def _decimals(text):
    """Digits after the point that ``seq`` prints for an operand."""
    mantissa, _, exponent = text.lower().partition("e")
    places = len(mantissa.partition(".")[2])
    return max(0, places - int(exponent or 0))


async def seq(ctx):
    # Options come first, and a negative number is the first operand, not
    # an option.
    args = list(ctx.args)
    split = 0
    while split < len(args):
        arg = args[split]
        if arg == "--" or not arg.startswith("-") or arg == "-" or _NUMBER.fullmatch(arg):
            break
        split += 1
        if arg in ("-s", "-f") or arg.startswith("--") and "=" not in arg and arg != "--equal-width":
            split += 1
    parsed = await parse_or_report(ctx, "s:f:w", {
        "separator": ("s", True), "format": ("f", True), "equal-width": ("w", False)},
        args=args[:split])
    if parsed is None:
        return 1
    options, _ = parsed
    operands = args[split + 1:] if args[split:split + 1] == ["--"] else args[split:]
    settings = dict(options)
    separator = settings.get("s", "\n")
    if not operands:
        return await usage_error(ctx, "missing operand")
    if len(operands) > 3:
        return await usage_error(ctx, f"extra operand {quote(operands[3])}")
    values = []
    for operand in operands:
        try:
            if not _NUMBER.fullmatch(operand.strip()):
                raise InvalidOperation
            values.append(Decimal(operand.strip()))
        except InvalidOperation:
            return await usage_error(ctx, f"invalid floating point argument: {quote(operand)}")
    first, step, last = Decimal(1), Decimal(1), values[-1]
    if len(values) >= 2:
        first = values[0]
    if len(values) == 3:
        step = values[1]
        if step == 0:
            return await usage_error(ctx, f"invalid Zero increment value: {quote(operands[1])}")
    starting = operands[:-1] if len(operands) == 3 else operands[:1] if len(operands) == 2 else []
    places = max((_decimals(text) for text in starting), default=0)
    if "f" in settings:
        def render(value):
            return format_printf(settings["f"], [str(value)], "gnu")[0].decode()
    else:
        def render(value):
            return f"{value:.{places}f}"
    width = max(len(render(first)), len(render(last))) if "w" in settings else 0
    # Numbers go out in stdio-sized blocks: one write per number would make
    # `seq 100000` crawl for nothing.
    block = []
    size = 0
    index = 0
    while True:
        value = first + index * step
        if (step > 0 and value > last) or (step < 0 and value < last):
            break
        text = render(value)
        if width:
            sign = "-" if text.startswith("-") else ""
            text = sign + text.lstrip("-").rjust(width - len(sign), "0")
        block.append((separator if index else "") + text)
        size += len(block[-1])
        index += 1
        if size >= 4096:
            await ctx.stdout.write("".join(block))
            block, size = [], 0
    await ctx.stdout.write("".join(block) + ("\n" if index else ""))
    return 0


_ISO_FORMATS = {
    "date": "%Y-%m-%d", "hours": "%Y-%m-%dT%H%:z", "minutes": "%Y-%m-%dT%H:%M%:z",
    "seconds": "%Y-%m-%dT%H:%M:%S%:z", "ns": "%Y-%m-%dT%H:%M:%S,%N%:z",
}
_DATE_STRING = re.compile(r"(\d{4})-(\d\d)-(\d\d)(?:[ T](\d\d):(\d\d)(?::(\d\d))?)?")


def _parse_date(text, now):
    """The timestamp of a ``date -d`` string: ``@SECONDS``, ``now`` or an
    ISO date and time (UTC), else None."""
    text = text.strip()
    if text in ("", "now"):
        return now
    if text.startswith("@"):
        try:
            return float(text[1:])
        except ValueError:
            return None
    match = _DATE_STRING.fullmatch(text)
    if match is None:
        return None
    year, month, day, hour, minute, second = (int(part or 0) for part in match.groups())
    return float(calendar.timegm((year, month, day, hour, minute, second, 0, 0, 0)))


async def date(ctx):
    parsed = await parse_or_report(ctx, "d:I::Ru", {
        "date": ("d", True), "iso-8601": ("I", "optional"), "rfc-email": ("R", False),
        "utc": ("u", False), "universal": ("u", False)})
    if parsed is None:
        return 1
    options, operands = parsed
    timestamp = ctx.now()
    fmt = DEFAULT_FORMAT
    for key, value in options:
        if key == "d":
            timestamp = _parse_date(value, ctx.now())
            if timestamp is None:
                await ctx.error(f"invalid date {quote(value)}")
                return 1
        elif key == "I":
            fmt = _ISO_FORMATS.get(value or "date")
            if fmt is None:
                await ctx.error(f"invalid argument {quote(value)} for '--iso-8601'")
                return 1
        elif key == "R":
            fmt = RFC_5322_FORMAT
    for operand in operands:
        if not operand.startswith("+"):
            await ctx.error(f"invalid date {quote(operand)}")
            return 1
        fmt = operand[1:]
    await ctx.stdout.write(format_date(fmt, timestamp) + "\n")
    return 0


async def pwd(ctx):
    await ctx.stdout.write(ctx.cwd + "\n")
    return 0


async def whoami(ctx):
    await ctx.stdout.write(USER + "\n")
    return 0


async def hostname(ctx):
    await ctx.stdout.write(ctx.files.read("/etc/hostname"))
    return 0


async def basename(ctx):
    if not ctx.args:
        return await usage_error(ctx, "missing operand")
    name = posixpath.basename(ctx.args[0].rstrip("/")) or "/"
    if len(ctx.args) > 1 and name != ctx.args[1] and name.endswith(ctx.args[1]):
        name = name[:-len(ctx.args[1])]
    await ctx.stdout.write(name + "\n")
    return 0


async def dirname(ctx):
    if not ctx.args:
        return await usage_error(ctx, "missing operand")
    for path in ctx.args:
        stripped = path.rstrip("/") or "/"
        parent = posixpath.dirname(stripped).rstrip("/") or ("/" if stripped.startswith("/") else ".")
        await ctx.stdout.write(parent + "\n")
    return 0


async def env(ctx):
    args = list(ctx.args)
    environment = dict(ctx.env)
    if args[:1] in (["-i"], ["-"]):
        environment = {}
        args = args[1:]
    while args and "=" in args[0] and not args[0].startswith("="):
        name, _, value = args.pop(0).partition("=")
        environment[name] = value
    if not args:
        await ctx.stdout.write("".join(f"{name}={value}\n" for name, value in environment.items()))
        return 0
    try:
        return await ctx.system.exec_program(ctx.process, args, environment)
    except OSError as error:
        await ctx.error(f"{quote(args[0])}: {error.strerror}")
        return 126 if isinstance(error, PermissionError) else 127


#: name -> command; each is also a program file in /usr/bin.
BUILTIN_COMMANDS = {
    "basename": Command(basename, buffered=True),
    "bash": Command(shell_command),
    "cat": Command(cat),
    "cp": Command(cp),
    "cut": Command(cut, buffered=True),
    "dash": Command(shell_command),
    "date": Command(date, buffered=True),
    "dirname": Command(dirname, buffered=True),
    "echo": Command(echo, buffered=True),
    "env": Command(env, buffered=True),
    "false": Command(false),
    "grep": Command(grep, buffered=True),
    "head": Command(head, buffered=True),
    "hostname": Command(hostname, buffered=True),
    "ls": Command(ls, buffered=True),
    "mkdir": Command(mkdir),
    "mv": Command(mv),
    "printf": Command(printf, buffered=True),
    "pwd": Command(pwd, buffered=True),
    "rm": Command(rm),
    "seq": Command(seq, buffered=True),
    "sh": Command(shell_command),
    "sleep": Command(sleep),
    "sort": Command(sort, buffered=True),
    "tail": Command(tail, buffered=True),
    "tee": Command(tee),
    "touch": Command(touch),
    "tr": Command(tr, buffered=True),
    "true": Command(true),
    "uniq": Command(uniq, buffered=True),
    "wc": Command(wc, buffered=True),
    "whoami": Command(whoami, buffered=True),
    "yes": Command(yes),
}
