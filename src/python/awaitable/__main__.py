"""``python3 -m awaitable``: run a program in the sandbox.

Usage::

    python3 -m awaitable [--json] FILE.py [ARG ...]
    python3 -m awaitable [--json] -m MODULE [ARG ...]

The first form runs a file; the second runs a module found on the import
path as ``__main__``, as ``python3 -m MODULE`` would. That is how a test
suite runs inside the sandbox, on its virtual clock::

    python3 -m awaitable -m unittest discover -s tests

Either way ``sys.argv`` is ``[FILE or the module's file, ARG ...]``.

Prints the program's output with virtual timestamps (``!`` marks standard
error) and the final virtual time, or with ``--json`` the run's whole
record as one JSON object: ``stdout`` (a list of ``{t, text}``),
``virtual_time``, ``error`` (null or ``{type, message, line, ...}``),
``tasks`` and more. Exit status: 0 when the program ran to the end, 1 when
it did not (an error, a stop by the sandbox, a non-zero ``sys.exit``), 2 for
bad usage.
"""

import importlib.util
import json
import os
import sys

from .report import format_run
from .runner import run_program


_USAGE = """\
usage: python3 -m awaitable [--json] FILE.py [ARG ...]
       python3 -m awaitable [--json] -m MODULE [ARG ...]

Run an asyncio program on Awaitable's virtual-time sandbox.

  --json      print the run as one JSON object
  -m MODULE   run a module as __main__ (for example: -m unittest discover)"""


def main(argv=None):
    # Parsed by hand, like python3's own command line: everything after the
    # file or the module belongs to the program, options included.
    argv = sys.argv[1:] if argv is None else list(argv)
    as_json = False
    module = path = None
    while argv:
        arg = argv.pop(0)
        if arg == "--json":
            as_json = True
        elif arg in ("-h", "--help"):
            print(_USAGE)
            return 0
        elif arg == "-m" and argv:
            module = argv.pop(0)
            break
        elif arg.startswith("-m") and len(arg) > 2:
            module = arg[2:]
            break
        elif arg.startswith("-"):
            return _usage_error(f"unknown option {arg}")
        else:
            path = arg
            break
    prepare = None
    if module is not None:
        loaded = _module_source(module)
        if isinstance(loaded, str):
            return _usage_error(loaded)
        source, spec = loaded
        filename = spec.origin

        def prepare(sandbox):
            # As runpy does for `python3 -m`: the module knows its package,
            # so its relative imports work.
            sys.modules["__main__"].__dict__.update(
                __package__=spec.parent, __spec__=spec)
    elif path is not None:
        try:
            with open(path, encoding="utf-8") as handle:
                source = handle.read()
        except OSError as error:
            return _usage_error(f"cannot read {path}: {error.strerror}")
        filename = os.path.basename(path)
    else:
        return _usage_error("give a FILE.py to run, or -m MODULE")
    saved_argv = sys.argv
    sys.argv = [filename, *argv]
    try:
        result = run_program(source, filename=filename, prepare=prepare)
    finally:
        sys.argv = saved_argv
    if as_json:
        print(json.dumps(result.to_json(), indent=2))
    else:
        print(format_run(result.to_json()))
    return 0 if result.ok else 1


def _usage_error(message):
    print(_USAGE.split("\n\n")[0], file=sys.stderr)
    print(f"awaitable: {message}", file=sys.stderr)
    return 2


def _module_source(name):
    """``(source, spec)`` of what ``python3 -m name`` runs, or an error message."""
    try:
        spec = importlib.util.find_spec(name)
        if spec is not None and spec.submodule_search_locations is not None:
            name += ".__main__"
            spec = importlib.util.find_spec(name)
    except (ImportError, ValueError) as error:
        return f"cannot find module {name!r}: {error}"
    if spec is None or spec.loader is None or not hasattr(spec.loader, "get_source"):
        return f"no module named {name!r}"
    source = spec.loader.get_source(name)
    if source is None:
        return f"module {name!r} has no Python source to run"
    return source, spec


if __name__ == "__main__":
    sys.exit(main())
