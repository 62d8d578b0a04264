"""Crawl state in the ``pages`` table: the seen-URL set, the durable frontier, validators.

A row with ``fetched_at`` NULL is a discovered URL still to fetch (the frontier survives a
killed crawl). A fetched row keeps ETag/Last-Modified for conditional requests and the
sitemap lastmod; ``content_hash`` is set only for pages read as articles, so a row with a
hash is a leaf (not re-fetched unless its lastmod moves) and one without is a hub
(listing, feed, sitemap: re-fetched with a conditional request every crawl).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from store.db import now_iso, open_db, write_transaction

GONE_STATUSES = frozenset({404, 410})


@dataclass(frozen=True)
class PageState:
    """What the last crawl learned about one URL."""

    url: str
    status: int | None
    fetched_at: str | None
    etag: str | None
    last_modified: str | None
    sitemap_lastmod: str | None
    content_hash: str | None
    document_id: int | None
    error: str | None

    @property
    def pending(self) -> bool:
        return self.fetched_at is None

    @property
    def is_leaf(self) -> bool:
        return self.content_hash is not None

    @property
    def failed(self) -> bool:
        return self.error is not None and self.status not in GONE_STATUSES


class CrawlState:
    """Read and write the ``pages`` rows of one crawl (one SQLite connection)."""

    def __init__(self, db_path: str | Path) -> None:
        self.db: Database = open_db(db_path)
        self.table = self.db["pages"]

    def get(self, url: str) -> PageState | None:
        """Return the stored state of ``url``, or None if never seen."""
        row = self.db.execute(
            "SELECT url, status, fetched_at, etag, last_modified, sitemap_lastmod, content_hash, document_id, error "
            "FROM pages WHERE url = ?",
            [url],
        ).fetchone()
        return PageState(*row) if row else None

    def add_pending(self, site: str, urls: list[tuple[str, str]]) -> None:
        """Record newly discovered (canonical URL, URL as found) pairs as the frontier."""
        if urls:
            with write_transaction(self.db):
                self.table.insert_all(({"url": u, "fetch_url": f, "site": site} for u, f in urls),
                                      pk="url", ignore=True)

    def pending(self, site: str) -> list[str]:
        """Return the URLs (as found) of ``site`` discovered but not fetched yet, or failed last time."""
        rows = self.db.execute(
            "SELECT coalesce(fetch_url, url) FROM pages WHERE site = ? AND (fetched_at IS NULL OR (error IS NOT NULL "
            "AND coalesce(status, 0) NOT IN (404, 410) AND error NOT LIKE 'robots%'))",
            [site],
        ).fetchall()
        return [r[0] for r in rows]

    def record(self, url: str, site: str, **values: Any) -> None:
        """Upsert the state of one fetched URL (fetched_at defaults to now)."""
        row: dict[str, Any] = {"url": url, "site": site, "fetched_at": now_iso(), "error": None, **values}
        with write_transaction(self.db):
            self.table.upsert(row, pk="url")

    def set_sitemap_lastmod(self, site: str, url: str, lastmod: str) -> None:
        """Remember the lastmod a sitemap gave for ``url`` (after the page was fetched)."""
        with write_transaction(self.db):
            self.table.upsert({"url": url, "site": site, "sitemap_lastmod": lastmod}, pk="url")

    def close(self) -> None:
        self.db.conn.close()
