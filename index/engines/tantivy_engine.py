"""tantivy backend (optional ``fast`` extra): the same fields and tokens as Whoosh, native speed.

Tokens arrive pre-analysed (PreTokenizedString keeps our positions, so a document
number and its bare number share one position); facets are raw-tokenized fast text
fields counted with a terms aggregation; filters are zero-score Must clauses.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import tantivy

from index.engines.base import FACET_LIMIT, Engine, EngineReader, EngineWriter
from index.errors import IndexLockedError
from index.schema import (
    DATE,
    EXACT,
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

WRITER_HEAP = 256_000_000  # bytes shared by the writer threads
WRITER_THREADS = 2  # the bench machine has two cores


def build_schema() -> tantivy.Schema:
    """Return the tantivy schema of the archive index."""
    sb = tantivy.SchemaBuilder()
    sb.add_integer_field("id", stored=True, indexed=True, fast=True)
    sb.add_text_field(FOLDED, tokenizer_name="raw", index_option="position")
    for name in (EXACT, WORDS, TITLE):
        sb.add_text_field(name, tokenizer_name="raw", index_option="freq")
    for name in FACETS:
        sb.add_text_field(facet_field(name), tokenizer_name="raw", index_option="basic", fast=True)
    sb.add_integer_field(DATE, indexed=True, fast=True)
    sb.add_bytes_field("data", stored=True, indexed=False)
    return sb.build()


def _pretokenized(tokens: list[str]) -> tantivy.PreTokenizedString:
    return tantivy.PreTokenizedString("", [tantivy.Token(t, i, 0, 0) for i, t in enumerate(tokens)])


def _to_document(doc: IndexDoc) -> tantivy.Document:
    d = tantivy.Document()
    d.add_integer("id", doc.doc_id)
    tokens = doc.tokens
    d.add_pre_tokenized_text(
        FOLDED, tantivy.PreTokenizedString("", [tantivy.Token(t, p, 0, 0) for p, t in tokens.folded])
    )
    d.add_pre_tokenized_text(EXACT, _pretokenized(tokens.exact))
    d.add_pre_tokenized_text(WORDS, _pretokenized(tokens.words))
    d.add_pre_tokenized_text(TITLE, _pretokenized(tokens.title))
    for name, values in doc.facets.items():
        for v in values:
            d.add_text(facet_field(name), v)
    d.add_integer(DATE, doc.date)
    stored = {"doc_id": doc.doc_id, "url": doc.url, "title": doc.title, "text": doc.text, "meta": doc.meta}
    d.add_bytes("data", json.dumps(stored, ensure_ascii=False).encode("utf-8"))
    return d


class Compiler:
    """Translates the neutral query tree into tantivy queries for one schema."""

    def __init__(self, schema: tantivy.Schema) -> None:
        self.schema = schema

    def __call__(self, q: Q) -> tantivy.Query:
        if isinstance(q, Term):
            return self._boost(tantivy.Query.term_query(self.schema, q.field, q.text), q.boost)
        if isinstance(q, Phrase):
            if len(q.terms) == 1:
                return self._boost(tantivy.Query.term_query(self.schema, q.field, q.terms[0]), q.boost)
            return self._boost(tantivy.Query.phrase_query(self.schema, q.field, list(q.terms)), q.boost)
        if isinstance(q, Range):
            return tantivy.Query.range_query(self.schema, DATE, tantivy.FieldType.Integer, q.low, q.high)
        if isinstance(q, All):
            return tantivy.Query.all_query()
        if isinstance(q, Nothing):
            return tantivy.Query.empty_query()
        if isinstance(q, Bool):
            clauses = [(tantivy.Occur.Must, self(x)) for x in q.must]
            clauses += [(tantivy.Occur.Should, self(x)) for x in q.should]
            if q.must_not:
                if not q.must and not q.should:
                    clauses.append((tantivy.Occur.Must, tantivy.Query.all_query()))
                clauses += [(tantivy.Occur.MustNot, self(x)) for x in q.must_not]
            if len(clauses) == 1 and clauses[0][0] != tantivy.Occur.MustNot:
                return self._boost(clauses[0][1], q.boost)
            return self._boost(tantivy.Query.boolean_query(clauses), q.boost)
        raise TypeError(f"unsupported query node {q!r}")

    @staticmethod
    def _boost(query: tantivy.Query, boost: float) -> tantivy.Query:
        return query if boost == 1.0 else tantivy.Query.boost_query(query, boost)


class TantivyWriter(EngineWriter):
    """A tantivy IndexWriter; tantivy's own lock refuses a second writer."""

    def __init__(self, path: Path, fresh: bool) -> None:
        self._index = tantivy.Index.open(str(path))
        try:
            self._writer = self._index.writer(WRITER_HEAP, WRITER_THREADS)
        except ValueError as exc:
            if "lock" in str(exc).lower():
                raise IndexLockedError(f"{path}: another process is writing this index") from exc
            raise
        self._fresh = fresh

    def upsert(self, doc: IndexDoc) -> None:
        if not self._fresh:
            self._writer.delete_documents_by_term("id", doc.doc_id)
        self._writer.add_document(_to_document(doc))

    def delete(self, doc_id: int) -> None:
        self._writer.delete_documents_by_term("id", doc_id)

    def commit(self) -> None:
        self._writer.commit()
        self._writer.wait_merging_threads()

    def cancel(self) -> None:
        self._writer.rollback()
        self._writer.wait_merging_threads()


