"""The ``@check`` decorator and the collection of an exercise's checks."""

from dataclasses import dataclass

__all__ = ["Check", "check", "collect_checks"]

_CHECK_ATTRIBUTE = "__awaitable_check__"


@dataclass(frozen=True)
class Check:
    #: the sentence the check reports, e.g. "the greeting is printed at t=1s"
    title: str
    function: object


def check(title):
    """Mark a function as a check titled ``title``.

    The title is the sentence the learner sees next to the verdict, so it
    should say what the check establishes, not how.
    """
    if not isinstance(title, str) or not title:
        raise TypeError("@check needs a title: @check(\"what this check establishes\")")

    def decorate(function):
        setattr(function, _CHECK_ATTRIBUTE, Check(title, function))
        return function

    return decorate


def collect_checks(source, filename="checks.py"):
    """Execute a ``checks.py`` and return its checks in definition order."""
    namespace = {"__name__": "checks", "__file__": filename}
    exec(compile(source, filename, "exec"), namespace)
    return [getattr(value, _CHECK_ATTRIBUTE) for value in namespace.values()
            if hasattr(value, _CHECK_ATTRIBUTE)]
