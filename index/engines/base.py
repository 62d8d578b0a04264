"""The interface both engines implement, and the lookup by name."""

from __future__ import annotations

import importlib
from abc import ABC, abstractmethod
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from index.errors import UnknownEngineError
from index.schema import EngineResult, IndexDoc, Q

FACET_LIMIT = 50  # values returned per facet, most frequent first


class EngineWriter(ABC):
    """Adds, replaces and deletes documents; nothing is visible until ``commit``."""

    @abstractmethod
    def upsert(self, doc: IndexDoc) -> None:
        """Add ``doc``, replacing any document with the same id."""

    @abstractmethod
    def delete(self, doc_id: int) -> None:
        """Remove the document with this id, if present."""

    @abstractmethod
    def commit(self) -> None:
        """Make the changes durable and visible."""

    @abstractmethod
    def cancel(self) -> None:
        """Drop the uncommitted changes."""


class EngineReader(ABC):
    """Searches one committed state of an index."""

    @abstractmethod
    def search(
        self,
        query: Q,
        filters: list[Q],
        *,
        sort: str,
        offset: int,
        limit: int,
        facets: bool,
        scored: bool = True,
    ) -> EngineResult:
        """Return the total, the hits of one page and (optionally) facet counts of the whole result set."""

    @abstractmethod
    def stored(self, doc_id: int) -> dict[str, Any] | None:
        """Return the stored fields of one document, or None."""

    @abstractmethod
    def doc_freq(self, field: str, term: str) -> int:
        """Return how many documents contain ``term`` in ``field``."""

    @abstractmethod
    def num_docs(self) -> int:
        """Return the number of live documents."""

    @abstractmethod
    def close(self) -> None:
        """Release files and caches."""

    def drop_query_caches(self) -> None:  # noqa: B027 - an engine without such caches has nothing to drop
        """Forget what searches cached for later searches (benchmarks measure cold queries with it)."""


class Engine(ABC):
    """A backend: creates an index folder and opens writers and readers on it."""

    name: str

    @abstractmethod
    def create(self, path: Path) -> None:
        """Create an empty index in the (empty) folder ``path``."""

    @abstractmethod
    def writer(self, path: Path, *, fresh: bool = False) -> EngineWriter:
        """Return a writer on the index at ``path`` (the caller holds the index lock); ``fresh``: empty index."""

    @abstractmethod
    def reader(self, path: Path) -> EngineReader:
        """Return a reader of the latest committed state at ``path``."""

    def prepare(self, doc: IndexDoc) -> IndexDoc:
        """Engine-specific work on an analysed document, done in the analysis worker processes."""
        return doc

    # A rebuild may be written in parts: each worker process analyses a contiguous run of the
    # documents and writes it as a self-contained part of the fresh index (``write_part``), and
    # the parent then makes the parts one index, in order (``join_parts``). Nothing but the rows
    # crosses between processes. Engines that cannot do this leave ``writes_parts`` False.
    writes_parts: bool = False

    def write_part(self, path: Path, docs: Iterable[IndexDoc]) -> Any:
        """Write ``docs`` as one part of the fresh index at ``path`` (in a worker); return what ``join_parts`` needs."""
        raise NotImplementedError

    def join_parts(self, path: Path, parts: list[Any]) -> None:
        """Make the written ``parts`` (in document order) the committed content of the index at ``path``."""
        raise NotImplementedError


_MODULES = {"whoosh": "index.engines.whoosh_engine", "tantivy": "index.engines.tantivy_engine"}


def get_engine(name: str) -> Engine:
    """Return the engine called ``name``; UnknownEngineError names the choices or the missing package."""
    module_name = _MODULES.get(name)
    if module_name is None:
        raise UnknownEngineError(f"unknown search engine {name!r}; choose one of: {', '.join(_MODULES)}")
    try:
        module = importlib.import_module(module_name)
    except ImportError as exc:
        raise UnknownEngineError(
            f"engine {name!r} needs a package that is not installed ({exc.name}); "
            f"install it with: pip install 'khoi[fast]'"
        ) from exc
    return module.ENGINE
