"""The item the portal spider hands to the pipelines: one fetched page, bytes untouched."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class RawPageItem:
    """One downloaded page (or a 304 answer) with what the pipeline needs to store it."""

    url: str  # canonical URL the page is stored under
    site: str
    status: int
    body: bytes = b""
    fetched_at: str = ""
    encoding: str | None = None  # charset from the Content-Type header, if any
    content_type: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    sitemap_lastmod: str | None = None
    aliases: list[str] = field(default_factory=list)  # other URLs that led here (redirects, fetched spelling)
    listing: bool = False  # a feed or sitemap
    anchors: list[str] = field(default_factory=list)  # long link texts on the page (article titles)
    # Pages that complete this one: "Trang 2" of a split article, a same-site <iframe> holding the body.
    continuation_bodies: list[tuple[bytes, str | None]] = field(default_factory=list)  # (body, charset)
    partial: bool = False  # a copy of a page whose other parts were fetched with another copy
