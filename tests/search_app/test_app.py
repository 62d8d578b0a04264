"""In-process tests of the search app over the fixture archive (store + real index)."""

from __future__ import annotations

import csv
import io
import re
import sqlite3

import pytest
from fastapi.testclient import TestClient

from search_app.app import CONTENT_SECURITY_POLICY, create_app
from search_app.views import MAX_PAGE_SIZE, MAX_QUERY_CHARS
from tests.search_app.conftest import Archive

SEARCH_KEYS = {"ok", "query", "sort", "filters", "date_from", "date_to", "page", "page_size", "total", "pages",
               "took_ms", "hits", "facets", "per_year"}
HIT_KEYS = {"document_id", "title", "url", "article_url", "score", "snippet_html", "published_at", "event_date",
            "year", "province", "bloc", "event_types"}
FACET_NAMES = {"province", "province_new", "bloc", "year", "event_type", "directive", "award", "agency", "person"}


def ids_of(body: dict) -> set[int]:
    return {h["document_id"] for h in body["hits"]}


# -- JSON envelope --------------------------------------------------------------------


def test_search_json_envelope_shape_is_pinned(client: TestClient) -> None:
    body = client.get("/api/search", params={"q": "khối thi đua"}).json()
    assert set(body) == SEARCH_KEYS
    assert body["ok"] is True
    assert body["hits"], body
    assert set(body["hits"][0]) == HIT_KEYS
    assert set(body["facets"]) == FACET_NAMES
    for values in body["facets"].values():
        for f in values:
            assert set(f) == {"value", "count"}


@pytest.mark.parametrize(
    ("url", "status"),
    [
        (f"/api/search?page_size={MAX_PAGE_SIZE + 1}", 400),
        ("/api/search?q=" + "a" * (MAX_QUERY_CHARS + 1), 400),
        ("/api/search?page=0", 400),
        ("/api/search?sort=random", 400),
        ("/api/search?q=x&date_from=yesterday", 400),
        ("/api/article/999999", 404),
        ("/api/article/abc", 404),
        ("/api/bloc/999999", 404),
        ("/api/nowhere", 404),
        ("/api/compare?p=Th%C3%A1i+Nguy%C3%AAn", 400),
        ("/api/directive?n=99-XX/YY", 404),
    ],
)
def test_api_error_has_ok_false_envelope(client: TestClient, url: str, status: int) -> None:
    r = client.get(url)
    assert r.status_code == status
    body = r.json()
    assert set(body) == {"ok", "error", "status"}
    assert body["ok"] is False and body["status"] == status and body["error"]


def test_too_many_filter_values_is_400(client: TestClient) -> None:
    r = client.get("/api/search", params=[("q", "x")] + [("year", str(2000 + i)) for i in range(30)])
    assert r.status_code == 400
    assert "year" in r.json()["error"]


# -- pages: errors are real pages -----------------------------------------------------


def test_404_is_a_page_with_a_way_forward(client: TestClient) -> None:
    r = client.get("/no/such/page")
    assert r.status_code == 404
    assert r.headers["content-type"].startswith("text/html")
    assert 'action="/search"' in r.text and 'href="/blocs"' in r.text


def test_overlong_query_page_is_400_html(client: TestClient) -> None:
    r = client.get("/search", params={"q": "x" * (MAX_QUERY_CHARS + 1)})
    assert r.status_code == 400
    assert "<html" in r.text and "256" in r.text


def test_missing_article_page_is_404_html(client: TestClient) -> None:
    r = client.get("/article/424242")
    assert r.status_code == 404 and "424242" in r.text and "<form" in r.text


# -- search -----------------------------------------------------------------------------


def test_search_with_and_without_diacritics_find_the_same_meetings(client: TestClient, archive: Archive) -> None:
    with_marks = client.get("/api/search", params={"q": "tổng kết"}).json()
    without = client.get("/api/search", params={"q": "tong ket"}).json()
    assert archive.ids["th2023"] in ids_of(with_marks)
    assert archive.ids["th2023"] in ids_of(without)


def test_facet_filter_narrows_results(client: TestClient, archive: Archive) -> None:
    all_hits = client.get("/api/search", params={"q": "thi đua"}).json()
    narrowed = client.get("/api/search", params={"q": "thi đua", "province": "Thanh Hóa"}).json()
    assert narrowed["total"] < all_hits["total"]
    assert ids_of(narrowed) == {archive.ids["th2023"], archive.ids["th2022"]}
    assert narrowed["filters"] == {"province": ["Thanh Hóa"]}


