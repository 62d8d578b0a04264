"""Read-side SQL for the search app: articles and their facts, bloc histories, provinces,
directives and agencies. Parameterised SQL only; every function takes an open Database.
"""

from __future__ import annotations

import json
import re
from collections import Counter, defaultdict
from typing import Any

from sqlite_utils import Database

from store.vntext import fold_key, unit_key, vi_sort_key

FACT_KINDS = ("leaders", "members", "directives", "awards", "people", "movements")
TOP_N = 10  # how many directives/awards a province summary lists


def _rows(db: Database, sql: str, params: list[Any] | tuple[Any, ...] = ()) -> list[dict[str, Any]]:
    return list(db.query(sql, list(params)))


def _marks(n: int) -> str:
    return ",".join("?" * n)


def evidence_url(document_id: int, start: int | None, end: int | None) -> str:
    """Return the article URL that highlights and scrolls to one evidence span."""
    if start is None or end is None:
        return f"/article/{document_id}"
    return f"/article/{document_id}?hl={start}-{end}#hl"


def _evidence(row: dict[str, Any]) -> dict[str, Any]:
    return {
        "document_id": row["document_id"],
        "start": row["start"],
        "end": row["end"],
        "source": row.get("source"),
        "url": evidence_url(row["document_id"], row["start"], row["end"]),
    }


def _event_types(raw: str | None) -> list[str]:
    try:
        value = json.loads(raw or "[]")
    except ValueError:
        return []
    return [str(v) for v in value] if isinstance(value, list) else []


def _meeting_evidence(raw: str | None) -> dict[str, dict[str, Any]]:
    try:
        value = json.loads(raw or "{}")
    except ValueError:
        return {}
    return value if isinstance(value, dict) else {}


# -- articles -------------------------------------------------------------------------


def get_article(db: Database, document_id: int) -> dict[str, Any] | None:
    """Return one article with its meeting record and every fact, or None."""
    docs = _rows(
        db,
        "SELECT id, url, title, site, province, published_at, author, text, fetched_at"
        " FROM documents WHERE id = ?",
        [document_id],
    )
    if not docs:
        return None
    doc = docs[0]
    doc["other_urls"] = [
        r["url"] for r in _rows(db, "SELECT url FROM document_urls WHERE document_id = ? ORDER BY url", [document_id])
    ]
    meetings = _rows(
        db,
        "SELECT m.*, b.name AS bloc_name FROM meetings m LEFT JOIN blocs b ON b.id = m.bloc_id"
        " WHERE m.document_id = ?",
        [document_id],
    )
    meeting = None
    if meetings:
        m = meetings[0]
        evidence = _meeting_evidence(m["evidence"])
        meeting = {
            "relevant": bool(m["relevant"]),
            "relevance_score": m["relevance_score"],
            "province": m["province"],
            "province_new": m["province_new"],
            "bloc": m["bloc"],
            "bloc_id": m["bloc_id"],
            "event_types": _event_types(m["event_types"]),
            "event_date": m["event_date"],
            "year": m["year"],
            "period": m["period"],
            "venue": m["venue"],
            "member_count": m["member_count"],
            "author": m["author"],
            "evidence": {
                k: {**v, "url": evidence_url(document_id, v.get("start"), v.get("end"))}
                for k, v in evidence.items()
                if isinstance(v, dict)
            },
        }
    doc["meeting"] = meeting
    doc["facts"] = article_facts(db, document_id)
    return doc


def get_document_title(db: Database, document_id: int) -> dict[str, Any] | None:
    """Return id, url, title and published_at of one document, or None."""
    rows = _rows(db, "SELECT id, url, title, published_at FROM documents WHERE id = ?", [document_id])
    return rows[0] if rows else None


def article_facts(db: Database, document_id: int) -> dict[str, list[dict[str, Any]]]:
    """Return every fact row of one document, by kind, ordered by position in the text."""
    facts: dict[str, list[dict[str, Any]]] = {}
    for kind in FACT_KINDS:
        rows = _rows(db, f"SELECT * FROM [{kind}] WHERE document_id = ? ORDER BY start, id", [document_id])
        for row in rows:
            row["evidence_url"] = evidence_url(document_id, row["start"], row["end"])
        facts[kind] = rows
    return facts


# -- blocs ----------------------------------------------------------------------------


def get_bloc(db: Database, bloc_id: int) -> dict[str, Any] | None:
    """Return one bloc row, or None."""
    rows = _rows(db, "SELECT id, province, name, name_key FROM blocs WHERE id = ?", [bloc_id])
    return rows[0] if rows else None


