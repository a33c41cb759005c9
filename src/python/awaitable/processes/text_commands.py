"""The text tools: ``cat``, ``head``, ``tail``, ``wc``, ``grep``, ``sort``,
``uniq``, ``tee``, ``tr`` and ``cut``.

They read their operands (or standard input, also as ``-``) and stream
where the real tools stream: ``cat`` and ``tee`` pass data on as it
arrives, ``grep`` and ``head`` produce lines while their input is still
open, ``sort`` and ``tail`` wait for the end of it.
"""

import codecs
import functools
import re
from decimal import Decimal

from .command_support import (open_input, parse_or_report, quote, quote_if_needed, shell_quote,
                              usage_error)
from .open_files import FileWriter, NullFile

__all__ = ["cat", "head", "tail", "wc", "grep", "sort", "uniq", "tee", "tr", "cut"]

_CHUNK = 65536


def _decode(line):
    return line.decode("utf-8", "surrogateescape")


def _encode(text):
    return text.encode("utf-8", "surrogateescape")


def _split_lines(data):
    """Lines with their newlines; only a newline ends a line."""
    lines = [line + b"\n" for line in data.split(b"\n")]
    lines[-1] = lines[-1][:-1]
    return lines if lines[-1] else lines[:-1]


# cat

async def cat(ctx):
    parsed = await parse_or_report(ctx, "bnEsA", {
        "number-nonblank": ("b", False), "number": ("n", False), "show-ends": ("E", False),
        "squeeze-blank": ("s", False), "show-all": ("A", False)})
    if parsed is None:
        return 1
    options, operands = parsed
    flags = {key for key, _ in options}
    if "A" in flags:
        flags.add("E")
    status = 0
    state = {"number": 0, "blank": False}
    for operand in operands or ["-"]:
        try:
            stream = open_input(ctx, operand)
        except OSError as error:
            await ctx.error(f"{quote_if_needed(operand)}: {error.strerror}")
            status = 1
            continue
        if flags & {"b", "n", "E", "s"}:
            async for line in stream:
                await _cat_line(ctx, line, flags, state)
            continue
        while data := await stream.read(_CHUNK):
            await ctx.stdout.write(data)
    return status


async def _cat_line(ctx, line, flags, state):
    blank = line in (b"\n", b"")
    if "s" in flags and blank and state["blank"]:
        return
    state["blank"] = blank
    prefix = b""
    if "b" in flags and not blank or "n" in flags and "b" not in flags:
        state["number"] += 1
        prefix = b"%6d\t" % state["number"]
    if "E" in flags and line.endswith(b"\n"):
        line = line[:-1] + b"$\n"
    await ctx.stdout.write(prefix + line)


# head and tail

def _count(text, what):
    """A ``-n``/``-c`` value: (number, sign) where sign is ``-`` or ``+`` if given."""
    sign = text[:1] if text[:1] in "+-" else ""
    digits = text[len(sign):]
    multipliers = {"": 1, "b": 512, "K": 1024, "k": 1024, "M": 1024 ** 2, "G": 1024 ** 3}
    match = re.fullmatch(r"(\d+)([bkKMG]?)", digits)
    if match is None:
        raise ValueError(f"invalid number of {what}: {quote(text)}")
    return int(match.group(1)) * multipliers[match.group(2)], sign


def _obsolete_count(args, plus):
    """``head -5``/``tail -5`` mean ``-n 5`` (and ``tail +5``, ``-n +5``)."""
    if args and re.fullmatch(r"[-+]\d+[cl]?" if plus else r"-\d+[cl]?", args[0]):
        count = args[0][1:].rstrip("cl")
        option = "-c" if args[0].endswith("c") else "-n"
        sign = "+" if args[0].startswith("+") else ""
        return [option, sign + count] + args[1:]
    return args


