"""Exceptions raised by the nlp package; the CLI maps them to exit codes."""

from __future__ import annotations


class NlpError(Exception):
    """Base class of every error the nlp package raises on purpose."""


class BadInputError(NlpError):
    """An input line is not a usable FORMAT.md record; ``line`` is its 1-based number."""

    def __init__(self, line: int, reason: str) -> None:
        super().__init__(f"line {line}: {reason}")
        self.line = line
        self.reason = reason
