"""The generic focused spider: from a base URL to every bloc-meeting article of a portal.

It reads robots.txt sitemaps, probes /sitemap.xml, follows RSS/Atom feeds, listings and
their pagination, ranks links by how likely they lead to Khối/Cụm thi đua articles, stays
on the site, and keeps a page budget, a hop limit and a "barren pages" limit that ends
calendar and faceted-search walks. Every discovered URL is written to the ``pages`` table
before it is requested, so a killed crawl resumes from there.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any
from urllib.parse import parse_qsl, urljoin, urlsplit

import scrapy
from parsel import Selector
from scrapy.exceptions import IgnoreRequest
from scrapy.http import Request, Response
from twisted.python.failure import Failure

from crawler.errors import SiteConfigError
from crawler.items import RawPageItem
from crawler.sites import SiteConfig, get_site, load_sites, site_for_url
from crawler.urls import (
    PAGE_KEYS,
    PAGE_PATH,
    canonical_url,
    facet_step,
    is_download,
    is_pagination,
    is_same_site,
    link_score,
    trap_reason,
)
from store.crawl_state import CrawlState
from store.db import now_iso

MAX_PAGINATION = 400  # listing pages followed in one chain; the largest sample archive has ~150
MAX_BARREN = 3  # hub pages in a row that bring no new URL: a calendar or facet walk, stop
LONG_ANCHOR = 25  # anchors this long are article titles on the sample portals
MAX_ANCHORS = 300
# Filters stacked on one listing (?tag=a -> &linhvuc=b -> &capdo=c ...): one is followed, a second is
# a combinatorial tag cloud (the held-out "portal" mock fetched 288 filter pages before this rule).
MAX_FACETS = 1
MAX_CONTINUATIONS = 4
_PARTS_ELSEWHERE = "#parts-fetched-with-another-copy"  # "Trang 1 2 3" of a split article; a pager with more pages is a listing's
# Script links: onclick="location.href='...'", window.open('...'), and data-href/data-url attributes.
_SCRIPT_LINK = re.compile(
    r"""(?:location(?:\.href)?\s*=|location\.(?:assign|replace)\s*\(|window\.open\s*\()\s*['"]([^'"]+)['"]""")
_DATA_LINK_ATTRS = ("data-href", "data-url", "data-link")
_FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/xml", "text/xml")
# JS-rendered portals: the listing's items are JSON in the page (Next.js __NEXT_DATA__, Nuxt, a
# window.__INITIAL_STATE__ = {...} assignment) or behind a JSON endpoint ("Xem thêm" buttons, /api/...).
_STATE_SCRIPT = re.compile(r"^\s*(?:window\.)?(?:__[A-Z_]+__|[A-Za-z_$][\w$]*(?:State|STATE|Data|DATA))\s*=\s*", re.S)
_JSON_HINT = re.compile(rb"^\s*(?:\xef\xbb\xbf)?\s*[{\[]")
_URL_KEYS = re.compile(r"(?:^|_)(?:url|href|link|path|permalink|next|nexturl|next_url|nextpage|canonical|api|apiurl)$",
                       re.IGNORECASE)
_TITLE_KEYS = ("title", "name", "headline", "tieude", "label")
_HTML_KEYS = re.compile(r"^(?:html|content|data|items?html|view|fragment|markup)$", re.IGNORECASE)
MAX_JSON_LINKS = 500
_XML_HINT = re.compile(rb"^\s*(?:\xef\xbb\xbf)?\s*<\?xml|^\s*<(?:rss|feed|urlset|sitemapindex)\b", re.IGNORECASE)


class PortalSpider(scrapy.Spider):
    """Crawl one registry site (``-a site=NAME``), all of them, or a bare URL (``-a url=URL``)."""

    name = "portal"

    def __init__(self, site: str | None = None, url: str | None = None, max_pages: str | int | None = None,
                 sites_dir: str | None = None, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        if site and url:
            raise SiteConfigError("give either site or url, not both")
        if url:
            self.sites = {s.name: s for s in [site_for_url(url)]}
        elif site:
            self.sites = {n: get_site(n, sites_dir) for n in site.split(",")}
        else:
            self.sites = load_sites(sites_dir)
            if not self.sites:
                raise SiteConfigError("the site registry is empty; add data/sites/*.toml or pass url")
        self.max_pages_override = int(max_pages) if max_pages else None
        self.fetched: dict[str, int] = dict.fromkeys(self.sites, 0)
        self.crawl_state: CrawlState | None = None
        self.redirect_aliases: dict[str, set[str]] = {}  # target canonical URL -> redirect sources
        self.continued: set[str] = set()  # canonical URLs fetched as parts of another page

    # -- setup ---------------------------------------------------------------------------

    @classmethod
    def from_crawler(cls, crawler: Any, *args: Any, **kwargs: Any) -> PortalSpider:
        spider = super().from_crawler(crawler, *args, **kwargs)
        spider.crawl_state = CrawlState(crawler.settings.get("KHOI_DB"))
        spider.distributed = bool(crawler.settings.get("REDIS_URL")) and "scrapy_redis" in str(
            crawler.settings.get("SCHEDULER")
        )
        return spider

    def budget(self, site: str) -> int:
        """Return how many pages ``site`` may fetch in this crawl."""
        cfg = self.sites[site]
        return min(cfg.max_pages, self.max_pages_override) if self.max_pages_override else cfg.max_pages

    def closed(self, reason: str) -> None:
        if self.crawl_state is not None:
            self.crawl_state.close()

    async def start(self) -> Any:  # Scrapy >= 2.13
        for request in self.start_requests():
            yield request

    def start_requests(self) -> Iterator[Request]:
        assert self.crawl_state is not None
        for cfg in self.sites.values():
            root = f"{urlsplit(cfg.base_url).scheme}://{urlsplit(cfg.base_url).netloc}"
            yield self._request(cfg.name, f"{root}/robots.txt", kind="robots", priority=900,
                                meta={"dont_obey_robotstxt": True})
            pending = self.crawl_state.pending(cfg.name)  # read before the seeds below are added
            seeds = [*cfg.seeds(), f"{root}/sitemap.xml"]
            requests = []
            for i, url in enumerate(seeds):
                kind = "sitemap" if url in cfg.sitemaps or url.endswith("/sitemap.xml") else "hub"
                req = self._follow(cfg, url, hops=0, priority=800 - i, kind=kind, force=True)
                if req is not None:
                    requests.append(req)
            self.crawl_state.add_pending(cfg.name, [(r.meta["canonical"], r.url) for r in requests if r.meta["_new"]])
            yield from requests
            seeded = {r.meta["canonical"] for r in requests}
            for url in pending:
                if canonical_url(url) in seeded:
                    continue
                # With a JOBDIR, a hard kill leaves URLs in its seen-set that never reached the
                # queue file; re-seeding them must bypass that filter or they would be lost.
                req = self._follow(cfg, url, hops=0, priority=100, kind="page", force=True,
                                   dont_filter=bool(self.settings.get("JOBDIR")) and not self.distributed)
                if req is not None:
                    yield req

    # -- requests ------------------------------------------------------------------------

    def _request(self, site: str, url: str, *, kind: str, priority: int = 0, meta: dict[str, Any] | None = None,
                 dont_filter: bool = False) -> Request:
        return Request(url, callback=self.parse, errback=self.on_error, priority=priority, dont_filter=dont_filter,
                       meta={"site": site, "kind": kind, "hops": 0, "pages_deep": 0, "barren": 0, **(meta or {})})

    def _follow(self, cfg: SiteConfig, url: str, *, hops: int, priority: int, kind: str = "page",
                pages_deep: int = 0, barren: int = 0, lastmod: str | None = None, force: bool = False,
                dont_filter: bool = False) -> Request | None:
        """Return a request for ``url`` unless it is off-site, a trap, out of budget or known unchanged."""
        assert self.crawl_state is not None
        canon = canonical_url(url)
        if not is_same_site(canon, cfg.hosts) or not cfg.allows(canon) or trap_reason(canon):
            return None
        if canon in self.continued:
            return None  # stored as part of the page it completes
        if hops > cfg.max_depth or pages_deep > MAX_PAGINATION or barren > MAX_BARREN:
            return None
        known = self.crawl_state.get(canon)
        headers: dict[str, str] = {}
        if known is not None and not known.pending and not known.failed:
            if known.status in (404, 410) and not force:
                return None
            changed = bool(lastmod and _newer(lastmod, known.sitemap_lastmod or known.fetched_at))
            if known.is_leaf and not changed and not force:
                return None  # an article we have: the seen-URL table says skip
            # Sitemaps are always read in full: an unchanged index still leads to changed children.
            if known.etag and kind != "sitemap":
                headers["If-None-Match"] = known.etag
            if known.last_modified and kind != "sitemap":
                headers["If-Modified-Since"] = known.last_modified
        meta = {"_new": known is None, "site": cfg.name, "kind": kind, "hops": hops, "pages_deep": pages_deep, "barren": barren,
                "canonical": canon, "sitemap_lastmod": lastmod, "handle_httpstatus_list": [304]}
        return Request(url, callback=self.parse, errback=self.on_error, headers=headers, meta=meta,
                       priority=priority, dont_filter=dont_filter)

    # -- responses -----------------------------------------------------------------------

    def parse(self, response: Response, **kwargs: Any) -> Iterator[Any]:
        meta = response.meta
        cfg = self.sites[meta["site"]]
        if meta.get("kind") == "robots":
            yield from self._parse_robots(cfg, response)
            return
        canon = meta.get("canonical") or canonical_url(response.url)
        item = RawPageItem(
            url=canon, site=cfg.name, status=response.status, fetched_at=now_iso(),
            etag=_header(response, "ETag"), last_modified=_header(response, "Last-Modified"),
            content_type=_header(response, "Content-Type"), sitemap_lastmod=meta.get("sitemap_lastmod"),
        )
        if response.status == 304:
            yield item
            return
        body = response.body
        if body[:2] == b"\x1f\x8b":  # a gzipped sitemap (sitemap.xml.gz) served as a file, not Content-Encoding
            body = _gunzip(body)
            if body is None:
                return
            response = response.replace(body=body, cls=scrapy.http.XmlResponse)
        item.body = body
        item.encoding = _charset(item.content_type)
        final = canonical_url(response.url)
        item.aliases = [a for a in {canonical_url(u) for u in meta.get("redirect_urls", [])} | {final} if a != canon]
        if final != canon and is_same_site(final, cfg.hosts):
            item.url, item.aliases = final, [a for a in {*item.aliases, canon} if a != final]
        ctype = (item.content_type or "").lower()
        continuations: dict[str, str] = {}
        if _XML_HINT.match(body[:200]) or any(t in ctype for t in _FEED_TYPES):
            item.listing = True
            requests = list(self._parse_xml(cfg, response))
        elif "json" in ctype or ("html" not in ctype and _JSON_HINT.match(body[:50])):
            item.listing = True  # an API listing or a "Xem thêm" fragment endpoint: links only
            requests = self._parse_json(cfg, response)
        elif "html" in ctype or not ctype:
            requests, item.anchors, canonical_link, continuations = self._parse_html(cfg, response)
            if canonical_link and canonical_link != item.url and is_same_site(canonical_link, cfg.hosts) \
                    and not trap_reason(canonical_link):
                item.aliases = [a for a in {*item.aliases, item.url} if a != canonical_link]
                item.url = canonical_link
        else:
            return
        # Frontier first, then the page: a crash between them re-fetches the page, never loses links.
        new = [r for r in requests if r.meta.get("_new")]
        self.crawl_state.add_pending(cfg.name, [(r.meta["canonical"], r.url) for r in new])
        yield from requests
        # A copy of a page whose parts were fetched with another copy: its own text is incomplete.
        item.partial = bool(continuations.pop(_PARTS_ELSEWHERE, None) is not None)
        if continuations:  # the page is stored once its other parts have been fetched
            yield self._continuation_request(item, list(continuations.items()), meta)
            return
        yield item

    def _continuation_request(self, item: RawPageItem, rest: list[tuple[str, str]], meta: dict[str, Any]) -> Request:
        """Return the request for the next part of a page held back in ``item``."""
        canon, url = rest[0]
        self.continued.add(canon)
        keep = {k: meta.get(k) for k in ("site", "hops", "pages_deep", "barren")}
        return Request(url, callback=self.parse_continuation, errback=self.on_continuation_error, dont_filter=True,
                       priority=500, meta={**keep, "kind": "continuation", "canonical": canon, "held": item,
                                           "rest": rest[1:]})

    def parse_continuation(self, response: Response, **kwargs: Any) -> Iterator[Any]:
        """Add one fetched part to the held page; follow its links; store the page after its last part."""
        meta = response.meta
        cfg = self.sites[meta["site"]]
        item: RawPageItem = meta["held"]
        ctype = (_header(response, "Content-Type") or "").lower()
        if response.status == 200 and ("html" in ctype or not ctype):
            item.continuation_bodies.append((response.body, _charset(ctype)))
            item.aliases = sorted({*item.aliases, meta["canonical"]} - {item.url})
            requests, _, _, _ = self._parse_html(cfg, response)
            assert self.crawl_state is not None
            self.crawl_state.add_pending(cfg.name, [(r.meta["canonical"], r.url) for r in requests if r.meta.get("_new")])
            yield from requests
        if meta["rest"]:
            yield self._continuation_request(item, meta["rest"], meta)
        else:
            yield item

    def on_continuation_error(self, failure: Failure) -> Iterator[Any]:
        """A part that cannot be fetched: store the page with the parts it has."""
        meta = failure.request.meta
        if meta["rest"]:
            yield self._continuation_request(meta["held"], meta["rest"], meta)
        else:
            yield meta["held"]

    def _parse_robots(self, cfg: SiteConfig, response: Response) -> Iterator[Request]:
        if response.status != 200:
            return
        for line in response.text.splitlines():
            key, _, value = line.partition(":")
            if key.strip().lower() == "sitemap" and value.strip():
                req = self._follow(cfg, urljoin(response.url, value.strip()), hops=0, priority=850,
                                   kind="sitemap", force=True)
                if req is not None:
                    yield req

    def _parse_xml(self, cfg: SiteConfig, response: Response) -> Iterator[Request]:
        sel = Selector(text=response.text, type="xml")
        sel.remove_namespaces()
        hops = response.meta.get("hops", 0)
        for loc in sel.xpath("//sitemap"):  # a sitemap index
            url = loc.xpath("loc/text()").get("").strip()
            req = self._follow(cfg, url, hops=hops, priority=700, kind="sitemap",
                               lastmod=loc.xpath("lastmod/text()").get(), force=True)
            if req is not None:
                yield req
        entries = [(urljoin(response.url, u.xpath("loc/text()").get("").strip()), u.xpath("lastmod/text()").get(), "")
                   for u in sel.xpath("//url")]
        fragments: list[tuple[str, str]] = []  # (HTML of an item's content, the URL its links are relative to)
        for i in sel.xpath("//item"):
            link = i.xpath("link/text()").get("").strip()
            url = urljoin(response.url, link) if link else ""
            entries.append((url, i.xpath("pubDate/text()").get(), i.xpath("title/text()").get("")))
            fragments += [(h, url or response.url) for h in i.xpath("encoded/text() | description/text()").getall()]
        for e in sel.xpath("//entry"):
            base = _xml_base(e, response.url)  # Atom: relative links are read against xml:base
            href = e.xpath("link[not(@rel) or @rel='alternate']/@href").get("").strip()
            url = urljoin(base, href) if href else ""
            entries.append((url, e.xpath("updated/text()").get(), e.xpath("title/text()").get("")))
            fragments += [(h, url or base) for h in e.xpath("content/text() | summary/text()").getall()]
        for url, lastmod, title in entries:
            if not url:
                continue
            score = link_score(url, title or "")
            req = self._follow(cfg, url, hops=hops + 1, priority=300 + score * 10, lastmod=_iso_lastmod(lastmod))
            if req is not None:
                yield req
        # Links inside an item's HTML (content:encoded, Atom content): often the only way to older articles.
        for fragment, base in fragments:
            if "<a" not in fragment:
                continue
            for href, anchor in _page_links(Selector(text=fragment)):
                url = urljoin(base, href)
                score = link_score(url, anchor)
                req = self._follow(cfg, url, hops=hops + 1, priority=200 + score * 10 - hops * 20)
                if req is not None:
                    yield req
        # A paged feed (RFC 5005 rel="next", also atom:link inside RSS): the next page of the listing.
        pages_deep = response.meta.get("pages_deep", 0)
        for link in sel.xpath("/*/link[@rel='next'] | /*/channel/link[@rel='next']"):
            href = link.xpath("@href").get("").strip()
            if href:
                req = self._follow(cfg, urljoin(_xml_base(link, response.url), href), hops=hops, pages_deep=pages_deep + 1,
                                   priority=400 - min(pages_deep, 300), kind="hub")
                if req is not None:
                    yield req

    def _parse_json(self, cfg: SiteConfig, response: Response) -> list[Request]:
        """Return requests for the links of a JSON listing: URL fields and links in HTML fragments."""
        try:
            data = json.loads(response.body.decode(_charset(_header(response, "Content-Type")) or "utf-8", "replace"))
        except ValueError:
            return []
        hops, pages_deep = response.meta.get("hops", 0), response.meta.get("pages_deep", 0)
        out: list[Request] = []
        seen: set[str] = set()
        for href, anchor in _json_links(data):
            url = urljoin(response.url, href)
            canon = canonical_url(url)
            if canon in seen:
                continue
            seen.add(canon)
            score = link_score(url, anchor)
            if is_pagination(url, anchor):  # the next page of the API listing
                req = self._follow(cfg, url, hops=hops, pages_deep=pages_deep + 1,
                                   priority=400 + score * 10 - min(pages_deep, 300), kind="hub")
            else:
                req = self._follow(cfg, url, hops=hops + 1,
                                   priority=200 + score * 10 - hops * 20 + (50 if len(anchor) >= LONG_ANCHOR else 0))
            if req is not None:
                out.append(req)
        return out

    def _parse_html(self, cfg: SiteConfig, response: Response) -> tuple[list[Request], list[str], str | None,
                                                                      dict[str, str]]:
        sel = response.selector
        meta = response.meta
        hops, pages_deep, barren = meta.get("hops", 0), meta.get("pages_deep", 0), meta.get("barren", 0)
        # <base href> may itself be relative ("/portal/vi/"): it is resolved against the page URL.
        base = urljoin(response.url, (sel.xpath("//base/@href").get() or "").strip())
        canonical_link = sel.xpath("//link[@rel='canonical']/@href").get()
        canonical_link = canonical_url(urljoin(response.url, canonical_link)) if canonical_link else None
        links: dict[str, tuple[str, str]] = {}
        for href, anchor in _page_links(sel):
            url = urljoin(base, href)
            canon = canonical_url(url)
            if canon not in links or len(anchor) > len(links[canon][1]):
                links[canon] = (url, anchor)
        continuations = self._continuations(cfg, sel, response.url, base, canonical_link, links)
        for canon in continuations:
            links.pop(canon, None)
        for canon in {c for c, (u, _) in links.items() if c in self.continued}:
            links.pop(canon, None)
        # Items a JS-rendered page keeps in JSON (and the API it will fetch), same-site URLs only.
        embedded = [*sel.xpath("//link[@rel='preload' and @as='fetch']/@href").getall()]
        for href, anchor in [*((h, "") for h in embedded), *_embedded_json_links(sel)]:
            url = urljoin(base, href)
            canon = canonical_url(url)
            if canon not in links or len(anchor) > len(links[canon][1]):
                links[canon] = (url, anchor)
        for href in sel.xpath("//link[@rel='alternate' and (contains(@type,'rss') or contains(@type,'atom'))]/@href"):
            url = urljoin(base, href.get())
            links.setdefault(canonical_url(url), (url, "rss"))
        anchors = sorted({anchor for _, anchor in links.values() if len(anchor) >= LONG_ANCHOR})[:MAX_ANCHORS]
        if canonical_link and urlsplit(canonical_link).path in ("", "/"):
            canonical_link = None  # some portals point every page's rel=canonical at the home page
        assert self.crawl_state is not None
        new_count = 0
        candidates: list[Request] = []
        here = meta.get("canonical") or canonical_url(response.url)
        for url, anchor in links.values():
            if is_download(url, anchor):
                continue  # "Tải về" attachments (PDF, DOC) answer files, never articles
            paged = is_pagination(url, anchor)
            score = link_score(url, anchor)
            facets = meta.get("facets", 0)
            if paged:
                priority = 400 + score * 10 - min(pages_deep, 300)
                req = self._follow(cfg, url, hops=hops, pages_deep=pages_deep + 1, priority=priority, kind="hub")
            else:
                step = facet_step(here, canonical_url(url))
                facets = 0 if step is None else facets + step
                if facets > MAX_FACETS:
                    continue  # a filter added to a filtered listing: the combinations never end
                priority = 200 + score * 10 - hops * 20 + (50 if len(anchor) >= LONG_ANCHOR else 0)
                req = self._follow(cfg, url, hops=hops + 1, priority=priority)
            if req is not None:
                req.meta["facets"] = facets
                candidates.append(req)
                if req.meta["_new"] and not paged and len(anchor) >= LONG_ANCHOR:
                    new_count += 1  # calendar and facet pages bring short links only, or none new
        next_barren = 0 if new_count else barren + 1
        for req in candidates:
            req.meta["barren"] = next_barren
        if next_barren > MAX_BARREN:
            candidates = []
        return candidates, anchors, canonical_link, continuations

    def _continuations(self, cfg: SiteConfig, sel: Selector, url: str, base: str, canonical_link: str | None,
                       links: dict[str, tuple[str, str]]) -> dict[str, str]:
        """Return {canonical: URL} of the pages that complete this one, not yet fetched.

        "Trang 1 2" pagers of a split article (the same page with a page number added) and
        same-site <iframe>/<frame> documents; their text is appended to this page's.
        """
        out: dict[str, str] = {}
        own = {canonical_url(url), *([canonical_link] if canonical_link else [])}
        if not any(_page_number(u) for u in own):
            pages = {canon: u for canon, (u, anchor) in links.items()
                     if anchor.strip().isdigit() and any(_adds_page_number(o, canon) for o in own)}
            if 0 < len(pages) <= MAX_CONTINUATIONS:
                out.update(sorted(pages.items(), key=lambda kv: _page_number(kv[0]) or 0))
        for src in sel.xpath("//iframe/@src | //frame/@src").getall()[:2]:
            src = urljoin(base, src.strip())
            canon = canonical_url(src)
            if is_same_site(canon, cfg.hosts) and not trap_reason(canon) and canon not in own:
                out.setdefault(canon, src)
        assert self.crawl_state is not None
        fresh = {c: u for c, u in out.items() if c not in self.continued and self.crawl_state.get(c) is None}
        if out and not fresh:
            fresh[_PARTS_ELSEWHERE] = ""
        return fresh

    def on_error(self, failure: Failure) -> None:
        """Record a failed request (URL and reason) and go on."""
        request = failure.request
        site = request.meta.get("site", "?")
        kind = request.meta.get("kind")
        response = getattr(failure.value, "response", None)
        status = getattr(response, "status", None)
        message = failure.getErrorMessage()
        reason = f"HTTP {status}" if status else f"{failure.type.__name__}: {message}"
        if failure.check(IgnoreRequest) and ("budget" in message or "already stored" in message):
            return  # stays pending in the pages table for the next crawl
        canon = request.meta.get("canonical") or canonical_url(request.url)
        if failure.check(IgnoreRequest) and "off-site" in message:
            if self.crawl_state is not None:  # a same-site URL that redirects to another site
                self.crawl_state.record(canon, site, error="redirects off-site")
            return
        if failure.check(IgnoreRequest) and "robots" in message.lower():
            self.crawler.stats.inc_value(f"khoi/{site}/robots_disallowed")
            if self.crawl_state is not None:
                self.crawl_state.record(canon, site, error="robots.txt disallows")
            return
        quiet = (kind == "sitemap" and status == 404) or kind == "robots"
        if not quiet:
            self.logger.warning("failed %s: %s", request.url, reason)
            self.crawler.stats.inc_value(f"khoi/{site}/errors")
        self.crawler.stats.inc_value(f"khoi/{site}/failed/{reason.split(':')[0]}")
        if self.crawl_state is not None and kind != "robots":
            self.crawl_state.record(canon, site, status=status, error=reason[:500])


def _page_links(sel: Selector) -> Iterator[tuple[str, str]]:
    """Yield (href, anchor text) of the page's links: <a href>, onclick navigations and data-href items."""
    for a in sel.xpath("//a[@href]"):
        href = a.xpath("@href").get("").strip()
        if href and not href.startswith(("#", "javascript:", "mailto:", "tel:")):
            yield href, _anchor_text(a)
    for el in sel.xpath("//*[@onclick or @data-href or @data-url or @data-link]"):
        hrefs = [el.xpath(f"@{name}").get("").strip() for name in _DATA_LINK_ATTRS]
        hrefs += _SCRIPT_LINK.findall(el.xpath("@onclick").get(""))
        for href in hrefs:
            if href and not href.startswith(("#", "javascript:", "mailto:", "tel:")):
                yield href, _anchor_text(el)


def _anchor_text(el: Selector) -> str:
    return " ".join(el.xpath("normalize-space(string(.))").get("").split()) or el.xpath("@title").get("")


def _embedded_json_links(sel: Selector) -> Iterator[tuple[str, str]]:
    """Yield (href, title) of the URLs in a page's JSON state (__NEXT_DATA__, application/json, window.X = {...})."""
    for script in sel.xpath("//script[not(@src)]"):
        kind = (script.xpath("@type").get() or "").lower()
        text = script.xpath("string(.)").get("").strip()
        if not text or len(text) > 5_000_000:
            continue
        if "json" in kind and "ld+json" not in kind:
            raw = text
        else:
            m = _STATE_SCRIPT.match(text)
            if m is None or "{" not in text:
                continue
            raw = text[m.end():].rstrip().rstrip(";")
        try:
            data = json.loads(raw)
        except ValueError:
            continue
        yield from _json_links(data)


def _json_links(data: Any) -> Iterator[tuple[str, str]]:
    """Yield (href, title) of the links a JSON document holds: URL-named fields and <a> in HTML fields."""
    count = 0
    stack: list[Any] = [data]
    while stack and count < MAX_JSON_LINKS:
        node = stack.pop()
        if isinstance(node, list):
            stack.extend(reversed(node))
            continue
        if not isinstance(node, dict):
            continue
        title = next((v for k in _TITLE_KEYS if isinstance(v := node.get(k), str)), "")
        for key, value in node.items():
            if isinstance(value, dict | list):
                stack.append(value)
            elif isinstance(value, str) and "<" in value and (_HTML_KEYS.match(key) or "<a " in value):
                for href, anchor in _page_links(Selector(text=f"<html><body>{value}</body></html>")):
                    count += 1
                    yield href, anchor
            elif isinstance(value, str) and _URL_KEYS.search(key) and _looks_like_url(value):
                count += 1
                yield value, title


def _looks_like_url(value: str) -> bool:
    value = value.strip()
    return (value.startswith(("/", "http://", "https://")) and not value.startswith("//") and len(value) < 400
            and not any(c.isspace() for c in value))


def _xml_base(el: Selector, url: str) -> str:
    """Return the base URL of an XML element: its and its ancestors' xml:base read against ``url``."""
    base = url
    for value in el.xpath("ancestor-or-self::*/@base").getall():
        base = urljoin(base, value.strip())
    return base


def _page_number(url: str) -> int | None:
    """Return the page number a URL carries (query page key or /trang-2 path), else None."""
    parts = urlsplit(url)
    for key, value in parse_qsl(parts.query):
        if PAGE_KEYS.match(key) and value.isdigit():
            return int(value)
    m = PAGE_PATH.search(parts.path)
    return int(re.sub(r"\D", "", m.group(0)) or 0) if m else None


def _adds_page_number(page: str, link: str) -> bool:
    """Return whether canonical ``link`` is canonical ``page`` with a page number >= 2 added to its query."""
    a, b = urlsplit(page), urlsplit(link)
    if (a.netloc, a.path) != (b.netloc, b.path):
        return False
    extra = set(parse_qsl(b.query)) - set(parse_qsl(a.query))
    if set(parse_qsl(a.query)) - set(parse_qsl(b.query)) or len(extra) != 1:
        return False
    key, value = extra.pop()
    return bool(PAGE_KEYS.match(key)) and value.isdigit() and int(value) >= 2


def _gunzip(data: bytes, limit: int = 50_000_000) -> bytes | None:
    """Return gunzipped ``data`` (at most ``limit`` bytes), or None when it is not valid gzip."""
    import zlib

    try:
        d = zlib.decompressobj(16 + zlib.MAX_WBITS)
        out = d.decompress(data, limit)
    except zlib.error:
        return None
    return out


def _header(response: Response, name: str) -> str | None:
    value = response.headers.get(name)
    return value.decode("latin-1") if value else None


def _charset(content_type: str | None) -> str | None:
    m = re.search(r"charset=([\w.:-]+)", content_type or "", re.IGNORECASE)
    return m.group(1) if m else None


def _newer(lastmod: str, than: str | None) -> bool:
    """Return whether ISO time ``lastmod`` is after ``than`` (dates without zone read as UTC)."""
    if not than:
        return True
    try:
        a, b = datetime.fromisoformat(lastmod), datetime.fromisoformat(than)
    except ValueError:
        return lastmod > than
    a = a if a.tzinfo else a.replace(tzinfo=UTC)
    b = b if b.tzinfo else b.replace(tzinfo=UTC)
    return a > b


def _iso_lastmod(value: str | None) -> str | None:
    """Return a sortable form of a sitemap/feed date (ISO kept, RFC 822 converted)."""
    if not value:
        return None
    value = value.strip()
    if value[:4].isdigit():
        return value
    from email.utils import parsedate_to_datetime

    try:
        return parsedate_to_datetime(value).isoformat()
    except (TypeError, ValueError):
        return None
