"""Exceptions the crawler raises; the CLI maps them to clean error messages."""

from __future__ import annotations


class CrawlError(Exception):
    """A crawl could not start or did not finish (bad arguments, crashed process)."""


class SiteConfigError(CrawlError):
    """A data/sites/*.toml entry is missing, malformed, or names an unknown site."""
