"""How a check says no: what it expected, what it saw, what to try."""

__all__ = ["CheckFailed", "fail"]


class CheckFailed(Exception):
    """Raised by a check to fail; its message is shown to the learner."""


def fail(expected, saw=None, tip=None):
    """Fail the current check with a message in three parts.

    ``expected`` says what the check looked for, ``saw`` what the program did
    instead, ``tip`` what to try. Each is a short sentence.
    """
    parts = [f"Expected: {expected}"]
    if saw:
        parts.append(f"Saw: {saw}")
    if tip:
        parts.append(f"Try: {tip}")
    raise CheckFailed("\n".join(parts))
