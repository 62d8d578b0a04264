"""Whoosh backend (the default, pure Python).

Tuned for the archive (issue 5): tokens arrive pre-analysed, so Whoosh runs no analyzer;
compounds are single terms in the ``words`` field (a term lookup, not a phrase scan);
facets are keyword fields whose posting sets are loaded once per reader and reused for
filters and counts; counting walks matching document numbers without scoring.
"""

from __future__ import annotations

import heapq
import math
import os
from array import array
from bisect import bisect_left
from collections import Counter, OrderedDict, defaultdict
from collections.abc import Iterable, Iterator, Sequence
from itertools import accumulate, chain, repeat
from operator import add, truediv
from pathlib import Path
from pickle import loads
from typing import Any

from whoosh import analysis, fields, formats, query
from whoosh import index as whoosh_index
from whoosh.filedb.filestore import FileStorage
from whoosh.index import LockError
from whoosh.system import pack_uint

from index.analysis import DocTokens
from index.engines.base import FACET_LIMIT, Engine, EngineReader, EngineWriter
from index.engines.whoosh_bulk import EXIST, FREQ, POS, BulkSegmentWriter, group_tokens
from index.errors import IndexLockedError
from index.schema import (
    DATE,
    EXACT,
    FACET_PREFIX,
    FACETS,
    FOLDED,
    TITLE,
    WORDS,
    All,
    Bool,
    EngineHit,
    EngineResult,
    IndexDoc,
    Nothing,
    Phrase,
    Q,
    Range,
    Term,
    facet_field,
)

INDEX_NAME = "khoi"
WRITER_MEMORY_MB = 256  # pool size before Whoosh spills a run to disk; 100k docs fit in a few runs
# Documents per segment in a rebuild: the bulk writer holds one segment's postings in memory
# (~1.2 GB for 25k ~2 KB articles), and a query reads a term's postings from each segment.
SEGMENT_DOCS = 25_000
FILTER_CACHE_SIZE = 256
MMAP = True  # see WhooshReader.__init__
# Posting lists with positions read during one search (a phrase needs them, scoring needs the same
# term again); emptied at the start of every search.
TERM_CACHE_SIZE = 64
# Decoded posting lists without positions (docnums and term frequencies, as compact arrays) kept
# across searches, least recently used first out, up to this many postings (12 bytes each: ~48 MB).
# Queries share their common terms ("thi đua", "hội nghị"), and decoding a term found in every one
# of 10k documents costs ~1.5-2.5 ms. index.drop_query_caches() empties it (the index bench's cold runs).
HOT_POSTINGS = 4_000_000
# Scoring looks each matched document up in a term's sorted docnums (binary search) when the term
# has this many times more postings than there are matches; otherwise it walks the postings.
SEEK_RATIO = 16
BM25_B, BM25_K1 = 0.75, 1.2  # Whoosh's BM25F defaults
# Facets are counted doc by doc (each matched document's values, chained and counted in C) unless
# the result is larger than this share of a facet's postings, then value by value (one C set
# intersection per value). Doc by doc costs one lookup per matched document and value.
BY_VALUE_SHARE = 0.5


class PreAnalyzed(fields.FieldType):
    """A text field fed with tokens from index.analysis: (position, token) pairs or plain tokens."""

    def __init__(self, positions: bool) -> None:
        fmt = formats.Positions() if positions else formats.Frequency()
        super().__init__(fmt, analysis.IDAnalyzer(), scorable=True)
        self.positions = positions

    def index(self, value: Any, **kwargs: Any) -> Iterator[tuple[bytes, int, float, bytes]]:
        if self.positions:
            poses: dict[str, list[int]] = defaultdict(list)
            for pos, tok in value:
                poses[tok].append(pos)
            encode = self.format.encode
            for tok, plist in poses.items():
                yield tok.encode("utf-8"), len(plist), float(len(plist)), encode(plist)
        else:
            for tok, freq in Counter(value).items():
                yield tok.encode("utf-8"), freq, float(freq), pack_uint(freq)


