"""Read documents and their extracted facts from the store, shaped as IndexDocs.

The index is built only from ``documents`` and the record tables. Documents without a
``meetings`` row (not extracted yet) are still indexed, on their title and text alone.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Iterator
from typing import Any

from sqlite_utils import Database

from index.analysis import analyze_document
from index.schema import IndexDoc
from store.vntext import nfc, normalize_tone_placement

BATCH = 200  # documents read per round trip (and per worker task)


def fingerprints(db: Database) -> dict[int, str]:
    """Return {document id: fingerprint}; the fingerprint changes when the text or its extraction does."""
    rows = db.execute(
        "SELECT id, content_hash, coalesce(extracted_at, ''), coalesce(extractor_version, '') FROM documents"
    ).fetchall()
    return {int(r[0]): f"{r[1]}|{r[2]}|{r[3]}" for r in rows}


def iter_index_docs(db: Database, ids: Iterable[int]) -> Iterator[IndexDoc]:
    """Yield an IndexDoc for each of ``ids`` that still exists, in batches."""
    batch: list[int] = []
    for doc_id in ids:
        batch.append(doc_id)
        if len(batch) >= BATCH:
            yield from _batch(db, batch)
            batch = []
    if batch:
        yield from _batch(db, batch)


def iter_raw_batches(db: Database, ids: list[int]) -> Iterator[list[dict[str, Any]]]:
    """Yield lists of plain rows (document + facts), ready for ``to_index_doc`` in any process."""
    for i in range(0, len(ids), BATCH):
        yield _rows(db, ids[i : i + BATCH])


def _batch(db: Database, ids: list[int]) -> Iterator[IndexDoc]:
    for row in _rows(db, ids):
        yield to_index_doc(row)


def _rows(db: Database, ids: list[int]) -> list[dict[str, Any]]:
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
    for name, sql in (
        ("directive", "SELECT document_id, canonical, number FROM directives"),
        ("award", "SELECT document_id, award FROM awards"),
        ("agency", "SELECT document_id, unit FROM leaders UNION ALL SELECT document_id, unit FROM members"),
        ("person", "SELECT document_id, name FROM people"),
    ):
        by_doc: dict[int, list[str]] = defaultdict(list)
        if " UNION ALL " in sql:
            first, second = sql.split(" UNION ALL ")
            query = f"{first} WHERE document_id IN ({marks}) UNION ALL {second} WHERE document_id IN ({marks})"
            params = ids + ids
        else:
            query, params = f"{sql} WHERE document_id IN ({marks})", ids
        for r in db.execute(query, params).fetchall():
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


def _clean(value: str | None) -> str | None:
    if value is None:
        return None
    value = " ".join(normalize_tone_placement(nfc(str(value))).split())
    return value or None


def _date_int(value: str | None) -> int:
    """Return an ISO date (or YYYY-MM, YYYY) as yyyymmdd, unknown parts as 00; 0 when unparsable."""
    if not value:
        return 0
    parts = value[:10].split("-")
    try:
        y = int(parts[0])
        m = int(parts[1]) if len(parts) > 1 else 0
        d = int(parts[2][:2]) if len(parts) > 2 else 0
    except ValueError:
        return 0
    return y * 10000 + m * 100 + d if 1000 <= y <= 9999 else 0


def _unique(values: Iterable[str | None]) -> list[str]:
    seen: dict[str, None] = {}
    for v in values:
        v = _clean(v)
        if v:
            seen.setdefault(v, None)
    return list(seen)


def to_index_doc(row: dict[str, Any]) -> IndexDoc:
    """Return the IndexDoc of one stored document row (with its "meeting" and "facts")."""
    meeting = row.get("meeting") or {}
    facts = row.get("facts") or {}
    published = row.get("published_at")
    event_date = meeting.get("event_date")
    year = meeting.get("year") or (int(published[:4]) if published and published[:4].isdigit() else None)
    try:
        event_types = [t for t in json.loads(meeting.get("event_types") or "[]") if isinstance(t, str)]
    except (TypeError, ValueError):
        event_types = []
    province = _clean(meeting.get("province")) or _clean(row.get("province"))
    facets = {
        "province": _unique([province]),
        "province_new": _unique([meeting.get("province_new")]),
        "bloc": _unique([meeting.get("bloc")]),
        "year": [str(year)] if year else [],
        "event_type": _unique(event_types),
        "directive": _unique(d.upper() for d in facts.get("directive", [])),
        "award": _unique(facts.get("award", [])),
        "agency": _unique(facts.get("agency", [])),
        "person": _unique(facts.get("person", [])),
    }
    title = row.get("title") or ""
    text = row.get("text") or ""
    meta = {
        "published_at": published,
        "event_date": event_date,
        "province": province,
        "province_new": _clean(meeting.get("province_new")),
        "bloc": _clean(meeting.get("bloc")),
        "event_types": event_types,
        "year": year,
    }
    return IndexDoc(
        doc_id=int(row["id"]),
        url=row.get("url") or "",
        title=title,
        text=text,
        tokens=analyze_document(title, text),
        date=_date_int(event_date) or _date_int(published),
        facets=facets,
        meta=meta,
    )
