"""Search the index: ``search`` and ``more_like_this`` return Results/Hits with highlighted snippets."""

from __future__ import annotations

import html
import json
import math
import threading
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from index.analysis import analyze_document, match_spans, stopwords
from index.build import VOCAB, generation_dir, read_meta
from index.engines.base import EngineReader, get_engine
from index.errors import IndexMissingError, QuerySyntaxError, SearchIndexError
from index.plan import Planner, facet_key
from index.schema import (
    DATE,
    FACETS,
    FILTER_ALIASES,
    FOLDED,
    WORDS,
    Bool,
    EngineHit,
    Q,
    Range,
    Term,
)
from index.syntax import DateNode, FieldNode, parse, parse_date_range

SORTS = ("relevance", "date_desc", "date_asc")
SNIPPET_CHARS = 240
MAX_PAGE_SIZE = 1000
MLT_TERMS = 25  # distinctive terms of a document used to find similar ones
MLT_MAX_DF = 0.5  # terms in more than half the documents say nothing about similarity
MLT_SMALL_INDEX = 20  # below this many documents every term may count


@dataclass
class Hit:
    """One search result."""

    document_id: int
    url: str
    title: str
    score: float
    snippet_html: str
    published_at: str | None = None
    event_date: str | None = None
    province: str | None = None
    bloc: str | None = None
    event_types: list[str] = field(default_factory=list)
    year: int | None = None


@dataclass
class Results:
    """One page of results, the total, and facet counts over the whole result set."""

    total: int
    page: int
    page_size: int
    hits: list[Hit]
    facets: dict[str, list[tuple[str, int]]]
    query: str
    took_ms: float


# ---- readers, cached per index folder and reopened when the index changes -----------------


@dataclass
class _Open:
    generation: str
    engine: str
    reader: EngineReader
    vocab: dict[str, list[str]]
    lock: threading.Lock
    closed: bool = False

    def retire(self) -> None:
        """Close the reader once no search holds it; a search that finds it closed opens the new one."""
        with self.lock:
            self.closed = True
            self.reader.close()


_READERS: dict[Path, _Open] = {}
_READERS_LOCK = threading.Lock()