class Keyword(fields.FieldType):
    """A facet: whole values, presence only."""

    def __init__(self) -> None:
        super().__init__(formats.Existence(), analysis.IDAnalyzer(), scorable=False)

    def index(self, value: Any, **kwargs: Any) -> Iterator[tuple[bytes, int, float, bytes]]:
        for v in set(value):
            yield v.encode("utf-8"), 1, 1.0, b""


def build_schema() -> fields.Schema:
    """Return the Whoosh schema of the archive index."""
    spec: dict[str, Any] = {
        "id": fields.ID(stored=True, unique=True),
        FOLDED: PreAnalyzed(positions=True),
        EXACT: PreAnalyzed(positions=False),
        WORDS: PreAnalyzed(positions=False),
        TITLE: PreAnalyzed(positions=False),
        DATE: fields.NUMERIC(int, bits=32, sortable=True),  # signed: Whoosh 2.7 ranges are wrong on unsigned
        "data": fields.STORED(),
    }
    for name in FACETS:
        spec[facet_field(name)] = Keyword()
    return fields.Schema(**spec)


def compile_query(q: Q) -> query.Query:
    """Return the Whoosh query of a neutral query tree."""
    if isinstance(q, Term):
        return query.Term(q.field, q.text, boost=q.boost)
    if isinstance(q, Phrase):
        if len(q.terms) == 1:
            return query.Term(q.field, q.terms[0], boost=q.boost)
        return query.Phrase(q.field, list(q.terms), boost=q.boost)
    if isinstance(q, Range):
        low = 0 if q.low is None else q.low
        high = 99_999_999 if q.high is None else q.high
        return query.NumericRange(DATE, low, high)
    if isinstance(q, All):
        return query.Every()
    if isinstance(q, Nothing):
        return query.NullQuery
    if isinstance(q, Bool):
        must = [compile_query(x) for x in q.must]
        should = [compile_query(x) for x in q.should]
        must_not = [compile_query(x) for x in q.must_not]
        if must and should:
            positive: query.Query = query.AndMaybe(_and(must), _or(should))
        elif must:
            positive = _and(must)
        elif should:
            positive = _or(should)
        else:
            positive = query.Every()
        if must_not:
            positive = query.AndNot(positive, _or(must_not))
        if q.boost != 1.0:
            positive = positive.with_boost(q.boost)
        return positive
    raise TypeError(f"unsupported query node {q!r}")


def _positions(value: bytes) -> list[int]:
    """Decode one Positions posting value (a count, then pickled deltas)."""
    return list(accumulate(loads(value[4:])))


def _positive_terms(q: Q, boost: float = 1.0) -> Iterator[tuple[str, str, float]]:
    """Yield (field, text, boost) of every term that adds to the score (not under NOT)."""
    if isinstance(q, Term):
        yield q.field, q.text, boost * q.boost
    elif isinstance(q, Phrase):
        for t in q.terms:
            yield q.field, t, boost * q.boost
    elif isinstance(q, Bool):
        for x in (*q.must, *q.should):
            yield from _positive_terms(x, boost * q.boost)


def _and(items: list[query.Query]) -> query.Query:
    return items[0] if len(items) == 1 else query.And(items)


def _or(items: list[query.Query]) -> query.Query:
    return items[0] if len(items) == 1 else query.Or(items)


def _stored(doc: IndexDoc) -> dict[str, Any]:
    return {"doc_id": doc.doc_id, "url": doc.url, "title": doc.title, "text": doc.text, "meta": doc.meta}


KINDS = {FOLDED: POS, EXACT: FREQ, WORDS: FREQ, TITLE: FREQ, **{facet_field(n): EXIST for n in FACETS}}


