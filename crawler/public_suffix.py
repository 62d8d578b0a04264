"""Public-suffix lookups without the network.

Scrapy's cookie middleware asks tldextract whether a cookie's domain is a public suffix.
tldextract's default extractor downloads the Public Suffix List (publicsuffix.org, then
GitHub) the first time it runs on a machine with an empty cache: an off-site request the
crawl did not choose, which fails or hangs where only the portals are reachable. The list
bundled with tldextract is enough to tell ``gov.vn`` from ``thainguyen.gov.vn``.
"""

from __future__ import annotations

from tldextract import TLDExtract


def offline_extractor() -> TLDExtract:
    """Return an extractor that reads only the suffix list shipped with tldextract."""
    return TLDExtract(include_psl_private_domains=True, suffix_list_urls=(), cache_dir=None)


def use_offline_public_suffixes() -> None:
    """Point Scrapy's cookie middleware at the offline extractor (idempotent)."""
    from scrapy.downloadermiddlewares import cookies

    if hasattr(cookies, "_split_domain"):  # a private name: a later Scrapy may do this differently
        cookies._split_domain = offline_extractor()