def bloc_group(db: Database, bloc_id: int) -> list[dict[str, Any]]:
    """Return the bloc rows that are one bloc: same name_key (variant spellings) in the same province.

    A bloc whose province is unknown is not merged into a province's bloc: generic names
    ("Khối thi đua các cơ quan tham mưu tổng hợp") exist in almost every province.
    """
    bloc = get_bloc(db, bloc_id)
    if bloc is None:
        return []
    return _rows(
        db,
        "SELECT id, province, name, name_key FROM blocs WHERE name_key = ? AND province IS ? ORDER BY id",
        [bloc["name_key"], bloc["province"]],
    )


def same_name_blocs(db: Database, bloc_id: int) -> list[dict[str, Any]]:
    """Return blocs elsewhere (other or unknown province) whose name has the same key."""
    return _rows(
        db,
        "SELECT o.id, o.province, o.name FROM blocs b JOIN blocs o ON o.name_key = b.name_key AND o.id != b.id"
        " AND o.province IS NOT b.province WHERE b.id = ? ORDER BY o.province COLLATE vi, o.id",
        [bloc_id],
    )


def list_blocs(
    db: Database, *, province: str | None = None, limit: int = 50, offset: int = 0
) -> tuple[int, list[dict[str, Any]]]:
    """Return (total, blocs with meeting counts and year range), busiest first."""
    where = ""
    params: list[Any] = []
    if province:
        where = "WHERE b.province = ?"
        params.append(province)
    total = db.execute(f"SELECT count(*) FROM blocs b {where}", params).fetchone()[0]
    rows = _rows(
        db,
        "SELECT b.id, b.province, b.name, count(m.id) AS meetings, min(m.year) AS first_year,"
        " max(m.year) AS last_year FROM blocs b LEFT JOIN meetings m ON m.bloc_id = b.id"
        f" {where} GROUP BY b.id ORDER BY meetings DESC, b.province COLLATE vi, b.name COLLATE vi LIMIT ? OFFSET ?",
        [*params, limit, offset],
    )
    return total, rows


def bloc_history(db: Database, bloc_id: int) -> dict[str, Any] | None:
    """Return a bloc's timeline by year (meetings, leaders, members, awards, directives), gaps included."""
    group = bloc_group(db, bloc_id)
    if not group:
        return None
    ids = [b["id"] for b in group]
    marks = _marks(len(ids))
    meetings = _rows(
        db,
        "SELECT m.document_id, m.bloc, m.event_types, m.event_date, m.year, m.period, m.venue,"
        " m.member_count, m.evidence, d.title, d.url, d.published_at FROM meetings m"
        f" JOIN documents d ON d.id = m.document_id WHERE m.bloc_id IN ({marks})"
        " ORDER BY m.year, m.event_date, d.published_at, m.document_id",
        ids,
    )
    doc_year = {m["document_id"]: m["year"] for m in meetings}
    names = sorted({b["name"] for b in group} | {m["bloc"] for m in meetings if m["bloc"]})
    years: dict[int | None, dict[str, Any]] = defaultdict(_empty_year)
    for m in meetings:
        evidence = _meeting_evidence(m["evidence"])
        date_ev = evidence.get("event_date") or evidence.get("bloc") or {}
        years[m["year"]]["meetings"].append(
            {
                "document_id": m["document_id"],
                "title": m["title"],
                "event_date": m["event_date"],
                "published_at": m["published_at"],
                "event_types": _event_types(m["event_types"]),
                "period": m["period"],
                "venue": m["venue"],
                "member_count": m["member_count"],
                "name_as_written": m["bloc"],
                "evidence_url": evidence_url(m["document_id"], date_ev.get("start"), date_ev.get("end")),
            }
        )
    leaders = _rows(db, f"SELECT * FROM leaders WHERE bloc_id IN ({marks}) ORDER BY start", ids)
    for row in leaders:
        year = row["year"] if row["year"] is not None else doc_year.get(row["document_id"])
        _add_unit(years[year][row["role"] if row["role"] in ("head", "deputy") else "head"], row)
    members = _rows(db, f"SELECT * FROM members WHERE bloc_id IN ({marks}) ORDER BY start", ids)
    for row in members:
        _add_unit(years[doc_year.get(row["document_id"])]["members"], row)
    docs = list(doc_year)
    if docs:
        dmarks = _marks(len(docs))
        for row in _rows(db, f"SELECT * FROM awards WHERE document_id IN ({dmarks}) ORDER BY start", docs):
            years[doc_year[row["document_id"]]]["awards"].append(
                {"award": row["award"], "recipient": row["recipient"], "count": row["count"], "evidence": _evidence(row)}
            )
        for row in _rows(db, f"SELECT * FROM directives WHERE document_id IN ({dmarks}) ORDER BY start", docs):
            bucket = years[doc_year[row["document_id"]]]["directives"]
            found = next((d for d in bucket if d["canonical"] == row["canonical"]), None)
            if found is None:
                found = {"number": row["number"], "canonical": row["canonical"], "doc_type": row["doc_type"], "evidence": []}
                bucket.append(found)
            found["evidence"].append(_evidence(row))
    known = sorted(y for y in years if y is not None)
    timeline: list[dict[str, Any]] = []
    if known:
        for year in range(known[0], known[-1] + 1):
            if year in years:
                timeline.append({"year": year, "gap": False, **years[year]})
            else:
                timeline.append({"year": year, "gap": True, **_empty_year()})
    if None in years:
        timeline.append({"year": None, "gap": False, **years[None]})
    main = next(b for b in group if b["id"] == bloc_id)
    return {
        "bloc": {"id": main["id"], "province": main["province"], "name": main["name"], "name_key": main["name_key"]},
        "merged_bloc_ids": ids,
        "same_name_elsewhere": same_name_blocs(db, bloc_id),
        "names": names,
        "meeting_count": len(meetings),
        "first_year": known[0] if known else None,
        "last_year": known[-1] if known else None,
        "gap_years": [t["year"] for t in timeline if t["gap"]],
        "years": timeline,
    }