async def _head_tail_setup(ctx):
    is_tail = ctx.name == "tail"
    long = {"lines": ("n", True), "bytes": ("c", True), "quiet": ("q", False),
            "silent": ("q", False), "verbose": ("v", False)}
    if is_tail:
        long["follow"] = ("f", False)
    parsed = await parse_or_report(ctx, "n:c:qvf" if is_tail else "n:c:qv", long,
                                   args=_obsolete_count(ctx.args, plus=is_tail))
    if parsed is None:
        return None
    options, operands = parsed
    unit, count, sign = "lines", 10, ""
    headers = None
    follow = False
    for key, value in options:
        try:
            if key == "n":
                unit = "lines"
                count, sign = _count(value, "lines")
            elif key == "c":
                unit = "bytes"
                count, sign = _count(value, "bytes")
        except ValueError as error:
            await ctx.error(str(error))
            return None
        if key == "q":
            headers = False
        elif key == "v":
            headers = True
        elif key == "f":
            follow = True
    operands = operands or ["-"]
    if headers is None:
        headers = len(operands) > 1
    return unit, count, sign, operands, headers, follow


async def _open_for_head_tail(ctx, operand):
    try:
        return open_input(ctx, operand)
    except IsADirectoryError as error:
        await ctx.error(f"error reading {shell_quote(operand)}: {error.strerror}")
    except OSError as error:
        await ctx.error(f"cannot open {shell_quote(operand)} for reading: {error.strerror}")
    return None


def _label(operand):
    return "standard input" if operand == "-" else operand


async def head(ctx):
    setup = await _head_tail_setup(ctx)
    if setup is None:
        return 1
    unit, count, sign, operands, headers, _ = setup
    status = 0
    for index, operand in enumerate(operands):
        stream = await _open_for_head_tail(ctx, operand)
        if stream is None:
            status = 1
            continue
        if headers:
            await ctx.stdout.write(("\n" if index else "") + f"==> {_label(operand)} <==\n")
        if sign == "-":
            data = await stream.read()
            if unit == "lines":
                lines = _split_lines(data)
                data = b"".join(lines[:max(0, len(lines) - count)])
            else:
                data = data[:max(0, len(data) - count)]
            await ctx.stdout.write(data)
        elif unit == "bytes":
            remaining = count
            while remaining and (data := await stream.read(min(remaining, _CHUNK))):
                await ctx.stdout.write(data)
                remaining -= len(data)
        else:
            for _ in range(count):
                line = await stream.readline()
                if not line:
                    break
                await ctx.stdout.write(line)
    return status


async def tail(ctx):
    setup = await _head_tail_setup(ctx)
    if setup is None:
        return 1
    unit, count, sign, operands, headers, follow = setup
    status = 0
    for index, operand in enumerate(operands):
        stream = await _open_for_head_tail(ctx, operand)
        if stream is None:
            status = 1
            continue
        if headers:
            await ctx.stdout.write(("\n" if index else "") + f"==> {_label(operand)} <==\n")
        data = await stream.read()
        if unit == "lines":
            lines = _split_lines(data)
            if sign == "+":
                chosen = lines[max(0, count - 1):]
            else:
                chosen = lines[len(lines) - count:] if count else []
            await ctx.stdout.write(b"".join(chosen))
        elif sign == "+":
            await ctx.stdout.write(data[max(0, count - 1):])
        else:
            await ctx.stdout.write(data[len(data) - count:] if count else b"")
    if follow and operands[-1] != "-" and len(operands) == 1 and status == 0:
        await _follow(ctx, operands[0])
    return status


async def _follow(ctx, operand):
    """``tail -f``: print what is appended to the file, checking once a
    second as tail does when it cannot use inotify."""
    node = ctx.files.open_file(operand, ctx.cwd, "r")
    seen = len(node.data)
    while True:
        await ctx.stdout.flush()
        await ctx.sleep(1.0)
        if len(node.data) > seen:
            await ctx.stdout.write(bytes(node.data[seen:]))
        seen = len(node.data)


# wc

_WC_FIELDS = "lwmcL"