def _token_fields(doc: IndexDoc) -> dict[str, Any]:
    tokens = doc.tokens
    return {FOLDED: (tokens.length, tokens.positions), EXACT: tokens.exact, WORDS: tokens.words, TITLE: tokens.title}


def _record(doc: IndexDoc) -> dict[str, Any]:
    """Return the fields of ``doc`` as BulkSegmentWriter.add_tokens takes them."""
    record: dict[str, Any] = {"id": str(doc.doc_id), DATE: doc.date}
    record.update(doc.prepared or _token_fields(doc))
    for name, values in doc.facets.items():
        if values:
            record[facet_field(name)] = values
    return record


class WhooshWriter(EngineWriter):
    """A Whoosh writer (index.engines.whoosh_bulk); ``fresh`` skips the delete-by-id lookups of a rebuild."""

    def __init__(self, ix: whoosh_index.Index, fresh: bool) -> None:
        self._ix = ix
        self._fresh = fresh
        self._pending = 0
        self._writer = self._open()

    def _open(self) -> BulkSegmentWriter:
        try:
            return BulkSegmentWriter(self._ix, KINDS, limitmb=WRITER_MEMORY_MB)
        except LockError as exc:
            raise IndexLockedError(f"{self._ix.storage.folder}: another process is writing this index") from exc

    def upsert(self, doc: IndexDoc) -> None:
        if not self._fresh:
            self._writer.delete_by_term("id", str(doc.doc_id))
        self._writer.add_tokens(_record(doc), {"data": _stored(doc)})
        self._pending += 1
        if self._fresh and self._pending >= SEGMENT_DOCS:
            # The bulk writer keeps a segment's postings in memory until commit: write them out
            # as a segment of their own (no merge) so memory stays bounded on a large build.
            self._writer.commit(merge=False)
            self._writer = self._open()
            self._pending = 0

    def delete(self, doc_id: int) -> None:
        self._writer.delete_by_term("id", str(doc_id))

    def commit(self) -> None:
        # A rebuild's segments are all large: merging them would send every posting through
        # Whoosh's pool again. Updates keep Whoosh's default merge of small segments.
        self._writer.commit(merge=not self._fresh)

    def cancel(self) -> None:
        self._writer.cancel()


