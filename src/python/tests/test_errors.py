"""Errors as a learner sees them: SyntaxError positions and tracebacks
trimmed to the learner's own frames."""

import os
import re
import textwrap
import unittest

import awaitable
from awaitable.errors import describe_syntax_error
from awaitable.runner import run_program

_PACKAGE_DIR = os.path.dirname(os.path.abspath(awaitable.__file__))


def run(source):
    return run_program(textwrap.dedent(source).lstrip("\n"), filename="main.py")


def error_of(source):
    error = run(source).to_json()["error"]
    if error is None:
        raise AssertionError("the program ran without an error")
    return error


def syntax_error_of(source):
    source = textwrap.dedent(source).lstrip("\n")
    try:
        compile(source, "main.py", "exec")
    except SyntaxError as error:
        return describe_syntax_error(error, "main.py", source)
    raise AssertionError("the program compiled")


def frame_files(traceback_text):
    """The file of each frame, in order (also inside an ExceptionGroup's boxes)."""
    return re.findall(r'^[ |]*File "([^"]+)", line', traceback_text, re.MULTILINE)


class SyntaxErrorPositionTest(unittest.TestCase):
    def test_await_at_top_level_marks_the_await_expression(self):
        error = error_of("""
            import asyncio

            result = await asyncio.sleep(1)
        """)
        self.assertEqual(error["type"], "SyntaxError")
        self.assertEqual(error["message"], "'await' outside function")
        self.assertEqual((error["line"], error["column"]), (3, 10))
        self.assertEqual((error["end_line"], error["end_column"]), (3, 32))

    def test_traceback_shows_the_line_and_a_caret_like_python(self):
        error = error_of("""
            def fetch():
                await thing()
        """)
        self.assertEqual(error["traceback"].splitlines(), [
            '  File "main.py", line 2',
            "    await thing()",
            "    ^^^^^^^^^^^^^",
            "SyntaxError: 'await' outside async function",
        ])

    def test_columns_count_characters_not_bytes(self):
        # Compiler errors come with byte offsets when the source is no file;
        # "café" is 4 characters but 5 bytes.
        error = error_of("""
            label = "café"; total = await price()
        """)
        self.assertEqual((error["column"], error["end_column"]), (25, 38))

    def test_parser_error_keeps_python_columns(self):
        error = syntax_error_of("""
            print("café", await = 1)
        """)
        self.assertEqual((error["message"], error["line"], error["column"]), ("invalid syntax", 1, 21))

    def test_indentation_error(self):
        error = error_of("""
            async def main():
            print("hello")
        """)
        self.assertEqual(error["type"], "IndentationError")
        self.assertEqual(error["message"], "expected an indented block after function definition on line 1")
        self.assertEqual((error["line"], error["column"]), (2, 1))

    def test_tab_error_has_no_end(self):
        error = syntax_error_of("if True:\n\tx = 1\n        y = 2\n")
        self.assertEqual(error["type"], "TabError")
        self.assertEqual((error["line"], error["column"]), (3, 1))
        self.assertEqual((error["end_line"], error["end_column"]), (None, None))

    def test_unclosed_bracket_has_no_end(self):
        error = error_of("""
            print("hello"
        """)
        self.assertEqual((error["message"], error["line"], error["column"]), ("'(' was never closed", 1, 6))
        self.assertIsNone(error["end_column"])


class TracebackTrimmingTest(unittest.TestCase):
    def assert_no_sandbox_frames(self, traceback_text):
        self.assertNotIn(_PACKAGE_DIR, traceback_text)

    def test_error_in_learner_code_shows_only_learner_frames(self):
        error = error_of("""
            import asyncio

            async def order(drink):
                await asyncio.sleep(1)
                return {"tea": 3}[drink]

            async def main():
                await order("coffee")

            asyncio.run(main())
        """)
        self.assertEqual(frame_files(error["traceback"]), ["main.py"] * 3)
        self.assertIn('File "main.py", line 5, in order', error["traceback"])
        self.assertEqual((error["type"], error["message"], error["line"]), ("KeyError", "'coffee'", 5))

    def test_error_raised_in_asyncio_keeps_the_last_library_frame(self):
        error = error_of("""
            import asyncio

            async def main():
                await asyncio.wait_for(asyncio.sleep(5), timeout=1)

            asyncio.run(main())
        """)
        self.assert_no_sandbox_frames(error["traceback"])
        last_part = error["traceback"].split("The above exception was the direct cause")[-1]
        files = frame_files(last_part)
        self.assertEqual(files[:2], ["main.py", "main.py"])
        self.assertEqual(len(files), 3)
        self.assertIn(os.sep + "asyncio" + os.sep, files[2])
        self.assertEqual(error["line"], 4)

    def test_error_raised_by_the_sandbox_shows_no_sandbox_frame(self):
        error = error_of("""
            import time

            time.sleep(-1)
        """)
        self.assertEqual(frame_files(error["traceback"]), ["main.py"])
        self.assertEqual(error["message"], "sleep length must be non-negative")

    def test_chained_exceptions_are_trimmed_too(self):
        error = error_of("""
            import asyncio

            async def load(name):
                try:
                    return {}[name]
                except KeyError as missing:
                    raise LookupError(f"no recipe for {name}") from missing

            asyncio.run(load("soup"))
        """)
        traceback_text = error["traceback"]
        self.assertIn("The above exception was the direct cause of the following exception:", traceback_text)
        self.assertEqual(frame_files(traceback_text), ["main.py"] * 3)
        self.assertIn("KeyError: 'soup'", traceback_text)
        self.assertTrue(traceback_text.endswith("LookupError: no recipe for soup"))

    def test_context_of_an_error_in_a_handler_is_trimmed(self):
        error = error_of("""
            import asyncio

            async def main():
                try:
                    await asyncio.sleep(1)
                    1 / 0
                except ZeroDivisionError:
                    print(undefined_name)

            asyncio.run(main())
        """)
        self.assertIn("During handling of the above exception, another exception occurred:", error["traceback"])
        self.assertEqual(frame_files(error["traceback"]), ["main.py"] * 3)

    def test_task_group_errors_are_listed_with_their_lines(self):
        error = error_of("""
            import asyncio

            async def fetch(n):
                await asyncio.sleep(n)
                raise ValueError(f"server {n} is down")

            async def main():
                async with asyncio.TaskGroup() as group:
                    group.create_task(fetch(1))
                    group.create_task(fetch(1))

            asyncio.run(main())
        """)
        self.assertEqual((error["type"], error["line"]), ("ExceptionGroup", 8))
        self.assertEqual(error["exceptions"], [
            {"type": "ValueError", "message": "server 1 is down", "line": 5},
            {"type": "ValueError", "message": "server 1 is down", "line": 5},
        ])
        self.assert_no_sandbox_frames(error["traceback"])
        self.assertIn("| ValueError: server 1 is down", error["traceback"])
        # The task's own frames, without the sandbox's task tracing under them.
        sub_exception = error["traceback"].split("+---------------- 1 ----------------")[1]
        self.assertEqual(frame_files(sub_exception.split("+---------------- 2")[0]), ["main.py"])

    def test_errors_in_json_have_every_field(self):
        error = error_of("""
            raise RuntimeError("stop")
        """)
        self.assertEqual(set(error), {"type", "message", "line", "column", "end_line", "end_column",
                                      "traceback", "exceptions", "explanation"})


if __name__ == "__main__":
    unittest.main()
