"""End-to-end crawls of the mock portals, each crawl in a child process (crawler.run)."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
import urllib.robotparser
from pathlib import Path

import pytest

from crawler.export import export_warc
from crawler.run import CrawlReport, run_crawl
from crawler.urls import canonical_url
from store.db import open_db
from store.vntext import clean_text
from tests.crawler.conftest import FAST
from tests.crawler.mockportal import CHROME_SNIPPETS, MockSite, Portals, Post

REPO = Path(__file__).resolve().parents[2]


def documents_by_url(db_path: Path) -> dict[str, int]:
    """Return every URL the store knows (main and alias) -> document id."""
    con = sqlite3.connect(db_path)
    urls = dict(con.execute("SELECT url, id FROM documents").fetchall())
    urls.update(dict(con.execute("SELECT url, document_id FROM document_urls").fetchall()))
    con.close()
    return urls


def found_keys(portals: Portals, db_path: Path) -> dict[str, set[int]]:
    """Return relevant article key -> ids of the documents holding it."""
    urls = documents_by_url(db_path)
    out: dict[str, set[int]] = {}
    for key, article_urls in portals.relevant.items():
        ids = {urls[canonical_url(u)] for u in article_urls if canonical_url(u) in urls}
        if ids:
            out[key] = ids
    return out


@pytest.fixture(scope="module")
def full_crawl(portals: Portals, registry: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, CrawlReport]:
    for site in portals.sites.values():
        site.clear_log()
    db = tmp_path_factory.mktemp("db") / "khoi.db"
    report = run_crawl(db, site=None, url=None, max_pages=None, resume=False, progress=False,
                       sites_dir=registry, settings=FAST)
    return db, report


def test_finds_at_least_98_percent_of_relevant_articles(full_crawl, portals: Portals) -> None:
    db, report = full_crawl
    found = found_keys(portals, db)
    recall = len(found) / len(portals.relevant)
    assert recall >= 0.98, f"recall {recall:.2%}; missing {sorted(set(portals.relevant) - set(found))}\n{report.summary()}"


def test_no_article_stored_twice_and_nothing_irrelevant_stored(full_crawl, portals: Portals) -> None:
    db, _ = full_crawl
    found = found_keys(portals, db)
    assert all(len(ids) == 1 for ids in found.values()), found
    con = sqlite3.connect(db)
    n_docs = con.execute("SELECT count(*) FROM documents").fetchone()[0]
    assert n_docs == len(found), "a listing, an off-topic page or a duplicate was stored as a document"
    # the syndicated article is one document with both sites' URLs
    assert len(portals.relevant[portals.syndicated]) == 2
    assert len(found[portals.syndicated]) == 1


def test_never_requests_robots_disallowed_or_off_site_urls(full_crawl, portals: Portals) -> None:
    assert portals.sites["foreign"].requested_paths() == []
    for site in portals.portal_sites():
        rp = urllib.robotparser.RobotFileParser()
        rp.parse(site.routes["/robots.txt"].body.decode().splitlines())
        bad = [p for p in site.requested_paths() if not rp.can_fetch("khoi-archive", site.base + p)]
        assert bad == [], f"{site.name} robots-disallowed requests: {bad}"


def test_avoids_calendar_and_facet_traps(full_crawl, portals: Portals) -> None:
    egov_calendar = [p for p in portals.sites["egov"].requested_paths() if p.startswith("/hoat-dong/")]
    facets = [p for p in portals.sites["liferay"].requested_paths() if p.startswith("/web/guest/van-ban")]
    aspx_calendar = [p for p in portals.sites["aspx"].requested_paths() if "LichCongTac" in p]
    assert len(egov_calendar) <= 12 and len(facets) <= 12 and aspx_calendar == []


def test_stored_texts_are_chrome_free_and_complete(full_crawl, portals: Portals) -> None:
    db, _ = full_crawl
    con = sqlite3.connect(db)
    texts = dict(con.execute("SELECT id, text FROM documents").fetchall())
    posts = {p.article.key: p for s in portals.portal_sites() for p in s.posts if p.article.relevant}
    good = 0
    for key, ids in found_keys(portals, db).items():
        text = texts[next(iter(ids))]
        article = posts[key].article
        clean_ok = not any(s in text for s in CHROME_SNIPPETS)
        complete = clean_text(article.first_sentence) in text and clean_text(article.last_sentence) in text
        good += clean_ok and complete
    assert good / len(texts) >= 0.95


def test_legacy_encodings_end_as_unicode(full_crawl, portals: Portals) -> None:
    db, _ = full_crawl
    con = sqlite3.connect(db)
    aspx = portals.sites["aspx"]
    for post in aspx.posts[:3]:
        row = con.execute("SELECT text, encoding FROM documents WHERE url = ?",
                          [canonical_url(aspx.base + post.path)]).fetchone()
        assert row is not None, post.special
        assert clean_text(post.article.first_sentence) in row[0]
        assert row[1].startswith({"1258-header": "windows-1258", "1258-meta": "windows-1258",
                                  "tcvn3": "windows-1252+tcvn3"}[post.special or ""])


def test_redirect_source_and_report(full_crawl, portals: Portals) -> None:
    db, report = full_crawl
    urls = documents_by_url(db)
    egov = portals.sites["egov"]
    assert canonical_url(egov.base + "/Portal/News.aspx?id=1") in urls
    assert report.total("errors") >= 2  # the 404 and the 500 that never recovers
    assert "egov:" in report.summary()
    flaky = portals.sites["liferay"].posts[2]
    assert canonical_url(portals.sites["liferay"].base + flaky.path) in urls  # retried after one 500


def test_export_warc_writes_request_and_response_records(full_crawl, tmp_path: Path) -> None:
    from warcio.archiveiterator import ArchiveIterator

    db, _ = full_crawl
    out = tmp_path / "crawl.warc.gz"
    n = export_warc(open_db(db), out)
    with out.open("rb") as fh:
        kinds = [r.rec_type for r in ArchiveIterator(fh)]
    assert n > 0 and kinds.count("response") == n and kinds.count("request") == n


def _change_sites(portals: Portals) -> tuple[Post, Post]:
    egov, wp = portals.sites["egov"], portals.sites["wp"]
    new = Post(egov.posts[0].article, "/tin-tuc/khoi-thi-dua-bai-moi-99.html")
    new.article = type(new.article)(key="new", title="Khối thi đua các cơ quan Nội chính tổng kết năm 2024 (bài mới)",
                                    paragraphs=["Ngày 9/1/2025, Khối thi đua các cơ quan Nội chính tổ chức hội nghị "
                                                "tổng kết công tác thi đua năm 2024 với nhiều kết quả nổi bật. " * 3,
                                                "Các đơn vị thống nhất ký giao ước thi đua năm 2025, tập trung cải "
                                                "cách hành chính và chuyển đổi số trong cơ quan nhà nước."],
                                    relevant=True, author="Minh Hằng")
    egov.posts.insert(0, new)
    changed = next(p for p in wp.posts if p.article.relevant and p.listed)
    changed.version = 2
    changed.modified = time.strftime("%Y-%m-%dT%H:%M:%S+00:00", time.gmtime(time.time() + 5))
    egov.rebuild()
    wp.rebuild()
    return new, changed


def test_second_crawl_fetches_only_new_or_changed_pages(full_crawl, portals: Portals, registry: Path) -> None:
    db, _ = full_crawl
    articles_before = {canonical_url(s.base + p.path) for s in portals.portal_sites() for p in s.posts}
    new, changed = _change_sites(portals)
    for site in portals.sites.values():
        site.clear_log()
    report = run_crawl(db, site=None, url=None, max_pages=None, resume=False, progress=False,
                       sites_dir=registry, settings=FAST)
    egov, wp = portals.sites["egov"], portals.sites["wp"]
    full_fetches = [(s, path) for s in portals.portal_sites() for path, _, status in s.log
                    if status == 200 and canonical_url(s.base + path) in articles_before]
    assert full_fetches == [(wp, changed.path)], [(s.name, p) for s, p in full_fetches]
    urls = documents_by_url(db)
    assert canonical_url(egov.base + new.path) in urls
    con = sqlite3.connect(db)
    text = con.execute("SELECT text FROM documents WHERE id = ?", [urls[canonical_url(wp.base + changed.path)]]).fetchone()[0]
    assert "Cập nhật lần 2" in text
    assert report.total("relevant") == 2


def _start_child(db: Path, registry: Path, extra: list[str], env: dict[str, str] | None = None) -> subprocess.Popen[bytes]:
    cmd = [sys.executable, "-m", "crawler.run", "--db", str(db), "--sites-dir", str(registry),
           "--log-file", str(db) + ".log", "--jobdir", str(db) + ".job", *extra]
    for k, v in {**FAST, "CONCURRENT_REQUESTS_PER_DOMAIN": 1, "DOWNLOAD_DELAY": 0.05}.items():
        cmd += ["--set", f"{k}={__import__('json').dumps(v)}"]
    return subprocess.Popen(cmd, cwd=REPO, env={**os.environ, **(env or {})})


def _fetched_pages(db: Path) -> int:
    if not db.exists():
        return 0
    try:
        con = sqlite3.connect(db, timeout=1)
        return con.execute("SELECT count(*) FROM pages WHERE fetched_at IS NOT NULL").fetchone()[0]
    except sqlite3.OperationalError:
        return 0


def test_killed_crawl_resumes_without_loss_or_duplicates(portals: Portals, registry: Path, tmp_path: Path) -> None:
    db = tmp_path / "killed.db"
    child = _start_child(db, registry, [])
    deadline = time.monotonic() + 60
    while _fetched_pages(db) < 25 and time.monotonic() < deadline and child.poll() is None:
        time.sleep(0.1)
    child.send_signal(signal.SIGKILL)
    child.wait()
    partial = found_keys(portals, db)
    assert len(partial) < len(portals.relevant), "the crawl finished before it was killed; kill earlier"
    run_crawl(db, site=None, url=None, max_pages=None, resume=True, progress=False, sites_dir=registry,
              settings=FAST)
    found = found_keys(portals, db)
    assert len(found) / len(portals.relevant) >= 0.98
    assert all(len(ids) == 1 for ids in found.values())
    con = sqlite3.connect(db)
    extra = con.execute("SELECT count(*) FROM documents WHERE url LIKE '%bai-moi%'").fetchone()[0]  # added earlier
    assert con.execute("SELECT count(*) FROM documents").fetchone()[0] == len(found) + extra


def test_page_budget_is_kept(portals: Portals, registry: Path, tmp_path: Path) -> None:
    db = tmp_path / "budget.db"
    report = run_crawl(db, site="egov", url=None, max_pages=5, resume=False, progress=False, sites_dir=registry,
                       settings=FAST)
    assert report.sites["egov"].pages <= 5
    assert report.sites["egov"].errors <= 1  # pages over budget stay pending; they are not errors
    assert set(report.sites) == {"egov"}


def _site_hits(site: MockSite) -> list[str]:
    return [p for p in site.requested_paths() if p != "/robots.txt"]
