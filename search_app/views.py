"""Search and article pages; each page and its /api JSON twin share one handler."""

from __future__ import annotations

import dataclasses
import json
import math
import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Annotated, Any
from urllib.parse import quote_plus

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import Response
from markupsafe import Markup

from index import IndexMissingError, QuerySyntaxError, SearchIndexError, more_like_this, search
from search_app import charts, export
from search_app.cache import index_stamp
from search_app.highlight import Mark, highlight_text, parse_hl
from search_app.i18n import translate
from search_app.web import AppError, is_api, request_lang, respond, state
from store import queries

router = APIRouter()

MAX_QUERY_CHARS = 256
MAX_PAGE_SIZE = 100
MAX_PAGE = 500  # deeper pages are refused: export or narrow the query instead
MAX_FILTER_VALUES = 20
MAX_VALUE_CHARS = 200
EXPORT_MAX_ROWS = 2000
EXPORT_PAGE_SIZE = 100
FACETS = ("province", "province_new", "bloc", "year", "event_type", "directive", "award", "agency", "person")
FACET_SHOWN = 12  # values listed per facet on the page (the API returns all the index gives)
SORTS = ("relevance", "date_desc", "date_asc")
_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
_MARK_TAG = re.compile(r"(</?mark>)")


@dataclass
class SearchParams:
    """A validated search request: the same fields for the page, the API and the exports."""

    q: str = ""
    page: int = 1
    page_size: int = 10
    sort: str = "relevance"
    date_from: str | None = None
    date_to: str | None = None
    filters: dict[str, list[str]] = field(default_factory=dict)

    @property
    def active(self) -> bool:
        return bool(self.q or self.filters or self.date_from or self.date_to)


def _values(name: str, values: list[str]) -> list[str]:
    if len(values) > MAX_FILTER_VALUES:
        raise AppError(400, f"{name}: at most {MAX_FILTER_VALUES} values")
    for v in values:
        if len(v) > MAX_VALUE_CHARS:
            raise AppError(400, f"{name}: a value is longer than {MAX_VALUE_CHARS} characters")
    return [v for v in dict.fromkeys(v.strip() for v in values) if v]


async def search_params(
    q: Annotated[str, Query(max_length=MAX_QUERY_CHARS, description="Query; diacritics optional; quotes for a phrase")] = "",
    page: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 1,
    page_size: Annotated[int, Query(ge=1, le=MAX_PAGE_SIZE)] = 10,
    sort: Annotated[str, Query(pattern="^(relevance|date_desc|date_asc)$")] = "relevance",
    date_from: Annotated[str | None, Query(description="YYYY, YYYY-MM or YYYY-MM-DD")] = None,
    date_to: Annotated[str | None, Query(description="YYYY, YYYY-MM or YYYY-MM-DD")] = None,
    province: Annotated[list[str] | None, Query(description="Province as written (repeatable)")] = None,
    province_new: Annotated[list[str] | None, Query(description="Post-2025 province (repeatable)")] = None,
    bloc: Annotated[list[str] | None, Query()] = None,
    year: Annotated[list[str] | None, Query()] = None,
    event_type: Annotated[list[str] | None, Query(description="so_ket, tong_ket, giao_uoc, phat_dong, other")] = None,
    directive: Annotated[list[str] | None, Query()] = None,
    award: Annotated[list[str] | None, Query()] = None,
    agency: Annotated[list[str] | None, Query()] = None,
    person: Annotated[list[str] | None, Query()] = None,
) -> SearchParams:
    """Return the validated search parameters (400 on a bad date or too many filter values)."""
    raw = {
        "province": province, "province_new": province_new, "bloc": bloc, "year": year,
        "event_type": event_type, "directive": directive, "award": award, "agency": agency, "person": person,
    }
    filters = {k: vals for k, v in raw.items() if (vals := _values(k, v or []))}
    for name, value in (("date_from", date_from), ("date_to", date_to)):
        if value and not _DATE.match(value):
            raise AppError(400, f"{name}: expected YYYY, YYYY-MM or YYYY-MM-DD, got {value[:40]!r}")
    return SearchParams(
        q=q.strip(), page=page, page_size=page_size, sort=sort,
        date_from=date_from or None, date_to=date_to or None, filters=filters,
    )