async def wc(ctx):
    parsed = await parse_or_report(ctx, "clLmw", {
        "bytes": ("c", False), "chars": ("m", False), "lines": ("l", False),
        "max-line-length": ("L", False), "words": ("w", False)})
    if parsed is None:
        return 1
    options, operands = parsed
    wanted = {key for key, _ in options} or {"l", "w", "c"}
    fields = [field for field in _WC_FIELDS if field in wanted]
    names = operands or [None]
    results = []
    status = 0
    for name in names:
        try:
            stream = open_input(ctx, name or "-")
        except IsADirectoryError as error:
            await ctx.error(f"{quote_if_needed(name)}: {error.strerror}")
            status = 1
            results.append((name, dict.fromkeys(fields, 0), None))
            continue
        except OSError as error:
            await ctx.error(f"{quote_if_needed(name)}: {error.strerror}")
            status = 1
            continue
        results.append((name, await _wc_counts(stream), stream.regular_size))
    width = 1
    if not (len(names) == 1 and len(fields) == 1):
        regular_total = sum(size for _, _, size in results if size is not None)
        width = max(len(str(regular_total)), 7 if any(size is None for _, _, size in results) else 1)
    for name, counts, _ in results:
        await _wc_line(ctx, [counts[field] for field in fields], width, name)
    if len(names) > 1:
        totals = [sum(counts[field] for _, counts, _ in results) if field != "L"
                  else max((counts[field] for _, counts, _ in results), default=0) for field in fields]
        await _wc_line(ctx, totals, width, "total")
    return status


async def _wc_line(ctx, numbers, width, name):
    text = " ".join(str(number).rjust(width) for number in numbers)
    await ctx.stdout.write(text + (f" {name}" if name else "") + "\n")


async def _wc_counts(stream):
    counts = dict.fromkeys(_WC_FIELDS, 0)
    in_word = False
    column = 0
    decoder = codecs.getincrementaldecoder("utf-8")("ignore")
    while data := await stream.read(_CHUNK):
        counts["c"] += len(data)
        counts["l"] += data.count(b"\n")
        words = data.split()
        counts["w"] += len(words)
        if words and in_word and not data[:1].isspace():
            counts["w"] -= 1
        if data:
            in_word = not data[-1:].isspace()
        text = decoder.decode(data)
        counts["m"] += len(text)
        for char in text:
            if char == "\n":
                counts["L"] = max(counts["L"], column)
                column = 0
            elif char == "\t":
                column += 8 - column % 8
            else:
                column += 1
    counts["L"] = max(counts["L"], column)
    return counts


# grep

class _RegexError(Exception):
    pass


_CLASSES = {
    "alpha": "a-zA-Z", "digit": "0-9", "alnum": "a-zA-Z0-9", "upper": "A-Z", "lower": "a-z",
    "space": r" \t\n\r\f\v", "blank": r" \t", "xdigit": "0-9A-Fa-f", "cntrl": r"\x00-\x1f\x7f",
    "print": r"\x20-\x7e", "graph": r"\x21-\x7e", "punct": r"!-/:-@\[-`{-~",
}


def _bracket(pattern, start):
    """Translate the bracket expression at ``pattern[start]`` (a ``[``);
    returns the Python class and the index after it."""
    index = start + 1
    negate = pattern[index:index + 1] == "^"
    if negate:
        index += 1
    items = []
    first = True
    while True:
        if index >= len(pattern):
            raise _RegexError("Unmatched [, [^, [:, [., or [=")
        char = pattern[index]
        if char == "]" and not first:
            index += 1
            break
        first = False
        if pattern.startswith("[:", index):
            end = pattern.find(":]", index + 2)
            name = pattern[index + 2:end] if end > 0 else ""
            if name not in _CLASSES:
                raise _RegexError("Invalid character class name")
            items.append(_CLASSES[name])
            index = end + 2
        elif pattern.startswith(("[=", "[."), index):
            end = pattern.find(pattern[index + 1] + "]", index + 2)
            if end < 0:
                raise _RegexError("Unmatched [, [^, [:, [., or [=")
            items.append(re.escape(pattern[index + 2:end]))
            index = end + 2
        elif index + 2 < len(pattern) and pattern[index + 1] == "-" and pattern[index + 2] != "]":
            items.append(f"{re.escape(char)}-{re.escape(pattern[index + 2])}")
            index += 3
        else:
            items.append(re.escape(char) if char in "\\]-^[" else char)
            index += 1
    return "[" + ("^" if negate else "") + "".join(items) + "]", index


