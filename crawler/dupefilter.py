"""Request fingerprints on canonical URLs, for the local and the Redis dupefilter.

A redirect to the same canonical URL (``/a`` -> ``/a/``) is fingerprinted apart from its
first request, otherwise it would be dropped as a duplicate of itself; a redirect to another
page (``/?p=12`` -> ``/2023/07/slug/``) is dropped when that page was already requested.
"""

from __future__ import annotations

import hashlib
from typing import Any

from scrapy.dupefilters import RFPDupeFilter
from scrapy.http import Request

from crawler.urls import canonical_url


def canonical_fingerprint(request: Request) -> bytes:
    """Return the fingerprint of ``request``: method + canonical URL (+ hop of a same-URL redirect)."""
    canon = canonical_url(request.url)
    sources = request.meta.get("redirect_urls") or ()
    hops = len(sources) if sources and canonical_url(sources[-1]) == canon else 0
    key = f"{request.method} {canon} {hops}"
    return hashlib.sha1(key.encode("utf-8")).digest()


class CanonicalFingerprinter:
    """Scrapy REQUEST_FINGERPRINTER_CLASS using canonical URLs."""

    @classmethod
    def from_crawler(cls, crawler: Any) -> CanonicalFingerprinter:
        return cls()

    def fingerprint(self, request: Request) -> bytes:
        return canonical_fingerprint(request)


class CanonicalDupeFilter(RFPDupeFilter):
    """Scrapy's dupefilter (JOBDIR-persistent) on canonical fingerprints."""


try:
    from scrapy_redis.dupefilter import RFPDupeFilter as _RedisDupeFilter

    class RedisCanonicalDupeFilter(_RedisDupeFilter):  # type: ignore[misc]
        """scrapy-redis dupefilter on canonical fingerprints (shared by every process)."""

        def request_fingerprint(self, request: Request) -> str:
            return canonical_fingerprint(request).hex()

except ImportError:  # pragma: no cover - the "distributed" extra is not installed
    pass
