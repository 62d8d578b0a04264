"""Fixtures of the crawler tests: running mock portals, a registry pointing at them, fast settings."""

from __future__ import annotations

from collections.abc import Iterator
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