def _empty_year() -> dict[str, Any]:
    return {"meetings": [], "head": [], "deputy": [], "members": [], "awards": [], "directives": []}


def _add_unit(bucket: list[dict[str, Any]], row: dict[str, Any]) -> None:
    key = row.get("unit_key") or unit_key(row["unit"])
    found = next((u for u in bucket if u["unit_key"] == key), None)
    if found is None:
        found = {"unit": row["unit"], "unit_key": key, "evidence": []}
        bucket.append(found)
    found["evidence"].append(_evidence(row))


# -- provinces ------------------------------------------------------------------------


def list_provinces(db: Database) -> list[dict[str, Any]]:
    """Return every province named by a relevant meeting, old and post-2025 names, with counts."""
    rows = _rows(
        db,
        "SELECT province AS name, 'old' AS kind, count(*) AS meetings FROM meetings"
        " WHERE relevant = 1 AND province IS NOT NULL GROUP BY province"
        " UNION ALL SELECT province_new, 'new', count(*) FROM meetings"
        " WHERE relevant = 1 AND province_new IS NOT NULL GROUP BY province_new",
    )
    merged: dict[str, dict[str, Any]] = {}
    for row in rows:
        entry = merged.setdefault(row["name"], {"name": row["name"], "old": 0, "new": 0})
        entry[row["kind"]] = row["meetings"]
    return sorted(merged.values(), key=lambda r: vi_sort_key(r["name"]))


def resolve_province(db: Database, name: str, known: list[dict[str, Any]] | None = None) -> str | None:
    """Return the stored spelling of a province name given loosely ("thai nguyen"), or None.

    ``known`` is a list_provinces() result the caller already has.
    """
    key = fold_key(name)
    for row in known if known is not None else list_provinces(db):
        if fold_key(row["name"]) == key:
            return str(row["name"])
    return None