def _translate(pattern, extended):
    """A POSIX basic (or extended) regular expression, with GNU's
    extensions, as a Python one."""
    out = []
    index = 0
    depth = 0
    # Where `*` (and in EREs `+ ? {`) has nothing to repeat and is literal.
    starting = True
    while index < len(pattern):
        char = pattern[index]
        index += 1
        if char == "\\":
            if index == len(pattern):
                raise _RegexError("Trailing backslash")
            char = pattern[index]
            index += 1
            if not extended and char in "(){}|+?":
                if char == "(":
                    depth += 1
                    out.append("(")
                    starting = True
                    continue
                if char == ")":
                    if not depth:
                        raise _RegexError("Unmatched ) or \\)")
                    depth -= 1
                    out.append(")")
                elif char == "{":
                    end = pattern.find("\\}", index)
                    if end < 0:
                        raise _RegexError("Unmatched \\{")
                    out.append("{" + pattern[index:end] + "}")
                    index = end + 2
                elif char == "|":
                    out.append("|")
                    starting = True
                    continue
                else:
                    out.append(char)
            elif char == "<":
                out.append(r"\b(?=\w)")
            elif char == ">":
                out.append(r"\b(?<=\w)")
            elif char in "bBwWsS" or char.isdigit():
                out.append("\\" + char)
            else:
                out.append(re.escape(char))
            starting = False
            continue
        if char == "[":
            translated, index = _bracket(pattern, index - 1)
            out.append(translated)
        elif char == ".":
            out.append(".")
        elif char == "^":
            out.append("^" if extended or starting else re.escape(char))
            continue
        elif char == "$":
            at_end = index == len(pattern) or pattern.startswith(("\\)", "\\|"), index)
            out.append("$" if extended or at_end else re.escape(char))
        elif char == "*" or extended and char in "+?":
            out.append(re.escape(char) if starting else char)
        elif extended and char == "{" and not starting and re.match(r"\d*(,\d*)?\}", pattern[index:]):
            end = pattern.index("}", index)
            out.append("{" + pattern[index:end] + "}")
            index = end + 1
        elif extended and char == "(":
            depth += 1
            out.append("(")
            continue
        elif extended and char == ")" and depth:
            depth -= 1
            out.append(")")
        elif extended and char == "|":
            out.append("|")
            continue
        else:
            out.append(re.escape(char))
        starting = False
    if depth:
        raise _RegexError("Unmatched ( or \\(")
    return "".join(out)


def _compile_patterns(patterns, mode, ignore_case, word, line):
    parts = []
    for pattern in patterns:
        if mode == "F":
            parts.append(re.escape(pattern))
        else:
            parts.append(_translate(pattern, mode == "E"))
    expression = "|".join(f"(?:{part})" for part in parts)
    if word:
        expression = rf"(?<!\w)(?:{expression})(?!\w)"
    if line:
        expression = rf"^(?:{expression})$"
    try:
        return re.compile(expression, re.IGNORECASE if ignore_case else 0)
    except re.error as error:
        raise _RegexError("Invalid regular expression") from error


_GREP_LONG = {
    "extended-regexp": ("E", False), "fixed-strings": ("F", False), "basic-regexp": ("G", False),
    "regexp": ("e", True), "ignore-case": ("i", False), "invert-match": ("v", False),
    "word-regexp": ("w", False), "line-regexp": ("x", False), "count": ("c", False),
    "files-with-matches": ("l", False), "files-without-match": ("L", False),
    "only-matching": ("o", False), "quiet": ("q", False), "silent": ("q", False),
    "no-messages": ("s", False), "line-number": ("n", False), "with-filename": ("H", False),
    "no-filename": ("h", False), "max-count": ("m", True), "color": ("color", False),
    "colour": ("color", False), "line-buffered": ("line-buffered", False),
}


