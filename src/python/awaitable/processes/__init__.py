"""Simulated processes: ``asyncio.create_subprocess_exec/shell`` in the sandbox."""

from .command_context import CommandContext
from .file_system import VirtualFileSystem
from .process import Signalled
from .virtual_processes import VirtualProcesses

__all__ = ["VirtualProcesses", "VirtualFileSystem", "CommandContext", "Signalled"]
