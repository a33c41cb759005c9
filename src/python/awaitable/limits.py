"""The budgets that keep a runaway program from hanging the learner's page."""

from dataclasses import dataclass

__all__ = ["Limits"]


@dataclass
class Limits:
    #: event-loop iterations before a program counts as running forever
    max_steps: int = 100_000
    #: virtual seconds before a program counts as waiting forever (three hours)
    max_virtual_time: float = 10_800.0
    #: real seconds of Python code between two event-loop iterations before
    #: the CPU guard stops it (``while True: pass``)
    max_cpu_seconds: float = 1.0
    #: real seconds a function may compute in a virtual thread or worker
    #: process (``to_thread``, ``run_in_executor``): there the loop is not
    #: blocked on a real machine, so the limit is the learner's patience
    max_thread_cpu_seconds: float = 10.0
    #: output lines kept; later lines are counted but dropped
    max_output_lines: int = 5_000
    #: output characters kept
    max_output_chars: int = 1_000_000
