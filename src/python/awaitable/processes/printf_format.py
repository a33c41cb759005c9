"""Backslash escapes and ``printf`` formats, as coreutils, dash and bash do them.

The three disagree in small ways a learner can see (``echo -e`` is no
option to dash's ``echo``; dash's ``printf`` knows no ``\\x``), so each
caller says which one it is. Everything works on bytes: widths and
precisions count bytes, as C's ``printf`` does.
"""

import re
from dataclasses import dataclass

__all__ = ["Escapes", "decode_escapes", "echo_output", "format_printf", "ECHO_ESCAPES",
           "PRINTF_DIALECTS"]

_SIMPLE = {
    ord("\\"): b"\\", ord("a"): b"\a", ord("b"): b"\b", ord("e"): b"\x1b", ord("f"): b"\f",
    ord("n"): b"\n", ord("r"): b"\r", ord("t"): b"\t", ord("v"): b"\v",
}

_OCTAL = b"01234567"
_HEX = b"0123456789abcdefABCDEF"


@dataclass(frozen=True)
class Escapes:
    """Which backslash escapes one context understands."""

    #: ``\\0NNN``: a zero, then up to three octal digits
    zero_octal: bool
    #: ``\\NNN``: up to three octal digits (with ``zero_octal``, not starting with 0)
    plain_octal: bool
    #: ``\\xHH``
    hexadecimal: bool
    #: ``\\uHHHH`` and ``\\UHHHHHHHH``
    unicode: bool
    #: ``\\"`` (in a printf format)
    quote: bool = False


#: ``echo`` of each dialect (for coreutils and bash: with ``-e``).
ECHO_ESCAPES = {
    "gnu": Escapes(zero_octal=True, plain_octal=True, hexadecimal=True, unicode=False),
    "dash": Escapes(zero_octal=True, plain_octal=True, hexadecimal=False, unicode=False),
    "bash": Escapes(zero_octal=True, plain_octal=False, hexadecimal=True, unicode=True),
}


@dataclass(frozen=True)
class _Dialect:
    format_escapes: Escapes
    argument_escapes: Escapes
    #: conversions understood, besides the C ones
    extra: str
    #: status after an invalid conversion
    invalid_status: int


PRINTF_DIALECTS = {
    "gnu": _Dialect(
        Escapes(zero_octal=False, plain_octal=True, hexadecimal=True, unicode=True, quote=True),
        Escapes(zero_octal=True, plain_octal=True, hexadecimal=True, unicode=True), "bq", 1),
    "dash": _Dialect(
        Escapes(zero_octal=False, plain_octal=True, hexadecimal=False, unicode=False, quote=True),
        Escapes(zero_octal=True, plain_octal=True, hexadecimal=False, unicode=False), "b", 2),
    "bash": _Dialect(
        Escapes(zero_octal=False, plain_octal=True, hexadecimal=True, unicode=True, quote=True),
        Escapes(zero_octal=True, plain_octal=True, hexadecimal=True, unicode=True), "bq", 1),
}


def _digits(data, start, allowed, limit):
    end = start
    while end < len(data) and end - start < limit and data[end] in allowed:
        end += 1
    return end


def decode_escapes(text, escapes):
    """``text`` with its backslash escapes replaced.

    Returns ``(data, stopped)``: ``stopped`` is true when a ``\\c`` asked
    for no further output; ``data`` ends where it was.
    """
    data = text.encode("utf-8", "surrogateescape") if isinstance(text, str) else text
    out = bytearray()
    index = 0
    while index < len(data):
        byte = data[index]
        if byte != 0x5C or index + 1 == len(data):
            out.append(byte)
            index += 1
            continue
        code = data[index + 1]
        index += 2
        if code in _SIMPLE:
            out += _SIMPLE[code]
        elif code == ord("c"):
            return bytes(out), True
        elif code == ord('"') and escapes.quote:
            out += b'"'
        elif code == ord("0") and escapes.zero_octal:
            end = _digits(data, index, _OCTAL, 3)
            out.append(int(data[index:end] or b"0", 8) & 0xFF)
            index = end
        elif code in _OCTAL and escapes.plain_octal:
            end = _digits(data, index, _OCTAL, 2)
            out.append(int(data[index - 1:end], 8) & 0xFF)
            index = end
        elif code == ord("x") and escapes.hexadecimal and index < len(data) and data[index] in _HEX:
            end = _digits(data, index, _HEX, 2)
            out.append(int(data[index:end], 16))
            index = end
        elif code in b"uU" and escapes.unicode and index < len(data) and data[index] in _HEX:
            end = _digits(data, index, _HEX, 4 if code == ord("u") else 8)
            out += chr(int(data[index:end], 16)).encode("utf-8", "surrogatepass")
            index = end
        else:
            out += data[index - 2:index]
    return bytes(out), False


