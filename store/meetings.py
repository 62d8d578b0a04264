"""One meeting, many reports: group the per-article meeting rows that describe the same event.

Reports of one bloc on one day share ``meetings.meeting_key``. A group lists every source;
a field on which the sources disagree keeps each value with the report and span that
states it, and is named in ``conflicts`` — values are never silently merged.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from sqlite_utils import Database

from store.vntext import unit_key

COMPARED_FIELDS = ("event_types", "period", "venue", "member_count", "province")


@dataclass
class ReportedValue:
    value: Any
    document_id: int
    url: str
    start: int | None = None
    end: int | None = None


@dataclass
class MeetingGroup:
    key: str
    bloc_id: int | None
    bloc: str | None
    event_date: str | None
    sources: list[dict[str, Any]] = field(default_factory=list)
    values: dict[str, list[ReportedValue]] = field(default_factory=dict)
    conflicts: list[str] = field(default_factory=list)


def _comparable(name: str, value: Any) -> Any:
    if value is None:
        return None
    if name == "event_types":
        return tuple(sorted(value))
    if name in ("venue", "province"):
        return unit_key(str(value))
    return value


def meeting_groups(db: Database, *, bloc_id: int | None = None, key: str | None = None) -> list[MeetingGroup]:
    """Return relevant meetings grouped by meeting (same bloc and day), oldest first."""
    sql = (
        "SELECT m.*, d.url, d.title FROM meetings m JOIN documents d ON d.id = m.document_id "
        "WHERE m.relevant = 1"
    )
    params: list[Any] = []
    if bloc_id is not None:
        sql += " AND m.bloc_id = ?"
        params.append(bloc_id)
    if key is not None:
        sql += " AND m.meeting_key = ?"
        params.append(key)
    sql += " ORDER BY m.event_date, m.document_id"
    groups: dict[str, MeetingGroup] = {}
    for row in db.query(sql, params):
        group_key = row["meeting_key"] or f"doc:{row['document_id']}"
        group = groups.get(group_key)
        if group is None:
            group = groups[group_key] = MeetingGroup(
                key=group_key, bloc_id=row["bloc_id"], bloc=row["bloc"], event_date=row["event_date"]
            )
        group.sources.append({"document_id": row["document_id"], "url": row["url"], "title": row["title"]})
        evidence = json.loads(row["evidence"] or "{}")
        for name in COMPARED_FIELDS:
            value = json.loads(row[name]) if name == "event_types" else row[name]
            if value in (None, [], ""):
                continue
            span = evidence.get(name) or evidence.get("event_type") or {}
            group.values.setdefault(name, []).append(
                ReportedValue(value, row["document_id"], row["url"], span.get("start"), span.get("end"))
            )
    for group in groups.values():
        group.conflicts = [
            name
            for name, reported in group.values.items()
            if len({_comparable(name, r.value) for r in reported}) > 1
        ]
    return list(groups.values())
