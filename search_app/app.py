"""The search app factory: ``create_app(db_path, index_dir)`` returns the FastAPI application.

Pages are server-rendered (Jinja2, autoescaped) and work without JavaScript; every page's
data is also served as JSON under /api/… in one envelope. The database is opened read-only.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from search_app import views, views_archive
from search_app.cache import db_stamp, index_stamp
from search_app.page_cache import PageCacheMiddleware
from search_app.web import AppError, AppState, error_page, render

log = logging.getLogger(__name__)

STATIC_DIR = Path(__file__).resolve().parent / "static"

# No inline script or style anywhere: charts are SVG with presentation attributes.
CONTENT_SECURITY_POLICY = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; font-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)
SECURITY_HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
}


def create_app(db_path: Path, index_dir: Path) -> FastAPI:
    """Return the search app reading ``db_path`` (read-only) and the index in ``index_dir``."""
    app = FastAPI(
        title="khoi search API",
        version="1",
        description="Search and browse Vietnamese provincial news about emulation blocs. "
        'Every response is {"ok": true, ...}; errors are {"ok": false, "error": "...", "status": N}.',
        docs_url=None,  # FastAPI's Swagger page loads a CDN; /docs is our own page
        redoc_url=None,
        openapi_url="/openapi.json",
    )
    app.state.khoi = AppState(db_path, index_dir)
    app.mount("/static", StaticFiles(directory=str(STATIC_DIR)), name="static")

    # Innermost: cached answers still get the security headers added on the way out.
    state = app.state.khoi
    app.add_middleware(
        PageCacheMiddleware, cache=state.page_cache,
        stamp=lambda: (index_stamp(state.index_dir), db_stamp(state.db_path)),
    )
    app.add_middleware(SecurityHeadersMiddleware)

    @app.exception_handler(AppError)
    async def app_error(request: Request, exc: AppError) -> Response:
        return error_page(request, exc.status, exc.message, exc.key)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        message = exc.detail if isinstance(exc.detail, str) else "error"
        if exc.status_code == 404:
            message = f"no page at {request.url.path[:200]}"
        return error_page(request, exc.status_code, message)

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError) -> Response:
        parts = []
        for err in exc.errors():
            where = ".".join(str(x) for x in err.get("loc", ()) if x not in ("query", "path"))
            parts.append(f"{where}: {err.get('msg', 'invalid')}")
        status = 404 if any(e.get("loc", ("",))[0] == "path" for e in exc.errors()) else 400
        return error_page(request, status, "; ".join(parts) or "invalid request")

    @app.exception_handler(Exception)
    async def server_error(request: Request, exc: Exception) -> Response:
        log.exception("unhandled error on %s", request.url.path)
        response = error_page(request, 500, "internal error")
        response.headers.update(SECURITY_HEADERS)  # this handler runs outside the middleware
        return response

    @app.get("/docs", include_in_schema=False)
    def docs(request: Request) -> Response:
        """A local API reference page built from the OpenAPI schema (no CDN)."""
        schema = app.openapi()
        routes = []
        for path, ops in schema.get("paths", {}).items():
            for method, op in ops.items():
                params = [
                    {"name": p["name"], "in": p["in"], "required": p.get("required", False),
                     "description": p.get("description", ""), "schema": _type_name(p.get("schema", {})),
                     "limits": _limits(p.get("schema", {}))}
                    for p in op.get("parameters", [])
                ]
                routes.append({"method": method.upper(), "path": path, "summary": op.get("summary", ""),
                               "params": params})
        return render(request, "docs.html", {"routes": routes})

    @app.get("/healthz", include_in_schema=False)
    def healthz() -> JSONResponse:
        return JSONResponse({"ok": True})

    app.include_router(views.router)
    app.include_router(views_archive.router)
    return app


class SecurityHeadersMiddleware:
    """Pure ASGI middleware adding SECURITY_HEADERS (and caching of /static) to every response."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app
        self.headers = [(k.lower().encode(), v.encode()) for k, v in SECURITY_HEADERS.items()]

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        static = scope["path"].startswith("/static/")

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                present = {k.lower() for k, _ in message.get("headers", [])}
                extra = [(k, v) for k, v in self.headers if k not in present]
                if static and b"cache-control" not in present:
                    extra.append((b"cache-control", b"public, max-age=3600"))
                message = {**message, "headers": [*message.get("headers", []), *extra]}
            await send(message)

        await self.app(scope, receive, send_with_headers)


def _limits(schema: dict[str, Any]) -> str:
    """Return a parameter's default and bounds as short text ("= 10, 1..100")."""
    parts = []
    if schema.get("default") not in (None, [], ""):
        parts.append(f"= {schema['default']}")
    low, high = schema.get("minimum"), schema.get("maximum")
    if low is not None or high is not None:
        parts.append(f"{'' if low is None else low}..{'' if high is None else high}")
    if "maxLength" in schema:
        parts.append(f"≤ {schema['maxLength']} chars")
    if "pattern" in schema:
        parts.append(schema["pattern"].strip("^$").replace("|", " | "))
    return ", ".join(parts)


def _type_name(schema: dict[str, Any]) -> str:
    if "type" in schema:
        if schema["type"] == "array":
            return f"{_type_name(schema.get('items', {}))}[]"
        return str(schema["type"])
    if "anyOf" in schema:
        return " | ".join(_type_name(s) for s in schema["anyOf"])
    return ""


def create_app_from_env() -> FastAPI:
    """Return the app for the store named by $KHOI_DB/$KHOI_INDEX (used by multi-worker `khoi serve`)."""
    import os

    db_path = Path(os.environ.get("KHOI_DB", "data/khoi.db"))
    index_dir = Path(os.environ.get("KHOI_INDEX") or db_path.with_suffix(".index"))
    return create_app(db_path, index_dir)
