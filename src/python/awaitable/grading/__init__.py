"""The checks API: how an exercise's ``checks.py`` grades a learner's program.

A check is a function decorated with ``@check("what it establishes")`` that
receives the learner's ``Submission``. It passes by returning, and fails by
calling ``fail(...)`` (or one of the ``expect_*`` helpers, which call it with
a message built in). Any other exception means the check itself is broken:
it is reported as an error of the exercise, never as the learner's failure.
"""

from .check import Check, check, collect_checks
from .failure import CheckFailed, fail
from .grader import grade
from .program_run import ProgramRun
from .submission import Submission

__all__ = ["Check", "check", "collect_checks", "CheckFailed", "fail", "grade",
           "ProgramRun", "Submission"]
