"""Fifth held-out set: five mock portals with quirks the other mocks do not have.

Written apart from the crawler and measured on it before any fix. Each site listens on its own
loopback address (127.0.0.22 ... 127.0.0.26); off-site requests go to the ``Outside`` proxy of
heldout_portals, which records them.

- ``vnpt``: the common provincial "Cổng thông tin điện tử" platform. Articles at
  ``/chi-tiet-tin?/<slug>/<id>`` (a query string that starts with a slash and has no ``=``) and, under
  the second category, ``/Pages/chi-tiet-tin.aspx?ItemID=<id>&CateID=2``; one category paged by
  numbered ``/trang-N`` links, the other only by ``?Page=N`` and a "Tin cũ hơn" link; every article
  lists "Các tin cũ hơn"; "Tải về" PDF attachments (``/Documents/…pdf`` and ``/DownloadFile.aspx?id=``
  answering ``application/pdf`` with Content-Disposition) beside the articles.
- ``slugid``: ``/tin-tuc/<slug>-a<id>.html``; the titles of half the articles were edited after
  publication, the old slug still answers 200 with the same body (no redirect, no canonical) and is
  what the home page links; inside the same ``<article>`` a "Tin cùng chuyên mục" block carries the
  full lead paragraph of four other articles; "In bài" print versions (``/in-bai/<id>.html``).
- ``gate``: an anti-bot interstitial: a request without the ``__tsg`` cookie gets a 200 "Đang kiểm tra
  trình duyệt" page that sets the cookie and meta-refreshes to the same URL (no JS needed); and a
  maintenance window: two requests answered 503 with Retry-After: 3.
- ``encoding``: pages compressed with ``Content-Encoding: br`` or ``deflate``, ``Content-Type:
  text/html`` with no charset, the charset only in a ``<meta http-equiv>`` after 1.6-4.5 kB of inline
  CSS/JS (three pages in windows-1258 that way); three articles stored by the CMS double-encoded
  (UTF-8 bytes read as windows-1252 and saved again as UTF-8: "Khá»‘i thi Ä‘ua").
- ``feed``: no HTML listing of older articles: the home page shows the three newest and names an RSS
  feed (latest five, older articles only as relative links inside ``<content:encoded>``, a PDF
  ``<enclosure>``) and an Atom feed paged by ``<link rel="next">`` (RFC 5005), entries with
  ``xml:base``-relative links. Article pages link no other article.
"""

from __future__ import annotations

import html
import threading
import time
import zlib
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler
from urllib.parse import urlsplit

import brotli

from tests.crawler.heldout4_portals import bloc_article, other_article
from tests.crawler.heldout_portals import Article, Outside, Post, Resp, Site, free_loopback
from tests.crawler.heldout_sets import HeldoutSet, lay_out_posts, write_registry
from tests.crawler.mockportal import slug, to_cp1258

__all__ = ["CHROME_MARKERS", "IPS", "Heldout5", "free_loopback", "Site5", "mojibake", "start_heldout5", "write_heldout5_registry"]

# Strings only the page chrome of these sites carries: none may reach a stored text.
CHROME_MARKERS = [
    "Tin mới", "Xem nhiều", "Lượt xem", "Trang chủ", "Chia sẻ", "In bài", "Tin liên quan", "Tin cùng chuyên mục",
    "Các tin cũ hơn", "Tin cũ hơn", "Tải về", "Tệp đính kèm", "Bản quyền", "Đường dây nóng", "0219.3822.456",
    "Số 160 đường Trần Hưng Đạo", "Liên kết website", "Đang kiểm tra", "bảo trì", "Đăng nhập", "Từ khóa:",
    "Khá»", "Ä‘", "font-family", "function(",
]

# -- texts: the fourth set's generators, other numbers (no article of this set is in another) --------------

REL_OFFSET, OTHER_OFFSET = 60, 40

EDITED = " (cập nhật)"


def _esc(text: str) -> str:
    return html.escape(text, quote=True)


def _paras(a: Article) -> str:
    return "".join(f"<p>{_esc(x)}</p>" for x in a.paragraphs)


def _byline(a: Article) -> str:
    return f'<p class="author" style="text-align:right"><strong>{_esc(a.author)}</strong></p>' if a.author else ""