def safe_snippet(snippet: str | None) -> Markup:
    """Return the index's snippet with only <mark> tags kept as markup (defence in depth)."""
    if not snippet:
        return Markup("")
    parts = _MARK_TAG.split(snippet)
    out = [p if p in ("<mark>", "</mark>") else p.replace("<", "&lt;").replace(">", "&gt;") for p in parts]
    opened = out.count("<mark>") - out.count("</mark>")
    return Markup("".join(out) + "</mark>" * max(0, opened))


def _hit_dict(hit: Any) -> dict[str, Any]:
    return {
        "document_id": hit.document_id,
        "title": hit.title,
        "url": hit.url,
        "article_url": f"/article/{hit.document_id}",
        "score": round(float(hit.score), 4) if hit.score is not None else None,
        "snippet_html": str(safe_snippet(hit.snippet_html)),
        "published_at": hit.published_at,
        "event_date": hit.event_date,
        "year": hit.year,
        "province": hit.province,
        "bloc": hit.bloc,
        "event_types": list(hit.event_types or []),
    }


def run_search(request: Request, p: SearchParams, *, facets: bool = True) -> Any:
    """Return the index's Results for ``p`` (cached per index version); index errors become 400/503.

    Facet counts do not depend on the page, page size or sort, and they cost as much as the
    search itself with Whoosh; they are cached per query, so paging or re-sorting a result
    set asks the index for the hits only.
    """
    st = state(request)
    stamp = index_stamp(st.index_dir)
    query_key = (stamp, p.q, tuple(sorted((k, tuple(v)) for k, v in p.filters.items())), p.date_from, p.date_to)
    facet_key = ("facets", *query_key)
    page_key = ("search", *query_key, p.page, p.page_size, p.sort)
    known_facets = None
    if facets:
        whole = st.search_cache.get((*page_key, True))
        if whole is not None:
            return whole
        known_facets = st.facet_cache.get(facet_key)
    need_facets = facets and known_facets is None
    key = (*page_key, need_facets)
    try:
        results = st.search_cache.get_or_compute(key, lambda: search(
            st.index_dir, p.q, filters=p.filters or None, facets=need_facets, page=p.page,
            page_size=p.page_size, sort=p.sort, date_from=p.date_from, date_to=p.date_to,
        ))
    except QuerySyntaxError as exc:
        raise AppError(400, f"query: {exc}") from exc
    except IndexMissingError as exc:
        raise AppError(503, f"search index missing: {exc}; run `khoi index`", key="error_503") from exc
    except SearchIndexError as exc:
        raise AppError(503, f"search index error: {exc}", key="error_503") from exc
    if need_facets:
        st.facet_cache.put(facet_key, results.facets)
    elif known_facets is not None:
        results = dataclasses.replace(results, facets=known_facets)
    return results


def _facet_dict(facets: dict[str, list[tuple[str, int]]] | None) -> dict[str, list[dict[str, Any]]]:
    return {name: [{"value": str(v), "count": int(c)} for v, c in (facets or {}).get(name, [])] for name in FACETS}


@router.get("/", include_in_schema=False)
@router.get("/search", include_in_schema=False)
@router.get("/api/search", tags=["search"], summary="Full-text search with facets")
def search_view(request: Request, p: Annotated[SearchParams, Depends(search_params)]) -> Response:
    """Search page and /api/search: hits, facet counts, per-year counts, pagination."""
    data: dict[str, Any] = {"query": p.q, "sort": p.sort, "filters": p.filters, "date_from": p.date_from,
                            "date_to": p.date_to, "page": p.page, "page_size": p.page_size}
    # An empty search browses the whole archive, newest first (the index's rule for no text).
    try:
        results = run_search(request, p)
    except AppError as exc:
        if exc.status != 503 or p.active or is_api(request):
            raise
        # The home page still works without an index: intro, counts and links to the other pages.
        results = None
        data["index_error"] = exc.message
    if results is None:
        data.update(total=0, pages=0, took_ms=0.0, hits=[], facets=_facet_dict(None), per_year=[])
        return respond(request, "search.html", data, lambda: _search_extra(request, p, data))
    facet_data = _facet_dict(results.facets)
    per_year = sorted(
        ({"year": f["value"], "count": f["count"]} for f in facet_data["year"] if f["value"].isdigit()),
        key=lambda f: f["year"],
    )
    data.update(
        total=results.total,
        pages=min(MAX_PAGE, math.ceil(results.total / p.page_size)) if results.total else 0,
        took_ms=round(float(results.took_ms or 0), 1),
        hits=[_hit_dict(h) for h in results.hits],
        facets=facet_data,
        per_year=per_year,
    )

    return respond(request, "search.html", data, lambda: _search_extra(request, p, data))


