"""Scrapy settings of the khoi crawler: polite by default.

Politeness: robots.txt (Crawl-delay included), one request at a time per host, a delay,
AutoThrottle, an honest User-Agent with a contact URL, retries with backoff.
Distributed mode: set REDIS_URL (``khoi crawl --redis URL`` or ``-s REDIS_URL=...``) and
the scheduler and dupefilter move to Redis so N processes share one frontier.
"""

from __future__ import annotations

import os

from crawler.public_suffix import use_offline_public_suffixes

use_offline_public_suffixes()  # cookies: no download of the Public Suffix List mid-crawl

BOT_NAME = "khoi"
SPIDER_MODULES = ["crawler.spiders"]
NEWSPIDER_MODULE = "crawler.spiders"

USER_AGENT = "khoi-archive/0.1 (+https://github.com/khoi-archive/khoi; research archive of public news)"
ROBOTSTXT_OBEY = True

CONCURRENT_REQUESTS = 16  # across sites
CONCURRENT_REQUESTS_PER_DOMAIN = 1
DOWNLOAD_DELAY = 1.0
RANDOMIZE_DOWNLOAD_DELAY = True
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = 1.0
AUTOTHROTTLE_MAX_DELAY = 30.0
AUTOTHROTTLE_TARGET_CONCURRENCY = 1.0
DOWNLOAD_TIMEOUT = 30
DOWNLOAD_MAXSIZE = 16 * 1024 * 1024

RETRY_ENABLED = True
RETRY_TIMES = 3
RETRY_HTTP_CODES = [500, 502, 503, 504, 522, 524, 408, 429]
# Exponential backoff between retries (crawler.middlewares.BackoffRetryMiddleware): 2, 4, 8 s...
RETRY_BACKOFF_BASE = 2.0
RETRY_BACKOFF_MAX = 60.0
REDIRECT_ENABLED = True
REDIRECT_MAX_TIMES = 5
METAREFRESH_ENABLED = True
COOKIES_ENABLED = True  # some ASP.NET portals need their session cookie for paging

DEPTH_LIMIT = 0  # the spider counts link hops itself (pagination apart)
DEPTH_PRIORITY = 0
SCHEDULER_PRIORITY_QUEUE = "scrapy.pqueues.DownloaderAwarePriorityQueue"
DUPEFILTER_CLASS = "crawler.dupefilter.CanonicalDupeFilter"
REQUEST_FINGERPRINTER_CLASS = "crawler.dupefilter.CanonicalFingerprinter"

DOWNLOADER_MIDDLEWARES = {
    "crawler.middlewares.OffsiteGuardMiddleware": 30,  # before RobotsTxtMiddleware (100)
    "crawler.middlewares.BackoffDelayMiddleware": 40,
    "crawler.middlewares.BudgetMiddleware": 50,
    "scrapy.downloadermiddlewares.retry.RetryMiddleware": None,
    "crawler.middlewares.BackoffRetryMiddleware": 550,
    "crawler.middlewares.RedirectAliasMiddleware": 650,  # sees 3xx before RedirectMiddleware (600)
    "crawler.middlewares.CrawlDelayMiddleware": 120,
}
ITEM_PIPELINES = {
    "crawler.pipelines.ValidatePipeline": 100,
    "crawler.pipelines.StorePipeline": 300,
}
EXTENSIONS = {"crawler.extensions.ProgressReport": 500, "scrapy.extensions.telnet.TelnetConsole": None}

KHOI_DB = os.environ.get("KHOI_DB", "data/khoi.db")
KHOI_PROGRESS = False
KHOI_REPORT_FILE = None

LOG_LEVEL = "INFO"
TWISTED_REACTOR = "twisted.internet.asyncioreactor.AsyncioSelectorReactor"
FEED_EXPORT_ENCODING = "utf-8"

# Distributed frontier (scrapy-redis); switched on by crawler.run when REDIS_URL is set.
REDIS_URL = os.environ.get("KHOI_REDIS_URL") or None
if REDIS_URL:
    SCHEDULER = "scrapy_redis.scheduler.Scheduler"
    DUPEFILTER_CLASS = "crawler.dupefilter.RedisCanonicalDupeFilter"
    SCHEDULER_DUPEFILTER_CLASS = DUPEFILTER_CLASS
    SCHEDULER_PERSIST = True  # one process finishing must not wipe the queue the others still use
    SCHEDULER_QUEUE_CLASS = "scrapy_redis.queue.PriorityQueue"
    SCHEDULER_QUEUE_KEY = "khoi:%(spider)s:" + os.environ.get("KHOI_CRAWL_RUN", "default") + ":requests"
    SCHEDULER_DUPEFILTER_KEY = "khoi:%(spider)s:" + os.environ.get("KHOI_CRAWL_RUN", "default") + ":dupefilter"
    SCHEDULER_IDLE_BEFORE_CLOSE = 2
