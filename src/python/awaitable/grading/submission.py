"""The learner's program, as the checks see it."""

import ast
import random
import sys

from ..limits import Limits
from ..runner import run_program
from .program_run import ProgramRun

__all__ = ["Submission"]

FILENAME = "main.py"

#: Every run is seeded, Run and Check alike, so both show the same program.
DEFAULT_SEED = 0


class Submission:
    """The learner's source, with ways to run it in fresh sandboxes.

    Every run starts from scratch (a new sandbox, a new virtual clock) with
    randomness seeded, so checks are deterministic and independent.
    """

    def __init__(self, source, *, fixtures=None, limits=None, seed=DEFAULT_SEED, filename=FILENAME):
        self.source = source
        self.filename = filename
        self._fixtures = fixtures
        self._limits = limits or Limits()
        self._seed = seed
        self._runs = {}
        self._tree = None

    @property
    def tree(self):
        """The program's syntax tree (None if it does not parse)."""
        if self._tree is None:
            try:
                self._tree = ast.parse(self.source, FILENAME)
            except SyntaxError:
                return None
        return self._tree

    def _prepare(self, seed):
        def prepare(sandbox):
            random.seed(seed)
            if self._fixtures is not None:
                self._fixtures(sandbox)
        return prepare

    def run(self, *, seed=None, on_output=None):
        """Run the whole program as ``__main__``; the same seed gives the
        same (cached) run."""
        seed = self._seed if seed is None else seed
        if seed not in self._runs:
            result = run_program(self.source, filename=self.filename, limits=self._limits,
                                 on_output=on_output, prepare=self._prepare(seed))
            self._runs[seed] = ProgramRun(result)
        return self._runs[seed]

    def release(self):
        """Drop the records of the cached runs (see ``RunResult.release``)."""
        for run in self._runs.values():
            run.result.release()
        self._runs.clear()

    def call(self, function, *args, seed=None, **kwargs):
        """Load the program's definitions, then ``asyncio.run`` the learner's
        coroutine function ``function(*args, **kwargs)`` in a fresh sandbox.

        The program's own entry point (a top-level ``asyncio.run(...)`` or an
        ``if __name__ == "__main__":`` block) is left out, so only the call
        runs. Returns a ``ProgramRun`` whose ``value`` is what it returned.
        """
        seed = self._seed if seed is None else seed
        library = _without_entry_point(self.source, self.tree) if self.tree else self.source
        outcome = {}
        caller = (
            f"{library}\n\n"
            "import asyncio as __awaitable_asyncio\n"
            f"__awaitable_outcome['value'] = __awaitable_asyncio.run("
            f"{function}(*__awaitable_args, **__awaitable_kwargs))\n"
        )
        result = run_program(caller, filename=self.filename, limits=self._limits, prepare=_with_globals(
            self._prepare(seed), {"__awaitable_outcome": outcome, "__awaitable_args": args,
                      "__awaitable_kwargs": kwargs}))
        return ProgramRun(result, outcome.get("value"))

    def extended(self, code):
        """The same submission with ``code`` appended: a check's own test
        harness (a coroutine that drives the learner's class in a situation
        the program does not cover), run with the same fixtures, limits and
        seed. Line numbers of the learner's code are unchanged."""
        return Submission(f"{self.source}\n\n{code}", fixtures=self._fixtures,
                          limits=self._limits, seed=self._seed, filename=self.filename)

    def calls_to(self, dotted_name):
        """Calls in the source to ``dotted_name`` (e.g. ``"time.sleep"``), as
        ``ast.Call`` nodes, whatever the import style (``import time`` or
        ``from time import sleep``)."""
        if self.tree is None:
            return []
        module, _, name = dotted_name.rpartition(".")
        aliases = {dotted_name}
        for node in ast.walk(self.tree):
            if isinstance(node, ast.ImportFrom) and node.module == module:
                aliases.update(alias.asname or alias.name for alias in node.names if alias.name == name)
            elif isinstance(node, ast.Import):
                for alias in node.names:
                    if alias.name == module and alias.asname:
                        aliases.add(f"{alias.asname}.{name}")
        return [node for node in ast.walk(self.tree)
                if isinstance(node, ast.Call) and _dotted(node.func) in aliases]


def _dotted(node):
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        base = _dotted(node.value)
        return f"{base}.{node.attr}" if base else None
    return None


def _is_entry_point(statement):
    if isinstance(statement, ast.Expr) and isinstance(statement.value, ast.Call):
        return _dotted(statement.value.func) in {"asyncio.run", "run"}
    if isinstance(statement, ast.If):
        test = ast.unparse(statement.test).replace("'", '"')
        return test in {'__name__ == "__main__"', '"__main__" == __name__'}
    return False


def _without_entry_point(source, tree):
    """The source with its top-level entry point blanked out, line numbers kept."""
    lines = source.splitlines()
    for statement in tree.body:
        if _is_entry_point(statement):
            for index in range(statement.lineno - 1, statement.end_lineno):
                lines[index] = ""
    return "\n".join(lines)


def _with_globals(prepare, values):
    """A prepare step that also injects ``values`` into ``__main__``."""

    def prepare_with_globals(sandbox):
        prepare(sandbox)
        sys.modules["__main__"].__dict__.update(values)
    return prepare_with_globals
