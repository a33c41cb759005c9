"""Runs a learner's program in a fresh sandbox and reports what happened."""

import builtins
import gc
import linecache
import sys
import types
from dataclasses import dataclass, field

from .cpu_guard import CpuLimitExceeded
from .errors import describe_error, describe_syntax_error
from .explanations import attach_explanations, explain_error
from .loop import Deadlock, LimitExceeded
from .sandbox import Sandbox
from .warnings_capture import WarningsCapture

__all__ = ["run_program", "RunResult"]


@dataclass
class RunResult:
    """Everything a run produced; ``to_json()`` is the shape the site reads."""

    sandbox: Sandbox
    #: the program's globals after the run (``__main__``'s namespace)
    namespace: dict = field(default_factory=dict)
    #: None, or a dict from ``describe_error``
    error: dict | None = None
    #: the exit status of ``sys.exit(...)``, if the program called it
    exit_status: int | None = None
    #: ``CapturedWarning``s shown to the program, in order
    warnings: list = field(default_factory=list)
    #: ``Explanation``s of the mistakes the run shows, the error's first
    explanations: list = field(default_factory=list)

    @property
    def trace(self):
        return self.sandbox.trace

    @property
    def virtual_time(self):
        return self.sandbox.clock.now

    @property
    def stopped(self):
        return self.sandbox.stop_reason

    @property
    def ok(self):
        return self.error is None and self.stopped is None and not self.exit_status

    def lines(self, stream="stdout"):
        return [line.text for line in self.trace.output if line.stream == stream]

    def release(self):
        """Drop the run's records once they have been reported.

        The sandbox's parts refer to one another, so a finished run is freed
        only by the cycle collector, which would walk every record of the
        trace (60,000 objects for 10,000 tasks) in the middle of the next
        run. Emptied, the records go at once.
        """
        self.sandbox.trace.clear()

    def to_json(self):
        trace = self.trace
        return {
            "stdout": [line.to_json() for line in trace.output if line.stream == "stdout"],
            "stderr": [line.to_json() for line in trace.output if line.stream == "stderr"],
            "output": [line.to_json() for line in trace.output],
            "output_dropped": self.sandbox.output.dropped,
            "output_dropped_chars": self.sandbox.output.dropped_chars,
            "virtual_time": self.virtual_time,
            "error": self.error,
            "stopped": self.stopped.to_json() if self.stopped else None,
            "exit_status": self.exit_status,
            "warnings": [warning.to_json() for warning in self.warnings],
            "explanations": [explanation.to_json() for explanation in self.explanations],
            **trace.to_json(),
        }


def run_program(source, *, filename="main.py", limits=None, on_output=None, prepare=None):
    """Run ``source`` as ``__main__`` on a virtual-time sandbox.

    ``prepare(sandbox)``, if given, runs inside the sandbox before the
    program: fixtures (virtual hosts, commands, files) install themselves
    there. Never raises for anything the program does.
    """
    sandbox = Sandbox(filename, limits, on_output)
    result = RunResult(sandbox)
    try:
        code = compile(source, filename, "exec")
    except SyntaxError as error:
        result.error = describe_syntax_error(error, filename, source)
        attach_explanations(result, source, explain_error(result, source, error))
        return result
    linecache.cache[filename] = (len(source), None, source.splitlines(True), filename)
    module = types.ModuleType("__main__")
    module.__dict__.update({"__file__": filename, "__builtins__": builtins})
    result.namespace = module.__dict__
    saved_main = sys.modules.get("__main__")
    about_error = None
    warnings_capture = WarningsCapture(sandbox.clock, filename)
    with sandbox, warnings_capture:
        sys.modules["__main__"] = module
        try:
            if prepare is not None:
                prepare(sandbox)
            sandbox.cpu_guard.watch(code)
            exec(code, module.__dict__)
        except (Deadlock, LimitExceeded, CpuLimitExceeded):
            pass
        except SystemExit as exit_:
            result.exit_status = _exit_status(exit_.code)
        except MemoryError:
            result.error = {
                "type": "MemoryError", "message": "the program ran out of memory",
                "line": None, "column": None, "end_line": None, "end_column": None,
                "traceback": "MemoryError: the program ran out of memory"}
        except BaseException as error:
            # Once the sandbox has stopped the program, an error raised by
            # asyncio's clean-up (cancelling tasks that wait for each other
            # recurses, for one) is a consequence of the stop, not news.
            if sandbox.stop_reason is None:
                result.error = describe_error(error, filename)
                about_error = explain_error(result, source, error)
        finally:
            # Collect now so "Task exception was never retrieved" and similar
            # messages appear in this run's output, as they would at exit.
            gc.collect()
            if saved_main is not None:
                sys.modules["__main__"] = saved_main
    result.warnings = warnings_capture.records
    attach_explanations(result, source, about_error)
    return result


def _exit_status(code):
    if code is None:
        return 0
    if isinstance(code, int):
        return code
    print(code, file=sys.stderr)
    return 1