def test_search_page_shows_facets_chart_and_snippets(client: TestClient) -> None:
    r = client.get("/search", params={"q": "thi đua"})
    assert r.status_code == 200
    assert 'data-facet="province"' in r.text
    assert "<svg" in r.text and "<mark>" in r.text


def test_pagination_pages_are_disjoint(client: TestClient) -> None:
    one = client.get("/api/search", params={"q": "thi đua", "page_size": 2, "page": 1}).json()
    two = client.get("/api/search", params={"q": "thi đua", "page_size": 2, "page": 2}).json()
    assert one["pages"] >= 2
    assert not ids_of(one) & ids_of(two)


def test_search_export_csv_has_header_and_rows(client: TestClient) -> None:
    r = client.get("/api/search/export", params={"q": "thi đua", "format": "csv"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(r.text.lstrip("\ufeff"))))
    assert rows and "title" in rows[0]


def test_csv_export_neutralises_formulas() -> None:
    from search_app.export import to_csv

    text = to_csv(["title"], [{"title": "=HYPERLINK(\"x\")"}])
    assert "'=HYPERLINK" in text


def test_home_page_without_query_shows_intro(client: TestClient) -> None:
    r = client.get("/")
    assert r.status_code == 200 and 'class="intro"' in r.text


def test_bad_query_syntax_is_400_not_500(client: TestClient) -> None:
    r = client.get("/api/search", params={"q": '"unclosed ((( AND'})
    assert r.status_code in (200, 400)
    assert r.json()["ok"] is (r.status_code == 200)


# -- safety -----------------------------------------------------------------------------


def test_hostile_article_renders_inert(client: TestClient, archive: Archive) -> None:
    html = client.get(f"/article/{archive.ids['yb2020']}").text
    assert "<script>alert" not in html
    assert "<img src=x" not in html
    assert "&lt;script&gt;" in html
    assert not re.search(r"<[^>]+\sonerror=", html)


def test_hostile_title_is_escaped_in_search_results(client: TestClient) -> None:
    html = client.get("/search", params={"q": "Khối thi đua số 8"}).text
    assert "<script>alert" not in html
    assert not re.search(r"<[^>]+\sonerror=", html)


def test_strict_csp_on_pages_and_api(client: TestClient) -> None:
    for url in ("/", "/api/search?q=x", "/nope"):
        csp = client.get(url).headers["content-security-policy"]
        assert csp == CONTENT_SECURITY_POLICY
        assert "unsafe-inline" not in csp and "default-src 'none'" in csp


def test_pages_have_no_inline_script_or_external_assets(client: TestClient, archive: Archive) -> None:
    for url in ("/", "/search?q=thi+%C4%91ua", f"/article/{archive.ids['tn2017']}", "/docs", "/compare"):
        html = client.get(url).text
        assert not re.search(r"<script(?![^>]*\ssrc=\"/static/)", html), url
        assert not re.search(r"(src|href)=\"(https?:)?//(?!thainguyen|truyenhinh|yenbai)", html), url
        assert " style=" not in html, url


def test_app_database_connection_is_read_only(archive: Archive) -> None:
    app = create_app(archive.db_path, archive.index_dir)
    with pytest.raises(sqlite3.OperationalError):
        app.state.khoi.db().execute("DELETE FROM documents")


def test_docs_page_is_local_and_schema_lists_api(client: TestClient) -> None:
    docs = client.get("/docs")
    assert docs.status_code == 200 and "/openapi.json" in docs.text and "cdn" not in docs.text.lower()
    paths = client.get("/openapi.json").json()["paths"]
    for path in ("/api/search", "/api/article/{document_id}", "/api/bloc/{bloc_id}", "/api/compare",
                 "/api/directive", "/api/agency"):
        assert path in paths
    assert "/search" not in paths


# -- article ----------------------------------------------------------------------------


def test_article_highlights_each_fact_at_its_span(client: TestClient, archive: Archive) -> None:
    html = client.get(f"/article/{archive.ids['tn2017']}").text
    assert re.search(r'<mark class="k-directives"[^>]*>34-CT/TW</mark>', html)
    assert re.search(r'<mark class="k-people"[^>]*>Phạm Quốc Chính</mark>', html)
    assert 'href="/directive?n=34-CT/TW"' in html


def test_article_focus_span_gets_anchor(client: TestClient, archive: Archive) -> None:
    data = client.get(f"/api/article/{archive.ids['tn2017']}").json()
    d = data["article"]["facts"]["directives"][0]
    assert data["article"]["text"][d["start"]:d["end"]] == "34-CT/TW"
    html = client.get(d["evidence_url"].split("#")[0]).text
    assert 'id="hl"' in html and "focus" in html