def province_summary(db: Database, name: str) -> dict[str, Any]:
    """Return one province's blocs, meetings per year and type, top directives and awards.

    ``name`` matches the province as written or its post-2025 name. One pass over the
    province's meetings feeds the counts; directives and awards are looked up by document.
    """
    where = "relevant = 1 AND (province = ? OR province_new = ?)"
    p = [name, name]
    per_year: Counter[int] = Counter()
    per_type: Counter[str] = Counter()
    year_type: Counter[tuple[int, str]] = Counter()
    per_bloc: dict[int, list[int]] = defaultdict(list)
    total = 0
    for bloc_id, year, types in db.execute(
        f"SELECT bloc_id, year, event_types FROM meetings WHERE {where}", p
    ).fetchall():
        total += 1
        kinds = _event_types(types)
        if year is not None:
            per_year[year] += 1
        for kind in kinds:
            per_type[kind] += 1
            if year is not None:
                year_type[(year, kind)] += 1
        if bloc_id is not None:
            per_bloc[bloc_id].append(year)
    blocs: list[dict[str, Any]] = []
    if per_bloc:
        ids = list(per_bloc)
        for row in _rows(db, f"SELECT id, name, province FROM blocs WHERE id IN ({_marks(len(ids))})", ids):
            years = [y for y in per_bloc[row["id"]] if y is not None]
            blocs.append({**row, "meetings": len(per_bloc[row["id"]]), "first_year": min(years, default=None),
                          "last_year": max(years, default=None)})
        blocs.sort(key=lambda b: (-b["meetings"], vi_sort_key(b["name"])))
    docs = f"SELECT document_id FROM meetings WHERE {where}"
    directives = _rows(
        db,
        "SELECT canonical, min(number) AS number, count(DISTINCT document_id) AS articles FROM directives"
        f" WHERE document_id IN ({docs}) GROUP BY canonical ORDER BY articles DESC, canonical LIMIT {TOP_N}",
        p,
    )
    awards = _rows(
        db,
        "SELECT award, count(*) AS mentions, count(DISTINCT document_id) AS articles FROM awards"
        f" WHERE document_id IN ({docs}) GROUP BY award ORDER BY mentions DESC, award COLLATE vi LIMIT {TOP_N}",
        p,
    )
    return {
        "province": name,
        "meetings": total,
        "blocs": blocs,
        "meetings_per_year": [{"year": y, "meetings": n} for y, n in sorted(per_year.items())],
        "meetings_per_type": [{"event_type": k, "meetings": n}
                              for k, n in sorted(per_type.items(), key=lambda kv: (-kv[1], kv[0]))],
        "meetings_per_year_type": [{"year": y, "event_type": k, "meetings": n}
                                   for (y, k), n in sorted(year_type.items())],
        "top_directives": directives,
        "top_awards": awards,
    }


# -- directives -----------------------------------------------------------------------

_DIGITS = re.compile(r"\d+")
_SEPARATORS = re.compile(r"[^0-9a-z]+")


def directive_key(number: str) -> str:
    """Return a loose key of a document number: folded, separators dropped, no leading zeros."""
    folded = fold_key(number)
    folded = _DIGITS.sub(lambda m: str(int(m.group(0))), folded)
    return _SEPARATORS.sub("", folded)


def resolve_directive(db: Database, number: str) -> list[str]:
    """Return the stored canonical ids matching a number however it is written ("34/CT-TW")."""
    exact = _rows(db, "SELECT DISTINCT canonical FROM directives WHERE canonical = ? OR number = ?", [number, number])
    if exact:
        return sorted(r["canonical"] for r in exact)
    key = directive_key(number)
    if not key:
        return []
    rows = _rows(db, "SELECT DISTINCT canonical FROM directives")
    return sorted(r["canonical"] for r in rows if directive_key(r["canonical"]) == key)


def list_directives(db: Database, *, limit: int = 50, offset: int = 0) -> tuple[int, list[dict[str, Any]]]:
    """Return (total, directives by how many articles cite them)."""
    total = db.execute("SELECT count(DISTINCT canonical) FROM directives").fetchone()[0]
    rows = _rows(
        db,
        "SELECT canonical, min(number) AS number, min(doc_type) AS doc_type, count(DISTINCT document_id) AS articles"
        " FROM directives GROUP BY canonical ORDER BY articles DESC, canonical LIMIT ? OFFSET ?",
        [limit, offset],
    )
    return total, rows


def directive_citations(
    db: Database, canonicals: list[str], *, limit: int = 50, offset: int = 0
) -> dict[str, Any]:
    """Return the articles citing any of ``canonicals``, grouped by province and year, paginated."""
    if not canonicals:
        return {"total": 0, "numbers": [], "by_province": [], "by_year": [], "articles": []}
    marks = _marks(len(canonicals))
    base = (
        "FROM directives x JOIN documents d ON d.id = x.document_id"
        f" LEFT JOIN meetings m ON m.document_id = x.document_id WHERE x.canonical IN ({marks})"
    )
    total = db.execute(f"SELECT count(DISTINCT x.document_id) {base}", canonicals).fetchone()[0]
    numbers = [r["number"] for r in _rows(db, f"SELECT DISTINCT x.number {base} ORDER BY x.number", canonicals)]
    by_province = _rows(
        db,
        f"SELECT coalesce(m.province, d.province) AS province, count(DISTINCT x.document_id) AS articles {base}"
        " GROUP BY 1 ORDER BY articles DESC, province COLLATE vi",
        canonicals,
    )
    by_year = _rows(
        db,
        f"SELECT coalesce(m.year, CAST(substr(d.published_at, 1, 4) AS INTEGER)) AS year,"
        f" count(DISTINCT x.document_id) AS articles {base} GROUP BY 1 ORDER BY 1",
        canonicals,
    )
    articles = _rows(
        db,
        "SELECT x.document_id, d.title, d.url, d.published_at, coalesce(m.province, d.province) AS province,"
        " m.province_new, m.year, m.bloc, m.bloc_id, min(x.number) AS number, min(x.start) AS start, min(x.end) AS end"
        f" {base} GROUP BY x.document_id ORDER BY province COLLATE vi, m.year, d.published_at, x.document_id LIMIT ? OFFSET ?",
        [*canonicals, limit, offset],
    )
    for row in articles:
        row["evidence_url"] = evidence_url(row["document_id"], row["start"], row["end"])
    return {"total": total, "numbers": numbers, "by_province": by_province, "by_year": by_year, "articles": articles}


