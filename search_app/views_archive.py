"""Bloc history, province comparison, directive and agency pages, each with its /api twin."""

from __future__ import annotations

import math
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response

from search_app import charts, export
from search_app.i18n import translate
from search_app.views import _event_label
from search_app.web import AppError, is_api, render, request_lang, respond, state
from store import queries
from store.vntext import unit_key

router = APIRouter()

MAX_COMPARE = 6
MAX_LIST_PAGE_SIZE = 200
EVENT_TYPES = ("so_ket", "tong_ket", "giao_uoc", "phat_dong", "other")


def _pages(total: int, page_size: int) -> int:
    return math.ceil(total / page_size) if total else 0


def provinces_cached(request: Request) -> list[dict[str, Any]]:
    """Return list_provinces() from a short-lived cache (the list only changes on ingest)."""
    st = state(request)
    return st.cached("provinces", (), lambda: queries.list_provinces(st.db()))  # type: ignore[no-any-return]


# -- blocs ----------------------------------------------------------------------------


@router.get("/blocs", include_in_schema=False)
@router.get("/api/blocs", tags=["blocs"], summary="Blocs with meeting counts")
def blocs_view(
    request: Request,
    province: Annotated[str | None, Query(max_length=100)] = None,
    page: Annotated[int, Query(ge=1, le=1000)] = 1,
    page_size: Annotated[int, Query(ge=1, le=MAX_LIST_PAGE_SIZE)] = 50,
) -> Response:
    """Bloc list page and /api/blocs, optionally for one province."""
    db = state(request).db()
    total, rows = state(request).cached("blocs", (province, page, page_size), lambda: queries.list_blocs(
        db, province=province or None, limit=page_size, offset=(page - 1) * page_size))
    data = {"province": province, "page": page, "page_size": page_size, "total": total,
            "pages": _pages(total, page_size), "blocs": rows}
    return respond(request, "blocs.html", data, lambda: {"provinces": provinces_cached(request)})


@router.get("/bloc/{bloc_id}", include_in_schema=False)
@router.get("/api/bloc/{bloc_id}", tags=["blocs"], summary="A bloc's history by year (JSON, CSV or Markdown)")
def bloc_view(
    request: Request,
    bloc_id: int,
    format: Annotated[str, Query(pattern="^(json|csv|md)$", description="Export format of the /api route")] = "json",
) -> Response:
    """Bloc history page and /api/bloc/{id}: timeline by year with evidence links; gaps included."""
    st = state(request)
    history = st.cached("bloc", (bloc_id,), lambda: queries.bloc_history(st.db(), bloc_id))
    if history is None:
        raise AppError(404, f"no bloc with id {bloc_id}")
    if is_api(request) and format != "json":
        base = str(request.base_url).rstrip("/")
        name = f"khoi-bloc-{bloc_id}"
        if format == "csv":
            body = export.to_csv(export.BLOC_COLUMNS, export.bloc_rows(history, base))
            return Response(body, media_type="text/csv; charset=utf-8",
                            headers={"Content-Disposition": f'attachment; filename="{name}.csv"'})
        return Response(export.bloc_markdown(history, base), media_type="text/markdown; charset=utf-8",
                        headers={"Content-Disposition": f'attachment; filename="{name}.md"'})

    def extra() -> dict[str, Any]:
        lang = request_lang(request)
        return {"event_label": lambda v: _event_label(lang, v)}

    return respond(request, "bloc.html", {"history": history}, extra)


# -- provinces ------------------------------------------------------------------------


@router.get("/api/provinces", tags=["provinces"], summary="Provinces (old and post-2025 names) with counts")
def provinces_view(request: Request) -> Response:
    """Return every province name the archive knows, with meeting counts per kind of name."""
    return respond(request, "", {"provinces": provinces_cached(request)})