class TantivyReader(EngineReader):
    """Searches the latest commit (reloaded on each search)."""

    def __init__(self, path: Path) -> None:
        self._index = tantivy.Index.open(str(path))
        self._schema = self._index.schema
        self._compile = Compiler(self._schema)

    def _searcher(self) -> tantivy.Searcher:
        self._index.reload()
        return self._index.searcher()

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
        searcher = self._searcher()
        q = self._compile(query_)
        if filters:
            clauses = [(tantivy.Occur.Must, q)]
            clauses += [(tantivy.Occur.Must, tantivy.Query.const_score_query(self._compile(f), 0.0)) for f in filters]
            q = tantivy.Query.boolean_query(clauses)
        if sort == "relevance":
            result = searcher.search(q, limit=max(limit, 1), offset=offset, count=True)
        else:
            order = tantivy.Order.Asc if sort == "date_asc" else tantivy.Order.Desc
            result = searcher.search(
                q, limit=max(limit, 1), offset=offset, count=True, order_by_field=DATE, order=order
            )
        hits = []
        for key, address in result.hits[:limit]:
            stored = self._stored_at(searcher, address)
            score = float(key) if sort == "relevance" else 0.0
            hits.append(EngineHit(doc_id=int(stored["doc_id"]), score=score, stored=stored))
        counts: dict[str, list[tuple[str, int]]] = {}
        if facets and result.count:
            spec = {name: {"terms": {"field": facet_field(name), "size": FACET_LIMIT}} for name in FACETS}
            agg = searcher.aggregate(q, spec)
            for name in FACETS:
                buckets = (agg.get(name) or {}).get("buckets", [])
                pairs = [(str(b["key"]), int(b["doc_count"])) for b in buckets]
                counts[name] = sorted(pairs, key=lambda kv: (-kv[1], kv[0]))
        elif facets:
            counts = {name: [] for name in FACETS}
        return EngineResult(total=int(result.count or 0), hits=hits, facets=counts)

    @staticmethod
    def _stored_at(searcher: tantivy.Searcher, address: Any) -> dict[str, Any]:
        doc = searcher.doc(address)
        raw = doc.get_first("data")
        return dict(json.loads(bytes(raw).decode("utf-8")))

    def stored(self, doc_id: int) -> dict[str, Any] | None:
        searcher = self._searcher()
        result = searcher.search(tantivy.Query.term_query(self._schema, "id", int(doc_id)), limit=1)
        if not result.hits:
            return None
        return self._stored_at(searcher, result.hits[0][1])

    def doc_freq(self, field: str, term: str) -> int:
        return int(self._searcher().doc_freq(field, term))

    def num_docs(self) -> int:
        return int(self._searcher().num_docs)

    def close(self) -> None:
        pass


class TantivyEngine(Engine):
    """Creates and opens tantivy indexes."""

    name = "tantivy"

    def create(self, path: Path) -> None:
        path.mkdir(parents=True, exist_ok=True)
        tantivy.Index(build_schema(), path=str(path))

    def writer(self, path: Path, *, fresh: bool = False) -> EngineWriter:
        return TantivyWriter(path, fresh)

    def reader(self, path: Path) -> TantivyReader:
        return TantivyReader(path)


ENGINE = TantivyEngine()
