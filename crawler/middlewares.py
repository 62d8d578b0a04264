"""Downloader middlewares: per-site page budget and robots.txt Crawl-delay.

BackoffRetryMiddleware waits at least the Retry-After of a 429/503 before retrying.
Scrapy's RobotsTxtMiddleware obeys Allow/Disallow but not Crawl-delay; CrawlDelayMiddleware
applies it to the download slot (and stops AutoThrottle from lowering it).
"""

from __future__ import annotations

import asyncio
import time
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import Any
from urllib.parse import urljoin

from scrapy import signals
from scrapy.downloadermiddlewares.retry import RetryMiddleware
from scrapy.exceptions import IgnoreRequest
from scrapy.http import Request, Response
from scrapy.utils.httpobj import urlparse_cached

from crawler.urls import canonical_url, is_same_site
from store.db import add_document_url


class BudgetMiddleware:
    """Drop requests of a site once it has fetched its page budget (they stay pending for next time)."""

    def __init__(self, crawler: Any) -> None:
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Any) -> BudgetMiddleware:
        return cls(crawler)

    def process_request(self, request: Request, spider: Any = None) -> None:
        spider = self.crawler.spider
        site = request.meta.get("site")
        if site is None or request.meta.get("dont_obey_robotstxt") or not hasattr(spider, "fetched"):
            return None
        if spider.fetched.get(site, 0) >= spider.budget(site):
            self.crawler.stats.inc_value(f"khoi/{site}/over_budget")
            raise IgnoreRequest(f"page budget of {site} reached")
        # Counted when admitted, not when answered: Scrapy admits many requests before the first reply.
        spider.fetched[site] = spider.fetched.get(site, 0) + 1
        return None


class OffsiteGuardMiddleware:
    """Drop any request that left its site: redirects and meta refreshes to other hosts included.

    The spider only follows links of the site's own hosts, but a same-site URL can answer
    with a 3xx (or a <meta refresh>) to another domain (outbound-link counters, banner
    trackers); Scrapy would follow it, robots.txt of the other host first. Runs before
    RobotsTxtMiddleware so not even that robots.txt is fetched.
    """

    def __init__(self, crawler: Any) -> None:
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Any) -> OffsiteGuardMiddleware:
        return cls(crawler)

    def process_request(self, request: Request, spider: Any = None) -> None:
        spider = self.crawler.spider
        site = request.meta.get("site")
        sites = getattr(spider, "sites", None)
        if site is None or not sites or site not in sites:
            return None
        if not is_same_site(request.url, sites[site].hosts):
            self.crawler.stats.inc_value(f"khoi/{site}/offsite_dropped")
            raise IgnoreRequest(f"off-site request dropped: {request.url}")
        return None


class CrawlDelayMiddleware:
    """Apply robots.txt Crawl-delay to the host's download slot."""

    def __init__(self, crawler: Any) -> None:
        self.crawler = crawler
        self.delays: dict[str, float] = {}
        self.user_agent = crawler.settings.get("USER_AGENT", "")
        crawler.signals.connect(self.robots_parsed, signal=signals.robots_parsed)

    @classmethod
    def from_crawler(cls, crawler: Any) -> CrawlDelayMiddleware:
        return cls(crawler)

    def robots_parsed(self, robotparser: Any, request: Request) -> None:
        delay = robotparser.crawl_delay(self.user_agent)
        if delay:
            self.delays[urlparse_cached(request).netloc] = float(delay)

    def process_request(self, request: Request, spider: Any = None) -> None:
        delay = self.delays.get(urlparse_cached(request).netloc)
        if not delay:
            return None
        request.meta["autothrottle_dont_adjust_delay"] = True
        downloader = self.crawler.engine.downloader
        try:
            _, slot = downloader._get_slot(request)  # creates the slot on the host's first request
        except AttributeError:  # pragma: no cover - Scrapy internals moved
            return None
        if slot.delay < delay:
            slot.delay = delay
            slot.randomize_delay = False
        return None


class BackoffRetryMiddleware(RetryMiddleware):
    """Scrapy's retries (5xx, timeouts) with exponential backoff: base * 2**(n-1) seconds, capped."""

    def __init__(self, settings: Any) -> None:
        super().__init__(settings)
        self.base = settings.getfloat("RETRY_BACKOFF_BASE", 1.0)
        self.cap = settings.getfloat("RETRY_BACKOFF_MAX", 60.0)

    def _delay(self, result: Any, retry_after: float = 0.0) -> Any:
        if isinstance(result, Request):
            tries = result.meta.get("retry_times", 1)
            wait = max(self.base * 2 ** (tries - 1), retry_after)
            result.meta["khoi_not_before"] = time.monotonic() + min(self.cap, wait)
        return result

    def process_response(self, request: Request, response: Response, spider: Any = None) -> Any:
        # A 429/503 with Retry-After says when to come back: never sooner (at most RETRY_BACKOFF_MAX).
        return self._delay(super().process_response(request, response), retry_after_seconds(response))

    def process_exception(self, request: Request, exception: Exception, spider: Any = None) -> Any:
        return self._delay(super().process_exception(request, exception))


def retry_after_seconds(response: Response) -> float:
    """Return the wait a Retry-After header asks for (delta seconds or an HTTP date), else 0."""
    value = (response.headers.get("Retry-After") or b"").decode("latin-1").strip()
    if not value:
        return 0.0
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return 0.0
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - datetime.now(UTC)).total_seconds())


class BackoffDelayMiddleware:
    """Hold a retried request until its backoff time has passed."""

    async def process_request(self, request: Request, spider: Any = None) -> None:
        wait = request.meta.get("khoi_not_before", 0) - time.monotonic()
        if wait > 0:
            await asyncio.sleep(wait)
        return None


class RedirectAliasMiddleware:
    """Remember redirect sources as other URLs of their target; skip redirects to pages we have.

    Sits before RedirectMiddleware: a 3xx whose target is an article already fetched records
    the source URL as an alias (document_urls + pages) and stops there, saving a download.
    """

    def __init__(self, crawler: Any) -> None:
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Any) -> RedirectAliasMiddleware:
        return cls(crawler)

    def process_response(self, request: Request, response: Response, spider: Any = None) -> Response:
        spider = self.crawler.spider
        location = response.headers.get("Location")
        state = getattr(spider, "crawl_state", None)
        if response.status not in (301, 302, 303, 307, 308) or not location or state is None:
            return response
        site = request.meta.get("site")
        source = request.meta.get("canonical") or canonical_url(request.url)
        target = canonical_url(urljoin(request.url, location.decode("latin-1")))
        if target == source or site is None:
            return response
        known = state.get(target)
        if known is not None and known.is_leaf and not known.pending:
            state.record(source, site, status=response.status, content_hash=known.content_hash,
                         document_id=known.document_id)
            if known.document_id is not None:
                add_document_url(state.db, known.document_id, source)
                state.db.conn.commit()
            self.crawler.stats.inc_value(f"khoi/{site}/redirect_to_known")
            raise IgnoreRequest("redirect to a page already stored")
        spider.redirect_aliases.setdefault(target, set()).add(source)
        return response
