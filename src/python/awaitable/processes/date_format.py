"""GNU ``date +FORMAT`` formatting in the C locale and UTC.

Python's ``strftime`` hands most directives to the platform's C library,
whose extensions (``%N``, ``%-d``, ``%_H``, ``%:z``...) differ between
glibc and the WebAssembly build; this formats every directive itself.
"""

import datetime
import re
import time

__all__ = ["format_date", "DEFAULT_FORMAT", "RFC_5322_FORMAT"]

#: ``date`` with no format, in the C locale.
DEFAULT_FORMAT = "%a %b %e %H:%M:%S %Z %Y"
#: ``date -R``.
RFC_5322_FORMAT = "%a, %d %b %Y %H:%M:%S %z"

_DAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]
_MONTHS = ["January", "February", "March", "April", "May", "June", "July",
           "August", "September", "October", "November", "December"]

_DIRECTIVE = re.compile(r"%([-_0^#]*)(\d*)(?:[EO])?(:{0,3}[a-zA-Z%+])")

#: Directives that are other formats.
_COMPOSITE = {
    "c": "%a %b %e %H:%M:%S %Y", "D": "%m/%d/%y", "F": "%Y-%m-%d", "x": "%m/%d/%y",
    "X": "%H:%M:%S", "r": "%I:%M:%S %p", "R": "%H:%M", "T": "%H:%M:%S", "h": "%b",
}


def _fields(timestamp):
    """(value, default pad character, default width) of each numeric directive,
    and the text of each textual one."""
    whole = int(timestamp // 1)
    fraction = timestamp - whole
    t = time.gmtime(whole)
    hour12 = t.tm_hour % 12 or 12
    # Days before the first Sunday (Monday) of the year are in week 0.
    sunday_week = (t.tm_yday + 6 - (t.tm_wday + 1) % 7) // 7
    monday_week = (t.tm_yday + 6 - t.tm_wday) // 7
    iso_year, iso_week, _ = datetime.date(t.tm_year, t.tm_mon, t.tm_mday).isocalendar()
    weekday = (t.tm_wday + 1) % 7
    numbers = {
        "C": (t.tm_year // 100, "0", 2), "d": (t.tm_mday, "0", 2), "e": (t.tm_mday, " ", 2),
        "g": (iso_year % 100, "0", 2), "G": (iso_year, "0", 0), "H": (t.tm_hour, "0", 2),
        "I": (hour12, "0", 2), "j": (t.tm_yday, "0", 3), "k": (t.tm_hour, " ", 2),
        "l": (hour12, " ", 2), "m": (t.tm_mon, "0", 2), "M": (t.tm_min, "0", 2),
        "q": ((t.tm_mon - 1) // 3 + 1, "0", 0), "s": (whole, "0", 0), "S": (t.tm_sec, "0", 2),
        "u": (t.tm_wday + 1, "0", 0), "U": (sunday_week, "0", 2), "V": (iso_week, "0", 2),
        "w": (weekday, "0", 0), "W": (monday_week, "0", 2), "y": (t.tm_year % 100, "0", 2),
        "Y": (t.tm_year, "0", 0),
    }
    texts = {
        "a": _DAYS[weekday][:3], "A": _DAYS[weekday], "b": _MONTHS[t.tm_mon - 1][:3],
        "B": _MONTHS[t.tm_mon - 1], "p": "AM" if t.tm_hour < 12 else "PM",
        "P": "am" if t.tm_hour < 12 else "pm", "Z": "UTC", "z": "+0000", ":z": "+00:00",
        "::z": "+00:00:00", ":::z": "+00", "n": "\n", "t": "\t", "%": "%",
    }
    return numbers, texts, f"{int(round(fraction * 1e9)):09d}"


def format_date(format_text, timestamp):
    """``timestamp`` (a POSIX time) formatted as GNU ``date +FORMAT`` does in UTC."""
    numbers, texts, nanoseconds = _fields(timestamp)

    def replace(match):
        flags, width, name = match.groups()
        if name in _COMPOSITE:
            return _pad(format_date(_COMPOSITE[name], timestamp), flags, width, " ")
        if name == "N":
            digits = int(width) if width else 9
            return (nanoseconds + "0" * digits)[:digits] if digits else nanoseconds
        if name in numbers:
            value, pad, default_width = numbers[name]
            text = str(abs(value))
            if "-" in flags:
                return ("-" if value < 0 else "") + text
            pad = "_" if "_" in flags else "0" if "0" in flags else pad
            size = int(width) if width else default_width
            fill = " " if pad in (" ", "_") else "0"
            return ("-" if value < 0 else "") + text.rjust(size - (value < 0), fill)
        if name in texts:
            return _pad(texts[name], flags, width, " ")
        return match.group()

    return _DIRECTIVE.sub(replace, format_text)


def _pad(text, flags, width, pad):
    if "^" in flags:
        text = text.upper()
    elif "#" in flags:
        text = text.lower() if text.isupper() else text.upper()
    if width and "-" not in flags:
        fill = "0" if "0" in flags else pad
        text = text.rjust(int(width), fill)
    return text
