"""Warnings a program triggers: recorded with the learner's line, and
printed to the program's stderr as CPython prints them."""

import textwrap
import unittest
import warnings

from awaitable.runner import run_program


def run(source):
    return run_program(textwrap.dedent(source).lstrip("\n"), filename="main.py")


NEVER_AWAITED = """
    import asyncio

    async def main():
        await asyncio.sleep(2)
        asyncio.sleep(1)
        print("done")

    asyncio.run(main())
"""


class WarningsCaptureTest(unittest.TestCase):
    def test_never_awaited_coroutine_is_recorded_with_its_line_and_virtual_time(self):
        result = run(NEVER_AWAITED)
        self.assertTrue(result.ok)
        self.assertEqual(result.to_json()["warnings"], [{
            "t": 2.0, "category": "RuntimeWarning",
            "message": "coroutine 'sleep' was never awaited", "line": 5,
        }])

    def test_warning_is_printed_to_stderr_as_cpython_prints_it(self):
        result = run(NEVER_AWAITED)
        self.assertEqual(result.lines("stderr"), [
            "main.py:5: RuntimeWarning: coroutine 'sleep' was never awaited",
            "  asyncio.sleep(1)",
            "RuntimeWarning: Enable tracemalloc to get the object allocation traceback",
        ])
        self.assertEqual(result.lines("stdout"), ["done"])

    def test_warning_issued_at_the_end_of_the_run_is_reported_as_sys_1(self):
        # The coroutine lives in the failed frame until the run's final
        # collection; CPython frees it at exit and says "sys:1".
        result = run("""
            import asyncio

            async def greet():
                print("hello")

            async def main():
                asyncio.run(greet())

            asyncio.run(main())
        """)
        self.assertEqual(result.lines("stderr")[0], "sys:1: RuntimeWarning: coroutine 'greet' was never awaited")
        self.assertIsNone(result.warnings[0].line)

    def test_user_warnings_are_recorded(self):
        result = run("""
            import warnings

            warnings.warn("the old menu is going away")
        """)
        self.assertEqual([(w.category, w.message, w.line) for w in result.warnings],
                         [("UserWarning", "the old menu is going away", 3)])
        self.assertEqual(result.lines("stderr")[0], "main.py:3: UserWarning: the old menu is going away")

    def test_program_sees_cpythons_default_filters_whatever_the_host_set(self):
        source = """
            import warnings

            warnings.warn("shown in __main__", DeprecationWarning)
            warnings.warn("never shown by default", ResourceWarning)
        """
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            result = run(source)
            self.assertEqual(warnings.filters[0][0], "error")
        self.assertIsNone(result.error)
        self.assertEqual([w.message for w in result.warnings], ["shown in __main__"])

    def test_program_cannot_change_the_hosts_warnings(self):
        hook = warnings._showwarnmsg
        filters = list(warnings.filters)
        run("""
            import warnings

            warnings.simplefilter("ignore")
            warnings.showwarning = print
        """)
        self.assertIs(warnings._showwarnmsg, hook)
        self.assertEqual(warnings.filters, filters)


if __name__ == "__main__":
    unittest.main()
