"""Runs the differential programs for real and in the sandbox.

A program runs for real as ``python3 NAME.py`` in a subprocess, with its
sleeps taking real time; programs are written so that their output never
depends on a real-time race, so a run's standard output is a fixed text.
Real runs go in parallel, a few at a time: a program's sleeps are at least
0.05 s apart, and a machine crowded with interpreters starting up could blur
that gap.
"""

import os
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass

__all__ = [
    "PROGRAMS", "RealRun", "program_names", "program_path", "expected_path",
    "read_expected", "run_real", "run_sandboxed", "can_run_real",
]

#: folder holding the programs and their recorded output
PROGRAMS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "programs")

#: real runs at the same time; the machines this runs on have two cores
_PARALLEL = 4

#: a real run that takes longer than this has hung
_TIMEOUT = 30.0

# Bound now: a sandbox run patches the time module while it runs.
_monotonic = time.monotonic
_real_sleep = time.sleep


def program_names():
    """Names (without ``.py``) of every program, sorted."""
    return sorted(name[:-3] for name in os.listdir(PROGRAMS)
                  if name.endswith(".py") and not name.startswith("_"))


def program_path(name):
    return os.path.join(PROGRAMS, name + ".py")


def expected_path(name):
    return os.path.join(PROGRAMS, name + ".expected")


def read_expected(name):
    """The recorded output lines, or None when the program was never recorded."""
    try:
        with open(expected_path(name), encoding="utf-8") as handle:
            return handle.read().splitlines()
    except FileNotFoundError:
        return None


def can_run_real():
    """Whether real CPython programs can run here (not in Pyodide)."""
    return sys.platform not in ("emscripten", "wasi")


@dataclass
class RealRun:
    """One real CPython run of a program."""

    name: str
    stdout: str
    stderr: str
    returncode: int

    @property
    def lines(self):
        return self.stdout.splitlines()


def run_real(names):
    """Run each named program under this CPython; return ``{name: RealRun}``."""
    env = dict(os.environ, PYTHONDONTWRITEBYTECODE="1", PYTHONIOENCODING="utf-8")
    env.pop("PYTHONASYNCIODEBUG", None)
    env.pop("PYTHONDEVMODE", None)
    waiting = list(names)
    running = {}
    runs = {}
    while waiting or running:
        while waiting and len(running) < _PARALLEL:
            name = waiting.pop(0)
            # Files, not pipes: the parent then only has to poll, and a
            # chatty program can never fill a pipe and stall.
            stdout = tempfile.TemporaryFile("w+", encoding="utf-8")
            stderr = tempfile.TemporaryFile("w+", encoding="utf-8")
            process = subprocess.Popen(
                [sys.executable, program_path(name)], cwd=PROGRAMS, env=env,
                stdin=subprocess.DEVNULL, stdout=stdout, stderr=stderr)
            running[name] = (process, stdout, stderr, _monotonic() + _TIMEOUT)
        for name, (process, stdout, stderr, deadline) in list(running.items()):
            if process.poll() is None and _monotonic() < deadline:
                continue
            if process.returncode is None:
                process.kill()
                process.wait()
            del running[name]
            stdout.seek(0)
            stderr.seek(0)
            runs[name] = RealRun(name, stdout.read(), stderr.read(), process.returncode)
            stdout.close()
            stderr.close()
        if running:
            _real_sleep(0.005)
    return runs


def run_sandboxed(name, **options):
    """Run a program in the sandbox; return its ``RunResult``."""
    from awaitable import run_program

    with open(program_path(name), encoding="utf-8") as handle:
        source = handle.read()
    return run_program(source, filename=name + ".py", **options)
