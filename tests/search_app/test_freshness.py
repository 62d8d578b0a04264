"""The app's caches never answer with old data: after `khoi index` or a store write, pages change."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from index import build_index
from search_app.app import create_app
from search_app.page_cache import PageCache
from store.db import open_db, save_document
from store.models import Document
from tests.search_app.conftest import Archive, build_archive

NEW_WORD = "Khinhkhí"  # not in the fixture articles


@pytest.fixture()
def own_archive(tmp_path: Path) -> Archive:
    """A private archive: these tests write to the store and the index."""
    return build_archive(tmp_path)


@pytest.fixture()
def own_client(own_archive: Archive) -> Iterator[TestClient]:
    with TestClient(create_app(own_archive.db_path, own_archive.index_dir)) as c:
        yield c


def _add_article(archive: Archive, url: str, title: str) -> int:
    db = open_db(archive.db_path)
    text = f"{title}\n\nHội nghị sơ kết thi đua của khối có nhắc đến {NEW_WORD}."
    doc_id, _ = save_document(db, Document(url=url, text=text, title=title, published_at="2024-05-06"))
    db.conn.close()
    return doc_id


def test_search_page_shows_new_article_after_index_update(own_archive: Archive, own_client: TestClient) -> None:
    url = f"/search?q={NEW_WORD}"
    before = own_client.get(url)
    assert before.status_code == 200 and "/article/" not in before.text
    assert own_client.get(f"/api/search?q={NEW_WORD}").json()["total"] == 0
    doc_id = _add_article(own_archive, "https://example.gov.vn/tin/moi-1", f"Tin mới {NEW_WORD}")
    db = open_db(own_archive.db_path)
    build_index(db, own_archive.index_dir, progress=False)
    db.conn.close()
    after = own_client.get(url)
    assert f"/article/{doc_id}" in after.text
    assert own_client.get(f"/api/search?q={NEW_WORD}").json()["total"] == 1


def test_facet_counts_follow_index_update(own_archive: Archive, own_client: TestClient) -> None:
    first = own_client.get("/api/search?q=thi đua&page=1").json()
    second_page = own_client.get("/api/search?q=thi đua&page=2").json()
    assert second_page["facets"] == first["facets"]  # served from the per-query facet cache
    _add_article(own_archive, "https://example.gov.vn/tin/moi-2", "Khối thi đua mới")
    db = open_db(own_archive.db_path)
    build_index(db, own_archive.index_dir, progress=False)
    db.conn.close()
    again = own_client.get("/api/search?q=thi đua&page=2").json()
    assert again["total"] == first["total"] + 1


def test_article_page_shows_store_change_without_reindex(own_archive: Archive, own_client: TestClient) -> None:
    doc_id = _add_article(own_archive, "https://example.gov.vn/tin/moi-3", "Tiêu đề cũ")
    assert "Tiêu đề cũ" in own_client.get(f"/article/{doc_id}").text
    _add_article(own_archive, "https://example.gov.vn/tin/moi-3", "Tiêu đề đã sửa")
    page = own_client.get(f"/article/{doc_id}")
    assert "Tiêu đề đã sửa" in page.text and "Tiêu đề cũ" not in page.text


def test_repeated_page_is_served_from_page_cache_with_security_headers(client: TestClient) -> None:
    cache: PageCache = client.app.state.khoi.page_cache  # type: ignore[attr-defined]
    first = client.get("/blocs?page_size=7")
    hits = cache.hits
    second = client.get("/blocs?page_size=7")
    assert cache.hits == hits + 1
    assert second.text == first.text
    assert second.headers["content-security-policy"] == first.headers["content-security-policy"]
    assert second.headers["content-type"] == first.headers["content-type"]


def test_page_cache_keeps_languages_apart(own_client: TestClient) -> None:
    vi = own_client.get("/directives", headers={"Cookie": "lang=vi"}).text
    en = own_client.get("/directives", headers={"Cookie": "lang=en"}).text
    assert vi != en and 'lang="en"' in en
    assert own_client.get("/directives", headers={"Cookie": "lang=vi"}).text == vi
    assert 'lang="en"' in own_client.get("/directives?lang=en", headers={"Cookie": "lang=vi"}).text


def test_page_cache_skips_cookies_errors_and_exports(own_client: TestClient) -> None:
    cache: PageCache = own_client.app.state.khoi.page_cache  # type: ignore[attr-defined]
    for url in ("/directives?lang=en", "/bloc/999999", "/api/search/export?q=thi&format=json"):
        own_client.cookies.clear()
        first = own_client.get(url)
        own_client.cookies.clear()
        misses = cache.misses
        second = own_client.get(url)
        assert cache.misses == misses + (0 if url.startswith("/api/search/export") else 1), url
        assert second.headers.get("set-cookie") == first.headers.get("set-cookie"), url


def test_page_cache_is_bounded_by_bytes() -> None:
    cache = PageCache(max_bytes=100, ttl=60)
    for k in range(5):
        cache.put(k, [], b"x" * 40)
    assert cache.get(0) is None and cache.get(4) is not None
    assert sum(cache.get(k) is not None for k in range(5)) == 2
