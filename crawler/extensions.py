"""Crawl progress on stderr and the end report file read by crawler.run."""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path
from typing import Any

from scrapy import signals
from scrapy.exceptions import NotConfigured
from twisted.internet import task

COUNTERS = ("pages", "articles", "relevant", "errors")


def site_counts(stats: dict[str, Any], site: str) -> dict[str, int]:
    """Return the per-site counters (pages, articles, relevant, errors, stored/...) from crawl stats."""
    prefix = f"khoi/{site}/"
    out = {name: int(stats.get(prefix + name, 0)) for name in COUNTERS}
    for key, value in stats.items():
        if key.startswith(prefix) and key[len(prefix):] not in out and isinstance(value, int):
            out[key[len(prefix):]] = value
    return out


class ProgressReport:
    """Print a live progress line (KHOI_PROGRESS) and write the end report (KHOI_REPORT_FILE)."""

    def __init__(self, crawler: Any) -> None:
        self.crawler = crawler
        self.progress = crawler.settings.getbool("KHOI_PROGRESS")
        self.report_file = crawler.settings.get("KHOI_REPORT_FILE")
        if not self.progress and not self.report_file:
            raise NotConfigured
        self.started = time.monotonic()
        self.loop: task.LoopingCall | None = None
        crawler.signals.connect(self.opened, signal=signals.spider_opened)
        crawler.signals.connect(self.closed, signal=signals.spider_closed)

    @classmethod
    def from_crawler(cls, crawler: Any) -> ProgressReport:
        return cls(crawler)

    def opened(self, spider: Any) -> None:
        if self.progress:
            self.loop = task.LoopingCall(self.print_line, spider)
            self.loop.start(1.0, now=False)

    def print_line(self, spider: Any, end: str = "\r") -> None:
        stats = self.crawler.stats.get_stats()
        parts = []
        for site in spider.sites:
            c = site_counts(stats, site)
            parts.append(f"{site}: {c['pages']} pages {c['articles']} articles {c['relevant']} relevant "
                         f"{c['errors']} errors")
        line = " | ".join(parts)
        if len(line) > 200:
            totals = {k: sum(site_counts(stats, s)[k] for s in spider.sites) for k in COUNTERS}
            line = f"{len(spider.sites)} sites: " + " ".join(f"{v} {k}" for k, v in totals.items())
        sys.stderr.write(f"\x1b[2K{line} ({time.monotonic() - self.started:.0f}s){end}")
        sys.stderr.flush()

    def closed(self, spider: Any, reason: str) -> None:
        if self.loop is not None and self.loop.running:
            self.loop.stop()
            self.print_line(spider, end="\n")
        if self.report_file:
            stats = self.crawler.stats.get_stats()
            report = {
                "reason": reason,
                "seconds": round(time.monotonic() - self.started, 2),
                "sites": {site: site_counts(stats, site) for site in spider.sites},
                "requests": int(stats.get("downloader/request_count", 0)),
                "robots_forbidden": int(stats.get("robotstxt/forbidden", 0)),
            }
            Path(self.report_file).write_text(json.dumps(report, indent=1), encoding="utf-8")
