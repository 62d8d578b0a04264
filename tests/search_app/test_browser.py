"""Browser tests: Playwright drives Debian's chromium against a real uvicorn server on loopback.

Screenshots go to test-artifacts/ (gitignored). Skipped when /usr/bin/chromium is missing.
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from search_app.app import create_app
from tests.search_app.conftest import Archive

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
]

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian chromium at /usr/bin/chromium (make system-deps)"),
]


@pytest.fixture(scope="module")
def base_url(archive: Archive) -> Iterator[str]:
    import uvicorn

    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    config = uvicorn.Config(create_app(archive.db_path, archive.index_dir), log_level="warning")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    assert server.started, "uvicorn did not start"
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=5)
    sock.close()


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser: Any, base_url: str) -> Iterator[Any]:
    """A fresh page that fails the test on a JS dialog (XSS) or a CSP violation."""
    context = browser.new_context(base_url=base_url, viewport={"width": 1280, "height": 900}, accept_downloads=True)
    p = context.new_page()
    problems: list[str] = []
    p.on("dialog", lambda d: (problems.append(f"dialog: {d.message}"), d.dismiss()))
    p.on("console", lambda m: problems.append(m.text) if "Content Security Policy" in m.text else None)
    yield p
    context.close()
    assert not problems, problems


def shot(page: Any, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"search_app-{name}.png"), full_page=True)


def search_for(page: Any, text: str) -> None:
    page.goto("/")
    page.fill("input[name=q]", text)
    page.press("input[name=q]", "Enter")
    page.wait_for_selector("ol.hits, .empty")


def hit_titles(page: Any) -> list[str]:
    return page.locator("li.hit h3 a").all_inner_texts()


def test_search_with_and_without_diacritics(page: Any) -> None:
    page.goto("/")
    assert page.locator(".intro .stats").count() == 1
    shot(page, "home")
    search_for(page, "tổng kết")
    with_marks = hit_titles(page)
    shot(page, "search-diacritics")
    search_for(page, "tong ket")
    without = hit_titles(page)
    shot(page, "search-folded")
    assert with_marks and without
    assert any("Cụm thi đua số 3" in t for t in without)
    assert set(with_marks) & set(without)


def test_apply_a_facet(page: Any) -> None:
    search_for(page, "thi đua")
    before = len(hit_titles(page))
    page.locator('a[data-facet="province"]', has_text="Thanh Hóa").first.click()
    page.wait_for_selector(".active-filters")
    after = hit_titles(page)
    shot(page, "search-facet")
    assert 0 < len(after) < before
    assert all("Cụm thi đua số 3" in t for t in after)


def test_open_an_article_then_its_bloc_history(page: Any) -> None:
    search_for(page, "tham mưu tổng hợp")
    page.locator("li.hit h3 a", has_text="Hội nghị sơ kết 6 tháng").click()
    page.wait_for_selector(".doc .text mark")
    assert page.locator(".doc .text mark").count() >= 3
    shot(page, "article")
    page.locator(".fields a[href^='/bloc/']").first.click()
    page.wait_for_selector("ol.timeline")
    assert page.locator(".timeline .year.gap").count() >= 1
    shot(page, "bloc-history")
    page.locator(".timeline a.ev").first.click()
    page.wait_for_selector("mark.focus")
    shot(page, "article-evidence")


def test_hostile_article_runs_no_script(page: Any, archive: Archive) -> None:
    page.goto(f"/article/{archive.ids['yb2020']}")
    page.wait_for_selector(".doc .text")
    assert "<script>" in page.locator("h1").inner_text()
    shot(page, "article-hostile")


def test_compare_two_provinces(page: Any) -> None:
    page.goto("/compare")
    page.check("input[name=p][value='Thái Nguyên']")
    page.check("input[name=p][value='Thanh Hóa']")
    page.click("form.picker button[type=submit]")
    page.wait_for_selector("table.compare")
    assert page.locator("svg.chart").count() == 2
    shot(page, "compare")


def test_export_csv(page: Any) -> None:
    search_for(page, "thi đua")
    with page.expect_download() as info:
        page.locator(".export a", has_text="CSV").click()
    path = info.value.path()
    text = Path(path).read_text(encoding="utf-8-sig")
    assert text.splitlines()[0].startswith("document_id,title,url")
    assert len(text.splitlines()) > 2


def test_english_ui_and_error_page(page: Any) -> None:
    page.goto("/blocs?lang=en")
    assert page.locator("header.top nav").inner_text().count("Compare provinces") == 1
    shot(page, "blocs-en")
    response = page.goto("/no-such-page")
    assert response.status == 404
    assert page.locator("form.searchbox").count() == 1
    shot(page, "not-found-en")
    page.goto("/docs")
    assert page.locator("section.route").count() >= 8
    shot(page, "docs-en")