async def grep(ctx):
    args = [arg.split("=")[0] if arg.startswith("--colo") else arg for arg in ctx.args]
    parsed = await parse_or_report(ctx, "EFGe:iyvwxclLoqsnHhm:", _GREP_LONG, status=2, args=args)
    if parsed is None:
        return 2
    options, operands = parsed
    flags = {key for key, value in options if value is None}
    patterns = [value for key, value in options if key == "e"]
    mode = "G"
    max_count = None
    for key, value in options:
        if key in ("E", "F", "G"):
            mode = key
        elif key == "m":
            if not re.fullmatch(r"-?\d+", value):
                await ctx.error("invalid max count")
                return 2
            max_count = int(value)
    if not patterns:
        if not operands:
            await ctx.stderr.write("Usage: grep [OPTION]... PATTERNS [FILE]...\n"
                                   "Try 'grep --help' for more information.\n")
            return 2
        patterns = [operands.pop(0)]
    patterns = [line for pattern in patterns for line in pattern.split("\n")]
    try:
        regex = _compile_patterns(patterns, mode, flags & {"i", "y"}, "w" in flags, "x" in flags)
    except _RegexError as error:
        await ctx.error(str(error))
        return 2
    operands = operands or ["-"]
    show_names = ("H" in flags or len(operands) > 1) and "h" not in flags
    matched = False
    error = False
    for operand in operands:
        name = "(standard input)" if operand == "-" else operand
        try:
            stream = open_input(ctx, operand)
        except OSError as failure:
            if "s" not in flags:
                await ctx.error(f"{quote_if_needed(operand)}: {failure.strerror}")
            error = True
            continue
        count = await _grep_stream(ctx, stream, regex, flags, name if show_names else None, max_count)
        matched = matched or count > 0
        if "q" in flags and matched:
            return 0
        if "c" in flags:
            await ctx.stdout.write((f"{name}:" if show_names else "") + f"{count}\n")
        if "l" in flags and count or "L" in flags and not count:
            await ctx.stdout.write(name + "\n")
        if "line-buffered" in flags:
            await ctx.stdout.flush()
    if error and not ("q" in flags and matched):
        return 2
    return 0 if matched else 1


async def _grep_stream(ctx, stream, regex, flags, name, max_count):
    invert = "v" in flags
    quiet = flags & {"q", "c", "l", "L"}
    count = 0
    number = 0
    async for raw in stream:
        number += 1
        line = _decode(raw.rstrip(b"\n"))
        found = regex.search(line) is not None
        if found == invert:
            continue
        count += 1
        if quiet:
            if "q" in flags or "l" in flags:
                return count
        else:
            prefix = (f"{name}:" if name else "") + (f"{number}:" if "n" in flags else "")
            if "o" in flags and not invert:
                for match in regex.finditer(line):
                    if match.group():
                        await ctx.stdout.write(_encode(prefix + match.group() + "\n"))
            else:
                await ctx.stdout.write(_encode(prefix + line + "\n"))
            if "line-buffered" in flags:
                await ctx.stdout.flush()
        if max_count is not None and count >= max_count:
            break
    return count


# sort

_NUMERIC = re.compile(r"\s*(-?)(\d*)(?:\.(\d*))?")


def _numeric(text):
    match = _NUMERIC.match(text)
    sign, whole, fraction = match.groups()
    if not whole and not fraction:
        return Decimal(0)
    value = Decimal(f"{whole or 0}.{fraction or 0}")
    return -value if sign else value


class _SortKey:
    """One ``-k`` key (or the whole line), with its ordering options."""

    def __init__(self, start=(1, 1), end=None, options=""):
        self.start = start
        self.end = end
        self.options = options

    def extract(self, line, separator):
        if self.start == (1, 1) and self.end is None:
            text = line
        else:
            fields = _fields(line, separator)
            field, char = self.start
            if field > len(fields):
                return ""
            begin = fields[field - 1][0]
            if "b" in self.options:
                while begin < len(line) and line[begin] in " \t":
                    begin += 1
            begin += char - 1
            finish = len(line)
            if self.end is not None:
                end_field, end_char = self.end
                if end_field <= len(fields):
                    start_of, end_of = fields[end_field - 1]
                    finish = end_of if not end_char else min(end_of, start_of + end_char)
            text = line[begin:finish]
        if "b" in self.options:
            text = text.lstrip(" \t")
        return text

    def compare(self, a, b):
        if "n" in self.options:
            left, right = _numeric(a), _numeric(b)
        elif "f" in self.options:
            left, right = a.upper(), b.upper()
        else:
            left, right = a, b
        result = (left > right) - (left < right)
        return -result if "r" in self.options else result


