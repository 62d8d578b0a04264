"""Item pipelines: validate a fetched page, then clean, judge and store it.

ValidatePipeline drops what cannot be stored (with the reason). StorePipeline turns bytes
into a Document (nlp.clean), asks nlp whether it is a bloc-meeting article, merges
near-duplicates across sites, saves relevant articles with their raw bytes, and records
every page (relevant or not) in the ``pages`` table.
"""

from __future__ import annotations

import logging
from typing import Any

from scrapy.exceptions import DropItem

from crawler.items import RawPageItem
from crawler.neardup import NearDuplicateIndex, fingerprint
from crawler.relevance import judge
from nlp import clean as nlp_clean
from store.db import (
    StoreError,
    add_document_url,
    content_hash,
    document_id_for_url,
    iter_document_texts,
    save_document,
    write_transaction,
)

logger = logging.getLogger(__name__)
MIN_ARTICLE_CHARS = 400  # listing pages on the mock and sample portals clean to less
MIN_PARAGRAPH_CHARS = 120  # an article has one real paragraph; the shortest mock news paragraph is ~190
MIN_PART_CHARS = 150  # the last page of a split article can be two short paragraphs; widgets are shorter
MAX_BODY_BYTES = 8_000_000
MIN_TITLE_LINES = 3  # main-text lines that are link titles; article pages had 0 on the mock portals


def _title_lines(lines: list[str], anchors: list[str]) -> int:
    """Return how many text lines start with the text of a long link on the page."""
    if not anchors:
        return 0
    heads = {a[:LINE_HEAD] for a in anchors}
    return sum(1 for line in lines if line[:LINE_HEAD] in heads)


LINE_HEAD = 25


class ValidatePipeline:
    """Drop items that cannot be pages of an article (with the reason)."""

    def process_item(self, item: RawPageItem, spider: Any = None) -> RawPageItem:
        if not isinstance(item, RawPageItem):
            raise DropItem(f"unexpected item type {type(item).__name__}")
        if item.status != 304 and len(item.body) > MAX_BODY_BYTES:
            raise DropItem(f"page larger than {MAX_BODY_BYTES} bytes: {item.url}")
        return item