def _open(index_dir: Path) -> _Open:
    index_dir = Path(index_dir).resolve()
    meta = read_meta(index_dir)
    with _READERS_LOCK:
        cached = _READERS.get(index_dir)
        if cached is not None and cached.generation == meta["generation"] and cached.engine == meta["engine"]:
            is_current = getattr(cached.reader, "is_current", None)
            if is_current is None or is_current():
                return cached
        gen_dir = generation_dir(index_dir, meta)
        try:
            reader = get_engine(meta["engine"]).reader(gen_dir)
        except (OSError, ValueError) as exc:
            raise IndexMissingError(f"{index_dir}: cannot open the index ({exc}); run `khoi index --rebuild`") from exc
        except Exception as exc:  # engine-specific "empty/corrupt index" errors
            if type(exc).__module__.startswith("index."):
                raise
            raise IndexMissingError(f"{index_dir}: cannot open the index ({exc}); run `khoi index --rebuild`") from exc
        try:
            vocab = json.loads((gen_dir / VOCAB).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            vocab = {}
        if cached is not None:
            cached.retire()
        entry = _Open(meta["generation"], meta["engine"], reader, vocab, threading.Lock())
        _READERS[index_dir] = entry
        return entry


def close_readers() -> None:
    """Close every cached reader (tests, and before deleting an index folder)."""
    with _READERS_LOCK:
        for entry in _READERS.values():
            entry.retire()
        _READERS.clear()


def drop_query_caches() -> None:
    """Empty every open reader's cross-search caches (posting lists), keeping the readers open."""
    with _READERS_LOCK:
        for entry in _READERS.values():
            with entry.lock:
                entry.reader.drop_query_caches()


@contextmanager
def _reader(index_dir: Path) -> Iterator[_Open]:
    """Hold the current reader of ``index_dir`` for one search (another thread may retire an older one)."""
    for _ in range(10):
        opened = _open(index_dir)
        with opened.lock:
            if not opened.closed:
                yield opened
                return
    raise SearchIndexError(f"{index_dir}: the index kept changing while it was being opened; try again")


# ---- search ---------------------------------------------------------------------------------


def search(
    index_dir: Path,
    query: str,
    *,
    filters: dict[str, list[str]] | None = None,
    facets: bool = True,
    page: int = 1,
    page_size: int = 10,
    sort: str = "relevance",
    date_from: str | None = None,
    date_to: str | None = None,
) -> Results:
    """Return one page of documents matching ``query`` (see index.syntax), narrowed by ``filters`` and dates.

    ``filters`` maps facet names (province, bloc, year, event_type/type, ...) to accepted
    values; values of one facet are alternatives, facets combine with AND.
    """
    started = time.perf_counter()
    if sort not in SORTS:
        raise QuerySyntaxError(f"unknown sort {sort!r}; choose one of: {', '.join(SORTS)}", query)
    page = max(1, int(page))
    page_size = max(1, min(int(page_size), MAX_PAGE_SIZE))
    tree = parse(query or "")
    with _reader(index_dir) as opened:
        planner = Planner(opened.vocab)  # facet values of the generation searched
        extra = _filter_clauses(planner, filters, date_from, date_to, query)
        plan = planner.plan(tree, extra, query or "")
        effective_sort = sort if plan.has_text or sort != "relevance" else "date_desc"
        result = opened.reader.search(
            plan.query,
            plan.filters,
            sort=effective_sort,
            offset=(page - 1) * page_size,
            limit=page_size,
            facets=facets,
        )
    hits = [_hit(h, plan.highlight) for h in result.hits]
    return Results(
        total=result.total,
        page=page,
        page_size=page_size,
        hits=hits,
        facets={name: result.facets.get(name, []) for name in FACETS} if facets else {},
        query=query,
        took_ms=(time.perf_counter() - started) * 1000,
    )


def _filter_clauses(
    planner: Planner,
    filters: dict[str, list[str]] | None,
    date_from: str | None,
    date_to: str | None,
    query: str,
) -> list[Q]:
    clauses: list[Q] = []
    for name, values in (filters or {}).items():
        canonical = FILTER_ALIASES.get(name.lower())
        if name.lower() == "date":
            for v in values:
                node = parse_date_range(v, query)
                clauses.append(Range(DATE, node.low, node.high))
            continue
        if canonical is None:
            raise QuerySyntaxError(f"unknown filter {name!r}; known: {', '.join(FACETS)}", query)
        if isinstance(values, str):
            values = [values]
        options = [planner.facet(FieldNode(canonical, str(v))) for v in values if str(v).strip()]
        if options:
            clauses.append(options[0] if len(options) == 1 else Bool(should=tuple(options)))
    if date_from or date_to:
        low = parse_date_range(f"{date_from or ''}..{date_to or ''}", query)
        if isinstance(low, DateNode):
            clauses.append(Range(DATE, low.low, low.high))
    return clauses


def _hit(h: EngineHit, terms: set[str]) -> Hit:
    stored = h.stored
    meta = stored.get("meta") or {}
    return Hit(
        document_id=h.doc_id,
        url=stored.get("url") or "",
        title=stored.get("title") or "",
        score=round(h.score, 4),
        snippet_html=make_snippet(stored.get("text") or "", terms),
        published_at=meta.get("published_at"),
        event_date=meta.get("event_date"),
        province=meta.get("province"),
        bloc=meta.get("bloc"),
        event_types=list(meta.get("event_types") or []),
        year=meta.get("year"),
    )


def make_snippet(text: str, terms: set[str], width: int = SNIPPET_CHARS) -> str:
    """Return an HTML-safe excerpt of ``text`` around the densest cluster of matches, matches in <mark>."""
    spans = match_spans(text, terms) if terms else []
    if not spans:
        cut = text[:width]
        return html.escape(cut.rsplit(" ", 1)[0] + " …" if len(text) > width else cut)
    best_start, best_score = spans[0][0], -1
    for i, (start, _) in enumerate(spans):
        inside = [s for s in spans[i:] if s[1] <= start + width]
        score = len({text[a:b].lower() for a, b in inside}) * 10 + len(inside)
        if score > best_score:
            best_start, best_score = start, score
    lo = max(0, best_start - width // 4)
    if lo > 0:
        space = text.find(" ", lo)
        lo = space + 1 if 0 <= space < best_start else lo
    hi = min(len(text), lo + width)
    if hi < len(text):
        space = text.rfind(" ", lo, hi)
        hi = space if space > lo else hi
    parts: list[str] = ["… " if lo > 0 else ""]
    pos = lo
    for a, b in spans:
        if a < lo or b > hi:
            continue
        parts.append(html.escape(text[pos:a]))
        parts.append(f"<mark>{html.escape(text[a:b])}</mark>")
        pos = b
    parts.append(html.escape(text[pos:hi]))
    if hi < len(text):
        parts.append(" …")
    return "".join(parts).replace("\n", " ")


def more_like_this(index_dir: Path, document_id: int, limit: int = 5) -> list[Hit]:
    """Return up to ``limit`` documents most similar to ``document_id`` (by its distinctive words)."""
    with _reader(index_dir) as opened:
        stored = opened.reader.stored(int(document_id))
        if stored is None:
            return []
        tokens = analyze_document(stored.get("title"), stored.get("text") or "")
        stops = {facet_key(s) for s in stopwords()}
        counts: Counter[tuple[str, str]] = Counter()
        for _, tok in tokens.folded:
            if tok not in stops and len(tok) > 1 and not tok.isdigit():
                counts[(FOLDED, tok)] += 1
        for tok in tokens.words:
            if "_" in tok and tok.isascii():
                counts[(WORDS, tok)] += 1
        n = max(opened.reader.num_docs(), 1)
        weighted = []
        for (fld, tok), tf in counts.items():
            df = opened.reader.doc_freq(fld, tok)
            if 0 < df and (df < n * MLT_MAX_DF or n < MLT_SMALL_INDEX):
                weighted.append((tf * math.log(1 + n / df), fld, tok))
        weighted.sort(reverse=True)
        clauses: tuple[Q, ...] = tuple(Term(f, t) for _, f, t in weighted[:MLT_TERMS])
        if not clauses:
            return []
        query: Q = Bool(should=clauses)
        result = opened.reader.search(
            query, [], sort="relevance", offset=0, limit=limit + 1, facets=False
        )
    hits = [h for h in result.hits if h.doc_id != int(document_id)][:limit]
    terms = {t for _, f, t in weighted[:MLT_TERMS] if f == FOLDED}
    return [_hit(h, terms) for h in hits]


__all__ = ["SORTS", "Hit", "Results", "close_readers", "drop_query_caches", "make_snippet", "more_like_this", "search"]
