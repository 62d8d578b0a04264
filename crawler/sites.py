"""Load and validate the site registry (data/sites/*.toml) into SiteConfig values.

Every error names the file and the key, e.g.
``data/sites/thainguyen.toml: key "base_url" must be an http(s) URL (see data/sites/README.md)``.
"""

from __future__ import annotations

import os
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from crawler.errors import SiteConfigError
from crawler.urls import canonical_url, netloc_of

SITES_DIR = Path(__file__).resolve().parent.parent / "data" / "sites"
DEFAULT_MAX_PAGES = 3000  # a provincial portal's news section is a few thousand pages
DEFAULT_MAX_DEPTH = 6  # link hops from a start URL; pagination hops are counted apart
_NAME = re.compile(r"^[a-z0-9][a-z0-9_-]*$")
_SELECTOR_KEYS = frozenset({"title", "date", "body", "author"})
_KNOWN_KEYS = frozenset(
    {
        "name", "province", "base_url", "start_urls", "allowed_domains", "allow", "deny", "selectors",
        "feeds", "sitemaps", "max_pages", "max_depth", "date_format", "verified", "notes", "kind",
    }
)


@dataclass(frozen=True)
class SiteConfig:
    """One portal of the registry; only ``name`` and ``base_url`` are required."""

    name: str
    base_url: str
    province: str | None = None
    start_urls: tuple[str, ...] = ()
    allowed_domains: tuple[str, ...] = ()
    allow: tuple[str, ...] = ()  # regexes; when given, only matching URLs are followed
    deny: tuple[str, ...] = ()  # regexes never followed
    selectors: dict[str, str] = field(default_factory=dict)
    feeds: tuple[str, ...] = ()
    sitemaps: tuple[str, ...] = ()
    max_pages: int = DEFAULT_MAX_PAGES
    max_depth: int = DEFAULT_MAX_DEPTH
    verified: bool = False
    source: str | None = None  # the TOML file it came from

    @property
    def hosts(self) -> frozenset[str]:
        """Return the host[:port] names this site may be crawled on."""
        return frozenset({netloc_of(self.base_url), *(d.lower() for d in self.allowed_domains)})

    def seeds(self) -> list[str]:
        """Return the URLs a crawl starts from (base, start URLs, feeds, sitemaps)."""
        seen: dict[str, None] = {}
        for url in (self.base_url, *self.start_urls, *self.feeds, *self.sitemaps):
            seen.setdefault(url, None)
        return list(seen)

    def allows(self, url: str) -> bool:
        """Return whether the allow/deny patterns let the crawl follow ``url``."""
        if any(re.search(p, url) for p in self.deny):
            return False
        return not self.allow or any(re.search(p, url) for p in self.allow)


def site_for_url(url: str) -> SiteConfig:
    """Return an ad-hoc SiteConfig for a bare URL (``khoi crawl --url``)."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise SiteConfigError(f"--url {url!r}: expected an http(s) URL such as https://thainguyen.gov.vn/")
    base = canonical_url(url)
    name = re.sub(r"[^a-z0-9]+", "-", netloc_of(base)).strip("-")
    return SiteConfig(name=name, base_url=base)


def sites_dir() -> Path:
    """Return the registry directory ($KHOI_SITES_DIR, else data/sites)."""
    return Path(os.environ.get("KHOI_SITES_DIR") or SITES_DIR)


def load_sites(directory: str | Path | None = None) -> dict[str, SiteConfig]:
    """Return every site of the registry by name; raise SiteConfigError on the first bad file."""
    directory = Path(directory) if directory is not None else sites_dir()
    if not directory.is_dir():
        raise SiteConfigError(f"{directory}: no such site registry directory")
    sites: dict[str, SiteConfig] = {}
    for path in sorted(directory.glob("*.toml")):
        site = load_site_file(path)
        if site.name in sites:
            raise SiteConfigError(f"{path}: key \"name\": {site.name!r} is also used by {sites[site.name].source}")
        sites[site.name] = site
    return sites


def get_site(name: str, directory: str | Path | None = None) -> SiteConfig:
    """Return the registry entry called ``name``."""
    sites = load_sites(directory)
    if name not in sites:
        known = ", ".join(sorted(sites)) or "none"
        raise SiteConfigError(f"unknown site {name!r}; known sites: {known} (files in {directory or sites_dir()})")
    return sites[name]


def load_site_file(path: Path) -> SiteConfig:
    """Return the SiteConfig in one TOML file."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise SiteConfigError(f"{path}: cannot read TOML: {exc}") from exc
    return parse_site(data, str(path))


def parse_site(data: dict[str, Any], source: str) -> SiteConfig:
    """Return a validated SiteConfig from parsed TOML ``data`` (``source`` names it in errors)."""

    def fail(key: str, why: str) -> SiteConfigError:
        return SiteConfigError(f"{source}: key \"{key}\" {why} (see data/sites/README.md)")

    unknown = sorted(set(data) - _KNOWN_KEYS)
    if unknown:
        raise fail(unknown[0], "is not a known key")
    for key in ("name", "base_url"):
        if key not in data:
            raise fail(key, "is missing")
    name = data["name"]
    if not isinstance(name, str) or not _NAME.match(name):
        raise fail("name", "must be lower-case letters, digits, '-' or '_'")

    def url(key: str, value: Any) -> str:
        if not isinstance(value, str) or urlsplit(value).scheme not in ("http", "https") or not urlsplit(value).netloc:
            raise fail(key, f"must be an http(s) URL, got {value!r}")
        return value

    def strings(key: str) -> tuple[str, ...]:
        value = data.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise fail(key, "must be a list of strings")
        return tuple(value)

    def number(key: str, default: int) -> int:
        value = data.get(key, default)
        if not isinstance(value, int) or isinstance(value, bool) or value < 1:
            raise fail(key, f"must be a positive integer, got {value!r}")
        return value

    base = url("base_url", data["base_url"])
    start = tuple(url("start_urls", u) for u in strings("start_urls"))
    feeds = tuple(url("feeds", u) for u in strings("feeds"))
    sitemaps = tuple(url("sitemaps", u) for u in strings("sitemaps"))
    for key in ("allow", "deny"):
        for pattern in strings(key):
            try:
                re.compile(pattern)
            except re.error as exc:
                raise fail(key, f"has a bad regex {pattern!r}: {exc}") from exc
    selectors = data.get("selectors", {})
    if not isinstance(selectors, dict) or not all(isinstance(v, str) for v in selectors.values()):
        raise fail("selectors", "must be a table of CSS selector strings")
    bad = sorted(set(selectors) - _SELECTOR_KEYS)
    if bad:
        raise fail(f"selectors.{bad[0]}", f"is not one of {sorted(_SELECTOR_KEYS)}")
    province = data.get("province")
    if province is not None and not isinstance(province, str):
        raise fail("province", "must be a string")
    verified = data.get("verified", False)
    if not isinstance(verified, bool):
        raise fail("verified", "must be true or false")
    return SiteConfig(
        name=name,
        base_url=base,
        province=province,
        start_urls=start,
        allowed_domains=tuple(d.lower() for d in strings("allowed_domains")),
        allow=strings("allow"),
        deny=strings("deny"),
        selectors=dict(selectors),
        feeds=feeds,
        sitemaps=sitemaps,
        max_pages=number("max_pages", DEFAULT_MAX_PAGES),
        max_depth=number("max_depth", DEFAULT_MAX_DEPTH),
        verified=verified,
        source=source,
    )