# -- bloc history -----------------------------------------------------------------------


def test_bloc_history_merges_variant_names_and_shows_gaps(client: TestClient) -> None:
    blocs = client.get("/api/blocs").json()["blocs"]
    bloc = next(b for b in blocs if b["name"].startswith("Khối thi đua các cơ quan tham mưu"))
    h = client.get(f"/api/bloc/{bloc['id']}").json()["history"]
    assert len(h["names"]) == 2
    assert [y["year"] for y in h["years"]] == [2017, 2018, 2019, 2020]
    assert h["gap_years"] == [2018, 2019]
    y2020 = h["years"][-1]
    assert [u["unit"] for u in y2020["head"]] == ["Sở Nội vụ"]
    assert [u["unit"] for u in y2020["deputy"]] == ["Sở Tài chính"]
    assert y2020["awards"][0]["evidence"]["url"].startswith("/article/")


def test_bloc_of_unknown_province_is_not_merged_but_linked(client: TestClient, archive: Archive) -> None:
    article = client.get(f"/api/article/{archive.ids['noprovince2018']}").json()["article"]
    lone = client.get(f"/api/bloc/{article['meeting']['bloc_id']}").json()["history"]
    assert lone["bloc"]["province"] is None and lone["meeting_count"] == 1
    assert [o["province"] for o in lone["same_name_elsewhere"]] == ["Thái Nguyên"]


def test_bloc_exports_csv_and_markdown(client: TestClient) -> None:
    r = client.get("/api/bloc/1", params={"format": "csv"})
    assert r.status_code == 200 and "kind" in r.text.splitlines()[0]
    md = client.get("/api/bloc/1", params={"format": "md"})
    assert md.text.startswith("# ") and "## 2018" in md.text and "[source](" in md.text


# -- provinces, directives, agencies --------------------------------------------------


def test_compare_two_provinces_old_and_new_names(client: TestClient) -> None:
    body = client.get("/api/compare", params=[("p", "thai nguyen"), ("p", "Lào Cai")]).json()
    assert body["provinces"] == ["Thái Nguyên", "Lào Cai"]
    tn, lc = body["comparison"]
    assert tn["meetings"] == 3 and lc["meetings"] == 1
    assert tn["top_directives"][0]["canonical"] == "34-ct/tw"
    page = client.get("/compare", params=[("p", "Thái Nguyên"), ("p", "Thanh Hóa")])
    assert page.status_code == 200 and page.text.count("<svg") == 2


def test_directive_page_groups_variant_spellings(client: TestClient) -> None:
    body = client.get("/api/directive", params={"n": "34/CT-TW"}).json()
    assert body["total"] == 4
    assert {r["province"] for r in body["by_province"]} == {"Thái Nguyên", "Yên Bái"}
    assert set(body["numbers"]) == {"34-CT/TW", "34/CT-TW"}


def test_agency_profile_lists_memberships_and_leadership(client: TestClient) -> None:
    body = client.get("/api/agency", params={"name": "Sở Nội vụ"}).json()
    (bloc,) = body["blocs"]
    assert bloc["member_years"] == [2017, 2020]
    assert [(x["year"], x["role"]) for x in bloc["leadership"]] == [(2020, "head")]


def test_agency_abbreviation_matches_full_name(client: TestClient) -> None:
    body = client.get("/api/agency", params={"name": "Sở KH&CN"}).json()
    assert body["blocs"][0]["leadership"][0]["year"] == 2017


def test_unknown_agency_page_suggests(client: TestClient) -> None:
    r = client.get("/agency", params={"name": "Sở Nội"})
    assert r.status_code == 404 and "Sở Nội vụ" in r.text


# -- language ---------------------------------------------------------------------------


def test_english_switch_sets_cookie_and_translates(archive: Archive) -> None:
    with TestClient(create_app(archive.db_path, archive.index_dir)) as c:
        assert "Tìm kiếm" in c.get("/").text
        r = c.get("/", params={"lang": "en"})
        assert "Compare provinces" in r.text and r.cookies.get("lang") == "en"
        assert "Compare provinces" in c.get("/blocs").text


def test_without_index_home_still_works_and_search_is_503(archive: Archive, tmp_path) -> None:
    with TestClient(create_app(archive.db_path, tmp_path / "no-index")) as c:
        home = c.get("/")
        assert home.status_code == 200 and 'class="notice"' in home.text and 'href="/blocs"' in home.text
        assert c.get("/search", params={"q": "x"}).status_code == 503
        body = c.get("/api/search", params={"q": "x"}).json()
        assert body["ok"] is False and body["status"] == 503
        assert c.get("/blocs").status_code == 200
