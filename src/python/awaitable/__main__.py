"""``python3 -m awaitable FILE.py [--json]``: run a program in the sandbox.

Prints the program's output with virtual timestamps and the final virtual
time, or with ``--json`` the run's whole record as one JSON object. Exit
status: 0 when the program ran to the end, 1 when it did not, 2 for bad usage.
"""

import argparse
import json
import os
import sys

from .report import format_run
from .runner import run_program


def main(argv=None):
    parser = argparse.ArgumentParser(
        prog="python3 -m awaitable",
        description="Run an asyncio program on Awaitable's virtual-time sandbox.")
    parser.add_argument("file", help="the Python file to run")
    parser.add_argument("--json", action="store_true", help="print the run as one JSON object")
    args = parser.parse_args(argv)
    try:
        with open(args.file, encoding="utf-8") as handle:
            source = handle.read()
    except OSError as error:
        print(f"awaitable: cannot read {args.file}: {error.strerror}", file=sys.stderr)
        return 2
    result = run_program(source, filename=os.path.basename(args.file))
    if args.json:
        print(json.dumps(result.to_json(), indent=2))
    else:
        print(format_run(result.to_json()))
    return 0 if result.ok else 1


if __name__ == "__main__":
    sys.exit(main())