# -- agencies -------------------------------------------------------------------------


def agency_profile(db: Database, name: str) -> dict[str, Any]:
    """Return an agency's bloc memberships and leadership years (matched on unit_key).

    One evidence span per bloc and year (the earliest row), with how many mentions it stands for.
    """
    key = unit_key(name)
    spellings = sorted(
        r["unit"]
        for r in _rows(
            db, "SELECT unit FROM leaders WHERE unit_key = ? UNION SELECT unit FROM members WHERE unit_key = ?", [key, key]
        )
    )
    blocs: dict[int | None, dict[str, Any]] = {}

    def entry(row: dict[str, Any]) -> dict[str, Any]:
        bid = row["bloc_id"]
        if bid not in blocs:
            blocs[bid] = {"bloc_id": bid, "bloc": row["bloc_name"], "province": row["bloc_province"],
                          "member_years": [], "leadership": [], "evidence": []}
        return blocs[bid]

    # min(x.id) makes SQLite take the other bare columns from that (earliest) row.
    members = _rows(
        db,
        "SELECT x.bloc_id, m.year AS year, min(x.id) AS id, x.document_id, x.start, x.end, x.source,"
        " count(*) AS mentions, b.name AS bloc_name, b.province AS bloc_province FROM members x"
        " LEFT JOIN meetings m ON m.document_id = x.document_id LEFT JOIN blocs b ON b.id = x.bloc_id"
        " WHERE x.unit_key = ? GROUP BY x.bloc_id, m.year ORDER BY m.year",
        [key],
    )
    for row in members:
        e = entry(row)
        if row["year"] is not None:
            e["member_years"].append(row["year"])
        e["evidence"].append({"year": row["year"], "mentions": row["mentions"], **_evidence(row)})
    leaders = _rows(
        db,
        "SELECT x.bloc_id, coalesce(x.year, m.year) AS year, x.role, min(x.id) AS id, x.document_id, x.start,"
        " x.end, x.source, count(*) AS mentions, b.name AS bloc_name, b.province AS bloc_province FROM leaders x"
        " LEFT JOIN meetings m ON m.document_id = x.document_id LEFT JOIN blocs b ON b.id = x.bloc_id"
        " WHERE x.unit_key = ? GROUP BY x.bloc_id, 2, x.role ORDER BY 2, x.role",
        [key],
    )
    for row in leaders:
        e = entry(row)
        e["leadership"].append({"year": row["year"], "role": row["role"], "mentions": row["mentions"],
                                "evidence": _evidence(row)})
        if row["year"] is not None and row["year"] not in e["member_years"]:
            e["member_years"].append(row["year"])
    for e in blocs.values():
        e["member_years"].sort()
        e["leadership"].sort(key=lambda x: (x["year"] is None, x["year"] or 0, x["role"]))
    ordered = sorted(blocs.values(), key=lambda e: (vi_sort_key(e["province"] or ""), vi_sort_key(e["bloc"] or "")))
    return {"query": name, "unit_key": key, "names": spellings, "blocs": ordered}


def suggest_agencies(db: Database, text: str, *, limit: int = 20) -> list[dict[str, Any]]:
    """Return agencies whose key contains the folded ``text``, most mentioned first."""
    key = unit_key(text) if text.strip() else ""
    like = "%" + key.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
    return _rows(
        db,
        "SELECT unit_key, min(unit) AS unit, count(*) AS mentions FROM ("
        " SELECT unit, unit_key FROM members UNION ALL SELECT unit, unit_key FROM leaders)"
        " WHERE unit_key LIKE ? ESCAPE '\\' GROUP BY unit_key ORDER BY mentions DESC, unit_key LIMIT ?",
        [like, limit],
    )


def archive_stats(db: Database) -> dict[str, int]:
    """Return a few counts for the home page."""
    one = db.execute(
        "SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM meetings WHERE relevant = 1),"
        " (SELECT count(*) FROM blocs), (SELECT count(DISTINCT canonical) FROM directives)"
    ).fetchone()
    return {"documents": one[0], "meetings": one[1], "blocs": one[2], "directives": one[3]}