def _fields(line, separator):
    """(start, end) of each field: with a separator, between separators;
    without, each field is its leading blanks and the non-blanks after."""
    fields = []
    if separator is not None:
        start = 0
        for index, char in enumerate(line):
            if char == separator:
                fields.append((start, index))
                start = index + 1
        fields.append((start, len(line)))
        return fields
    for match in re.finditer(r"[ \t]*[^ \t]*", line):
        if match.group() or not fields:
            fields.append(match.span())
    return fields


def _key_definition(text, global_options):
    match = re.fullmatch(r"(\d+)(?:\.(\d+))?([bdfgnr]*)(?:,(\d+)(?:\.(\d+))?([bdfgnr]*))?", text)
    if match is None or match.group(1) == "0":
        raise ValueError(f"invalid number at field start: invalid count at start of {quote(text)}")
    field, char, options, end_field, end_char, end_options = match.groups()
    own = (options or "") + (end_options or "")
    end = (int(end_field), int(end_char or 0)) if end_field else None
    return _SortKey((int(field), int(char or 1)), end, own or global_options)


async def sort(ctx):
    parsed = await parse_or_report(ctx, "bfnrsuk:t:o:", {
        "ignore-leading-blanks": ("b", False), "ignore-case": ("f", False),
        "numeric-sort": ("n", False), "reverse": ("r", False), "stable": ("s", False),
        "unique": ("u", False), "key": ("k", True), "field-separator": ("t", True),
        "output": ("o", True)}, status=2)
    if parsed is None:
        return 2
    options, operands = parsed
    flags = "".join(key for key, value in options if value is None)
    global_options = "".join(flag for flag in flags if flag in "bfnr")
    separator = next((value for key, value in options if key == "t"), None)
    keys = []
    for key, value in options:
        if key == "k":
            try:
                keys.append(_key_definition(value, global_options))
            except ValueError as error:
                await ctx.error(str(error))
                return 2
    keys = keys or [_SortKey(options=global_options)]
    lines = []
    for operand in operands or ["-"]:
        try:
            stream = open_input(ctx, operand)
        except IsADirectoryError as error:
            await ctx.error(f"read failed: {quote_if_needed(operand)}: {error.strerror}")
            return 2
        except OSError as error:
            await ctx.error(f"cannot read: {quote_if_needed(operand)}: {error.strerror}")
            return 2
        lines.extend(_decode(line.rstrip(b"\n")) for line in _split_lines(await stream.read()))

    def compare_keys(a, b):
        for key in keys:
            result = key.compare(key.extract(a, separator), key.extract(b, separator))
            if result:
                return result
        return 0

    def compare(a, b):
        result = compare_keys(a, b)
        if result or "s" in flags or "u" in flags:
            return result
        result = (a > b) - (a < b)
        return -result if "r" in flags else result

    lines.sort(key=functools.cmp_to_key(compare))
    if "u" in flags:
        unique = []
        for line in lines:
            if not unique or compare_keys(unique[-1], line):
                unique.append(line)
        lines = unique
    output = "".join(line + "\n" for line in lines)
    target = next((value for key, value in options if key == "o"), None)
    if target is None:
        await ctx.stdout.write(_encode(output))
        return 0
    try:
        node = ctx.files.open_file(target, ctx.cwd, "w")
    except OSError as error:
        await ctx.error(f"open failed: {quote_if_needed(target)}: {error.strerror}")
        return 2
    await FileWriter(node, ctx.files, append=False).write(_encode(output))
    return 0


# uniq, tee

