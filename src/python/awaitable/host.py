"""The entry points the JavaScript host (the page's worker, or the
``awaitable`` command under Node) calls. Results cross as JSON text."""

import gc
import json

from .grading import grade
from .grading.grader import submission_for
from .report import format_run

__all__ = ["run_json", "grade_json", "release_runs", "format_run_json"]

# Every run ends with a full garbage collection, so that asyncio's reports
# of tasks collected unfinished or with an unretrieved exception appear in
# that run's output. The interpreter's own objects, the standard library's
# and the sandbox's (about 22,000 in Pyodide) live as long as the host:
# frozen, a collection no longer walks them (about 22 ms saved per run).
gc.collect()
gc.freeze()


def _emitter(on_output):
    if on_output is None:
        return None
    return lambda line: on_output(line.t, line.text, line.stream)


#: submissions whose results have been returned and whose records are
#: still to be dropped (see ``release_runs``)
_reported = []


def release_runs():
    """Drop the records of the runs already reported.

    Dropping a long run's records takes time (about 15 ms for 10,000 tasks
    in Pyodide), so a host calls this once the result has gone out, while
    the learner reads it. Each run calls it first too, so at most one run's
    records outlive it.
    """
    while _reported:
        _reported.pop().release()


def run_json(source, filename="main.py", on_output=None, bundle_json=None):
    """Run a program; ``on_output(t, text, stream)`` is called per line.

    With an exercise's bundle, the program runs as Check will run it: with
    the exercise's fixtures (virtual hosts, commands, files) and limits.
    Every run is seeded the same way.
    """
    release_runs()
    bundle = json.loads(bundle_json) if bundle_json else {}
    submission = submission_for(source, fixtures_source=bundle.get("fixtures"),
                                limits=bundle.get("limits"), filename=filename)
    text = json.dumps(submission.run(on_output=_emitter(on_output)).result.to_json())
    _reported.append(submission)
    return text


def grade_json(bundle_json, source, on_output=None):
    """Grade ``source`` against a grading bundle (id, checks, fixtures, limits)."""
    release_runs()
    bundle = json.loads(bundle_json)
    return json.dumps(grade(bundle["id"], bundle["checks"], source,
                            fixtures_source=bundle.get("fixtures"),
                            limits=bundle.get("limits"), on_output=_emitter(on_output),
                            release=_reported.append))


def format_run_json(run_json):
    """A run (as JSON text) as the plain text a terminal shows."""
    return format_run(json.loads(run_json))
