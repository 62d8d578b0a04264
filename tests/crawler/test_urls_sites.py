"""URL rules and site registry validation."""

from __future__ import annotations

from pathlib import Path

import pytest

from crawler.errors import SiteConfigError
from crawler.sites import load_sites, parse_site, site_for_url
from crawler.urls import canonical_url, is_pagination, is_same_site, link_score, trap_reason


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("HTTP://WWW.SoNoiVu.GOV.vn:80/Tin-Tuc/?utm_source=zalo&b=2&a=1#top", "http://www.sonoivu.gov.vn/Tin-Tuc?a=1&b=2"),
        ("https://x.vn/tin-tuc/", "https://x.vn/tin-tuc"),
        ("https://x.vn/", "https://x.vn/"),
        ("https://x.vn/a;jsessionid=ABC123?id=5", "https://x.vn/a?id=5"),
        ("http://x.vn/(S(a1b2c3d4e5))/ChiTiet.aspx?ID=5", "http://x.vn/ChiTiet.aspx?ID=5"),
        ("http://x.vn/c/bai?inheritRedirect=false&redirect=%2Fweb%2Fguest&_101_INSTANCE_a_redirect=x",
         "http://x.vn/c/bai"),
        ("https://x.vn:443/a?fbclid=1&gclid=2", "https://x.vn/a"),
    ],
)
def test_canonical_url_removes_tracking_slash_and_case(url: str, expected: str) -> None:
    assert canonical_url(url) == expected


@pytest.mark.parametrize(
    "url",
    [
        "http://x.vn/lich-cong-tac?month=5&year=2024",
        "http://x.vn/tim-kiem?tukhoa=thi+dua",
        "http://x.vn/van-ban?sort=date&filter=1",
        "http://x.vn/2023/07/13",
        "http://x.vn/a/b/a/b/a/b",
        "http://x.vn/files/baocao.pdf",
        "http://x.vn/web/guest/x?p_p_id=1&p_p_lifecycle=1",
        "http://x.vn/LichCongTac.aspx?Thang=7&Nam=2023",
    ],
)
def test_trap_urls_are_refused(url: str) -> None:
    assert trap_reason(url) is not None


@pytest.mark.parametrize(
    "url",
    [
        "http://x.vn/tin-tuc/khoi-thi-dua-so-ket-12.html",
        "http://x.vn/web/guest/tin?p_p_id=101_INSTANCE_a&p_p_lifecycle=0&_101_INSTANCE_a_cur=3",
        "http://x.vn/ChiTiet.aspx?ID=5",
        "http://x.vn/2023/07/khoi-thi-dua-ky-giao-uoc/",
    ],
)
def test_article_and_listing_urls_are_followed(url: str) -> None:
    assert trap_reason(url) is None


def test_pagination_and_scores() -> None:
    assert is_pagination("http://x.vn/tin-tuc?page=3")
    assert is_pagination("http://x.vn/category/tin/page/2/")
    assert is_pagination("http://x.vn/web/guest/tin?_101_INSTANCE_a_cur=3")
    assert not is_pagination("http://x.vn/ChiTiet.aspx?ID=5")
    assert link_score("http://x.vn/khoi-thi-dua-so-ket", "Khối thi đua sơ kết") > link_score("http://x.vn/du-lich", "Du lịch")


def test_same_site_checks_host_and_port() -> None:
    hosts = frozenset({"thainguyen.gov.vn"})
    assert is_same_site("https://www.thainguyen.gov.vn/a", hosts)
    assert is_same_site("https://sonoivu.thainguyen.gov.vn/a", hosts)
    assert not is_same_site("https://thainguyen.gov.vn.evil.com/a", hosts)
    assert not is_same_site("http://127.0.0.1:2/a", frozenset({"127.0.0.1:1"}))


def test_site_errors_name_file_and_key(tmp_path: Path) -> None:
    (tmp_path / "bad.toml").write_text('name = "bad"\nbase_url = "ftp://x"\n', encoding="utf-8")
    with pytest.raises(SiteConfigError, match=r'bad\.toml: key "base_url"'):
        load_sites(tmp_path)
    with pytest.raises(SiteConfigError, match=r'key "selectors.teaser"'):
        parse_site({"name": "a", "base_url": "http://a.vn", "selectors": {"teaser": "p"}}, "a.toml")
    with pytest.raises(SiteConfigError, match=r'key "name" is missing'):
        parse_site({"base_url": "http://a.vn"}, "a.toml")
    with pytest.raises(SiteConfigError, match=r'key "colour" is not a known key'):
        parse_site({"name": "a", "base_url": "http://a.vn", "colour": 1}, "a.toml")


def test_bundled_registry_loads_and_is_unverified() -> None:
    sites = load_sites()
    assert sites, "data/sites has no entries"
    assert all(not s.verified for s in sites.values())


def test_bare_url_becomes_a_site() -> None:
    site = site_for_url("https://ThaiNguyen.gov.vn/tin-tuc/")
    assert site.hosts == frozenset({"thainguyen.gov.vn"})
    with pytest.raises(SiteConfigError):
        site_for_url("thainguyen.gov.vn")


def test_empty_search_keys_are_not_traps_but_controls_and_sorts_are() -> None:
    from crawler.urls import trap_reason

    liferay = ("http://x.gov.vn/web/guest/tin-tuc?p_p_id=101_INSTANCE_kT9x&p_p_lifecycle=0&_101_INSTANCE_kT9x_keywords="
               "&_101_INSTANCE_kT9x_advancedSearch=false&_101_INSTANCE_kT9x_cur=2")
    assert trap_reason(liferay) is None
    assert trap_reason(liferay.replace("keywords=", "keywords=thi+dua"))
    assert trap_reason(liferay + "&_101_INSTANCE_kT9x_orderByCol=title")
    assert trap_reason("http://x.gov.vn/Default.aspx?tabid=55&ctl=Login")
    assert trap_reason("http://x.gov.vn/Default.aspx?tabid=55&ctl=SendMail&articleId=3")
