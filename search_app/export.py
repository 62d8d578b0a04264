"""CSV and Markdown exports of search results and bloc histories."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from typing import Any

SEARCH_COLUMNS = (
    "document_id", "title", "url", "published_at", "event_date", "year", "province", "bloc", "event_types", "score",
)
BLOC_COLUMNS = ("year", "kind", "value", "detail", "document_id", "evidence_url")


def _cell(value: Any) -> str:
    """Return a CSV cell; a leading = + - @ is quoted so spreadsheets do not run it as a formula."""
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        value = "; ".join(str(v) for v in value)
    text = str(value)
    if text[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + text
    return text


def to_csv(columns: Iterable[str], rows: Iterable[dict[str, Any]]) -> str:
    """Return rows as CSV text (UTF-8 BOM so spreadsheet programs read Vietnamese correctly)."""
    cols = list(columns)
    buf = io.StringIO()
    buf.write("\ufeff")
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(cols)
    for row in rows:
        writer.writerow([_cell(row.get(c)) for c in cols])
    return buf.getvalue()


def bloc_rows(history: dict[str, Any], base_url: str = "") -> list[dict[str, Any]]:
    """Return a bloc history flattened to one row per fact (for CSV)."""
    rows: list[dict[str, Any]] = []
    for y in history["years"]:
        year = y["year"]
        if y["gap"]:
            rows.append({"year": year, "kind": "gap"})
            continue
        for m in y["meetings"]:
            rows.append({
                "year": year, "kind": "meeting", "value": m["event_date"] or m["period"],
                "detail": " ".join(filter(None, [",".join(m["event_types"]), m["venue"]])),
                "document_id": m["document_id"], "evidence_url": base_url + m["evidence_url"],
            })
        for kind in ("head", "deputy", "members"):
            for u in y[kind]:
                ev = u["evidence"][0]
                rows.append({
                    "year": year, "kind": kind if kind != "members" else "member", "value": u["unit"],
                    "document_id": ev["document_id"], "evidence_url": base_url + ev["url"],
                })
        for a in y["awards"]:
            rows.append({
                "year": year, "kind": "award", "value": a["award"], "detail": a["recipient"],
                "document_id": a["evidence"]["document_id"], "evidence_url": base_url + a["evidence"]["url"],
            })
        for d in y["directives"]:
            ev = d["evidence"][0]
            rows.append({
                "year": year, "kind": "directive", "value": d["number"], "detail": d["doc_type"],
                "document_id": ev["document_id"], "evidence_url": base_url + ev["url"],
            })
    return rows


def _md(text: Any) -> str:
    """Return text safe inside a Markdown table cell or list item."""
    s = "" if text is None else str(text)
    for ch in "\\`*_[]<>|#":
        s = s.replace(ch, "\\" + ch)
    return " ".join(s.split())


def bloc_markdown(history: dict[str, Any], base_url: str = "") -> str:
    """Return a bloc history as Markdown ready to paste into a wiki, every fact with a source link."""
    b = history["bloc"]
    lines = [f"# {_md(b['name'])} ({_md(b['province'] or '?')})", ""]
    if len(history["names"]) > 1:
        lines += ["Also written as: " + "; ".join(_md(n) for n in history["names"]), ""]
    lines += [f"Meetings reported: {history['meeting_count']}", ""]
    for y in history["years"]:
        lines.append(f"## {y['year'] if y['year'] is not None else 'Year unknown'}")
        lines.append("")
        if y["gap"]:
            lines += ["_No article covers this year._", ""]
            continue
        for m in y["meetings"]:
            what = ", ".join(m["event_types"]) or "meeting"
            where = f" at {_md(m['venue'])}" if m["venue"] else ""
            lines.append(
                f"- {_md(m['event_date'] or m['period'] or '?')}: {_md(what)}{where}"
                f" ([source]({base_url}{m['evidence_url']}))"
            )
        for kind, label in (("head", "Head"), ("deputy", "Deputy"), ("members", "Members")):
            if y[kind]:
                units = ", ".join(f"[{_md(u['unit'])}]({base_url}{u['evidence'][0]['url']})" for u in y[kind])
                lines.append(f"- {label}: {units}")
        for a in y["awards"]:
            who = f" — {_md(a['recipient'])}" if a["recipient"] else ""
            lines.append(f"- Award: {_md(a['award'])}{who} ([source]({base_url}{a['evidence']['url']}))")
        if y["directives"]:
            docs = ", ".join(f"[{_md(d['number'])}]({base_url}{d['evidence'][0]['url']})" for d in y["directives"])
            lines.append(f"- Directives cited: {docs}")
        lines.append("")
    return "\n".join(lines)
