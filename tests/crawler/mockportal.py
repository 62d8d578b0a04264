"""Local mock portals (http.server threads on 127.0.0.1) in the styles of Vietnamese provincial sites.

- ``egov``: eGov-style portal, ?page=N listings, sidebar counters, weather, "Các tin khác", a month
  calendar with endless prev/next links, an old URL that 301-redirects, a 404, a 500, robots-disallowed pages.
- ``liferay``: Liferay-style portal, query-string pagination (_101_INSTANCE_x_cur), article links carrying a
  ``redirect`` parameter, p_p_state variants, a faceted document search, a slow page, a page that fails once.
- ``aspx``: old ASP.NET table layout, windows-1258 pages (header and meta), a TCVN3 page, cookieless
  session ids in some links, a calendar trap.
- ``wp``: WordPress-like blog with RSS, a sitemap index with lastmod, day-archive calendar links, tags,
  ?p=ID shortlinks that redirect, tracking parameters, posts reachable only from the sitemap.
- ``foreign``: an unrelated site every portal links to; the crawler must never call it.

Every server logs each request; pages carry ETag/Last-Modified and answer conditional GETs with 304.
"""

from __future__ import annotations

import hashlib
import html
import threading
import time
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, quote, urlsplit

from nlp.encoding import TCVN3_MAP
from tests.crawler.corpus import Article, off_topic_articles, relevant_articles

PER_PAGE = 4
CHROME_SNIPPETS = [
    "Lượt xem", "Thống kê truy cập", "Đang truy cập", "Các tin khác", "Dự báo thời tiết", "Bản quyền",
    "GIỚI THIỆU CHUNG", "Xem cỡ chữ", "In bài viết", "Chia sẻ", "Tin đọc nhiều", "Liên kết website",
    "Số 18 đường Nha Trang", "Trang chủ", "Độ ẩm", "Tin liên quan", "Đăng nhập", "Tổng lượt truy cập",
]
_TCVN3_REVERSE = {v: k for k, v in TCVN3_MAP.items()}


def to_cp1258(text: str) -> bytes:
    """Return ``text`` encoded as windows-1258 (tones as combining marks, as Windows wrote them)."""
    out = []
    for ch in text:
        d = unicodedata.normalize("NFD", ch)
        tones = "".join(c for c in d if c in "\u0300\u0301\u0303\u0309\u0323")
        rest = unicodedata.normalize("NFC", "".join(c for c in d if c not in tones))
        out.append(rest + tones)
    return "".join(out).encode("cp1258", errors="replace")


def to_tcvn3(text: str) -> bytes:
    """Return ``text`` as TCVN3 (ABC) bytes, as a .VnTime-font page stores it."""
    return "".join(_TCVN3_REVERSE.get(ch, ch) for ch in unicodedata.normalize("NFC", text)).encode("cp1252", "replace")


@dataclass
class Page:
    body: bytes
    content_type: str = "text/html; charset=utf-8"
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0
    fail_times: int = 0  # answer 500 this many times first


@dataclass
class Post:
    article: Article
    path: str
    listed: bool = True  # shown in listings (else reachable only via sitemap)
    version: int = 1
    modified: str = "2023-08-01T10:00:00+07:00"  # the sitemap lastmod
    special: str | None = None  # "1258-header", "1258-meta", "tcvn3", "slow", "flaky"