class WhooshReader(EngineReader):
    """A searcher plus per-reader caches of facet posting sets and filter results."""

    def __init__(self, path: Path) -> None:
        # MMAP False reads with read() instead of mmap: a mapped index counts in the process's RSS
        # as it is read (~1.4 GB at 100k), read() leaves it in the OS page cache. Measured at 10k:
        # peak 443 -> 240 MB, p95 63 -> 71 ms; at 100k: peak 3,063 -> <= 948 MB but p95 482 -> 526 ms
        # (over the 500 ms target), so mmap stays on.
        self.ix = FileStorage(str(path), supports_mmap=MMAP).open_index(INDEX_NAME)
        self.searcher = self.ix.searcher()
        self._facet_sets: dict[str, dict[str, set[int]]] = {}
        self._doc_facets: dict[str, list[tuple[str, ...]]] = {}
        self._facet_postings: dict[str, int] = {}
        self._filter_cache: dict[Q, set[int]] = {}
        self._date_column: Any = None
        self._term_cache: dict[tuple[str, str], tuple[list[int], list[float], list[Any]]] = {}
        self._hot: OrderedDict[tuple[str, str], tuple[Sequence[int], Sequence[float]]] = OrderedDict()
        self._hot_postings = 0
        self._norm_cache: dict[str, list[float]] = {}
        self._all: set[int] | None = None
        self._doc_count = max(self.searcher.reader().doc_count_all(), 1)

    def is_current(self) -> bool:
        """Return True while no newer commit exists."""
        return bool(self.searcher.up_to_date())

    # ---- caches ------------------------------------------------------------------------

    def _facet(self, name: str) -> dict[str, set[int]]:
        """Return {value: docnums} of one facet, loaded on first use (with its doc -> values column)."""
        sets = self._facet_sets.get(name)
        if sets is None:
            reader = self.searcher.reader()
            fname = facet_field(name)
            sets = {}
            by_doc: list[list[str]] = [[] for _ in range(reader.doc_count_all())]
            if fname in reader.indexed_field_names():
                for btext in reader.lexicon(fname):
                    value = btext.decode("utf-8")
                    ids = set(reader.postings(fname, btext).all_ids())
                    sets[value] = ids
                    for d in ids:
                        by_doc[d].append(value)
            self._facet_sets[name] = sets
            self._doc_facets[name] = [tuple(values) for values in by_doc]
            self._facet_postings[name] = sum(len(ids) for ids in sets.values())
        return sets

    def _docset(self, q: Q) -> set[int]:
        """Return the live document numbers matching a filter, cached per reader."""
        cached = self._filter_cache.get(q)
        if cached is not None:
            return cached
        if isinstance(q, Term) and q.field.startswith(FACET_PREFIX):
            docs = self._facet(q.field[len(FACET_PREFIX) :]).get(q.text, set())
            if self.searcher.reader().has_deletions():
                docs = set(d for d in docs if not self.searcher.reader().is_deleted(d))
        else:
            docs = set(self.searcher.docs_for_query(compile_query(q)))
        if len(self._filter_cache) >= FILTER_CACHE_SIZE:
            self._filter_cache.pop(next(iter(self._filter_cache)))
        self._filter_cache[q] = docs
        return docs

    def _allowed(self, filters: list[Q]) -> set[int] | None:
        allowed: set[int] | None = None
        for f in sorted(filters, key=lambda f: len(self._docset(f))):
            docs = self._docset(f)
            allowed = docs if allowed is None else allowed & docs
        return allowed

    # ---- search ------------------------------------------------------------------------

    def search(
        self,
        query_: Q,
        filters: list[Q],
        *,
        sort: str,
        offset: int,
        limit: int,
        facets: bool,
        scored: bool = True,
    ) -> EngineResult:
        self._term_cache.clear()
        allowed = self._allowed(filters)
        match_all = isinstance(query_, All)
        matched = self._match(query_)
        if allowed is not None:
            matched = matched & allowed if len(matched) > len(allowed) else allowed & matched
        total = len(matched)
        wanted = offset + limit
        hits: list[EngineHit] = []
        if total and limit > 0:
            if sort == "relevance" and scored and not match_all:
                # Ties broken by document number so pages are stable.
                ranked = self._top(self._scores(query_, matched), matched, wanted)[offset:wanted]
            else:
                column = self._dates()
                pick = heapq.nsmallest if sort == "date_asc" else heapq.nlargest
                top = pick(wanted, matched, key=lambda d: (column[d], d))
                ranked = [(d, 0.0) for d in top[offset:wanted]]
            for docnum, score in ranked:
                stored = self.searcher.stored_fields(docnum)["data"]
                hits.append(EngineHit(doc_id=int(stored["doc_id"]), score=float(score), stored=stored))
        counts = self._count_facets(matched) if facets else {}
        return EngineResult(total=total, hits=hits, facets=counts)

    # ---- matching as set algebra over posting lists (C-level set operations) ---------------

    def drop_query_caches(self) -> None:
        """Forget decoded posting lists (not the facet sets, norms and filters loaded once per reader)."""
        self._term_cache.clear()
        self._hot.clear()
        self._hot_postings = 0

    def _postings_hot(self, field: str, text: str) -> tuple[Sequence[int], Sequence[float]]:
        """Return (docnums, weights) of one term from the cross-search cache, decoding it on a miss."""
        key = (field, text)
        hit = self._hot.get(key)
        if hit is not None:
            self._hot.move_to_end(key)
            return hit
        cached = self._term_cache.get(key)
        ids, weights, _ = cached if cached is not None else self._decode(field, text, with_values=False)
        entry = (array("i", ids), array("d", weights))
        if len(ids) <= HOT_POSTINGS:
            self._hot[key] = entry
            self._hot_postings += len(ids)
            while self._hot_postings > HOT_POSTINGS:
                _, (old, _w) = self._hot.popitem(last=False)
                self._hot_postings -= len(old)
        return entry

    def _postings(self, field: str, text: str) -> tuple[list[int], list[float], list[Any]]:
        """Return (docnums, weights, values) of one term (values: encoded positions), cached per search."""
        key = (field, text)
        cached = self._term_cache.get(key)
        if cached is not None:
            return cached
        out = self._decode(field, text, with_values=True)
        if len(self._term_cache) >= TERM_CACHE_SIZE:
            self._term_cache.pop(next(iter(self._term_cache)))
        self._term_cache[key] = out
        return out

    def _decode(self, field: str, text: str, *, with_values: bool) -> tuple[list[int], list[float], list[Any]]:
        """Read one term's postings block by block: (docnums, weights, values if asked for)."""
        btext = text.encode("utf-8")
        ids: list[int] = []
        weights: list[float] = []
        values: list[Any] = []
        for leaf, base in self.searcher.reader().leaf_readers():
            if (field, btext) not in leaf:
                continue
            m = leaf.postings(field, btext)
            m = getattr(m, "child", m)  # deleted documents are dropped later (_live), not per posting
            fixed = m._fixedsize
            while True:
                if m._data is None:
                    m._read_data()
                deltas, w, v = m._data
                n = len(deltas)
                ids.extend(accumulate(deltas) if not base else map(base.__add__, accumulate(deltas)))
                if w is None:
                    weights.extend([1.0] * n)
                elif isinstance(w, float):
                    weights.extend([w] * n)
                else:
                    weights.extend(w)
                if with_values and (fixed is None or fixed < 0):
                    values.extend(v)
                if m._lastblock:
                    break
                m._goto(m._nextoffset)
        return ids, weights, values

    def _match(self, q: Q) -> set[int]:
        """Return the live document numbers matching ``q``."""
        if isinstance(q, Term):
            if q.field.startswith(FACET_PREFIX) or q.field == DATE:
                return self._docset(q)
            docs = set(self._postings_hot(q.field, q.text)[0])
            return self._live(docs)
        if isinstance(q, Phrase):
            if len(q.terms) == 1:
                return self._match(Term(q.field, q.terms[0]))
            return self._phrase(q)
        if isinstance(q, All):
            return self._all_docs()
        if isinstance(q, Nothing):
            return set()
        if isinstance(q, Range):
            return self._docset(q)
        if isinstance(q, Bool):
            result: set[int]
            if q.must:
                parts = sorted((self._match(x) for x in q.must), key=len)
                result = set(parts[0])
                for part in parts[1:]:
                    result &= part
            elif q.should:
                result = set()
                for x in q.should:
                    result |= self._match(x)
            else:
                result = set(self._all_docs())
            for x in q.must_not:
                if not result:
                    break
                result -= self._match(x)
            return result
        raise TypeError(f"unsupported query node {q!r}")

    def _phrase(self, q: Phrase) -> set[int]:
        """Documents where the terms occur at consecutive positions."""
        lists = [self._postings(q.field, t) for t in q.terms]
        candidates = set(lists[0][0])
        for ids, _, _ in sorted(lists[1:], key=lambda x: len(x[0])):
            candidates &= set(ids)
            if not candidates:
                return set()
        if not lists[0][2]:  # no positions stored: the candidates are the answer
            return self._live(candidates)
        positions = []
        for ids, _, values in lists:
            by_doc = dict(zip(ids, values, strict=False))
            positions.append({d: by_doc[d] for d in candidates})
        out = set()
        for d in candidates:
            starts = set(_positions(positions[0][d]))
            for i in range(1, len(positions)):
                starts.intersection_update([p - i for p in _positions(positions[i][d])])
                if not starts:
                    break
            if starts:
                out.add(d)
        return self._live(out)

    def _live(self, docs: set[int]) -> set[int]:
        reader = self.searcher.reader()
        if reader.has_deletions():
            return {d for d in docs if not reader.is_deleted(d)}
        return docs

    def _all_docs(self) -> set[int]:
        if self._all is None:
            self._all = set(self._live_docs())
        return self._all

    # ---- ranking: BM25F (Whoosh's default weighting), summed over the query's positive terms ----

    def _scores(self, q: Q, matched: set[int]) -> dict[int, float]:
        """Return {docnum: BM25F score} for the matched documents that contain a positive term."""
        scores: dict[int, float] = {}
        get = scores.get
        for field, text, boost in _positive_terms(q):
            if field.startswith(FACET_PREFIX) or field == DATE:
                continue
            ids, weights = self._postings_hot(field, text)
            if not ids:
                continue
            norm = self._norms(field)
            idf = math.log(self._doc_count / (len(ids) + 1)) + 1
            c = idf * boost * (BM25_K1 + 1)
            docs: Sequence[int]
            tfs: Sequence[float]
            if len(matched) * SEEK_RATIO < len(ids):
                # Few matches, a long list (a common word in a narrow query): look each match up in
                # the sorted docnums instead of visiting every posting.
                docs, tfs = [], []
                n = len(ids)
                for d in matched:
                    i = bisect_left(ids, d)
                    if i < n and ids[i] == d:
                        docs.append(d)
                        tfs.append(weights[i])
            else:
                common = matched.intersection(ids)
                if len(common) == len(ids):
                    docs, tfs = ids, weights
                else:  # only the matched documents' postings are visited
                    tf_of = dict(zip(ids, weights, strict=False))
                    docs = list(common)
                    tfs = list(map(tf_of.__getitem__, docs))
            if not docs:
                continue
            # c * tf / (tf + norm[d]) added to each document's score, every step in C (map/zip/update).
            parts = map(truediv, map(c.__mul__, tfs), map(add, tfs, map(norm.__getitem__, docs)))
            if scores:
                parts = map(add, map(get, docs, repeat(0.0)), parts)
            scores.update(zip(docs, parts, strict=False))
        return scores

    @staticmethod
    def _top(scores: dict[int, float], matched: set[int], wanted: int) -> list[tuple[int, float]]:
        """The ``wanted`` best (docnum, score) pairs: highest score first, ties by document number."""
        top = [(d, scores[d]) for d in heapq.nlargest(wanted, sorted(scores), key=scores.__getitem__)]
        if len(top) < wanted and len(scores) < len(matched):  # documents matched without a scoring term
            top.extend((d, 0.0) for d in heapq.nsmallest(wanted - len(top), matched.difference(scores)))
        return top

    def _norms(self, field: str) -> list[float]:
        """Return K1 * ((1 - B) + B * length / average length) for each document of ``field``."""
        norm = self._norm_cache.get(field)
        if norm is None:
            reader = self.searcher.reader()
            n = reader.doc_count_all()
            lengths = [reader.doc_field_length(d, field, 0) or 0 for d in range(n)]
            avg = (reader.field_length(field) / max(n, 1)) or 1.0
            norm = [BM25_K1 * ((1 - BM25_B) + BM25_B * fl / avg) for fl in lengths]
            self._norm_cache[field] = norm
        return norm

    def _live_docs(self) -> Iterator[int]:
        reader = self.searcher.reader()
        return (d for d in range(reader.doc_count_all()) if not reader.is_deleted(d))

    def _dates(self) -> Any:
        if self._date_column is None:
            self._date_column = self.searcher.reader().column_reader(DATE)
        return self._date_column

    def _count_facets(self, matched: set[int]) -> dict[str, list[tuple[str, int]]]:
        out: dict[str, list[tuple[str, int]]] = {}
        for name in FACETS:
            sets = self._facet(name)
            counter: Counter[str]
            if len(matched) <= BY_VALUE_SHARE * self._facet_postings[name]:
                # Every lookup and the counting itself run in C: no Python code per document.
                counter = Counter(chain.from_iterable(map(self._doc_facets[name].__getitem__, matched)))
            else:
                counter = Counter()
                for value, docs in sets.items():
                    n = len(matched & docs) if len(docs) < len(matched) else len(docs & matched)
                    if n:
                        counter[value] = n
            out[name] = heapq.nsmallest(FACET_LIMIT, counter.items(), key=lambda kv: (-kv[1], kv[0]))
        return out

    def stored(self, doc_id: int) -> dict[str, Any] | None:
        docnum = self.searcher.document_number(id=str(doc_id))
        if docnum is None:
            return None
        return dict(self.searcher.stored_fields(docnum)["data"])

    def doc_freq(self, field: str, term: str) -> int:
        return int(self.searcher.doc_frequency(field, term))

    def num_docs(self) -> int:
        return int(self.searcher.doc_count())

    def close(self) -> None:
        self.searcher.close()