async def uniq(ctx):
    parsed = await parse_or_report(ctx, "cdui", {
        "count": ("c", False), "repeated": ("d", False), "unique": ("u", False),
        "ignore-case": ("i", False)})
    if parsed is None:
        return 1
    options, operands = parsed
    flags = {key for key, _ in options}
    try:
        stream = open_input(ctx, operands[0] if operands else "-")
    except OSError as error:
        await ctx.error(f"{quote_if_needed(operands[0])}: {error.strerror}")
        return 1
    output = ctx.stdout
    if len(operands) > 1:
        try:
            node = ctx.files.open_file(operands[1], ctx.cwd, "w")
        except OSError as error:
            await ctx.error(f"{quote_if_needed(operands[1])}: {error.strerror}")
            return 1
        output = _FileOutput(FileWriter(node, ctx.files, append=False))

    def same(a, b):
        return a.lower() == b.lower() if "i" in flags else a == b

    async def emit(line, count):
        if "d" in flags and count == 1 or "u" in flags and count > 1:
            return
        prefix = b"%7d " % count if "c" in flags else b""
        await output.write(prefix + line + b"\n")

    current, count = None, 0
    async for raw in stream:
        line = raw.rstrip(b"\n")
        if current is not None and same(current, line):
            count += 1
            continue
        if current is not None:
            await emit(current, count)
        current, count = line, 1
    if current is not None:
        await emit(current, count)
    return 0


class _FileOutput:
    """An output file with the ``write`` of an ``OutputStream``."""

    def __init__(self, writer):
        self._writer = writer

    async def write(self, data):
        await self._writer.write(data)


async def tee(ctx):
    parsed = await parse_or_report(ctx, "ai", {"append": ("a", False),
                                               "ignore-interrupts": ("i", False)})
    if parsed is None:
        return 1
    options, operands = parsed
    append = ("a", None) in options
    outputs = []
    status = 0
    for operand in operands:
        try:
            node = ctx.files.open_file(operand, ctx.cwd, "a" if append else "w")
        except OSError as error:
            await ctx.error(f"{quote_if_needed(operand)}: {error.strerror}")
            status = 1
            continue
        outputs.append(FileWriter(node, ctx.files, append) if node.is_file else NullFile())
    while data := await ctx.stdin.read(_CHUNK):
        await ctx.stdout.write(data)
        for output in outputs:
            await output.write(data)
    return status


# tr, cut

_TR_CLASSES = {
    "alpha": b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz", "digit": b"0123456789",
    "lower": b"abcdefghijklmnopqrstuvwxyz", "upper": b"ABCDEFGHIJKLMNOPQRSTUVWXYZ",
    "space": b"\t\n\v\f\r ", "blank": b"\t ", "punct": bytes(
        c for c in range(33, 127) if not chr(c).isalnum()),
    "xdigit": b"0123456789ABCDEFabcdef", "cntrl": bytes(range(32)) + b"\x7f",
    "print": bytes(range(32, 127)), "graph": bytes(range(33, 127)),
}
_TR_CLASSES["alnum"] = _TR_CLASSES["digit"] + _TR_CLASSES["upper"] + _TR_CLASSES["lower"]
_TR_ESCAPES = {"n": 10, "t": 9, "r": 13, "\\": 92, "a": 7, "b": 8, "f": 12, "v": 11}


def _tr_set(text):
    """The bytes a ``tr`` set stands for, ranges and classes expanded."""
    data = text.encode("utf-8", "surrogateescape")
    chars = []
    index = 0
    while index < len(data):
        if data.startswith(b"[:", index) and data.find(b":]", index) > 0:
            end = data.find(b":]", index)
            name = data[index + 2:end].decode()
            if name not in _TR_CLASSES:
                raise ValueError(f"invalid character class {quote(name)}")
            chars.extend(_TR_CLASSES[name])
            index = end + 2
            continue
        byte, index = _tr_char(data, index)
        if data[index:index + 1] == b"-" and index + 1 < len(data):
            last, after = _tr_char(data, index + 1)
            if last < byte:
                raise ValueError(f"range-endpoints of '{chr(byte)}-{chr(last)}' are in reverse "
                                 "collating sequence order")
            chars.extend(range(byte, last + 1))
            index = after
        else:
            chars.append(byte)
    return chars


def _tr_char(data, index):
    if data[index] == 0x5C and index + 1 < len(data):
        code = chr(data[index + 1])
        if code in "01234567":
            end = index + 1
            while end < len(data) and end < index + 4 and chr(data[end]) in "01234567":
                end += 1
            return int(data[index + 1:end], 8) & 0xFF, end
        return _TR_ESCAPES.get(code, data[index + 1]), index + 2
    return data[index], index + 1


