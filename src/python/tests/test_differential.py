"""Every differential program prints in the sandbox what real CPython prints.

Two checks per program in ``differential/programs``: the sandbox's output
equals the recorded ``NAME.expected`` (everywhere, Pyodide included), and,
where real CPython can run (not in Pyodide), the recording is still what
CPython prints. To record a new or changed program, see
``tests/differential/record.py``.
"""

import unittest

from tests.differential import harness


class DifferentialTest(unittest.TestCase):
    #: ``{name: RealRun}``, filled once for the whole class
    real_runs = None

    @classmethod
    def setUpClass(cls):
        if harness.can_run_real():
            # Every real program once, a few at a time in parallel
            # subprocesses, before any test: a few seconds in all.
            cls.real_runs = harness.run_real(harness.program_names())

    def check_sandbox(self, name):
        expected = harness.read_expected(name)
        if expected is None:
            self.fail(f"{name}.expected is missing: record it with "
                      f"`python3 -m tests.differential.record {name}` from src/python")
        result = harness.run_sandboxed(name)
        self.assertEqual(result.lines("stdout"), expected,
                         f"the sandbox printed something else than CPython for {name}.py"
                         f"\nstderr in the sandbox:\n" + "\n".join(result.lines("stderr")))

    def check_real(self, name):
        if self.real_runs is None:
            self.skipTest("real CPython programs cannot run here")
        expected = harness.read_expected(name)
        if expected is None:
            self.skipTest(f"{name}.expected is missing")
        run = self.real_runs[name]
        if run.lines != expected:
            # Programs run in parallel; on a crowded machine a wake-up can be
            # late enough to reorder output. Alone, a correct recording holds.
            run = harness.run_real([name])[name]
        self.assertEqual(run.lines, expected,
                         f"CPython no longer prints {name}.expected; re-record it"
                         f"\nstderr:\n{run.stderr}")


def _add_tests():
    for name in harness.program_names():
        def sandbox(self, name=name):
            self.check_sandbox(name)

        def real(self, name=name):
            self.check_real(name)

        sandbox.__doc__ = f"{name}.py prints its recorded output in the sandbox"
        real.__doc__ = f"{name}.py prints its recorded output under real CPython"
        setattr(DifferentialTest, f"test_{name}_in_sandbox", sandbox)
        setattr(DifferentialTest, f"test_{name}_under_cpython", real)


_add_tests()


if __name__ == "__main__":
    unittest.main()
