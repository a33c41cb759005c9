"""Grades a learner's program against an exercise's checks."""

import traceback

from ..limits import Limits
from .check import collect_checks
from .failure import CheckFailed
from .submission import Submission

__all__ = ["grade", "submission_for"]


def load_fixtures(source):
    """The ``setup(sandbox)`` function of a ``fixtures.py``, or None."""
    if not source:
        return None
    namespace = {"__name__": "fixtures", "__file__": "fixtures.py"}
    exec(compile(source, "fixtures.py", "exec"), namespace)
    return namespace["setup"]


def submission_for(learner_source, *, fixtures_source=None, limits=None, filename=None):
    """The learner's program set up as an exercise runs it: with the
    exercise's fixtures and limits, and seeded."""
    options = {"filename": filename} if filename else {}
    return Submission(learner_source, fixtures=load_fixtures(fixtures_source),
                      limits=Limits(**(limits or {})), **options)


def grade(exercise_id, checks_source, learner_source, *, fixtures_source=None,
          limits=None, on_output=None, release=Submission.release):
    """Run every check of an exercise on ``learner_source``.

    Returns the check result as plain data (the shape of ``CheckResultSchema``
    on the site): the overall verdict, each check's outcome, and the learner's
    program run once as it is. ``release(submission)`` is called at the end:
    by default the runs' records are dropped at once; a host that answers
    first can drop them later.
    """
    submission = submission_for(learner_source, fixtures_source=fixtures_source, limits=limits)
    run = submission.run(on_output=on_output)
    outcomes = []
    for each in collect_checks(checks_source):
        outcomes.append(_run_check(each, submission, run))
    verdict = {
        "exercise": exercise_id,
        "passed": all(outcome["passed"] for outcome in outcomes),
        "checks": outcomes,
        "run": run.result.to_json(),
    }
    release(submission)
    return verdict


def _run_check(each, submission, run):
    error = run.error
    if error is not None and error["type"] in {"SyntaxError", "IndentationError", "TabError"}:
        return _outcome(each, "fail", (
            f"The program does not parse: {error['type']} at line {error['line']}: {error['message']}. "
            "Fix that line first; the editor marks it."))
    try:
        each.function(submission)
    except CheckFailed as failure:
        return _outcome(each, "fail", str(failure))
    except Exception as crash:
        details = "".join(traceback.format_exception_only(type(crash), crash)).strip()
        return _outcome(each, "error", (
            "This check could not run: a fault in the exercise, not in your code. "
            f"({details})"))
    return _outcome(each, "pass", "")


def _outcome(each, status, message):
    return {"title": each.title, "passed": status == "pass", "status": status, "message": message}