class MockSite:
    """One mock portal: a route table built from its posts, served on its own port."""

    def __init__(self, name: str, style: str, posts: list[Post], foreign: str = "") -> None:
        self.name, self.style, self.posts, self.foreign = name, style, posts, foreign
        self.log: list[tuple[str, dict[str, str], int]] = []
        self.disallow: list[str] = []
        self.fail_counts: dict[str, int] = {}
        self.lock = threading.Lock()
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.server.daemon_threads = True
        self.port = self.server.server_address[1]
        self.base = f"http://127.0.0.1:{self.port}"
        self.routes: dict[str, Page] = {}
        self.rebuild()
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    # -- lifecycle ----------------------------------------------------------------------
    def start(self) -> MockSite:
        self.thread.start()
        return self

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()

    def requested_paths(self) -> list[str]:
        with self.lock:
            return [p for p, _, _ in self.log]

    def clear_log(self) -> None:
        with self.lock:
            self.log.clear()

    def rebuild(self) -> None:
        builder: Callable[[], dict[str, Page]] = getattr(self, f"_build_{self.style}")
        self.routes = builder()

    # -- content helpers ----------------------------------------------------------------
    def article_urls(self, post: Post) -> list[str]:
        """Return every URL under which ``post`` is served (canonical first)."""
        return [self.base + post.path]

    def _body_html(self, post: Post) -> str:
        paras = "".join(f"<p>{html.escape(p)}</p>" for p in post.article.paragraphs)
        if post.version > 1:
            paras += f"<p>Cập nhật lần {post.version}: bổ sung thông tin về kết quả hội nghị và danh sách đơn vị.</p>"
        author = f'<p class="author" style="text-align:right"><strong>{post.article.author}</strong></p>' \
            if post.article.author else ""
        return paras + author

    def _others(self, post: Post | None, n: int = 5) -> list[Post]:
        return [p for p in self.posts if p is not post and p.listed][:n]

    def _links(self, posts: list[Post]) -> str:
        return "".join(f'<li><a href="{p.path}">{html.escape(p.article.title)}</a></li>' for p in posts)

    def _robots(self, extra: str = "") -> Page:
        lines = ["User-agent: *", *(f"Disallow: {d}" for d in self.disallow), extra]
        return Page("\n".join(lines).encode(), "text/plain")

    # -- eGov ---------------------------------------------------------------------------
    def _egov_shell(self, title: str, main: str) -> str:
        return f"""<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>{html.escape(title)} - Cổng TTĐT</title></head>
<body><div id="header"><div class="banner">CỔNG THÔNG TIN ĐIỆN TỬ TỈNH</div>
<ul class="menu-top"><li><a href="/">Trang chủ</a></li><li><a href="/gioi-thieu">GIỚI THIỆU CHUNG</a></li>
<li><a href="/tin-tuc">Tin tức - Sự kiện</a></li><li><a href="/thi-dua-khen-thuong">Thi đua - Khen thưởng</a></li>
<li><a href="/hoat-dong/thang-7-2023">Lịch hoạt động</a></li><li><a href="/tim-kiem?tukhoa=thi+dua">Tìm kiếm</a></li></ul></div>
<table width="100%"><tr><td class="col-main" valign="top">{main}</td>
<td class="col-right" valign="top" width="250"><div class="box-tin-doc-nhieu"><h3>Tin đọc nhiều</h3><ul>{self._links(self._others(None, 4))}</ul></div>
<div class="thongke"><b>Thống kê truy cập</b><ul><li>Đang truy cập: 17</li><li>Hôm nay: 1.205</li><li>Tổng lượt truy cập: 3.114.520</li></ul></div>
<div class="weather-box">Dự báo thời tiết: 24°C, Độ ẩm 80%</div>
<div class="lienket">Liên kết website <a href="{self.foreign}/">Báo Nhân Dân điện tử - trang tin tổng hợp cả nước</a>
<a href="{self.foreign}/khoi-thi-dua-cac-tinh-ban.html">Khối thi đua các tỉnh bạn tổ chức hội nghị</a></div>
<a href="/dang-nhap">Đăng nhập</a></td></tr></table>
<div id="footer">Bản quyền thuộc Văn phòng UBND tỉnh. Địa chỉ: Số 18 đường Nha Trang. Điện thoại: 0208 3855 701</div></body></html>"""

    def _build_egov(self) -> dict[str, Page]:
        self.disallow = ["/noi-bo/", "/tim-kiem"]
        r: dict[str, Page] = {"/robots.txt": self._robots()}
        listed = [p for p in self.posts if p.listed]
        r["/"] = Page(self._egov_shell("Trang chủ", f"""<h2>Tin mới</h2><ul class="list-news">{self._links(listed[:6])}</ul>
<a href="/Portal/News.aspx?id=1">Tin cũ: hội nghị khối thi đua (địa chỉ cũ)</a>
<a href="/noi-bo/khoi-thi-dua-tai-lieu-noi-bo.html">Tài liệu nội bộ của Khối thi đua năm 2023</a>
<a href="/tin-tuc/bai-da-xoa-khoi-thi-dua-999.html">Khối thi đua: bài viết đã bị gỡ khỏi cổng</a>
<a href="/tin-tuc/loi-may-chu-khoi-thi-dua-998.html">Khối thi đua: trang đang bảo trì hệ thống</a>""").encode())
        pages = max(1, -(-len(listed) // PER_PAGE))
        for section, items in (("/tin-tuc", listed), ("/thi-dua-khen-thuong", [p for p in listed if p.article.relevant])):
            n = max(1, -(-len(items) // PER_PAGE))
            for k in range(1, n + 1):
                chunk = items[(k - 1) * PER_PAGE : k * PER_PAGE]
                lis = "".join(
                    f'<div class="news-item"><a href="{p.path}?utm_source=zalo&utm_medium=social">{html.escape(p.article.title)}</a>'
                    f"<p>{html.escape(p.article.paragraphs[0][:150])}...</p></div>" for p in chunk)
                nav = "".join(f'<a href="{section}?page={i}">{i}</a> ' for i in range(1, n + 1) if i != k)
                path = section if k == 1 else f"{section}?page={k}"
                r[path] = Page(self._egov_shell("Tin tức", f'<div class="list">{lis}</div><div class="paging">{nav}</div>').encode())
        del pages
        for month in range(1, 13):  # calendar: every month links to its neighbours, forever in spirit
            for year in (2022, 2023, 2024):
                prev_m, next_m = (month - 2) % 12 + 1, month % 12 + 1
                r[f"/hoat-dong/thang-{month}-{year}"] = Page(self._egov_shell("Lịch", f"""<h2>Lịch hoạt động tháng {month}/{year}</h2>
<a href="/hoat-dong/thang-{prev_m}-{year - (month == 1)}">Tháng trước</a> <a href="/hoat-dong/thang-{next_m}-{year + (month == 12)}">Tháng sau</a>
<p>Không có sự kiện.</p>""").encode())
        r["/gioi-thieu"] = Page(self._egov_shell("Giới thiệu", "<p>Giới thiệu chung về tỉnh.</p>").encode())
        r["/tin-tuc/loi-may-chu-khoi-thi-dua-998.html"] = Page(b"server error", "text/plain", status=500)
        r["/Portal/News.aspx?id=1"] = Page(b"", status=301, headers={"Location": listed[0].path})
        r["/noi-bo/khoi-thi-dua-tai-lieu-noi-bo.html"] = Page(b"<p>secret</p>")
        for p in self.posts:
            main = f"""<div class="breadcrumb"><a href="/">Trang chủ</a> &gt;&gt; <a href="/tin-tuc">Tin tức</a></div>
<div class="news-detail"><h1 class="title">{html.escape(p.article.title)}</h1>
<div class="date">Ngày đăng: {p.article.date[8:]}/{p.article.date[5:7]}/{p.article.date[:4]} 08:15 | Lượt xem: 1.234</div>
<div class="tools">Xem cỡ chữ <a href="#">A-</a><a href="#">A+</a> | <a href="?print=1">In bài viết</a> | Chia sẻ</div>
<div class="content">{self._body_html(p)}</div>
<div class="tin-khac"><h3>Các tin khác</h3><ul>{self._links(self._others(p))}</ul></div></div>"""
            r[p.path] = Page(self._egov_shell(p.article.title, main).encode())
        return r

    # -- Liferay ------------------------------------------------------------------------
    def _liferay_shell(self, title: str, main: str) -> str:
        return f"""<!DOCTYPE html><html><head><meta http-equiv="Content-Type" content="text/html; charset=UTF-8"><title>{html.escape(title)}</title></head>
<body class="portal-body"><header id="banner"><nav id="navigation"><ul>
<li><a href="/web/guest/home">Trang chủ</a></li><li><a href="{self._listing(1)}">Tin hoạt động</a></li>
<li><a href="/web/guest/van-ban?linhvuc=1">Văn bản</a></li></ul></nav></header>
<div id="main-content" class="columns-2"><div class="portlet-column portlet-column-first">{main}</div>
<div class="portlet-column portlet-column-last"><div class="portlet-boundary portlet-thongke"><span>Thống kê truy cập</span><p>Tổng lượt truy cập: 88.120</p></div>
<div class="portlet-boundary portlet-lienket">Liên kết website <a href="{self.foreign}/web/khoi-thi-dua-trung-uong">Cụm thi đua các tỉnh miền núi phía Bắc</a></div></div></div>
<footer id="footer"><p>Bản quyền thuộc Ban Thi đua - Khen thưởng tỉnh. Số 18 đường Nha Trang</p></footer></body></html>"""

    def _listing(self, k: int, state: str = "") -> str:
        return (f"/web/guest/tin-hoat-dong?p_p_id=101_INSTANCE_Ab12&p_p_lifecycle=0{state}"
                f"&_101_INSTANCE_Ab12_cur={k}&_101_INSTANCE_Ab12_delta={PER_PAGE}")

    def _build_liferay(self) -> dict[str, Page]:
        self.disallow = ["/c/portal/login", "/web/guest/tim-kiem"]
        r: dict[str, Page] = {"/robots.txt": self._robots("Crawl-delay: 0.2")}
        listed = [p for p in self.posts if p.listed]
        r["/"] = Page(b"", status=302, headers={"Location": "/web/guest/home"})
        r["/web/guest/home"] = Page(self._liferay_shell("Trang chủ", f"""<div class="portlet-boundary asset-publisher">
<h2>Tin hoạt động</h2><a href="{self._listing(1)}">Xem tất cả</a><a href="/c/portal/login?khoi-thi-dua">Đăng nhập hệ thống thi đua khen thưởng</a></div>""").encode())
        n = max(1, -(-len(listed) // PER_PAGE))
        for k in range(1, n + 1):
            listing = self._listing(k)
            items = "".join(
                f'<div class="asset-abstract"><h3 class="asset-title"><a href="{p.path}?inheritRedirect=false&redirect={quote(listing, safe="")}">'
                f'{html.escape(p.article.title)}</a></h3><div class="asset-summary">{html.escape(p.article.paragraphs[0][:140])}...</div></div>'
                for p in listed[(k - 1) * PER_PAGE : k * PER_PAGE])
            nav = "".join(f'<li><a href="{self._listing(i)}">{i}</a></li>' for i in range(1, n + 1) if i != k)
            nav += f'<li><a href="{self._listing(k, "&p_p_state=maximized")}">Phóng to</a></li>'
            r[listing] = Page(self._liferay_shell("Tin hoạt động", f'<div class="portlet-boundary">{items}<ul class="lfr-pagination">{nav}</ul></div>').encode())
            r[self._listing(k, "&p_p_state=maximized")] = r[listing]
        r["/web/guest/van-ban"] = Page(b"facets")  # served dynamically in _dynamic
        for p in self.posts:
            main = f"""<div class="portlet-boundary portlet-asset-publisher"><div class="asset-full-content">
<h3 class="header-title"><span>{html.escape(p.article.title)}</span></h3>
<div class="metadata-entry metadata-publish-date">{p.article.date[8:]}/{p.article.date[5:7]}/{p.article.date[:4]}</div>
<span class="view-count">Lượt xem: 512</span>
<div class="journal-content-article">{self._body_html(p)}</div>
<div class="taglib-social-bookmarks">Chia sẻ: Facebook Zalo</div></div>
<div class="asset-links"><h4>Tin liên quan</h4><ul>{self._links(self._others(p))}</ul></div></div>"""
            page = Page(self._liferay_shell(p.article.title, main).encode())
            if p.special == "slow":
                page.delay = 1.5
            if p.special == "flaky":
                page.fail_times = 1
            r[p.path] = page
        return r

    # -- ASPX ---------------------------------------------------------------------------
    def _aspx_shell(self, title: str, main: str) -> str:
        return f"""<html><head><title>{title}</title></head><body><form id="form1" action="Default.aspx">
<table width="980" border="0"><tr><td colspan="2"><img src="banner.jpg" alt="Sở Nội vụ"></td></tr>
<tr><td width="200" valign="top" class="leftmenu"><table><tr><td><a href="/Default.aspx">Trang chủ</a></td></tr>
<tr><td><a href="/DanhSach.aspx?CatID=2">Tin hoạt động</a></td></tr><tr><td><a href="/LichCongTac.aspx?Thang=7&Nam=2023">Lịch công tác</a></td></tr>
<tr><td>Lượt truy cập: 45.678</td></tr></table></td>
<td valign="top">{main}</td></tr><tr><td colspan="2" align="center" class="footer">Bản quyền © Sở Nội vụ. Số 18 đường Nha Trang</td></tr></table></form></body></html>"""

    def _build_aspx(self) -> dict[str, Page]:
        self.disallow = ["/Admin/", "/TimKiem.aspx"]
        r: dict[str, Page] = {"/robots.txt": self._robots()}
        listed = [p for p in self.posts if p.listed]
        r["/"] = Page(b"", status=302, headers={"Location": "/Default.aspx"})
        r["/Default.aspx"] = Page(self._aspx_shell("Trang chủ", f"""<table><tr><td class="tieude">Tin mới</td></tr>
{''.join(f'<tr><td><a href="/(S(a1b2c3d4e5))/ChiTiet.aspx?ID={p.path.split("=")[-1]}">{html.escape(p.article.title)}</a></td></tr>' for p in listed[:3])}
<tr><td><a href="/Admin/SuaTin.aspx?ID=1">Quản trị tin khối thi đua</a> <a href="/TimKiem.aspx?q=khoi">Tìm kiếm tin khối thi đua</a></td></tr></table>""").encode())
        n = max(1, -(-len(listed) // PER_PAGE))
        for k in range(1, n + 1):
            rows = "".join(f'<tr><td><a href="{p.path}">{html.escape(p.article.title)}</a></td></tr>'
                           for p in listed[(k - 1) * PER_PAGE : k * PER_PAGE])
            nav = " ".join(f'<a href="/DanhSach.aspx?CatID=2&Page={i}">[{i}]</a>' for i in range(1, n + 1) if i != k)
            body = self._aspx_shell("Tin hoạt động", f"<table>{rows}</table><div>{nav}</div>").encode()
            r[f"/DanhSach.aspx?CatID=2&Page={k}"] = Page(body)
            if k == 1:
                r["/DanhSach.aspx?CatID=2"] = Page(body)
        for month in range(1, 13):
            for year in (2022, 2023, 2024):
                r[f"/LichCongTac.aspx?Thang={month}&Nam={year}"] = Page(self._aspx_shell("Lịch", f"""Lịch công tác tháng {month}
<a href="/LichCongTac.aspx?Thang={month % 12 + 1}&Nam={year + (month == 12)}">Tháng sau</a>""").encode())
        for p in self.posts:
            date = f"{p.article.date[8:]}/{p.article.date[5:7]}/{p.article.date[:4]}"
            paras = "<br><br>".join(html.escape(x) for x in p.article.paragraphs)
            author = f"<br><br><b>{p.article.author}</b>" if p.article.author else ""
            main = f"""<table width="100%"><tr><td class="TieuDe"><b>{html.escape(p.article.title)}</b></td></tr>
<tr><td class="NgayDang">({date}) Lượt xem: 88</td></tr><tr><td class="NoiDung" style="text-align:justify">{paras}{author}</td></tr>
<tr><td><b>Các tin khác</b><br>{'<br>'.join(f'<a href="{o.path}">{html.escape(o.article.title)}</a>' for o in self._others(p, 4))}</td></tr></table>"""
            page_html = self._aspx_shell(html.escape(p.article.title), main)
            if p.special == "1258-header":
                r[p.path] = Page(to_cp1258(page_html), "text/html; charset=windows-1258")
            elif p.special == "1258-meta":
                page_html = page_html.replace("<head>", '<head><meta http-equiv="Content-Type" content="text/html; charset=windows-1258">')
                r[p.path] = Page(to_cp1258(page_html), "text/html")
            elif p.special == "tcvn3":
                legacy = page_html.replace(main, f'<font face=".VnTime">{main}</font>')
                r[p.path] = Page(to_tcvn3(legacy), "text/html; charset=iso-8859-1")
            else:
                r[p.path] = Page(page_html.encode())
        return r

    # -- WordPress ----------------------------------------------------------------------
    def _wp_shell(self, title: str, main: str) -> str:
        return f"""<!doctype html><html lang="vi"><head><meta charset="UTF-8"><title>{html.escape(title)} &#8211; Sở Tư pháp</title>
<link rel="alternate" type="application/rss+xml" title="Feed" href="{self.base}/feed/"></head>
<body class="home blog"><header class="site-header"><nav class="main-navigation"><ul><li><a href="/">Trang chủ</a></li>
<li><a href="/category/tin-tuc/">Tin tức</a></li></ul></nav></header><div id="content" class="site-content">{main}
<aside id="secondary" class="widget-area"><section class="widget widget_calendar"><table id="wp-calendar"><caption>Tháng Bảy 2023</caption>
<tr><td><a href="/2023/07/13/">13</a></td><td><a href="/2023/07/19/">19</a></td></tr></table><a href="/?m=202306">« Th6</a></section>
<section class="widget widget_tag_cloud"><a href="/tag/thi-dua/">thi đua</a> <a href="/tag/hoi-nghi/">hội nghị</a></section>
<section class="widget"><h2>Liên kết website</h2><a href="{self.foreign}/khoi-thi-dua-tinh-ban/">Khối thi đua tỉnh bạn tổ chức hội nghị tổng kết</a></section></aside></div>
<footer class="site-footer">Bản quyền © Sở Tư pháp. Địa chỉ: Số 18 đường Nha Trang. Designed by WP</footer></body></html>"""

    def _build_wp(self) -> dict[str, Page]:
        self.disallow = ["/wp-admin/", "/?s="]
        r: dict[str, Page] = {"/robots.txt": self._robots(f"Sitemap: {self.base}/sitemap.xml")}
        listed = [p for p in self.posts if p.listed]
        def item(p: Post) -> str:
            return (f'<article class="post"><h2 class="entry-title"><a href="{p.path}">{html.escape(p.article.title)}</a></h2>'
                    f'<div class="entry-summary"><p>{html.escape(p.article.paragraphs[0][:120])} [&hellip;]</p></div></article>')
        r["/"] = Page(self._wp_shell("Trang chủ", "<main>" + "".join(item(p) for p in listed[:3])
                                     + '<a href="/category/tin-tuc/page/2/">Các bài cũ hơn</a></main>').encode())
        n = max(1, -(-len(listed) // PER_PAGE))
        for k in range(1, n + 1):
            nav = f'<a class="next" href="/category/tin-tuc/page/{k + 1}/">Trang sau</a>' if k < n else ""
            body = self._wp_shell("Tin tức", "<main>" + "".join(item(p) for p in listed[(k - 1) * PER_PAGE : k * PER_PAGE]) + nav + "</main>").encode()
            r["/category/tin-tuc/" if k == 1 else f"/category/tin-tuc/page/{k}/"] = Page(body)
        for path in ("/2023/07/13/", "/2023/07/19/", "/?m=202306", "/tag/thi-dua/", "/tag/hoi-nghi/"):
            r[path] = Page(self._wp_shell("Lưu trữ", "<main>" + "".join(item(p) for p in listed[:2])
                                          + '<a href="/?m=202305">Tháng trước</a></main>').encode())
        rss = "".join(f"<item><title>{html.escape(p.article.title)}</title><link>{self.base}{p.path}?utm_source=rss&amp;utm_medium=rss</link>"
                      f"<pubDate>{formatdate(1689200000 + i * 86400, usegmt=True)}</pubDate></item>" for i, p in enumerate(listed[-6:]))
        r["/feed/"] = Page(f'<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Sở Tư pháp</title>{rss}</channel></rss>'.encode(),
                           "application/rss+xml; charset=UTF-8")
        r["/sitemap.xml"] = Page(f'<?xml version="1.0" encoding="UTF-8"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
                                 f"<sitemap><loc>{self.base}/post-sitemap.xml</loc></sitemap></sitemapindex>".encode(), "application/xml")
        urls = "".join(f"<url><loc>{self.base}{p.path}</loc><lastmod>{p.modified}</lastmod></url>" for p in self.posts)
        r["/post-sitemap.xml"] = Page(f'<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{urls}</urlset>'.encode(),
                                      "application/xml")
        for i, p in enumerate(self.posts):
            r[f"/?p={100 + i}"] = Page(b"", status=301, headers={"Location": p.path})
            main = f"""<main id="main"><article class="post type-post"><header class="entry-header"><h1 class="entry-title">{html.escape(p.article.title)}</h1>
<div class="entry-meta"><time class="entry-date published" datetime="{p.article.date}T08:00:00+07:00">{p.article.date}</time> bởi <span class="author vcard">{p.article.author or 'admin'}</span></div></header>
<div class="entry-content">{self._body_html(p)}<div class="sharedaddy">Chia sẻ: Facebook Twitter</div></div>
<div class="jp-relatedposts"><h3>Tin liên quan</h3>{self._links(self._others(p, 3))}</div>
<nav class="post-navigation"><a href="/?p={100 + (i + 1) % len(self.posts)}" rel="next">Bài tiếp theo trong chuyên mục khối thi đua</a></nav></article></main>"""
            r[p.path] = Page(self._wp_shell(p.article.title, main).encode())
        return r

    def _build_foreign(self) -> dict[str, Page]:
        return {"/robots.txt": self._robots(), "/": Page(b"<p>foreign</p>")}

    # -- serving ------------------------------------------------------------------------
    def _dynamic(self, path: str) -> Page | None:
        parts = urlsplit(path)
        if self.style == "liferay" and parts.path == "/web/guest/van-ban":
            q = parse_qs(parts.query)
            links = "".join(f'<a href="/web/guest/van-ban?{parts.query}&{key}={v}">{key} {v}</a> '
                            for key in ("linhvuc", "coquan", "loai") for v in range(1, 6) if key not in q)
            links += "".join(f'<a href="/web/guest/van-ban?linhvuc={v}&coquan={w}">Lọc {v}-{w}</a> ' for v in range(1, 4) for w in range(1, 4))
            return Page(self._liferay_shell("Văn bản", f"<div class='portlet-boundary'>Bộ lọc văn bản: {links}</div>").encode())
        return None

    def _lookup(self, path: str) -> Page | None:
        if path in self.routes:
            return self.routes[path]
        parts = urlsplit(path)
        clean = parts.path.rstrip("/") or "/"
        for candidate in (clean, clean + "/", parts.path + ("?" + parts.query if parts.query else "")):
            if candidate in self.routes:
                return self.routes[candidate]
        if self.style in ("liferay", "egov") and parts.path in self.routes:
            return self.routes[parts.path]  # tracking/redirect parameters do not change the page
        if self.style == "aspx":
            stripped = path.replace("/(S(a1b2c3d4e5))", "")
            if stripped != path:
                return self._lookup(stripped)
        return self._dynamic(path)

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        site = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args: object) -> None:
                pass

            def do_GET(self) -> None:  # noqa: N802
                page = site._lookup(self.path)
                if page is None:
                    return self._send(404, b"<h1>404 Not Found</h1>", "text/html", {})
                if page.delay:
                    time.sleep(page.delay)
                if page.fail_times:
                    with site.lock:
                        count = site.fail_counts.get(self.path, 0)
                        site.fail_counts[self.path] = count + 1
                    if count < page.fail_times:
                        return self._send(500, b"temporary error", "text/plain", {})
                headers = dict(page.headers)
                if page.status == 200:
                    etag = '"' + hashlib.md5(page.body).hexdigest()[:16] + '"'
                    headers["ETag"] = etag
                    headers["Last-Modified"] = formatdate(1690000000 + len(page.body), usegmt=True)
                    if self.headers.get("If-None-Match") == etag:
                        return self._send(304, b"", None, headers)
                self._send(page.status, page.body, page.content_type, headers)

            def _send(self, status: int, body: bytes, ctype: str | None, headers: dict[str, str]) -> None:
                with site.lock:
                    site.log.append((self.path, {k.lower(): v for k, v in self.headers.items()}, status))
                self.send_response(status)
                if ctype:
                    self.send_header("Content-Type", ctype)
                for k, v in headers.items():
                    self.send_header(k, v)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                if status != 304:
                    self.wfile.write(body)

        return Handler


def slug(text: str) -> str:
    """Return an ASCII URL slug of a Vietnamese title."""
    folded = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    ascii_text = "".join(c for c in folded if not unicodedata.combining(c)).lower()
    return "-".join("".join(c if c.isalnum() else " " for c in ascii_text).split())[:80]


@dataclass
class Portals:
    """The running mock sites and the ground truth about them."""

    sites: dict[str, MockSite]
    relevant: dict[str, list[str]]  # article key -> every URL it is published under
    syndicated: str  # article key published on two sites

    def stop(self) -> None:
        for s in self.sites.values():
            s.stop()

    def portal_sites(self) -> list[MockSite]:
        return [s for n, s in self.sites.items() if n != "foreign"]


def _assign() -> dict[str, list[Post]]:
    rel = relevant_articles()
    off = off_topic_articles()
    styles = ["egov", "liferay", "aspx", "wp"]
    posts: dict[str, list[Post]] = {s: [] for s in styles}
    for i, a in enumerate(rel):
        posts[styles[i % 4]].append(Post(a, ""))
    for i, a in enumerate(off):
        posts[styles[i % 4]].append(Post(a, ""))
    # The egov article r0 syndicated on the WordPress site, credited to its source: a near-duplicate.
    posts["wp"].append(Post(replace(rel[0], author="Theo Cổng thông tin điện tử tỉnh"), ""))
    for style, items in posts.items():
        for n, post in enumerate(items, start=1):
            s = slug(post.article.title)
            post.path = {
                "egov": f"/tin-tuc/{s}-{n}.html",
                "liferay": f"/web/guest/tin-hoat-dong/-/asset_publisher/Ab12/content/{s}-{n}",
                "aspx": f"/ChiTiet.aspx?ID={n}",
                "wp": f"/2023/{1 + n % 12:02d}/{s}-{n}/",
            }[style]
    posts["aspx"][0].special = "1258-header"
    posts["aspx"][1].special = "1258-meta"
    posts["aspx"][2].special = "tcvn3"
    posts["liferay"][1].special = "slow"
    posts["liferay"][2].special = "flaky"
    posts["wp"][3].listed = False  # only in the sitemap
    posts["wp"][5].listed = False
    return posts


def start_portals() -> Portals:
    """Start the four mock portals and the foreign site; return them with the ground truth."""
    foreign = MockSite("foreign", "foreign", []).start()
    sites: dict[str, MockSite] = {"foreign": foreign}
    for style, posts in _assign().items():
        sites[style] = MockSite(style, style, posts, foreign.base).start()
    relevant: dict[str, list[str]] = {}
    for site in sites.values():
        for post in site.posts:
            if post.article.relevant:
                relevant.setdefault(post.article.key, []).extend(site.article_urls(post))
    return Portals(sites, relevant, "r0")


def write_registry(directory: str, portals: Portals) -> None:
    """Write one TOML per mock portal giving only its base URL (the generic spider does the rest)."""
    from pathlib import Path

    for name, site in portals.sites.items():
        if name == "foreign":
            continue
        Path(directory, f"{name}.toml").write_text(
            f'name = "{name}"\nprovince = "Thái Nguyên"\nbase_url = "{site.base}/"\nverified = true\n', encoding="utf-8")
