"""The entry points the JavaScript host (the page's worker, or the
``awaitable`` command under Node) calls. Results cross as JSON text."""

import json

from .grading import grade
from .grading.grader import submission_for
from .report import format_run

__all__ = ["run_json", "grade_json", "format_run_json"]


def _emitter(on_output):
    if on_output is None:
        return None
    return lambda line: on_output(line.t, line.text, line.stream)


def run_json(source, filename="main.py", on_output=None, bundle_json=None):
    """Run a program; ``on_output(t, text, stream)`` is called per line.

    With an exercise's bundle, the program runs as Check will run it: with
    the exercise's fixtures (virtual hosts, commands, files) and limits.
    Every run is seeded the same way.
    """
    bundle = json.loads(bundle_json) if bundle_json else {}
    submission = submission_for(source, fixtures_source=bundle.get("fixtures"),
                                limits=bundle.get("limits"), filename=filename)
    return json.dumps(submission.run(on_output=_emitter(on_output)).result.to_json())


def grade_json(bundle_json, source, on_output=None):
    """Grade ``source`` against a grading bundle (id, checks, fixtures, limits)."""
    bundle = json.loads(bundle_json)
    return json.dumps(grade(bundle["id"], bundle["checks"], source,
                            fixtures_source=bundle.get("fixtures"),
                            limits=bundle.get("limits"), on_output=_emitter(on_output)))


def format_run_json(run_json):
    """A run (as JSON text) as the plain text a terminal shows."""
    return format_run(json.loads(run_json))