def _views(seed: int) -> int:
    return 97 + (seed * 7919) % 25000


OFFSITE = ["https://www.facebook.com/sharer/sharer.php?u=x", "https://thiduakhenthuong.gov.vn/Pages/cum-khoi.aspx",
           "https://zalo.me/share?u=y", "http://hagiang.gov.vn/thi-dua-khen-thuong"]
FOOT = ("Bản quyền © Cổng thông tin điện tử tỉnh. Số 160 đường Trần Hưng Đạo. Đường dây nóng: 0219.3822.456 "
        f'<a href="{OFFSITE[1]}">Liên kết website</a>')


def _pdf(title: str) -> bytes:
    """Return a small real PDF whose one page says ``title`` (ASCII)."""
    text = slug(title).replace("-", " ")[:70]
    stream = f"BT /F1 12 Tf 72 720 Td ({text}) Tj ET".encode()
    objs = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
            b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
    out, offs = b"%PDF-1.4\n", []
    for i, o in enumerate(objs, 1):
        offs.append(len(out))
        out += b"%d 0 obj\n" % i + o + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1) + b"".join(b"%010d 00000 n \n" % x for x in offs)
    return out + b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)


def mojibake(text: str) -> str:
    """Return ``text`` double-encoded: its UTF-8 bytes read as windows-1252 (undefined bytes as latin-1)."""
    out = []
    for b in text.encode("utf-8"):
        try:
            out.append(bytes([b]).decode("cp1252"))
        except UnicodeDecodeError:
            out.append(chr(b))
    return "".join(out)


# -- serving: request headers visible to the routes --------------------------------------------------------


class Site5(Site):
    """A held-out portal whose routes may read the request's headers; 503/Retry-After windows measured."""

    def __init__(self, name: str, ip: str, posts: list[Post], outside: str) -> None:
        super().__init__(name, ip, posts, outside)
        self.local = threading.local()
        self.hits: list[tuple[float, str]] = []
        self.windows: dict[str, float] = {}  # path -> end of the Retry-After window it was told
        self.gate: Callable[[str], Resp | None] | None = None

    def header(self, name: str) -> str:
        headers = getattr(self.local, "headers", None)
        return (headers.get(name) or "") if headers is not None else ""

    def lookup(self, path: str) -> Resp | None:
        with self.lock:
            self.hits.append((time.monotonic(), path))
        if self.gate is not None:
            resp = self.gate(path)
            if resp is not None:
                return resp
        return super().lookup(path)

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        base = super()._handler()
        site = self

        class Handler(base):  # type: ignore[valid-type,misc]
            def do_GET(self) -> None:  # noqa: N802
                site.local.headers = self.headers
                super().do_GET()

        return Handler

    def retry_after_violations(self) -> list[str]:
        """Return requests sent to a path before the Retry-After window it was given ended."""
        with self.lock:
            hits, windows = list(self.hits), dict(self.windows)
        out = []
        for path, until in windows.items():
            start = until - 3.0
            out += [p for t, p in hits if p == path and start + 0.01 < t < until - 0.05]
        return out



def _br(page: bytes) -> Resp:
    return Resp(brotli.compress(page), "text/html", headers={"Content-Encoding": "br", "Vary": "Accept-Encoding"})


def _deflate(page: bytes, raw: bool = False) -> Resp:
    if raw:  # some IIS versions send raw deflate (no zlib header)
        c = zlib.compressobj(6, zlib.DEFLATED, -15)
        body = c.compress(page) + c.flush()
    else:
        body = zlib.compress(page)
    return Resp(body, "text/html", headers={"Content-Encoding": "deflate"})


# -- 1. VNPT/Viettel "Cổng thông tin điện tử" platform -------------------------------------------------------


