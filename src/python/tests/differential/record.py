"""Record what real CPython prints for the differential programs.

Usage, from ``src/python``::

    python3 -m tests.differential.record [NAME ...] [--runs N]

With no names, every program is recorded. Each program runs ``N`` times
(3 by default) and is recorded only when every run printed the same output
and exited with status 0 or 1, so a program whose output depends on a race
is caught here rather than in a flaky test. Writes ``programs/NAME.expected``.
"""

import argparse
import sys

from .harness import expected_path, program_names, run_real

__all__ = ["main"]


def main(argv=None):
    parser = argparse.ArgumentParser(prog="python3 -m tests.differential.record")
    parser.add_argument("names", nargs="*", help="programs to record (default: all)")
    parser.add_argument("--runs", type=int, default=3, help="runs that must agree")
    args = parser.parse_args(argv)
    known = program_names()
    names = [name[:-3] if name.endswith(".py") else name for name in args.names] or known
    unknown = [name for name in names if name not in known]
    if unknown:
        parser.error(f"no such program: {', '.join(unknown)}")
    outputs = {name: set() for name in names}
    failed = set()
    for _ in range(args.runs):
        for name, run in run_real(names).items():
            outputs[name].add(run.stdout)
            if run.returncode not in (0, 1):
                print(f"{name}: exited with status {run.returncode}\n{run.stderr}", file=sys.stderr)
                failed.add(name)
    for name in names:
        if len(outputs[name]) != 1:
            print(f"{name}: output differs between runs; not recorded", file=sys.stderr)
            for number, output in enumerate(sorted(outputs[name]), 1):
                print(f"--- variant {number}\n{output}", file=sys.stderr)
            failed.add(name)
        if name in failed:
            continue
        with open(expected_path(name), "w", encoding="utf-8") as handle:
            handle.write(outputs[name].pop())
        print(f"recorded {name}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
