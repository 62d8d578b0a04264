"""What every handler shares: the read-only DB per thread, errors, language, and page-or-JSON responses."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from fastapi import Request
from fastapi.responses import JSONResponse, Response
from fastapi.templating import Jinja2Templates
from sqlite_utils import Database

from search_app.cache import TTLCache, db_stamp
from search_app.i18n import LANG_COOKIE, pick_lang, translator
from search_app.page_cache import PageCache
from store.db import StoreError, open_db

TEMPLATES_DIR = Path(__file__).resolve().parent / "templates"
COOKIE_MAX_AGE = 365 * 24 * 3600


class AppError(Exception):
    """An error shown to the user: a real page for HTML, the JSON envelope under /api."""

    def __init__(self, status: int, message: str, *, key: str | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.key = key


class AppState:
    """Per-app settings and the per-thread read-only database connections."""

    def __init__(self, db_path: Path, index_dir: Path) -> None:
        self.db_path = Path(db_path)
        self.index_dir = Path(index_dir)
        self.templates = Jinja2Templates(directory=str(TEMPLATES_DIR))
        self._local = threading.local()
        # Repeated searches (paging back, facet toggles, popular queries) skip the index.
        self.search_cache = TTLCache(size=1024, ttl=60.0)
        self.facet_cache = TTLCache(size=1024, ttl=300.0)  # per query, shared by its pages and sorts
        self.similar_cache = TTLCache(size=2048, ttl=600.0)
        # Read-side aggregates (bloc histories, province summaries, ...) keyed on the DB's write stamp.
        self.data_cache = TTLCache(size=1024, ttl=120.0)
        # Whole responses (see page_cache.py), keyed on the index and database stamps.
        self.page_cache = PageCache()

    def cached(self, name: str, args: tuple[Any, ...], compute: Callable[[], Any]) -> Any:
        """Return ``compute()`` cached under (name, args) until the database changes."""
        return self.data_cache.get_or_compute((name, db_stamp(self.db_path), *args), compute)

    def db(self) -> Database:
        """Return this thread's read-only connection (opened on first use)."""
        db = getattr(self._local, "db", None)
        if db is None:
            try:
                db = open_db(self.db_path, readonly=True)
            except StoreError as exc:
                raise AppError(503, str(exc), key="error_500") from exc
            self._local.db = db
        return db


def state(request: Request) -> AppState:
    """Return the AppState of the app serving ``request``."""
    return request.app.state.khoi  # type: ignore[no-any-return]


def is_api(request: Request) -> bool:
    """Return True when the request asks for the JSON twin of a page."""
    return request.url.path.startswith("/api/")


def request_lang(request: Request) -> str:
    """Return the UI language for ``request`` (?lang=, then cookie, else vi)."""
    return pick_lang(request.query_params.get("lang"), request.cookies.get(LANG_COOKIE))


def url_with(request: Request, path: str | None = None, /, **changes: Any) -> str:
    """Return the current URL (or ``path``) with query parameters replaced; None removes one.

    A list value replaces every value of a repeated parameter.
    """
    items = [(k, v) for k, v in request.query_params.multi_items() if k not in changes and k != "lang"]
    for key, value in changes.items():
        if value is None:
            continue
        if isinstance(value, list | tuple):
            items.extend((key, str(v)) for v in value)
        else:
            items.append((key, str(value)))
    query = urlencode(items)
    base = path if path is not None else request.url.path
    return f"{base}?{query}" if query else base


def _lang_switch_url(request: Request, lang: str) -> str:
    items = [(k, v) for k, v in request.query_params.multi_items() if k != "lang"]
    items.append(("lang", "en" if lang == "vi" else "vi"))
    return f"{request.url.path}?{urlencode(items)}"


def render(request: Request, template: str, context: dict[str, Any], *, status: int = 200) -> Response:
    """Return the HTML page ``template`` with the common context (language, helpers)."""
    lang = request_lang(request)
    ctx = {
        "lang": lang,
        "t": translator(lang),
        "url_with": lambda *a, **kw: url_with(request, *a, **kw),
        "lang_switch_url": _lang_switch_url(request, lang),
        "path": request.url.path,
        **context,
    }
    response = state(request).templates.TemplateResponse(request, template, ctx, status_code=status)
    remember_lang(request, response)
    return response


def remember_lang(request: Request, response: Response) -> None:
    """Store an explicit ?lang= choice in a cookie so later pages keep it."""
    chosen = request.query_params.get("lang")
    if chosen in ("vi", "en") and request.cookies.get(LANG_COOKIE) != chosen:
        response.set_cookie(LANG_COOKIE, chosen, max_age=COOKIE_MAX_AGE, samesite="lax", httponly=True)


def ok(data: dict[str, Any], *, status: int = 200) -> JSONResponse:
    """Return the success envelope {"ok": true, ...}."""
    return JSONResponse({"ok": True, **data}, status_code=status)


def error_json(status: int, message: str) -> JSONResponse:
    """Return the error envelope {"ok": false, "error": ..., "status": ...}."""
    return JSONResponse({"ok": False, "error": message, "status": status}, status_code=status)


def respond(
    request: Request,
    template: str,
    data: dict[str, Any],
    page_extra: Callable[[], dict[str, Any]] | None = None,
) -> Response:
    """Return ``data`` as the JSON envelope under /api, else as the HTML page (plus ``page_extra()``)."""
    if is_api(request):
        return ok(data)
    context = dict(data)
    if page_extra is not None:
        context.update(page_extra())
    return render(request, template, context)


def error_page(request: Request, status: int, message: str, key: str | None = None) -> Response:
    """Return an error as the JSON envelope under /api, else as a real page with a way forward."""
    if is_api(request):
        return error_json(status, message)
    if key is None:
        key = {404: "error_404", 503: "error_503"}.get(status, "error_400" if status < 500 else "error_500")
    return render(request, "error.html", {"status": status, "message": message, "message_key": key}, status=status)
