"""Full-text search over the archive: Vietnamese-aware analysis, facets, Whoosh or tantivy behind one interface.

Public surface (used by the CLI and search_app)::

    build_index(db, index_dir, engine="whoosh", rebuild=False, progress=True) -> BuildReport
    search(index_dir, query, filters=None, facets=True, page=1, page_size=10, sort="relevance",
           date_from=None, date_to=None) -> Results
    more_like_this(index_dir, document_id, limit=5) -> list[Hit]
    drop_query_caches()  # benchmarks: time searches without what earlier searches cached
"""

from __future__ import annotations

from index.build import BuildReport, build_index
from index.errors import (
    IndexError_,
    IndexLockedError,
    IndexMissingError,
    QuerySyntaxError,
    SearchIndexError,
    UnknownEngineError,
)
from index.query import Hit, Results, drop_query_caches, more_like_this, search

__all__ = [
    "BuildReport",
    "Hit",
    "IndexError_",
    "IndexLockedError",
    "IndexMissingError",
    "QuerySyntaxError",
    "Results",
    "SearchIndexError",
    "UnknownEngineError",
    "build_index",
    "drop_query_caches",
    "more_like_this",
    "search",
]