async def tr(ctx):
    parsed = await parse_or_report(ctx, "cCds", {
        "complement": ("c", False), "delete": ("d", False), "squeeze-repeats": ("s", False)})
    if parsed is None:
        return 1
    options, operands = parsed
    flags = {key.lower() for key, _ in options}
    needed = 1 if "d" in flags or "s" in flags and len(operands) == 1 else 2
    if len(operands) < needed:
        message = "missing operand" if not operands else f"missing operand after {quote(operands[0])}"
        return await usage_error(ctx, message)
    if len(operands) > 2 or "d" in flags and "s" not in flags and len(operands) > 1:
        return await usage_error(ctx, f"extra operand {quote(operands[-1])}")
    try:
        first = _tr_set(operands[0])
        second = _tr_set(operands[1]) if len(operands) > 1 else []
    except ValueError as error:
        await ctx.error(str(error))
        return 1
    if "c" in flags:
        first = [byte for byte in range(256) if byte not in set(first)]
    table = None
    if "d" not in flags and second:
        table = bytearray(range(256))
        for index, byte in enumerate(first):
            table[byte] = second[min(index, len(second) - 1)]
        table = bytes(table)
    delete = bytes(first) if "d" in flags else b""
    squeeze = set(second if len(operands) > 1 and ("d" in flags or table) else first) \
        if "s" in flags else set()
    previous = None
    while data := await ctx.stdin.read(_CHUNK):
        data = data.translate(table, delete)
        if squeeze:
            kept = bytearray()
            for byte in data:
                if byte == previous and byte in squeeze:
                    continue
                kept.append(byte)
                previous = byte
            data = bytes(kept)
        await ctx.stdout.write(data)
    return 0


def _ranges(text):
    """A cut LIST (``1,3-5,7-``) as a membership test on 1-based positions."""
    spans = []
    for part in text.split(","):
        match = re.fullmatch(r"(\d*)-?(\d*)", part)
        if not part or match is None or part == "-":
            raise ValueError("invalid range with no endpoint: -" if part == "-"
                             else f"invalid byte/character position {quote(part)}")
        low, high = match.groups()
        if "-" not in part:
            high = low
        if low and int(low) == 0 or high and int(high) == 0:
            raise ValueError("fields and positions are numbered from 1")
        spans.append((int(low or 1), int(high) if high else None))
    return lambda position: any(low <= position and (high is None or position <= high)
                                for low, high in spans)


async def cut(ctx):
    parsed = await parse_or_report(ctx, "b:c:d:f:s", {
        "bytes": ("b", True), "characters": ("c", True), "delimiter": ("d", True),
        "fields": ("f", True), "only-delimited": ("s", False),
        "output-delimiter": ("output-delimiter", True)})
    if parsed is None:
        return 1
    options, operands = parsed
    settings = dict(options)
    lists = [key for key in "bcf" if key in settings]
    if len(lists) != 1:
        message = ("you must specify a list of bytes, characters, or fields" if not lists
                   else "only one list may be specified")
        return await usage_error(ctx, message)
    try:
        wanted = _ranges(settings[lists[0]])
    except ValueError as error:
        return await usage_error(ctx, str(error))
    delimiter = settings.get("d", "\t")
    if len(delimiter) != 1:
        return await usage_error(ctx, "the delimiter must be a single character")
    joiner = settings.get("output-delimiter", delimiter if lists[0] == "f" else "")
    status = 0
    for operand in operands or ["-"]:
        try:
            stream = open_input(ctx, operand)
        except OSError as error:
            await ctx.error(f"{quote_if_needed(operand)}: {error.strerror}")
            status = 1
            continue
        async for raw in stream:
            if lists[0] == "b":
                data = raw.rstrip(b"\n")
                await ctx.stdout.write(bytes(
                    byte for position, byte in enumerate(data, 1) if wanted(position)) + b"\n")
                continue
            line = _decode(raw.rstrip(b"\n"))
            if lists[0] == "c":
                pieces = [char for position, char in enumerate(line, 1) if wanted(position)]
            elif delimiter not in line:
                if "s" in settings:
                    continue
                pieces = [line]
            else:
                pieces = [field for position, field in enumerate(line.split(delimiter), 1)
                          if wanted(position)]
            await ctx.stdout.write(_encode(joiner.join(pieces) + "\n"))
    return status