def _search_extra(request: Request, p: SearchParams, data: dict[str, Any]) -> dict[str, Any]:
    """Return what only the HTML search page needs: chart, archive counts, URL helpers."""
    lang = request_lang(request)
    toggles = FilterToggles(request)
    chart = charts.bar_chart(
        [(y["year"], y["count"]) for y in data["per_year"]],
        title=translate(lang, "per_year_chart"),
        links={y["year"]: toggles.url("year", y["year"], only=True) for y in data["per_year"]},
    )
    st = state(request)
    stats = st.cached("stats", (), lambda: queries.archive_stats(st.db())) if not p.active else None
    return {"chart": chart, "stats": stats, "facet_names": FACETS, "facet_shown": FACET_SHOWN,
            "toggle_url": toggles.url,
            "snippet": safe_snippet, "event_label": lambda v: _event_label(lang, v)}


def _event_label(lang: str, value: str) -> str:
    return translate(lang, f"ev_{value}") if f"ev_{value}" in _EVENT_KEYS else value


_EVENT_KEYS = {"ev_so_ket", "ev_tong_ket", "ev_giao_uoc", "ev_phat_dong", "ev_other"}


class FilterToggles:
    """Builds the search URLs that switch one filter value on or off (page reset to 1).

    A search page links every facet value it shows (up to ~100 links); the current query
    string is split and encoded once per page instead of once per link.
    """

    def __init__(self, request: Request) -> None:
        self._items = [(k, v) for k, v in request.query_params.multi_items() if k not in ("page", "lang")]
        self._encoded = [(k, _query_pair(k, v)) for k, v in self._items]

    def url(self, name: str, value: str, *, only: bool = False) -> str:
        """Return the search URL with filter ``name=value`` switched on/off, or (``only``) the only value."""
        current = [v for k, v in self._items if k == name]
        if only:
            new = [value]
        elif value in current:
            new = [v for v in current if v != value]
        else:
            new = [*current, value]
        parts = [pair for k, pair in self._encoded if k != name]
        parts += [_query_pair(name, v) for v in new]
        return "/search?" + "&".join(parts)


@lru_cache(maxsize=4096)  # facet names and values repeat from page to page
def _query_pair(name: str, value: str) -> str:
    """Return ``name=value`` encoded as urlencode() writes it."""
    return f"{quote_plus(name)}={quote_plus(value)}"


@router.get("/api/search/export", tags=["search"], summary="Export search results as CSV or JSON")
def export_view(
    request: Request,
    p: Annotated[SearchParams, Depends(search_params)],
    format: Annotated[str, Query(pattern="^(csv|json)$")] = "csv",
) -> Response:
    """Return up to EXPORT_MAX_ROWS hits of a search as a CSV or JSON download."""
    if not p.active:
        raise AppError(400, "q: give a query or a filter to export")
    rows: list[dict[str, Any]] = []
    page = 1
    total = 0
    while len(rows) < EXPORT_MAX_ROWS:
        chunk = SearchParams(**{**p.__dict__, "page": page, "page_size": EXPORT_PAGE_SIZE})
        results = run_search(request, chunk, facets=False)
        total = results.total
        rows.extend(_hit_dict(h) for h in results.hits)
        if not results.hits or len(rows) >= total:
            break
        page += 1
    rows = rows[:EXPORT_MAX_ROWS]
    if format == "json":
        body = json.dumps({"ok": True, "query": p.q, "filters": p.filters, "total": total,
                           "exported": len(rows), "hits": rows}, ensure_ascii=False)
        return Response(body, media_type="application/json",
                        headers={"Content-Disposition": 'attachment; filename="khoi-search.json"'})
    for r in rows:
        r.pop("snippet_html", None)
    return Response(export.to_csv(export.SEARCH_COLUMNS, rows), media_type="text/csv; charset=utf-8",
                    headers={"Content-Disposition": 'attachment; filename="khoi-search.csv"'})


