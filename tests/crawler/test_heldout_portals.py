"""The issue's targets measured per site on the held-out portals (tests/crawler/heldout_portals.py).

One crawl of the five sites (a child process, through run_crawl, as `khoi crawl` does), then per
site: relevant recall, robots-disallowed requests, off-site requests (caught by a proxy every
non-portal host goes through), articles stored twice, and stored texts free of chrome with the
article's first and last sentence kept. Ground truth is matched by text (a document belongs to
the article whose first or marker sentence it holds), not by the crawler's own URL rules.
"""

from __future__ import annotations

import json
import os
import sqlite3
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from protego import Protego

from crawler.run import run_crawl
from crawler.settings import USER_AGENT
from crawler.urls import canonical_url
from store.vntext import clean_text
from tests.crawler.conftest import FAST
from tests.crawler.heldout_portals import (
    CHROME_MARKERS,
    IPS,
    Heldout,
    free_loopback,
    start_heldout,
    write_heldout_registry,
)

pytestmark = pytest.mark.skipif(not all(free_loopback(ip) for ip in IPS.values()),
                                reason="needs loopback addresses 127.0.0.2-6")


@pytest.fixture(scope="module")
def held() -> Heldout:
    h = start_heldout()
    yield h
    h.stop()


@pytest.fixture(scope="module")
def crawled(held: Heldout, tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, object]]:
    registry = tmp_path_factory.mktemp("heldout_sites")
    write_heldout_registry(str(registry), held)
    db = tmp_path_factory.mktemp("heldout_db") / "khoi.db"
    saved = {k: os.environ.get(k) for k in ("http_proxy", "https_proxy", "no_proxy", "HTTP_PROXY", "HTTPS_PROXY", "NO_PROXY")}
    os.environ.update({"http_proxy": held.outside.url, "https_proxy": held.outside.url,
                       "HTTP_PROXY": held.outside.url, "HTTPS_PROXY": held.outside.url,
                       "no_proxy": ",".join(IPS.values()), "NO_PROXY": ",".join(IPS.values())})
    try:
        report = run_crawl(db, site=None, url=None, max_pages=None, resume=False, progress=False,
                           sites_dir=registry, settings=FAST)
    finally:
        for k, v in saved.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v
    figures = measure(held, db)
    figures["_report"] = {"summary": report.summary(), "seconds": report.seconds}
    out = Path(os.environ.get("KHOI_HELDOUT_FIGURES", str(db.parent / "figures.json")))
    out.write_text(json.dumps(figures, ensure_ascii=False, indent=1), encoding="utf-8")
    print("\n" + format_figures(figures))
    return figures


def measure(held: Heldout, db: Path) -> dict[str, dict[str, object]]:
    """Return the issue's figures per site."""
    con = sqlite3.connect(db)
    docs = {i: (url, text) for i, url, text in con.execute("SELECT id, url, text FROM documents")}
    doc_urls: dict[int, set[str]] = {i: {u} for i, (u, _) in docs.items()}
    for url, i in con.execute("SELECT url, document_id FROM document_urls"):
        doc_urls.setdefault(i, set()).add(url)
    con.close()
    # document -> article key, by text
    owner: dict[int, str | None] = {}
    for i, (_, text) in docs.items():
        owner[i] = next((k for k, a in held.articles.items()
                         if clean_text(a.first_sentence) in text or clean_text(a.marker) in text), None)
    by_key: dict[str, list[int]] = {}
    for i, k in owner.items():
        if k:
            by_key.setdefault(k, []).append(i)
    offsite = held.outside.requests()
    figures: dict[str, dict[str, object]] = {}
    for name, site in held.sites.items():
        host = urlsplit(site.base).netloc
        keys = sorted({p.article.key for p in site.posts if p.article.relevant and p.special != "broken"})
        site_docs = {i for i, urls in doc_urls.items() if any(urlsplit(u).netloc == host for u in urls)}
        found = [k for k in keys if any(i in site_docs for i in by_key.get(k, []))]
        rp = Protego.parse(site.robots)
        requested = site.requested()
        disallowed = [p for p in requested if p != "/robots.txt" and not rp.can_fetch(site.base + p, USER_AGENT)]
        twice = [k for k in keys if len(by_key.get(k, [])) > 1]
        stored = [i for i in site_docs if owner[i] in keys]
        good, bad = 0, []
        for i in stored:
            text = docs[i][1]
            a = held.articles[owner[i]]  # type: ignore[index]
            chrome = [m for m in CHROME_MARKERS if m in text]
            complete = clean_text(a.first_sentence) in text and clean_text(a.last_sentence) in text
            if not chrome and complete:
                good += 1
            else:
                bad.append({"key": a.key, "chrome": chrome, "first": clean_text(a.first_sentence) in text,
                            "last": clean_text(a.last_sentence) in text})
        junk = [docs[i][0] for i in site_docs if owner[i] is None]
        figures[name] = {
            "relevant": len(keys), "found": len(found), "recall": round(len(found) / max(1, len(keys)), 3),
            "missing": sorted(set(keys) - set(found)),
            "requests": len(requested), "robots_disallowed": disallowed,
            "offsite": [line for line, ref in offsite if host in ref],
            "stored_twice": twice, "stored": len(stored),
            "chrome_free_complete": round(good / max(1, len(stored)), 3), "bad_texts": bad, "junk_docs": junk,
        }
    figures["_all"] = {"offsite": [line for line, _ in offsite]}
    return figures