def echo_output(args, dialect):
    """What ``echo ARGS...`` writes.

    coreutils' and bash's ``echo`` take any mix of ``-n``, ``-e`` and
    ``-E`` and interpret escapes only with ``-e``; dash's takes only a
    single ``-n`` and always interprets them.
    """
    newline = True
    if dialect == "dash":
        escapes = True
        if args[:1] == ["-n"]:
            newline, args = False, args[1:]
    else:
        escapes = False
        while args and re.fullmatch(r"-[neE]+", args[0]):
            for letter in args[0][1:]:
                if letter == "n":
                    newline = False
                else:
                    escapes = letter == "e"
            args = args[1:]
    data = " ".join(args).encode("utf-8", "surrogateescape")
    if escapes:
        data, stopped = decode_escapes(data, ECHO_ESCAPES[dialect])
        newline = newline and not stopped
    return data + b"\n" if newline else data


_SPEC = re.compile(rb"%([-+ #0]*)(\*|\d+)?(?:\.(\*|\d*))?(.?)", re.DOTALL)
_INTEGER = re.compile(r"\s*([+-]?)(0[xX][0-9a-fA-F]+|0[0-7]*|[1-9][0-9]*)")
_FLOAT = re.compile(
    r"\s*[+-]?(?:inf(?:inity)?|nan|0[xX][0-9a-fA-F]*\.?[0-9a-fA-F]*(?:[pP][+-]?\d+)?"
    r"|(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)", re.IGNORECASE)

_INT64 = 2 ** 63


class _Arguments:
    """The operands a format consumes, with C's conversion rules and the
    dialect's messages for operands that are not numbers."""

    def __init__(self, values, dialect_name):
        self._values = values
        self._dialect = dialect_name
        self.position = 0
        self.messages = []

    @property
    def remaining(self):
        return self.position < len(self._values)

    def text(self):
        if not self.remaining:
            return None
        self.position += 1
        return self._values[self.position - 1]

    def _bad(self, value, kind):
        if self._dialect == "gnu":
            text = {"empty": "expected a numeric value", "partial": "value not completely converted",
                    "range": "Numerical result out of range"}[kind]
            self.messages.append(f"‘{value}’: {text}")
        elif self._dialect == "dash":
            text = {"empty": "expected numeric value", "partial": "not completely converted",
                    "range": "Result too large"}[kind]
            self.messages.append(f"{value}: {text}")
        else:
            text = "Numerical result out of range" if kind == "range" else "invalid number"
            self.messages.append(f"{value}: {text}")

    def integer(self):
        value = self.text()
        if value is None or value == "":
            return 0
        if value[:1] in ("'", '"') and len(value) > 1:
            return ord(value[1])
        match = _INTEGER.match(value)
        if match is None:
            self._bad(value, "empty")
            return 0
        sign, digits = match.groups()
        number = int(digits, 0) if not re.fullmatch(r"0[0-7]+", digits) else int(digits, 8)
        number = -number if sign == "-" else number
        if match.end() != len(value):
            self._bad(value, "partial")
        if not -_INT64 <= number < _INT64:
            self._bad(value, "range")
            number = _INT64 - 1 if number > 0 else -_INT64
        return number

    def real(self):
        value = self.text()
        if value is None or value == "":
            return 0.0
        if value[:1] in ("'", '"') and len(value) > 1:
            return float(ord(value[1]))
        match = _FLOAT.match(value)
        if match is None:
            self._bad(value, "empty")
            return 0.0
        number = match.group().strip()
        if number.lower().lstrip("+-").startswith("0x"):
            result = float.fromhex(number)
        else:
            result = float(number)
        if match.end() != len(value):
            self._bad(value, "partial")
        return result