# -- article --------------------------------------------------------------------------


def _fact_label(lang: str, kind: str, row: dict[str, Any]) -> str:
    if kind == "leaders":
        return f"{translate(lang, 'role_' + row['role']) if row['role'] in ('head', 'deputy') else row['role']}: {row['unit']}"
    if kind == "members":
        return f"{translate(lang, 'kind_members')}: {row['unit']}"
    if kind == "directives":
        return f"{row['doc_type'] or translate(lang, 'kind_directives')} {row['number']}"
    if kind == "awards":
        return f"{row['award']}" + (f" — {row['recipient']}" if row.get("recipient") else "")
    if kind == "people":
        return f"{row['name']}" + (f", {row['title']}" if row.get("title") else "")
    return str(row.get("name", ""))


def article_marks(lang: str, article: dict[str, Any]) -> list[Mark]:
    """Return the highlight marks of every fact and scalar field of an article."""
    marks: list[Mark] = []
    meeting = article.get("meeting") or {}
    for fname, ev in (meeting.get("evidence") or {}).items():
        if fname == "relevant" or not isinstance(ev.get("start"), int) or not isinstance(ev.get("end"), int):
            continue
        label = translate(lang, f"field_{fname}")
        value = meeting.get(fname)
        marks.append(Mark(ev["start"], ev["end"], "field", f"{label}: {value}" if value is not None else label,
                          f"ev-{fname}"))
    for kind, rows in article["facts"].items():
        for row in rows:
            marks.append(Mark(row["start"], row["end"], kind, _fact_label(lang, kind, row), f"f-{kind}-{row['id']}"))
    return marks


@router.get("/article/{document_id}", include_in_schema=False)
@router.get("/api/article/{document_id}", tags=["article"], summary="One article with its facts and evidence")
def article_view(
    request: Request,
    document_id: int,
    hl: Annotated[str | None, Query(max_length=20, description="START-END span to highlight")] = None,
) -> Response:
    """Article page and /api/article/{id}: text, metadata, meeting record and every fact with its span."""
    article = queries.get_article(state(request).db(), document_id)
    if article is None:
        raise AppError(404, f"no article with id {document_id}")

    def extra() -> dict[str, Any]:
        lang = request_lang(request)
        return {
            "body": highlight_text(article["text"], article_marks(lang, article), parse_hl(hl)),
            "event_label": lambda v: _event_label(lang, v),
        }

    return respond(request, "article.html", {"article": article}, extra)


SIMILAR_LIMIT = 6


@router.get("/article/{document_id}/similar", include_in_schema=False)
@router.get("/api/article/{document_id}/similar", tags=["article"], summary="Articles similar to one article")
def similar_view(request: Request, document_id: int) -> Response:
    """Similar-articles page and its /api twin (kept off the article page: it is the slowest query)."""
    st = state(request)
    doc = queries.get_document_title(st.db(), document_id)
    if doc is None:
        raise AppError(404, f"no article with id {document_id}")
    key = ("similar", index_stamp(st.index_dir), document_id)
    try:
        hits = st.similar_cache.get_or_compute(
            key, lambda: more_like_this(st.index_dir, document_id, limit=SIMILAR_LIMIT + 1))
    except IndexMissingError as exc:
        raise AppError(503, f"search index missing: {exc}; run `khoi index`", key="error_503") from exc
    except SearchIndexError as exc:
        raise AppError(503, f"search index error: {exc}", key="error_503") from exc
    similar = [_hit_dict(h) for h in hits if h.document_id != document_id][:SIMILAR_LIMIT]
    lang = request_lang(request)
    return respond(request, "similar.html", {"document": doc, "similar": similar},
                   lambda: {"event_label": lambda v: _event_label(lang, v)})
