"""Errors the search index raises; the CLI and the app show their messages without a traceback."""

from __future__ import annotations


class SearchIndexError(Exception):
    """Base class of every error raised by ``index``."""


# The brief's name for the base class; kept as an alias so both spellings work.
IndexError_ = SearchIndexError


class QuerySyntaxError(SearchIndexError, ValueError):
    """The query string cannot be parsed; the message says where and why."""

    def __init__(self, message: str, query: str = "", position: int | None = None) -> None:
        self.query = query
        self.position = position
        super().__init__(message)


class IndexLockedError(SearchIndexError):
    """Another process is writing the index."""


class IndexMissingError(SearchIndexError):
    """There is no index at the given folder (or it is unreadable)."""


class UnknownEngineError(SearchIndexError, ValueError):
    """The engine name is not one of the supported engines (or its package is missing)."""