class StorePipeline:
    """Clean, judge, dedupe and store pages (DB path from the KHOI_DB setting)."""

    def __init__(self, crawler: Any) -> None:
        self.crawler = crawler
        self.stats = crawler.stats
        self.clean = nlp_clean
        self._near: NearDuplicateIndex | None = None

    @classmethod
    def from_crawler(cls, crawler: Any) -> StorePipeline:
        return cls(crawler)

    def process_item(self, item: RawPageItem, spider: Any = None) -> RawPageItem:
        spider = spider or self.crawler.spider
        state = spider.crawl_state
        site = item.site
        self.stats.inc_value(f"khoi/{site}/pages")
        validators = {"status": item.status, "etag": item.etag, "last_modified": item.last_modified}
        if item.sitemap_lastmod:
            validators["sitemap_lastmod"] = item.sitemap_lastmod
        if item.status == 304:
            self.stats.inc_value(f"khoi/{site}/not_modified")
            state.record(item.url, site, **{k: v for k, v in validators.items() if v is not None})
            return item
        aliases = set(item.aliases) | spider.redirect_aliases.pop(item.url, set())
        item.aliases = sorted(aliases - {item.url})
        cfg = spider.sites[site]
        try:
            doc = self.clean.clean_html(item.body, item.url, item.encoding, cfg.selectors or None)
        except Exception as exc:  # a parser bug must not stop the crawl
            logger.warning("failed %s: cannot clean page: %s", item.url, exc)
            self.stats.inc_value(f"khoi/{site}/errors")
            state.record(item.url, site, **validators, error=f"clean: {exc}"[:500])
            return item
        if item.continuation_bodies:
            doc.text = self._with_continuations(doc.text, item, cfg)
        lines = doc.text.splitlines()
        longest = max((len(x) for x in lines), default=0)
        is_article = len(doc.text) >= MIN_ARTICLE_CHARS and longest >= MIN_PARAGRAPH_CHARS
        if item.listing or _title_lines(lines, item.anchors) >= MIN_TITLE_LINES:
            is_article = False  # a listing: its main text is a column of linked titles
        if item.partial and (document_id := document_id_for_url(state.db, item.url)) is not None:
            # A copy of a page stored complete (with its page 2 or iframe) from another copy: keep that text.
            with write_transaction(state.db):
                for alias in item.aliases:
                    add_document_url(state.db, document_id, alias)
            self.stats.inc_value(f"khoi/{site}/stored/partial_copy")
            state.record(item.url, site, **validators, relevant=1, document_id=document_id)
            for alias in item.aliases:
                state.record(alias, site, status=item.status, relevant=1, document_id=document_id)
            return item
        if not is_article:
            state.record(item.url, site, **validators, content_hash=None)
            for alias in item.aliases:
                state.record(alias, site, status=item.status, content_hash=None, error=None)
            return item
        self.stats.inc_value(f"khoi/{site}/articles")
        verdict = judge(doc.text, doc.title, item.url)
        digest = content_hash(doc.text)
        document_id: int | None = None
        if verdict.relevant:
            self.stats.inc_value(f"khoi/{site}/relevant")
            try:
                document_id = self._store(item, doc, cfg.province)
            except StoreError as exc:  # counted and kept as an error row: a resumed crawl fetches it again
                logger.error("failed %s: cannot store article: %s", item.url, exc)
                self.stats.inc_value(f"khoi/{site}/errors")
                state.record(item.url, site, **validators, error=f"store: {exc}"[:500])
                return item
        state.record(item.url, site, **validators, content_hash=digest, relevant=int(verdict.relevant),
                     document_id=document_id)
        for alias in item.aliases:
            state.record(alias, site, status=item.status, content_hash=digest, relevant=int(verdict.relevant),
                         document_id=document_id)
        return item

    def _with_continuations(self, text: str, item: RawPageItem, cfg: Any) -> str:
        """Return ``text`` followed by the article text of the pages that complete it (page 2, iframe).

        A part adds only lines not already there (repeated title, lead), and only when it holds
        more than a widget's worth of text (a weather or counter iframe adds nothing).
        """
        lines = text.splitlines()
        if max((len(x) for x in lines), default=0) < MIN_PARAGRAPH_CHARS:
            lines = []  # the page only frames its body (<iframe>): what the extractor found there is chrome
        seen = set(lines)
        for body, charset in item.continuation_bodies:
            try:
                part = self.clean.clean_html(body, item.url, charset, cfg.selectors or None).text.splitlines()
            except Exception as exc:  # a parser bug must not lose the first part
                logger.warning("failed %s: cannot clean a continuation page: %s", item.url, exc)
                continue
            if sum(len(x) for x in part) < MIN_PART_CHARS:
                continue
            lines += [x for x in part if x not in seen]
            seen.update(part)
        return "\n".join(lines)

    def _store(self, item: RawPageItem, doc: Any, province: str | None) -> int:
        """Save a relevant article once; return its document id."""
        db = self.crawler.spider.crawl_state.db
        site = item.site
        doc.site, doc.province, doc.fetched_at = site, province, item.fetched_at
        fp = fingerprint(doc.text)
        near = self._near_index(db)
        with write_transaction(db):
            existing = document_id_for_url(db, item.url)
            twin = near.find(fp) if existing is None else None
            if twin is not None:
                add_document_url(db, twin, item.url)
                doc_id, status = twin, "near_duplicate"
            else:
                doc_id, status = save_document(db, doc)
            for alias in item.aliases:
                add_document_url(db, doc_id, alias)
        if twin is None:
            near.add(doc_id, fp)
        self.stats.inc_value(f"khoi/{site}/stored/{status}")
        return doc_id

    def _near_index(self, db: Any) -> NearDuplicateIndex:
        """Return the near-duplicate index, built from stored documents on first use."""
        if self._near is None:
            self._near = NearDuplicateIndex()
            for doc_id, text in iter_document_texts(db):
                self._near.add(doc_id, fingerprint(text))
        return self._near
