"""Differential tests: the same programs under real CPython and in the sandbox.

Every ``programs/NAME.py`` is a small asyncio program whose standard output
real CPython prints identically on every run; ``programs/NAME.expected`` holds
that output, recorded by ``python3 -m tests.differential.record`` (run from
``src/python``). The sandbox must print the same lines.
"""
