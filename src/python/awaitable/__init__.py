"""Awaitable's sandbox: asyncio programs on a virtual clock, traced and graded."""

from .clock import VirtualClock
from .limits import Limits
from .loop import VirtualEventLoop
from .runner import RunResult, run_program
from .sandbox import Sandbox

__all__ = ["VirtualClock", "Limits", "VirtualEventLoop", "RunResult", "run_program", "Sandbox"]
