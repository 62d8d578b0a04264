"""Read documents and their extracted facts from the store, shaped as IndexDocs.

The index is built only from ``documents`` and the record tables, read through
store.index_source (which owns the SQL). Documents without a ``meetings`` row (not extracted
yet) are still indexed, on their title and text alone.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any

from sqlite_utils import Database

from index.analysis import analyze_document
from index.schema import IndexDoc
from store.index_source import document_rows
from store.vntext import nfc, normalize_tone_placement

BATCH = 200  # documents read per round trip (and per worker task)


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
        yield document_rows(db, ids[i : i + BATCH])


def _batch(db: Database, ids: list[int]) -> Iterator[IndexDoc]:
    for row in document_rows(db, ids):
        yield to_index_doc(row)


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
