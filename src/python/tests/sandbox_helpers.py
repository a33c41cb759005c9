"""Helpers shared by the sandbox's tests."""

import textwrap

from awaitable import run_program

__all__ = ["run", "stdout", "stderr"]


def run(source, **options):
    """Run a dedented program in the sandbox; return its ``RunResult``."""
    return run_program(textwrap.dedent(source), **options)


def stdout(result):
    return result.lines("stdout")


def stderr(result):
    return result.lines("stderr")