@router.get("/compare", include_in_schema=False)
@router.get("/api/compare", tags=["provinces"], summary="Compare two or more provinces")
def compare_view(
    request: Request,
    p: Annotated[list[str] | None, Query(description="Province, old or post-2025 name (repeat 2 to 6 times)")] = None,
) -> Response:
    """Province comparison page and /api/compare: blocs, meetings per year and type, directives, awards."""
    db = state(request).db()
    wanted = [x.strip() for x in dict.fromkeys(p or []) if x.strip()]
    if len(wanted) > MAX_COMPARE:
        raise AppError(400, f"p: compare at most {MAX_COMPARE} provinces")
    if any(len(x) > 100 for x in wanted):
        raise AppError(400, "p: a province name is longer than 100 characters")
    known = provinces_cached(request)
    resolved: list[str] = []
    unknown: list[str] = []
    for name in wanted:
        found = queries.resolve_province(db, name, known)
        if found is None:
            unknown.append(name)
        elif found not in resolved:
            resolved.append(found)
    if is_api(request):
        if unknown:
            raise AppError(404, "unknown province: " + ", ".join(unknown) + " (see /api/provinces)")
        if len(resolved) < 2:
            raise AppError(400, "p: give at least two provinces, e.g. ?p=Thái Nguyên&p=Yên Bái")
    st = state(request)
    summaries = [st.cached("province", (name,), lambda name=name: queries.province_summary(db, name))
                 for name in resolved] if len(resolved) >= 2 else []
    data = {"provinces": resolved, "comparison": summaries}

    def extra() -> dict[str, Any]:
        lang = request_lang(request)
        ctx: dict[str, Any] = {"all_provinces": known, "unknown": unknown,
                               "wanted": wanted, "event_label": lambda v: _event_label(lang, v)}
        if summaries:
            years = sorted({r["year"] for s in summaries for r in s["meetings_per_year"]})
            if years:
                years = list(range(years[0], years[-1] + 1))
            by_year = {s["province"]: [next((r["meetings"] for r in s["meetings_per_year"] if r["year"] == y), 0)
                                       for y in years] for s in summaries}
            ctx["year_chart"] = charts.grouped_bar_chart(
                [str(y) for y in years], by_year, title=translate(lang, "meetings_per_year"))
            types = [t for t in EVENT_TYPES if any(r["event_type"] == t for s in summaries for r in s["meetings_per_type"])]
            by_type = {s["province"]: [next((r["meetings"] for r in s["meetings_per_type"] if r["event_type"] == t), 0)
                                       for t in types] for s in summaries}
            ctx["type_chart"] = charts.grouped_bar_chart(
                [_event_label(lang, t) for t in types], by_type, title=translate(lang, "meetings_per_type"))
        return ctx

    return respond(request, "compare.html", data, extra)


# -- directives -----------------------------------------------------------------------


@router.get("/directives", include_in_schema=False)
@router.get("/api/directives", tags=["directives"], summary="Cited documents by number of citing articles")
def directives_view(
    request: Request,
    page: Annotated[int, Query(ge=1, le=1000)] = 1,
    page_size: Annotated[int, Query(ge=1, le=MAX_LIST_PAGE_SIZE)] = 50,
) -> Response:
    """Directive list page and /api/directives."""
    st = state(request)
    total, rows = st.cached("directives", (page, page_size), lambda: queries.list_directives(
        st.db(), limit=page_size, offset=(page - 1) * page_size))
    data = {"page": page, "page_size": page_size, "total": total, "pages": _pages(total, page_size), "directives": rows}
    return respond(request, "directives.html", data)


@router.get("/directive", include_in_schema=False)
@router.get("/api/directive", tags=["directives"], summary="Every article citing one document, by province and year")
def directive_view(
    request: Request,
    n: Annotated[str, Query(min_length=1, max_length=60, description="Number-symbol, e.g. 34-CT/TW (any separators)")],
    page: Annotated[int, Query(ge=1, le=1000)] = 1,
    page_size: Annotated[int, Query(ge=1, le=MAX_LIST_PAGE_SIZE)] = 50,
) -> Response:
    """Directive page and /api/directive?n=…: citing articles grouped by province and year, paginated."""
    st = state(request)
    db = st.db()
    canonicals = st.cached("directive-id", (n.strip(),), lambda: queries.resolve_directive(db, n.strip()))
    if not canonicals:
        raise AppError(404, f"no article cites {n.strip()!r} (see /directives)")
    cites = st.cached("directive", (tuple(canonicals), page, page_size), lambda: queries.directive_citations(
        db, canonicals, limit=page_size, offset=(page - 1) * page_size))
    data = {"number": n.strip(), "canonical": canonicals, "page": page, "page_size": page_size,
            "pages": _pages(cites["total"], page_size), **cites}

    def extra() -> dict[str, Any]:
        lang = request_lang(request)
        years = [(str(r["year"]), r["articles"]) for r in cites["by_year"] if r["year"] is not None]
        return {"year_chart": charts.bar_chart(years, title=translate(lang, "by_year"))}

    return respond(request, "directive.html", data, extra)


# -- agencies -------------------------------------------------------------------------


@router.get("/agency", include_in_schema=False)
@router.get("/api/agency", tags=["agencies"], summary="An agency's bloc memberships and leadership years")
def agency_view(
    request: Request,
    name: Annotated[str, Query(max_length=150, description="Agency name, any spelling (Sở KH&CN = Sở Khoa học và Công nghệ)")] = "",
) -> Response:
    """Agency page and /api/agency?name=…; without a name, the most mentioned agencies."""
    db = state(request).db()
    name = name.strip()
    if not name:
        top = state(request).cached("agencies", (), lambda: queries.suggest_agencies(db, "", limit=100))
        return respond(request, "agencies.html", {"agencies": top})
    # Spellings of one agency ("Sở KH&CN", "so khoa hoc va cong nghe") share one computation.
    shared = state(request).cached("agency", (unit_key(name),), lambda: queries.agency_profile(db, name))
    profile = {**shared, "query": name}
    if not profile["blocs"]:
        suggestions = queries.suggest_agencies(db, name, limit=10)
        if is_api(request):
            raise AppError(404, f"no bloc membership found for {name!r}"
                           + (f"; did you mean {suggestions[0]['unit']!r}?" if suggestions else ""))
        return render(request, "agencies.html", {"agencies": suggestions, "not_found": name}, status=404)
    return respond(request, "agency.html", profile)

