"""The issue's targets on the third held-out set (tests/crawler/heldout3_portals.py), per site.

One crawl of the five portals in a child process (run_crawl, as ``khoi crawl`` does), measured as
for the first held-out set (recall, robots-disallowed and off-site requests, articles stored twice,
texts free of chrome with first and last sentence) plus two politeness figures: requests sent to a
path inside the Retry-After window of its 429, and the total number of requests (trap walks).
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from crawler.run import run_crawl
from tests.crawler.conftest import FAST, outside_proxy
from tests.crawler.heldout3_portals import (
    IPS,
    Heldout3,
    free_loopback,
    start_heldout3,
    write_heldout3_registry,
)
from tests.crawler.test_heldout_portals import measure

pytestmark = pytest.mark.skipif(not all(free_loopback(ip) for ip in IPS.values()),
                                reason="needs loopback addresses 127.0.0.12-16")
SITES = list(IPS)
# Each site has 15 articles (under 2-3 URLs each), 3-5 listing pages and a few tool pages: about
# 60-90 legitimate requests. More than this means a calendar, facet or "Xem thêm" walk.
MAX_REQUESTS = 150
# Measured before the crawler fixes (the figures are in the commit adding this file).
KNOWN_FAILURES = {
    "recall": {"portal": "<base href> relative to the host and data-href/onclick list items: no article found",
               "legacy": "a 429 article retried before its Retry-After and given up"},
    "clean": {"portal": "nothing stored", "egov": "page 2 of a split article (rel=canonical to page 1) replaces its text"},
    "retry_after": {"webforms": "Retry-After ignored: retries after 0.2-0.8 s", "legacy": "Retry-After ignored"},
}


def sites(check: str) -> list[object]:
    """Return the site parameters of ``check``, the known failures marked xfail(strict=True)."""
    known = KNOWN_FAILURES.get(check, {})
    return [pytest.param(s, marks=pytest.mark.xfail(strict=True, reason=known[s])) if s in known else s for s in SITES]


@pytest.fixture(scope="module")
def held3() -> Heldout3:
    h = start_heldout3()
    yield h
    h.stop()


@pytest.fixture(scope="module")
def crawled3(held3: Heldout3, tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, object]]:
    registry = tmp_path_factory.mktemp("heldout3_sites")
    write_heldout3_registry(str(registry), held3)
    db = tmp_path_factory.mktemp("heldout3_db") / "khoi.db"
    with outside_proxy(held3.outside.url, list(IPS.values())):
        report = run_crawl(db, site=None, url=None, max_pages=None, resume=False, progress=False,
                           sites_dir=registry, settings=FAST)
    figures = measure(held3, db)  # type: ignore[arg-type]
    for name, site in held3.sites.items():
        figures[name]["retry_after_violations"] = site.retry_after_violations()
    figures["_report"] = {"summary": report.summary(), "seconds": report.seconds}
    out = Path(os.environ.get("KHOI_HELDOUT3_FIGURES", str(db.parent / "figures3.json")))
    out.write_text(json.dumps(figures, ensure_ascii=False, indent=1), encoding="utf-8")
    print("\n" + format_figures3(figures))
    return figures


def format_figures3(figures: dict[str, dict[str, object]]) -> str:
    """Return the per-site table printed by ``pytest -s``."""
    lines = [f"{'site':<9} {'recall':>11} {'requests':>8} {'robots':>6} {'offsite':>7} {'twice':>5} {'clean':>6} "
             f"{'junk':>4} {'429early':>8}"]
    for name in SITES:
        f = figures[name]
        lines.append(f"{name:<9} {f['found']:>3}/{f['relevant']:<3}{f['recall']:>5.0%} {f['requests']:>8} "
                     f"{len(f['robots_disallowed']):>6} {len(f['offsite']):>7} {len(f['stored_twice']):>5} "
                     f"{f['chrome_free_complete']:>6.0%} {len(f['junk_docs']):>4} {len(f['retry_after_violations']):>8}")
    lines.append(f"off-site requests (all): {len(figures['_all']['offsite'])}; {figures['_report']['seconds']:.0f} s")
    return "\n".join(lines)


@pytest.mark.parametrize("site", sites("recall"))
def test_heldout3_recall(crawled3, site: str) -> None:
    f = crawled3[site]
    assert f["recall"] >= 0.98, f"{site}: missing {f['missing']}\n{crawled3['_report']['summary']}"


@pytest.mark.parametrize("site", SITES)
def test_heldout3_no_robots_disallowed_requests(crawled3, site: str) -> None:
    assert crawled3[site]["robots_disallowed"] == []


def test_heldout3_no_offsite_requests(crawled3) -> None:
    assert crawled3["_all"]["offsite"] == []


@pytest.mark.parametrize("site", SITES)
def test_heldout3_nothing_stored_twice(crawled3, site: str) -> None:
    assert crawled3[site]["stored_twice"] == []


@pytest.mark.parametrize("site", sites("clean"))
def test_heldout3_texts_chrome_free_and_complete(crawled3, site: str) -> None:
    f = crawled3[site]
    assert f["chrome_free_complete"] >= 0.95, f["bad_texts"]


@pytest.mark.parametrize("site", SITES)
def test_heldout3_stores_only_relevant_articles(crawled3, site: str) -> None:
    assert crawled3[site]["junk_docs"] == []


@pytest.mark.parametrize("site", sites("retry_after"))
def test_heldout3_waits_for_retry_after(crawled3, site: str) -> None:
    assert crawled3[site]["retry_after_violations"] == []


@pytest.mark.parametrize("site", SITES)
def test_heldout3_no_trap_explosion(crawled3, site: str) -> None:
    assert crawled3[site]["requests"] <= MAX_REQUESTS
