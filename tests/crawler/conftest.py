"""Fixtures of the crawler tests: running mock portals, a registry pointing at them, fast settings."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from tests.crawler.mockportal import Portals, start_portals, write_registry

# Politeness off for local mock servers only (robots.txt and Crawl-delay are still obeyed).
FAST = {
    "DOWNLOAD_DELAY": 0,
    "AUTOTHROTTLE_ENABLED": False,
    "CONCURRENT_REQUESTS_PER_DOMAIN": 4,
    "RETRY_BACKOFF_BASE": 0.2,
    "DOWNLOAD_TIMEOUT": 10,
    "LOG_LEVEL": "INFO",
}


@pytest.fixture(scope="module")
def portals() -> Iterator[Portals]:
    p = start_portals()
    yield p
    p.stop()


@pytest.fixture(scope="module")
def registry(portals: Portals, tmp_path_factory: pytest.TempPathFactory) -> Path:
    d = tmp_path_factory.mktemp("sites")
    write_registry(str(d), portals)
    return d


@contextmanager
def outside_proxy(proxy_url: str, local_hosts: list[str]) -> Iterator[None]:
    """Send every request to a host not in ``local_hosts`` through ``proxy_url`` (the off-site recorder)."""
    names = ("http_proxy", "https_proxy", "no_proxy", "HTTP_PROXY", "HTTPS_PROXY", "NO_PROXY")
    saved = {k: os.environ.get(k) for k in names}
    os.environ.update({"http_proxy": proxy_url, "https_proxy": proxy_url, "HTTP_PROXY": proxy_url,
                       "HTTPS_PROXY": proxy_url, "no_proxy": ",".join(local_hosts), "NO_PROXY": ",".join(local_hosts)})
    try:
        yield
    finally:
        for k, v in saved.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v