def _quote(value, dialect_name):
    """``%q``: coreutils quotes as its ``ls`` does, bash with backslashes."""
    if dialect_name != "gnu":
        return re.sub(r"([^\w@%+=:,./-])", r"\\\1", value) if value else "''"
    if value and not re.search(r"[^\w@%+=:,./-]", value):
        return value
    if "'" not in value:
        return f"'{value}'"
    if not re.search(r'[$`"\\!]', value):
        return f'"{value}"'
    return "'" + value.replace("'", "'\\''") + "'"


def format_printf(format_text, values, dialect_name="gnu"):
    """Run ``printf FORMAT VALUES...``.

    Returns ``(output, messages, status)``: the bytes to write, the error
    messages (without the ``printf:`` prefix) and the exit status.
    """
    dialect = PRINTF_DIALECTS[dialect_name]
    arguments = _Arguments(values, dialect_name)
    fmt = format_text.encode("utf-8", "surrogateescape")
    out = bytearray()
    status = 0
    while True:
        start_position = arguments.position
        index = 0
        while index < len(fmt):
            percent = fmt.find(b"%", index)
            literal_end = len(fmt) if percent < 0 else percent
            if literal_end > index:
                data, stopped = decode_escapes(fmt[index:literal_end], dialect.format_escapes)
                out += data
                if stopped:
                    return bytes(out), arguments.messages, 1 if arguments.messages else status
            if percent < 0:
                break
            match = _SPEC.match(fmt, percent)
            flags, width, precision, conversion = match.groups()
            index = match.end()
            conversion = conversion.decode("latin-1")
            if conversion == "%" and not (flags or width or precision is not None):
                out += b"%"
                continue
            if not conversion or conversion not in "diouxXfFeEgGcs" + dialect.extra:
                spec = fmt[percent:index].decode("utf-8", "surrogateescape")
                messages = arguments.messages + [_invalid_conversion(spec, dialect_name)]
                return bytes(out), messages, dialect.invalid_status
            if width == b"*":
                width = str(arguments.integer()).encode()
            if precision == b"*":
                precision = str(arguments.integer()).encode()
            piece, stopped = _convert(flags, width, precision, conversion, arguments, dialect, dialect_name)
            out += piece
            if stopped:
                return bytes(out), arguments.messages, 1 if arguments.messages else status
        if not arguments.remaining or arguments.position == start_position:
            break
    if arguments.remaining and arguments.position == 0 and dialect_name == "gnu":
        arguments.messages.append(
            f"warning: ignoring excess arguments, starting with ‘{values[arguments.position]}’")
        return bytes(out), arguments.messages, 0 if len(arguments.messages) == 1 else 1
    return bytes(out), arguments.messages, 1 if arguments.messages else status


def _invalid_conversion(spec, dialect_name):
    if dialect_name == "gnu":
        return f"{spec}: invalid conversion specification"
    if dialect_name == "dash":
        return f"{spec}: invalid directive"
    return f"`{spec}': invalid format character"


def _convert(flags, width, precision, conversion, arguments, dialect, dialect_name):
    spec = b"%" + flags + (width or b"") + (b"." + precision if precision is not None else b"")
    if conversion in "di":
        return (spec + b"d") % arguments.integer(), False
    if conversion in "ouxX":
        number = arguments.integer()
        if number < 0:
            number += 2 ** 64
        return (spec + conversion.replace("u", "d").encode()) % number, False
    if conversion in "fFeEgG":
        return (spec + conversion.encode()) % arguments.real(), False
    if conversion == "c":
        value = arguments.text() or ""
        return (spec + b"s") % value.encode("utf-8", "surrogateescape")[:1], False
    value = arguments.text()
    value = "" if value is None else value
    if conversion == "b":
        data, stopped = decode_escapes(value, dialect.argument_escapes)
        return (spec + b"s") % data, stopped
    if conversion == "q":
        value = _quote(value, dialect_name)
    return (spec + b"s") % value.encode("utf-8", "surrogateescape"), False
