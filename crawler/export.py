"""Write the crawled articles as a WARC file (request + response records from the raw bytes)."""

from __future__ import annotations

from datetime import UTC, datetime
from io import BytesIO
from pathlib import Path
from urllib.parse import urlsplit

from sqlite_utils import Database
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from crawler.errors import CrawlError
from crawler.settings import USER_AGENT
from store.db import iter_raw_pages


def export_warc(db: Database, path: str | Path) -> int:
    """Write every stored document that has raw bytes to ``path`` (gzip WARC); return how many."""
    path = Path(path)
    count = 0
    try:
        out = path.open("wb")
    except OSError as exc:
        raise CrawlError(f"{path}: cannot write WARC file: {exc}") from exc
    with out:
        writer = WARCWriter(out, gzip=True)
        for url, body, encoding, fetched_at in iter_raw_pages(db):
            date = _warc_date(fetched_at)
            parts = urlsplit(url)
            target = parts.path + ("?" + parts.query if parts.query else "")
            request = writer.create_warc_record(
                url, "request", payload=BytesIO(b""),
                http_headers=StatusAndHeaders(f"GET {target or '/'} HTTP/1.1",
                                              [("Host", parts.netloc), ("User-Agent", USER_AGENT)],
                                              is_http_request=True),
                warc_headers_dict={"WARC-Date": date},
            )
            charset = (encoding or "").split("+")[0]
            ctype = f"text/html; charset={charset}" if charset else "text/html"
            response = writer.create_warc_record(
                url, "response", payload=BytesIO(body), length=len(body),
                http_headers=StatusAndHeaders("200 OK", [("Content-Type", ctype),
                                                         ("Content-Length", str(len(body)))], protocol="HTTP/1.1"),
                warc_headers_dict={"WARC-Date": date},
            )
            request.rec_headers.add_header("WARC-Concurrent-To", response.rec_headers.get_header("WARC-Record-ID"))
            writer.write_record(response)
            writer.write_record(request)
            count += 1
    return count


def _warc_date(fetched_at: str | None) -> str:
    if fetched_at:
        try:
            return datetime.fromisoformat(fetched_at).astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
        except ValueError:
            pass
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
