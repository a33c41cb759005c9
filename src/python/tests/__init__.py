"""Tests of the awaitable package (run with unittest discovery from the repository root)."""