def build_vnpt(site: Site5) -> None:
    site.robots = ("User-agent: *\nDisallow: /_layouts/\nDisallow: /Pages/tim-kiem.aspx\nDisallow: /dang-nhap\n"
                   "Crawl-delay: 0.1\n")
    listed = [p for p in site.posts if p.listed]

    def art(p: Post) -> str:
        return f"/chi-tiet-tin?/{slug(p.article.title)[:60]}/{p.ident}"

    def art2(p: Post) -> str:
        return f"/Pages/chi-tiet-tin.aspx?ItemID={p.ident}&amp;CateID=2"

    for p in site.posts:
        p.path = art(p)
        p.aliases = [art2(p).replace("&amp;", "&")]

    def shell(title: str, main: str, seed: int) -> bytes:
        return f"""<!DOCTYPE html><html xmlns="http://www.w3.org/1999/xhtml" lang="vi"><head><meta charset="utf-8">
<title>{_esc(title)} - Cổng thông tin điện tử tỉnh</title><link rel="stylesheet" href="/_layouts/15/portal/css/style.css"></head>
<body><form method="post" action="./" id="aspnetForm"><div class="aspNetHidden"><input type="hidden" name="__VIEWSTATE" value="/wEPDwUKMTY1NDU2MTA1Mg9kFgJmD2QWAgIDD2QWAg=="></div>
<div id="header"><div class="banner">CỔNG THÔNG TIN ĐIỆN TỬ TỈNH</div>
<ul class="menu-top"><li><a href="/">Trang chủ</a></li><li><a href="/thi-dua-khen-thuong">Thi đua - Khen thưởng</a></li>
<li><a href="/Pages/tin-hoat-dong.aspx">Tin hoạt động</a></li><li><a href="/van-ban">Văn bản</a></li>
<li><a href="/Pages/tim-kiem.aspx?k=">Tìm kiếm</a></li><li><a href="/dang-nhap">Đăng nhập</a></li></ul></div>
<div id="content"><div class="col-main">{main}</div>
<div class="col-right"><div class="box"><div class="box-title">Tin mới</div><ul>
{"".join(f'<li><a href="{art(p)}">{_esc(p.article.title)}</a></li>' for p in listed[:3])}</ul></div>
<div class="box"><div class="box-title">Liên kết website</div><a href="{OFFSITE[3]}">Cổng TTĐT tỉnh bạn</a></div></div></div>
<div id="footer">{FOOT} Lượt xem: {_views(seed)}</div></form></body></html>""".encode()

    def item(p: Post, url: str) -> str:
        return (f'<div class="news-item"><a class="img" href="{url}"><img src="/Uploads/{p.ident}.jpg"></a>'
                f'<h3><a href="{url}">{_esc(p.article.title)}</a></h3><span class="date">({p.article.dmy})</span>'
                f'<p class="sapo">{_esc(p.article.paragraphs[0][:110])}…</p></div>')

    r = site.routes
    r["/robots.txt"] = Resp(site.robots.encode(), "text/plain")
    r["/"] = Resp(shell("Trang chủ", "".join(item(p, art(p)) for p in listed[:3])
                        + '<a href="/thi-dua-khen-thuong">Xem tất cả</a>', 0))
    # Category 1: numbered /trang-N pages, half the items (the thi đua ones the editor tagged).
    cat1 = [p for i, p in enumerate(listed) if i % 2 == 0]
    per = 3
    n1 = -(-len(cat1) // per)
    for k in range(1, n1 + 1):
        nav = " ".join(f'<a href="/thi-dua-khen-thuong/trang-{i}">{i}</a>' if i > 1 else '<a href="/thi-dua-khen-thuong">1</a>'
                       for i in range(1, n1 + 1) if i != k)
        r["/thi-dua-khen-thuong" if k == 1 else f"/thi-dua-khen-thuong/trang-{k}"] = Resp(shell(
            "Thi đua - Khen thưởng", "<h1>Thi đua - Khen thưởng</h1>" + "".join(item(p, art(p)) for p in cat1[(k - 1) * per : k * per])
            + f'<div class="paging">{nav}</div>', k))
    # Category 2: every item, under the second URL form, paged only by ?Page=N and "Tin cũ hơn".
    n2 = -(-len(listed) // per)
    for k in range(1, n2 + 1):
        nav = f'<a class="older" href="/Pages/tin-hoat-dong.aspx?Page={k + 1}">Tin cũ hơn »</a>' if k < n2 else ""
        page = Resp(shell("Tin hoạt động", "<h1>Tin hoạt động</h1>" + "".join(item(p, art2(p)) for p in listed[(k - 1) * per : k * per])
                          + nav, 10 + k))
        r[f"/Pages/tin-hoat-dong.aspx?Page={k}"] = page
        if k == 1:
            r["/Pages/tin-hoat-dong.aspx"] = page
    docs = "".join(f'<tr><td>{_esc(p.article.title)}</td><td><a href="/Documents/{p.ident}/{slug(p.article.title)[:50]}.pdf">Tải về</a></td></tr>'
                   for p in listed[:4])
    r["/van-ban"] = Resp(shell("Văn bản", f"<h1>Văn bản</h1><table>{docs}</table>", 20))
    for i, p in enumerate(site.posts):
        a = p.article
        older = [o for o in listed if o.ident < p.ident][-5:]
        main = (f'<div class="breadcrumb"><a href="/">Trang chủ</a> » <a href="/thi-dua-khen-thuong">Thi đua - Khen thưởng</a></div>'
                f'<div class="news-detail"><h1 class="title">{_esc(a.title)}</h1><div class="date">Ngày đăng: {a.dmy} 08:30</div>'
                f'<div class="content">{_paras(a)}{_byline(a)}</div>'
                f'<div class="attach"><b>Tệp đính kèm:</b> <a href="/Documents/{p.ident}/{slug(a.title)[:50]}.pdf">Tải về</a> '
                f'<a href="/DownloadFile.aspx?id={p.ident}">Báo cáo kết quả thi đua (Tải về)</a></div>'
                f'<div class="tools"><a href="{OFFSITE[0]}">Chia sẻ</a> <a href="javascript:window.print()">In bài</a></div></div>'
                '<div class="other-news"><h3>Các tin cũ hơn</h3><ul>'
                + "".join(f'<li><a href="{art(o)}">{_esc(o.article.title)}</a> ({o.article.dmy})</li>' for o in older) + "</ul></div>")
        page = Resp(shell(a.title, main, i + 30))
        r[art(p)] = page
        r[art2(p).replace("&amp;", "&")] = page
        pdf = Resp(_pdf(a.title), "application/pdf")
        r[f"/Documents/{p.ident}/{slug(a.title)[:50]}.pdf"] = pdf
        r[f"/DownloadFile.aspx?id={p.ident}"] = Resp(pdf.body, "application/pdf", headers={
            "Content-Disposition": f'attachment; filename="BC-{p.ident}.pdf"'})

    def dynamic(path: str) -> Resp | None:
        if path.startswith(("/Pages/tim-kiem.aspx", "/dang-nhap", "/_layouts/")):
            return Resp(shell("Công cụ", "<p>Công cụ.</p>", 0))
        return None

    site.dynamic = dynamic


# -- 2. slug + id, edited titles, related summaries inside <article>, print versions ------------------------


def build_slugid(site: Site5) -> None:
    site.robots = "User-agent: *\nDisallow: /admin/\nDisallow: /tim-kiem/\nCrawl-delay: 0.1\n"
    listed = [p for p in site.posts if p.listed]
    edited = {p.ident for i, p in enumerate(site.posts) if i % 2 == 0}
    old_title = {p.ident: p.article.title for p in site.posts}
    new_title = {p.ident: p.article.title + EDITED if p.ident in edited else p.article.title for p in site.posts}

    def url(p: Post, old: bool = False) -> str:
        t = old_title[p.ident] if old else new_title[p.ident]
        return f"/tin-tuc/{slug(t)[:70]}-a{p.ident}.html"

    for p in site.posts:
        p.path = url(p)
        p.aliases = [url(p, old=True)] if p.ident in edited else []

    def shell(title: str, main: str, seed: int) -> bytes:
        return f"""<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>{_esc(title)}</title></head>
<body><header><a href="/">Trang chủ</a> <a href="/chuyen-muc/thi-dua-khen-thuong.html">Thi đua - Khen thưởng</a>
<a href="/tim-kiem/?q=">Tìm kiếm</a></header><div class="container">{main}</div>
<aside><h4>Xem nhiều</h4>{"".join(f'<a href="{url(p, True)}">{_esc(old_title[p.ident])}</a>' for p in listed[:2])}</aside>
<footer>{FOOT} Lượt xem: {_views(seed)}</footer></body></html>""".encode()

    def card(p: Post, old: bool = False) -> str:
        return (f'<div class="card"><h3><a href="{url(p, old)}">{_esc(old_title[p.ident] if old else new_title[p.ident])}</a></h3>'
                f'<time>{p.article.dmy}</time></div>')

    r = site.routes
    r["/robots.txt"] = Resp(site.robots.encode(), "text/plain")
    r["/"] = Resp(shell("Trang chủ", "".join(card(p, True) for p in listed[:4])
                        + '<a href="/chuyen-muc/thi-dua-khen-thuong.html">Xem thêm</a>', 0))
    per = 4
    n = -(-len(listed) // per)
    for k in range(1, n + 1):
        nav = f'<a rel="next" href="/chuyen-muc/thi-dua-khen-thuong/p{k + 1}.html">Trang sau</a>' if k < n else ""
        r["/chuyen-muc/thi-dua-khen-thuong.html" if k == 1 else f"/chuyen-muc/thi-dua-khen-thuong/p{k}.html"] = Resp(
            shell("Thi đua - Khen thưởng", "".join(card(p) for p in listed[(k - 1) * per : k * per]) + nav, k))

    def page(p: Post, i: int, old: bool) -> bytes:
        a = p.article
        others = [o for o in listed if o is not p][i % 6 : i % 6 + 4]
        related = "".join(f'<li><h4><a href="{url(o)}">{_esc(new_title[o.ident])}</a></h4>'
                          f'<p class="summary">{_esc(o.article.paragraphs[0])}</p></li>' for o in others)
        title = old_title[p.ident] if old else new_title[p.ident]
        main = (f'<article class="detail"><h1>{_esc(title)}</h1><div class="meta"><span class="time">{a.dmy} 07:45</span>'
                f' | Lượt xem: {_views(i + old)}</div><div class="detail-content">{_paras(a)}{_byline(a)}</div>'
                f'<div class="tools"><a href="/in-bai/{p.ident}.html" target="_blank">In bài</a> <a href="{OFFSITE[2]}">Chia sẻ</a></div>'
                f'<div class="tags">Từ khóa: <a href="/tim-kiem/?q=thi+dua">thi đua</a></div>'
                f'<section class="same-cat"><h3>Tin cùng chuyên mục</h3><ul>{related}</ul></section></article>')
        return shell(title, main, i + 2)

    for i, p in enumerate(site.posts):
        a = p.article
        r[url(p)] = Resp(page(p, i, False))
        if p.ident in edited:
            r[url(p, True)] = Resp(page(p, i, True))
        r[f"/in-bai/{p.ident}.html"] = Resp(f"""<html><head><meta charset="utf-8"><title>{_esc(new_title[p.ident])}</title></head>
<body onload="window.print()"><h2>{_esc(new_title[p.ident])}</h2><p><i>{a.dmy}</i></p>{_paras(a)}{_byline(a)}
<p class="src">Nguồn: {site.base}{url(p)}</p></body></html>""".encode())

    def dynamic(path: str) -> Resp | None:
        if path.startswith(("/tim-kiem/", "/admin/")):
            return Resp(shell("Tìm kiếm", "<p>Không có kết quả.</p>", 0))
        return None

    site.dynamic = dynamic


# -- 3. anti-bot interstitial with a cookie, maintenance 503 -----------------------------------------------------


def build_gate(site: Site5) -> None:
    site.robots = "User-agent: *\nDisallow: /cgi-bin/\nDisallow: /tim-kiem\nCrawl-delay: 0.1\n"
    listed = [p for p in site.posts if p.listed]
    for p in site.posts:
        p.path = f"/tin-tuc/{p.ident}/{slug(p.article.title)[:55]}.html"

    def shell(title: str, main: str, seed: int) -> bytes:
        return f"""<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>{_esc(title)}</title></head>
<body><div class="nav"><a href="/">Trang chủ</a> <a href="/chuyen-muc/thi-dua/">Thi đua</a> <a href="/tim-kiem">Tìm kiếm</a></div>
<div id="main">{main}</div><div class="right"><h4>Tin mới</h4>{"".join(f'<p><a href="{p.path}">{_esc(p.article.title)}</a></p>' for p in listed[:3])}</div>
<div class="footer">{FOOT}</div></body></html>""".encode()

    def row(p: Post) -> str:
        return f'<li><a href="{p.path}">{_esc(p.article.title)}</a> <span>{p.article.dmy}</span></li>'

    r = site.routes
    r["/robots.txt"] = Resp(site.robots.encode(), "text/plain")
    r["/"] = Resp(shell("Trang chủ", f"<ul>{''.join(row(p) for p in listed[:3])}</ul>", 0))
    per = 4
    n = -(-len(listed) // per)
    for k in range(1, n + 1):
        nav = f'<a href="/chuyen-muc/thi-dua/?trang={k + 1}">Trang tiếp</a>' if k < n else ""
        page = Resp(shell("Thi đua", f"<ul>{''.join(row(p) for p in listed[(k - 1) * per : k * per])}</ul>{nav}", k))
        r[f"/chuyen-muc/thi-dua/?trang={k}"] = page
        if k == 1:
            r["/chuyen-muc/thi-dua/"] = page
    for i, p in enumerate(site.posts):
        a = p.article
        r[p.path] = Resp(shell(a.title, f'<div class="detail"><h1>{_esc(a.title)}</h1><p class="date">Cập nhật: {a.dmy}</p>'
                                        f'<div class="body">{_paras(a)}{_byline(a)}</div></div>', i + 1))
    served = [0]

    def gate(path: str) -> Resp | None:
        if path == "/robots.txt":
            return None
        cookie = site.header("Cookie")
        if "__tsg=ok7f3a" not in cookie:
            body = f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>Đang kiểm tra trình duyệt</title>
<meta http-equiv="refresh" content="1;url={_esc(path)}"></head><body><div style="text-align:center;margin-top:120px">
<h2>Đang kiểm tra trình duyệt của bạn...</h2><p>Hệ thống bảo vệ đang xác minh kết nối. Trang sẽ tự chuyển sau 1 giây.</p>
<p>Nếu trang không tự chuyển, vui lòng <a href="{_esc(path)}">bấm vào đây</a>.</p></div></body></html>""".encode()
            return Resp(body, headers={"Set-Cookie": "__tsg=ok7f3a; Path=/; Max-Age=3600; HttpOnly", "Cache-Control": "no-store"})
        with site.lock:
            served[0] += 1
            n = served[0]
            if n in (5, 6):
                site.windows[path] = time.monotonic() + 3.0
        if n in (5, 6):
            return Resp("<html><body><h1>Hệ thống đang bảo trì</h1><p>Vui lòng quay lại sau ít phút.</p></body></html>".encode(),
                        status=503, headers={"Retry-After": "3"})
        return None

    site.gate = gate

    def dynamic(path: str) -> Resp | None:
        if path.startswith("/tim-kiem"):
            return Resp(shell("Tìm kiếm", "<form><input name='q'></form>", 0))
        return None

    site.dynamic = dynamic


# -- 4. compressed pages, late charset, double-encoded articles --------------------------------------------------


_CSS = ("body{font-family:Arial,Helvetica,sans-serif;font-size:13px;color:#333;margin:0;padding:0}"
        ".menu li{float:left;list-style:none;padding:6px 12px;background:#b30000}.menu li a{color:#fff;text-decoration:none}"
        ".news-detail h1{font-size:22px;color:#0a4f9c;line-height:1.35}.news-detail .content p{text-align:justify;margin:0 0 8px}")
_JS = ("function showMenu(id){var e=document.getElementById(id);if(!e)return;e.style.display=e.style.display=='block'?'none':'block';}"
       "window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push(arguments);}gtag('js',new Date());gtag('config','G-XK29QQ');")


def build_encoding(site: Site5) -> None:
    site.robots = "User-agent: *\nDisallow: /admin/\nCrawl-delay: 0.1\n"
    listed = [p for p in site.posts if p.listed]
    for p in site.posts:
        p.path = f"/tin-tuc/{slug(p.article.title)[:50]}-{p.ident}.html"
    rel = [p for p in site.posts if p.article.relevant]
    mojis = {p.ident for p in rel[1:4]}
    cp1258 = {p.ident for p in rel[5:8]}

    def shell(title: str, main: str, seed: int, charset: str = "utf-8", pad: int = 1) -> str:
        style = "<style>" + (_CSS * (2 + pad * 2)) + "</style>"
        script = "<script>" + (_JS * (1 + pad * 2)) + "</script>"
        return f"""<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml"><head>{style}{script}
<meta http-equiv="Content-Type" content="text/html; charset={charset}"><title>{_esc(title)}</title></head>
<body><ul class="menu"><li><a href="/">Trang chủ</a></li><li><a href="/chuyen-muc/khoi-cum-thi-dua.html">Khối, cụm thi đua</a></li></ul>
<div class="main">{main}</div><div class="footer">{FOOT} Lượt xem: {_views(seed)}</div></body></html>"""

    def row(p: Post) -> str:
        return f'<li><a href="{p.path}">{_esc(p.article.title)}</a> ({p.article.dmy})</li>'

    r = site.routes
    r["/robots.txt"] = Resp(site.robots.encode(), "text/plain")
    r["/"] = _br(shell("Trang chủ", f"<ul>{''.join(row(p) for p in listed[:3])}</ul>", 0).encode())
    per = 5
    n = -(-len(listed) // per)
    for k in range(1, n + 1):
        nav = f'<a href="/chuyen-muc/khoi-cum-thi-dua/trang-{k + 1}.html">Trang sau</a>' if k < n else ""
        body = shell("Khối, cụm thi đua", f"<ul>{''.join(row(p) for p in listed[(k - 1) * per : k * per])}</ul>{nav}", k).encode()
        r["/chuyen-muc/khoi-cum-thi-dua.html" if k == 1 else f"/chuyen-muc/khoi-cum-thi-dua/trang-{k}.html"] = (
            _br(body) if k % 2 else _deflate(body))
    for i, p in enumerate(site.posts):
        a = p.article
        main = (f'<div class="news-detail"><h1>{_esc(a.title)}</h1><div class="date">Ngày {a.dmy}</div>'
                f'<div class="content">{_paras(a)}{_byline(a)}</div></div>')
        if p.ident in mojis:
            # the CMS stored the article double-encoded; only the chrome (templates) is right
            main = mojibake(main)
        if p.ident in cp1258:
            page = shell(a.title, main, i + 1, "windows-1258", pad=3)
            r[p.path] = _deflate(to_cp1258(page), raw=i % 2 == 0)
        else:
            page = shell(a.title, main, i + 1, pad=i % 3)
            r[p.path] = _br(page.encode()) if i % 2 else _deflate(page.encode())


# -- 5. RSS/Atom only ---------------------------------------------------------------------------------------------


def build_feed(site: Site5) -> None:
    site.robots = "User-agent: *\nDisallow: /wp-admin/\nDisallow: /tim-kiem\nCrawl-delay: 0.1\n"
    listed = sorted((p for p in site.posts if p.listed), key=lambda p: p.article.date, reverse=True)
    for p in site.posts:
        p.path = f"/bai-viet/{slug(p.article.title)[:55]}-{p.ident}.html"
    b = site.base

    def shell(title: str, main: str, seed: int) -> bytes:
        return f"""<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>{_esc(title)}</title>
<link rel="alternate" type="application/rss+xml" title="Thi đua - Khen thưởng" href="/rss/thi-dua.rss">
<link rel="alternate" type="application/atom+xml" title="Tất cả bài viết" href="/feeds/atom.xml"></head>
<body><div class="top"><a href="/">Trang chủ</a> <a href="/rss">RSS</a> <a href="/tim-kiem">Tìm kiếm</a></div>
<div class="main">{main}</div><div class="foot">{FOOT}</div></body></html>""".encode()

    r = site.routes
    r["/robots.txt"] = Resp(site.robots.encode(), "text/plain")
    r["/"] = Resp(shell("Trang chủ", "".join(f'<h3><a href="{p.path}">{_esc(p.article.title)}</a></h3>' for p in listed[:3]), 0))
    r["/rss"] = Resp(shell("RSS", '<p>Kênh RSS: <a href="/rss/thi-dua.rss">Thi đua - Khen thưởng</a></p>', 1))

    def rfc822(iso: str) -> str:
        import datetime as dt

        return dt.datetime.fromisoformat(iso + "T08:00:00+07:00").strftime("%a, %d %b %Y %H:%M:%S +0700")

    items = []
    for i, p in enumerate(listed[:5]):
        a = p.article
        older = listed[5 + 2 * i : 7 + 2 * i]
        links = "".join(f'<li><a href="{o.path.rsplit("/", 1)[1] if j % 2 else o.path}">{_esc(o.article.title)}</a></li>'
                        for j, o in enumerate(older))
        content = f"{_paras(a)}<h4>Tin liên quan</h4><ul>{links}</ul>"
        items.append(f"<item><title>{_esc(a.title)}</title><link>{b}{p.path}</link><guid isPermaLink=\"false\">bv-{p.ident}</guid>"
                     f"<pubDate>{rfc822(a.date)}</pubDate><description>{_esc(a.paragraphs[0][:120])}</description>"
                     f"<content:encoded><![CDATA[{content}]]></content:encoded>"
                     f'<enclosure url="{b}/uploads/{p.ident}/bao-cao-khoi-thi-dua.pdf" length="2048" type="application/pdf"/></item>')
    r["/rss/thi-dua.rss"] = Resp(('<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">'
                                  f"<channel><title>Thi đua - Khen thưởng</title><link>{b}/</link>{''.join(items)}</channel></rss>").encode(),
                                 "application/rss+xml; charset=utf-8")
    per = 4
    n = -(-len(listed) // per)
    for k in range(1, n + 1):
        chunk = listed[(k - 1) * per : k * per]
        nxt = f'<link rel="next" href="{b}/feeds/atom.xml?page={k + 1}"/>' if k < n else ""
        entries = "".join(f'<entry><title>{_esc(p.article.title)}</title><link rel="alternate" type="text/html" href="{p.path.removeprefix("/bai-viet/")}"/>'
                          f"<id>tag:{urlsplit(b).hostname},{p.article.date}:{p.ident}</id><updated>{p.article.date}T08:00:00+07:00</updated>"
                          f'<summary>{_esc(p.article.paragraphs[0][:120])}</summary></entry>' for p in chunk)
        feed = (f'<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom" xml:base="{b}/bai-viet/">'
                f'<title>Tất cả bài viết</title><id>tag:feed</id><updated>2024-12-20T08:00:00+07:00</updated>'
                f'<link rel="self" href="{b}/feeds/atom.xml{"?page=" + str(k) if k > 1 else ""}"/>{nxt}{entries}</feed>')
        r["/feeds/atom.xml" if k == 1 else f"/feeds/atom.xml?page={k}"] = Resp(feed.encode(), "application/atom+xml; charset=utf-8")
    for i, p in enumerate(site.posts):
        a = p.article
        r[p.path] = Resp(shell(a.title, f'<div class="post"><h1>{_esc(a.title)}</h1><div class="post-date">{a.dmy}</div>'
                                        f'<div class="post-body">{_paras(a)}{_byline(a)}</div>'
                                        f'<a class="share" href="{OFFSITE[0]}">Chia sẻ</a></div>', i + 2))
        r[f"/uploads/{p.ident}/bao-cao-khoi-thi-dua.pdf"] = Resp(_pdf(a.title), "application/pdf")


# -- the set ---------------------------------------------------------------------------------------------------

BUILDERS = {"vnpt": build_vnpt, "slugid": build_slugid, "gate": build_gate, "encoding": build_encoding, "feed": build_feed}
IPS = {"vnpt": "127.0.0.22", "slugid": "127.0.0.23", "gate": "127.0.0.24", "encoding": "127.0.0.25", "feed": "127.0.0.26"}
Heldout5 = HeldoutSet  # the running set (sites, off-site recorder, relevant articles)


def start_heldout5() -> HeldoutSet:
    """Start the five portals and the outside proxy."""
    outside = Outside()
    posts, articles = lay_out_posts(list(BUILDERS), bloc_article, other_article,
                                    ident=lambda n, j: 3000 * (n + 1) + 17 * j + 5,
                                    first_relevant=REL_OFFSET, first_other=OTHER_OFFSET)
    sites: dict[str, Site5] = {name: Site5(name, IPS[name], posts[name], str(outside.port)) for name in BUILDERS}
    for name, site in sites.items():
        BUILDERS[name](site)
        site.start()
    return HeldoutSet(sites, outside, articles)


def write_heldout5_registry(directory: str, held: HeldoutSet) -> None:
    """One TOML per site with only its base URL."""
    write_registry(directory, held, "Hà Giang")
