"""What the search index reads from the store: document fingerprints and documents with their facts.

The SQL lives here (store owns the schema); index.source shapes these rows into IndexDocs.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from sqlite_utils import Database

# Extracted facts indexed as facets: name -> (SQL selecting document_id and the value[, a fallback value]).
_FACTS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("directive", ("SELECT document_id, canonical, number FROM directives",)),
    ("award", ("SELECT document_id, award FROM awards",)),
    ("agency", ("SELECT document_id, unit FROM leaders", "SELECT document_id, unit FROM members")),
    ("person", ("SELECT document_id, name FROM people",)),
)


def fingerprints(db: Database) -> dict[int, str]:
    """Return {document id: fingerprint}; the fingerprint changes when the text or its extraction does."""
    rows = db.execute(
        "SELECT id, content_hash, coalesce(extracted_at, ''), coalesce(extractor_version, '') FROM documents"
    ).fetchall()
    return {int(r[0]): f"{r[1]}|{r[2]}|{r[3]}" for r in rows}


def document_rows(db: Database, ids: list[int]) -> list[dict[str, Any]]:
    """Return the documents ``ids`` that exist, in order, each with "meeting" (or None) and "facts" {name: values}."""
    if not ids:
        return []
    marks = ",".join("?" * len(ids))
    docs = {
        r["id"]: dict(r)
        for r in db.query(
            f"SELECT id, url, title, text, published_at, province FROM documents WHERE id IN ({marks})", ids
        )
    }
    meetings = {
        r["document_id"]: dict(r)
        for r in db.query(
            "SELECT document_id, province, province_new, bloc, event_types, event_date, year, relevant "
            f"FROM meetings WHERE document_id IN ({marks})",
            ids,
        )
    }
    facts: dict[str, dict[int, list[str]]] = {}
    for name, selects in _FACTS:
        sql = " UNION ALL ".join(f"{s} WHERE document_id IN ({marks})" for s in selects)
        by_doc: dict[int, list[str]] = defaultdict(list)
        for r in db.execute(sql, ids * len(selects)).fetchall():
            value = r[1] or (r[2] if len(r) > 2 else None)
            if value:
                by_doc[int(r[0])].append(value)
        facts[name] = by_doc
    rows = []
    for doc_id in ids:
        doc = docs.get(doc_id)
        if doc is None:
            continue
        doc["meeting"] = meetings.get(doc_id)
        doc["facts"] = {name: by_doc.get(doc_id, []) for name, by_doc in facts.items()}
        rows.append(doc)
    return rows