def format_figures(figures: dict[str, dict[str, object]]) -> str:
    lines = [f"{'site':<11} {'recall':>12} {'requests':>8} {'robots':>6} {'offsite':>7} {'twice':>5} {'clean':>6} {'junk':>4}"]
    for name, f in figures.items():
        if name.startswith("_"):
            continue
        lines.append(f"{name:<11} {f['found']:>4}/{f['relevant']:<3}{f['recall']:>5.0%} {f['requests']:>8} "
                     f"{len(f['robots_disallowed']):>6} {len(f['offsite']):>7} {len(f['stored_twice']):>5} "
                     f"{f['chrome_free_complete']:>6.0%} {len(f['junk_docs']):>4}")
    lines.append(f"off-site requests (all): {len(figures['_all']['offsite'])}")
    return "\n".join(lines)


SITES = list(IPS)


@pytest.mark.parametrize("site", SITES)
def test_heldout_recall(crawled, site: str) -> None:
    f = crawled[site]
    assert f["recall"] >= 0.98, f"{site}: missing {f['missing']}\n{crawled['_report']['summary']}"


@pytest.mark.parametrize("site", SITES)
def test_heldout_no_robots_disallowed_requests(crawled, site: str) -> None:
    assert crawled[site]["robots_disallowed"] == []


def test_heldout_no_offsite_requests(crawled) -> None:
    assert crawled["_all"]["offsite"] == []


@pytest.mark.parametrize("site", SITES)
def test_heldout_nothing_stored_twice(crawled, site: str) -> None:
    assert crawled[site]["stored_twice"] == []


@pytest.mark.parametrize("site", SITES)
def test_heldout_texts_chrome_free_and_complete(crawled, site: str) -> None:
    f = crawled[site]
    assert f["chrome_free_complete"] >= 0.95, f["bad_texts"]


@pytest.mark.parametrize("site", SITES)
def test_heldout_stores_only_relevant_articles(crawled, site: str) -> None:
    assert crawled[site]["junk_docs"] == []


def test_heldout_syndicated_article_is_one_document(crawled, held: Heldout) -> None:
    key = held.syndicated
    assert key not in crawled["egov"]["stored_twice"] and key not in crawled["wordpress"]["stored_twice"]
    assert key not in crawled["wordpress"]["missing"] and key not in crawled["egov"]["missing"]


def test_heldout_canonical_urls_of_articles_are_known(crawled, held: Heldout) -> None:
    """Every article URL form the sites use maps to one canonical spelling per article (sanity of the fixture)."""
    for key, urls in held.urls.items():
        assert len({canonical_url(u) for u in urls}) >= 1, key
