"""Differential tests: the same programs under real CPython and in the sandbox.

Every ``programs/NAME.py`` is a small asyncio program whose standard output
real CPython prints identically on every run; ``programs/NAME.expected`` holds
that output, recorded by ``python3 -m tests.differential.record [NAME ...]``
(run from ``src/python``; see ``record.py``). ``tests/test_differential.py``
checks that the sandbox prints exactly the recorded lines (under python3 and
in Pyodide) and, where real CPython can run, that the recording still holds.

Any ``*.py`` in ``programs/`` is picked up. A program must be deterministic
on real CPython: its real sleeps are short (under a second in all) and any
two that compete are at least 0.05 s apart; it prints no ids, addresses,
reprs of tasks or futures, PIDs, real dates, host paths or real durations,
and nothing that depends on the order of a set.
"""
