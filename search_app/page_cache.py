"""A whole-response cache for GET pages and API answers, in front of the router.

Every page is a function of its URL, the UI language, the index and the database, so a
response is stored under (path, query string, language, index stamp, database stamp): after
`khoi index` rewrites index.json or any write to the store, the key changes and the old
entries are never served again (they age out of the LRU). A hit skips parameter parsing,
the handler and template rendering (~0.2 ms instead of 5-40 ms for a search or bloc page).

Only complete 200 responses without cookies or attachments are kept; memory is bounded by
the total size of stored bodies.
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Hashable

from starlette.requests import Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from search_app.i18n import LANG_COOKIE, pick_lang

MAX_BYTES = 48 * 1024 * 1024  # per worker; a search page is ~30 KB, a bloc history ~120 KB
MAX_BODY = 512 * 1024  # larger answers (big exports, long histories) are not worth the memory
TTL = 300.0  # seconds; a bound on staleness the stamps could miss (e.g. a clock step), not the main invalidation
SKIP_PREFIXES = ("/static/", "/healthz", "/api/search/export")


class PageCache:
    """Least-recently-used (headers, body) store bounded by total body bytes, entries valid ``ttl`` seconds."""

    def __init__(self, max_bytes: int = MAX_BYTES, ttl: float = TTL) -> None:
        self.max_bytes = max_bytes
        self.ttl = ttl
        self._data: OrderedDict[Hashable, tuple[float, list[tuple[bytes, bytes]], bytes]] = OrderedDict()
        self._bytes = 0
        self._lock = threading.Lock()
        self.hits = 0
        self.misses = 0

    def get(self, key: Hashable) -> tuple[list[tuple[bytes, bytes]], bytes] | None:
        """Return the stored (headers, body) of ``key``, or None when absent or expired."""
        with self._lock:
            entry = self._data.get(key)
            if entry is None or entry[0] <= time.monotonic():
                self.misses += 1
                return None
            self._data.move_to_end(key)
            self.hits += 1
            return entry[1], entry[2]

    def put(self, key: Hashable, headers: list[tuple[bytes, bytes]], body: bytes) -> None:
        """Store a response, dropping the least recently used ones beyond ``max_bytes``."""
        with self._lock:
            old = self._data.pop(key, None)
            if old is not None:
                self._bytes -= len(old[2])
            self._data[key] = (time.monotonic() + self.ttl, headers, body)
            self._bytes += len(body)
            while self._bytes > self.max_bytes and self._data:
                _, (_, _, dropped) = self._data.popitem(last=False)
                self._bytes -= len(dropped)

    def clear(self) -> None:
        """Forget every entry."""
        with self._lock:
            self._data.clear()
            self._bytes = 0


def request_language(scope: Scope) -> str:
    """Return the UI language a request asks for: search_app.web.request_lang's rule (?lang=, cookie, vi)."""
    request = Request(scope)
    return pick_lang(request.query_params.get("lang"), request.cookies.get(LANG_COOKIE))


class PageCacheMiddleware:
    """Pure ASGI middleware answering repeated GETs from a PageCache; ``stamp()`` versions the data."""

    def __init__(self, app: ASGIApp, cache: PageCache, stamp: Callable[[], Hashable]) -> None:
        self.app = app
        self.cache = cache
        self.stamp = stamp

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "GET" or scope["path"].startswith(SKIP_PREFIXES):
            await self.app(scope, receive, send)
            return
        key = (scope["path"], scope["query_string"], request_language(scope), self.stamp())
        found = self.cache.get(key)
        if found is not None:
            headers, body = found
            await send({"type": "http.response.start", "status": 200, "headers": headers})
            await send({"type": "http.response.body", "body": body})
            return
        start: Message | None = None
        chunks: list[bytes] = []
        keep = True

        async def capture(message: Message) -> None:
            nonlocal start, keep
            if message["type"] == "http.response.start":
                start = message
                names = {k.lower() for k, _ in message.get("headers", [])}
                if message["status"] != 200 or b"set-cookie" in names or b"content-disposition" in names:
                    keep = False
            elif message["type"] == "http.response.body" and keep:
                chunks.append(message.get("body", b""))
                if sum(map(len, chunks)) > MAX_BODY:
                    keep = False
                    chunks.clear()
                elif not message.get("more_body", False) and start is not None:
                    self.cache.put(key, list(start.get("headers", [])), b"".join(chunks))
            await send(message)

        await self.app(scope, receive, capture)