class _PartStorage(FileStorage):
    """A FileStorage whose temporary folders are this writer's own.

    Whoosh names a writer's temporary folder after the index (``khoi.tmp``, shared by the segment
    and per-document writers) and deletes it when the writer finishes, which would pull it from
    under a second part being written beside it. One folder per process keeps both properties.
    """

    def temp_storage(self, name: str | None = None) -> Any:
        return super().temp_storage(f"{name or INDEX_NAME}.{os.getpid()}")


class WhooshEngine(Engine):
    """Creates and opens Whoosh indexes."""

    name = "whoosh"

    def create(self, path: Path) -> None:
        path.mkdir(parents=True, exist_ok=True)
        FileStorage(str(path)).create_index(build_schema(), indexname=INDEX_NAME)

    def writer(self, path: Path, *, fresh: bool = False) -> EngineWriter:
        return WhooshWriter(whoosh_index.open_dir(str(path), indexname=INDEX_NAME), fresh)

    def reader(self, path: Path) -> WhooshReader:
        return WhooshReader(path)

    def prepare(self, doc: IndexDoc) -> IndexDoc:
        """Group the token streams by term (and encode positions) here, in the analysis process."""
        doc.prepared = {name: group_tokens(KINDS[name], value) for name, value in _token_fields(doc).items()}
        doc.tokens = DocTokens()
        return doc

    # A part is one segment, written by a worker without the index's write lock (the parent holds
    # the build's own lock, and the segment is invisible until join_parts lists it in the TOC).
    writes_parts = True

    def write_part(self, path: Path, docs: Iterable[IndexDoc]) -> Any:
        ix = _PartStorage(str(path)).open_index(INDEX_NAME)
        writer = BulkSegmentWriter(ix, KINDS, _lk=False)
        try:
            for doc in docs:
                writer.add_tokens(_record(doc), {"data": _stored(doc)})
            return writer.finish_segment()
        except BaseException:
            writer.cancel()
            raise

    def join_parts(self, path: Path, parts: list[Any]) -> None:
        ix = whoosh_index.open_dir(str(path), indexname=INDEX_NAME)
        lock = ix.lock("WRITELOCK")
        if not lock.acquire():
            raise IndexLockedError(f"{path}: another process is writing this index")
        try:
            toc = ix._read_toc()
            segments = [*toc.segments, *parts]
            generation = toc.generation + 1
            whoosh_index.TOC(toc.schema, segments, generation).write(ix.storage, INDEX_NAME)
            whoosh_index.clean_files(ix.storage, INDEX_NAME, generation, segments)
        finally:
            lock.release()


ENGINE = WhooshEngine()
