"""``python3 -m awaitable.grading BUNDLE.json FILE.py``: grade a file.

BUNDLE.json holds an exercise's grading bundle (``id``, ``checks``, and
optionally ``fixtures`` and ``limits``), as the site serves it at
``exercises/<id>.json``. Prints the check result as JSON; exit status 0 when
every check passed, 1 when not, 2 for bad usage. The course's tests use it to
grade every exercise under the system CPython as well as under Pyodide.
"""

import json
import sys

from .grader import grade


def main(argv=None):
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 2:
        print(__doc__.strip().splitlines()[0].strip("`:").strip(), file=sys.stderr)
        return 2
    bundle_path, source_path = args
    try:
        with open(bundle_path, encoding="utf-8") as handle:
            bundle = json.load(handle)
        with open(source_path, encoding="utf-8") as handle:
            source = handle.read()
    except (OSError, ValueError) as error:
        print(f"awaitable.grading: {error}", file=sys.stderr)
        return 2
    result = grade(bundle["id"], bundle["checks"], source, fixtures_source=bundle.get("fixtures"),
                   limits=bundle.get("limits"))
    print(json.dumps(result))
    return 0 if result["passed"] else 1


if __name__ == "__main__":
    sys.exit(main())
