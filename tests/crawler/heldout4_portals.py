"""Fourth held-out set: five mock portals with quirks the other mocks do not have.

Written apart from the crawler and measured on it before any fix. Each site listens on its own
loopback address (127.0.0.17 ... 127.0.0.21); off-site requests go to the ``Outside`` proxy of
heldout_portals, which records them.

- ``nextjs``: a JS-rendered news portal. Its listing pages are empty shells (``<div id="__next">``)
  whose items sit only in ``<script id="__NEXT_DATA__">`` JSON, older ones behind an ``/api/...``
  JSON listing (``{"items": [...], "next": "/api/...page=2"}``) named by a ``<link rel=preload>``;
  article pages are server-rendered. No sitemap, no feed; ``/_next/`` disallowed.
- ``ajax``: a listing paged only by a "Xem thêm" button whose ``data-url`` is a JSON endpoint
  (``?page=N&ajax=1``) answering ``{"html": "<li>…</li>", "next": "…page=N+1&ajax=1"}``; a robots
  group with ``Allow`` beating a shorter ``Disallow`` and ``$`` rules; Crawl-delay.
- ``dated``: articles under dated paths (``/2024/12/15/slug.html``), a month archive whose "Tháng
  trước" link never ends (back to 1990) and a ``?m=YYYYMMDD`` day calendar; every article has an
  ``hreflang="en"`` alternate under ``/en/…`` that carries the same Vietnamese text (no English
  translation yet); a gzipped sub-sitemap with lastmod behind a sitemap index named in robots.txt.
- ``joomla``: Joomla 3 ``index.php?option=com_content&view=article&id=N&catid=M&Itemid=K`` URLs, the
  same article under several catid/Itemid combinations and an SEF path, category blogs paged by
  ``limitstart``, ``tmpl=component`` print pages disallowed by a wildcard rule, a ``com_search``
  result page, the default Joomla robots.txt.
- ``table``: a table-layout portal, date in the long form "Thứ Năm, 12/12/2024 - 09:15", the second
  half of every article in a collapsed ``display:none`` block opened by a "Xem tiếp" button, some
  bodies laid out as table rows; ``index.html``/trailing-slash duplicates of listings.
"""

from __future__ import annotations

import gzip
import html
import json
import re
from urllib.parse import parse_qsl, urlsplit

from tests.crawler.heldout_portals import Article, Outside, Post, Resp, Site, free_loopback
from tests.crawler.heldout_sets import HeldoutSet, lay_out_posts, write_registry
from tests.crawler.mockportal import slug

__all__ = ["CHROME_MARKERS", "IPS", "Heldout4", "free_loopback", "start_heldout4", "write_heldout4_registry"]

# Strings only the page chrome of these sites carries: none may reach a stored text.
CHROME_MARKERS = [
    "Tin mới", "Xem nhiều", "Lượt xem", "Trang chủ", "Chia sẻ", "In bài", "Tin liên quan", "Xem thêm", "Xem tiếp",
    "Thu gọn", "Bản quyền", "Đường dây nóng", "0214.3840.117", "Số 8 đường Hoàng Liên", "Liên kết website",
    "Related news", "Home", "Tháng trước", "Lưu trữ", "Bình luận", "Đăng nhập", "Tags:", "Bài viết cùng chuyên mục",
]

# -- texts (written for this set) ------------------------------------------------------------------

BLOCS = [
    "Khối thi đua các cơ quan văn hóa - xã hội", "Cụm thi đua các huyện biên giới", "Khối thi đua các ngân hàng thương mại",
    "Cụm thi đua số 3 các huyện miền núi", "Khối thi đua các sở, ngành nội chính", "Khối thi đua các trường cao đẳng",
    "Cụm thi đua các phường trung tâm", "Khối thi đua các cơ quan Đảng", "Khối thi đua các đơn vị y tế tuyến tỉnh",
    "Cụm thi đua các huyện đồng bằng ven biển", "Khối thi đua các hội đặc thù", "Khối thi đua các đơn vị lực lượng vũ trang",
]
EVENTS = ["sơ kết thi đua 6 tháng đầu năm", "tổng kết công tác thi đua, khen thưởng năm", "ký kết giao ước thi đua năm",
          "tổng kết hoạt động của Khối năm", "sơ kết phong trào thi đua 9 tháng năm"]
HALLS = ["Sở Văn hóa, Thể thao và Du lịch", "UBND huyện Bát Xát", "Ngân hàng Nhà nước chi nhánh tỉnh", "UBND huyện Sìn Hồ",
         "Văn phòng Tỉnh ủy", "Trường Cao đẳng Sư phạm", "UBND phường Duyên Hải", "Bệnh viện Đa khoa tỉnh",
         "UBND huyện Hải Hậu", "Hội Nhà báo tỉnh", "Bộ Chỉ huy Quân sự tỉnh"]
MEMBERS = ["Sở Y tế", "Sở Giáo dục và Đào tạo", "UBND huyện Phong Thổ", "Hội Văn học nghệ thuật tỉnh", "Trường Cao đẳng nghề",
           "Ngân hàng Agribank chi nhánh tỉnh", "Công an tỉnh", "UBND phường Cốc Lếu", "Báo Lào Cai", "Viện Kiểm sát nhân dân tỉnh",
           "Trung tâm Kiểm soát bệnh tật"]
CHAIRS = ["Lý Seo Dìn", "Phạm Thị Thanh Hương", "Vàng A Pháo", "Trịnh Quốc Bảo", "Lê Thị Ngọc Ánh", "Hoàng Văn Sến"]
WRITERS = ["Bích Ngọc", "Tiến Dũng", "Phương Thảo (Ban TĐKT)", "Văn Long", "Kim Oanh"]

OPENINGS = [
    "Tới dự hội nghị có đại diện Ban Thi đua - Khen thưởng tỉnh cùng lãnh đạo {n} đơn vị thành viên của Khối.",
    "Đồng chí {chair}, Trưởng khối năm {y}, chủ trì hội nghị với sự tham dự của lãnh đạo {n} cơ quan thành viên.",
    "Hội nghị diễn ra theo hình thức trực tiếp, có {n} đơn vị thành viên và đại diện Sở Nội vụ tham dự.",
    "Tham dự hội nghị có các đồng chí phụ trách công tác thi đua, khen thưởng của {n} đơn vị trong Cụm.",
    "Về dự có lãnh đạo Hội đồng Thi đua - Khen thưởng tỉnh và thủ trưởng {n} cơ quan, đơn vị thành viên.",
]
RESULTS = [
    "Theo báo cáo, năm {y} các đơn vị trong Khối đã phát động {m} phong trào thi đua chuyên đề, bám sát nhiệm vụ chính trị của từng ngành.",
    "Năm {y}, các thành viên đã đăng ký {m} sáng kiến cải cách hành chính, nhiều sáng kiến được công nhận có phạm vi ảnh hưởng cấp tỉnh.",
    "Các đơn vị hoàn thành {m} chỉ tiêu đã ký trong giao ước, trong đó chỉ tiêu về chuyển đổi số và giải ngân vốn đạt cao nhất từ năm {y}.",
    "Phong trào thi đua của Cụm năm {y} gắn với chương trình giảm nghèo, {m} hộ đã thoát nghèo nhờ các mô hình sinh kế do thành viên hỗ trợ.",
    "Công tác phát hiện điển hình được quan tâm, {m} gương người tốt việc tốt đã được các đơn vị biểu dương trong năm {y}.",
    "Các thành viên đã ban hành {m} kế hoạch thực hiện giao ước, gắn kết quả thi đua với đánh giá cán bộ cuối năm {y}.",
]
DEBATES = [
    "Tại hội nghị, đại biểu thảo luận việc sửa đổi tiêu chí chấm điểm cho phù hợp với chức năng riêng của từng đơn vị.",
    "Nhiều ý kiến đề xuất dành tỷ lệ khen thưởng thỏa đáng cho công nhân, nông dân và người lao động trực tiếp.",
    "Một số thành viên kiến nghị số hóa toàn bộ hồ sơ khen thưởng và tiếp nhận qua hệ thống một cửa điện tử.",
    "Đại biểu cũng nêu hạn chế trong tuyên truyền điển hình tiên tiến, nhiều nơi còn hình thức, chưa lan tỏa.",
    "Các tham luận chia sẻ cách tổ chức đợt thi đua ngắn ngày với mục tiêu rõ ràng, dễ kiểm tra kết quả.",
    "Đại diện Ban Thi đua - Khen thưởng tỉnh hướng dẫn các đơn vị quy trình, thời hạn trình hồ sơ khen thưởng cuối năm.",
]
DECISIONS = [
    "Qua bình xét, {unit} được các thành viên suy tôn dẫn đầu Khối, đề nghị UBND tỉnh tặng Cờ thi đua năm {y}.",
    "Hội nghị nhất trí bầu {unit} làm Trưởng khối và {unit2} làm Phó Trưởng khối năm {y1}.",
    "Các thành viên cùng ký giao ước thi đua năm {y1} gồm {m} nội dung cụ thể, lượng hóa được.",
    "Hội nghị thống nhất đề nghị Chủ tịch UBND tỉnh tặng Bằng khen cho {unit} và {unit2} vì thành tích xuất sắc năm {y}.",
    "Trưởng khối năm {y} đã bàn giao nhiệm vụ cho {unit}, đơn vị sẽ điều hành hoạt động của Khối trong năm {y1}.",
    "Khối chọn chủ đề thi đua năm {y1} là đẩy mạnh chuyển đổi số, nâng cao sự hài lòng của người dân.",
]
CLOSINGS = [
    "Phát biểu bế mạc, đồng chí {chair} đề nghị các thành viên thực hiện nghiêm giao ước, báo cáo kết quả hằng quý.",
    "Hội nghị kết thúc với quyết tâm đưa phong trào thi đua của Khối đạt kết quả cao hơn trong năm {y1}.",
    "Sau hội nghị, các đại biểu đã tham quan mô hình chuyển đổi số tại {unit2}.",
    "Các thành viên hẹn gặp lại tại hội nghị sơ kết giữa năm {y1} do {unit} đăng cai tổ chức.",
    "Hội nghị bế mạc vào cuối buổi sáng cùng ngày sau khi thông qua biên bản với sự nhất trí cao./.",
    "Dịp này, Khối đã trao {m} suất học bổng cho học sinh nghèo vượt khó tại địa phương nơi tổ chức hội nghị.",
]


def bloc_article(k: int) -> Article:
    """Return bloc-meeting report ``k`` of this set (four paragraphs, no two alike)."""
    y = 2017 + k % 8
    d, mo = 2 + (k * 9) % 26, 1 + (k * 7) % 12
    f = {"n": 6 + k % 9, "m": 3 + k, "y": y, "y1": y + 1, "chair": CHAIRS[k % len(CHAIRS)],
         "unit": MEMBERS[k % len(MEMBERS)], "unit2": MEMBERS[(k * 5 + 2) % len(MEMBERS)]}
    bloc, event, hall = BLOCS[k % len(BLOCS)], EVENTS[k % len(EVENTS)], HALLS[(k * 4) % len(HALLS)]
    lead = f"Ngày {d}/{mo}/{y}, tại {hall}, {bloc} tổ chức hội nghị {event} {y}."
    paras = [lead + " " + OPENINGS[k % len(OPENINGS)].format(**f),
             RESULTS[(k * 5 + 1) % len(RESULTS)].format(**f) + " " + DEBATES[(k * 7 + 3) % len(DEBATES)].format(**f),
             DECISIONS[(k * 11 + 4) % len(DECISIONS)].format(**f),
             CLOSINGS[(k * 13 + 1) % len(CLOSINGS)].format(**f)]
    title = f"{bloc} {event} {y}" if k % 2 else f"{bloc}: hội nghị {event} {y}"
    return Article(f"b{k}", title, paras, True, WRITERS[k % len(WRITERS)], f"{y}-{mo:02d}-{d:02d}")


_OTHER = [
    ("Khánh thành cầu treo dân sinh tại {place}",
     ["Ban Quản lý dự án tỉnh vừa khánh thành cầu treo dài {m} mét tại {place}, giúp hàng nghìn người dân đi lại thuận tiện.",
      "Cây cầu được xây dựng trong tám tháng, kinh phí từ nguồn vốn đối ứng của tỉnh và vốn vận động xã hội hóa.",
      "Đơn vị quản lý được giao thường xuyên kiểm tra, bảo trì để bảo đảm an toàn cho người và phương tiện."]),
    ("Tiêm chủng mở rộng cho trẻ em vùng cao {place}",
     ["Trung tâm Y tế huyện tổ chức tiêm chủng mở rộng cho {m} trẻ em dưới năm tuổi tại các thôn bản của {place}.",
      "Các tổ tiêm lưu động đã vượt đường đèo dốc để đưa vắc xin đến tận các điểm trường mầm non.",
      "Ngành y tế đề nghị phụ huynh đưa trẻ đi tiêm đủ mũi, đúng lịch để phòng bệnh hiệu quả."]),
    ("Mùa mận chín trên cao nguyên {place}",
     ["Những ngày này, nông dân {place} tất bật thu hoạch mận với sản lượng ước đạt {m} nghìn tấn.",
      "Giá mận năm nay ổn định, thương lái đến tận vườn thu mua giúp người trồng yên tâm sản xuất.",
      "Ngành nông nghiệp khuyến cáo bà con áp dụng quy trình VietGAP để nâng cao giá trị sản phẩm."]),
]
# Hard negatives: they talk about "thi đua", a "cụm" or a "khối", they are not bloc meetings.
_HARD = [
    ("Đoàn viên thanh niên {place} thi đua lập thành tích chào mừng đại hội Đoàn",
     ["Hưởng ứng đợt thi đua cao điểm, đoàn viên thanh niên {place} đã ra quân làm sạch {m} km đường giao thông nông thôn.",
      "Nhiều công trình thanh niên như thắp sáng đường quê, sân chơi cho thiếu nhi đã được khánh thành.",
      "Tỉnh đoàn sẽ biểu dương các cơ sở Đoàn có thành tích nổi bật trong dịp đại hội sắp tới."]),
    ("Cụm công nghiệp {place} kêu gọi đầu tư hạ tầng xử lý nước thải",
     ["Cụm công nghiệp {place} đang kêu gọi nhà đầu tư xây dựng nhà máy xử lý nước thải công suất {m} trăm mét khối mỗi ngày.",
      "Hiện trong cụm có mười hai doanh nghiệp đang hoạt động, chủ yếu chế biến gỗ và nông sản.",
      "Chính quyền địa phương cam kết hỗ trợ thủ tục đất đai, giải phóng mặt bằng cho nhà đầu tư."]),
]
PLACES = ["huyện Si Ma Cai", "thị xã Sa Pa", "huyện Mường Khương", "huyện Bảo Yên", "thành phố Lai Châu", "huyện Tam Đường"]


def other_article(k: int, hard: bool) -> Article:
    """Return an article that is not a bloc meeting (``hard``: one that talks about thi đua or a cụm)."""
    pool = _HARD if hard else _OTHER
    title, paras = pool[k % len(pool)]
    f = {"place": PLACES[k % len(PLACES)], "m": 12 + 5 * k}
    return Article(f"{'h' if hard else 'o'}{k}", title.format(**f), [p.format(**f) for p in paras], False, None,
                   f"{2019 + k % 5}-{1 + k % 12:02d}-{4 + k % 20:02d}")


# -- helpers ----------------------------------------------------------------------------------------


def _esc(text: str) -> str:
    return html.escape(text, quote=True)


def _paras(a: Article) -> str:
    return "".join(f"<p>{_esc(x)}</p>" for x in a.paragraphs)


def _byline(a: Article) -> str:
    return f'<p class="author"><strong>{_esc(a.author)}</strong></p>' if a.author else ""


def _views(seed: int) -> int:
    return 120 + (seed * 6151) % 30000


def _weekday(iso: str) -> str:
    import datetime as dt

    names = ["Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ Nhật"]
    return names[dt.date.fromisoformat(iso).weekday()]


OFFSITE = ["https://www.facebook.com/sharer.php?u=x", "https://thiduakhenthuong.gov.vn/cum-khoi-thi-dua.html",
           "https://twitter.com/intent/tweet?url=y", "http://laocai.gov.vn/thi-dua-khen-thuong"]


def _json(obj: object) -> Resp:
    return Resp(json.dumps(obj, ensure_ascii=False).encode(), "application/json; charset=utf-8")


# -- 1. JS-rendered portal (Next.js) ---------------------------------------------------------------------


def build_nextjs(site: Site) -> None:
    site.robots = "User-agent: *\nDisallow: /_next/\nDisallow: /api/auth/\nDisallow: /tim-kiem\nCrawl-delay: 0.1\n"
    listed = [p for p in site.posts if p.listed]
    for p in site.posts:
        p.path = f"/tin-tuc/{slug(p.article.title)[:60]}-{p.ident}"

    def card(p: Post) -> dict[str, object]:
        return {"id": p.ident, "title": p.article.title, "slug": p.path.removeprefix("/tin-tuc/"),
                "publishedAt": p.article.date + "T08:00:00+07:00", "sapo": p.article.paragraphs[0][:90] + "…",
                "thumbnail": f"/_next/image?url=%2Fuploads%2F{p.ident}.jpg&w=640&q=75"}

    def shell(title: str, main: str, data: dict[str, object], seed: int, head: str = "") -> bytes:
        blob = json.dumps({"props": {"pageProps": data}, "page": "/[...slug]", "buildId": "Xk2p9", "isFallback": False},
                          ensure_ascii=False).replace("</", "<\\/")
        return f"""<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>{_esc(title)} | Cổng TTĐT tỉnh</title>
<meta name="viewport" content="width=device-width"><link rel="preload" href="/_next/static/css/app.css" as="style">{head}
<script src="/_next/static/chunks/webpack-1a2b.js" defer></script><script src="/_next/static/chunks/main-9f8e.js" defer></script></head>
<body><div id="__next"><header class="hdr"><span class="logo">CỔNG THÔNG TIN ĐIỆN TỬ TỈNH</span>
<nav><a href="/">Trang chủ</a><a href="/chuyen-muc/thi-dua-khen-thuong">Thi đua - Khen thưởng</a><a href="/tim-kiem">Tìm kiếm</a></nav></header>
<main>{main}</main><footer>Bản quyền © UBND tỉnh. Số 8 đường Hoàng Liên. Đường dây nóng: 0214.3840.117
<a href="{OFFSITE[1]}">Liên kết website</a> Lượt xem: {_views(seed)}</footer></div>
<script id="__NEXT_DATA__" type="application/json">{blob}</script></body></html>""".encode()

    r = site.routes
    r["/robots.txt"] = Resp(site.robots.encode(), "text/plain")
    per = 4
    api = "/api/v1/articles?category=thi-dua-khen-thuong&page={}&pageSize=4"
    n = -(-len(listed) // per)
    for k in range(1, n + 1):
        chunk = listed[(k - 1) * per : k * per]
        r[api.format(k)] = _json({"items": [card(p) for p in chunk], "page": k, "totalPages": n,
                                  "next": api.format(k + 1) if k < n else None})
    # The listing shell: no <a> to any article; the first page of items is in __NEXT_DATA__ only.
    loading = '<section class="list"><h1>Thi đua - Khen thưởng</h1><div class="skeleton">Đang tải…</div></section>'
    preload = f'<link rel="preload" href="{api.format(1)}" as="fetch" crossorigin="anonymous">'
    r["/chuyen-muc/thi-dua-khen-thuong"] = Resp(shell("Thi đua - Khen thưởng", loading,
                                                      {"category": "thi-dua-khen-thuong", "articles": [card(p) for p in listed[:per]],
                                                       "totalPages": n, "apiUrl": api.format(1)}, 1, preload))
    r["/"] = Resp(shell("Trang chủ", '<section class="home"><div class="skeleton">Đang tải…</div></section>',
                        {"featured": [card(p) for p in listed[:2]], "menu": [{"title": "Thi đua - Khen thưởng",
                                                                             "href": "/chuyen-muc/thi-dua-khen-thuong"}]}, 0))
    for i, p in enumerate(site.posts):
        a = p.article
        related = [o for o in listed if o is not p][i % 5 : i % 5 + 3]
        main = (f'<article><h1 class="title">{_esc(a.title)}</h1><div class="meta"><time datetime="{a.date}T08:00:00+07:00">'
                f'{a.dmy}</time> · Lượt xem: {_views(i)}</div><div class="sapo"></div>'
                f'<div class="article-body">{_paras(a)}{_byline(a)}</div></article>'
                '<div class="share">Chia sẻ <a href="' + OFFSITE[0] + '">Facebook</a></div>'
                '<section class="related"><h3>Tin liên quan</h3><div class="skeleton"></div></section>')
        r[p.path] = Resp(shell(a.title, main, {"article": {**card(p), "body": None}, "related": [card(o) for o in related]},
                               i + 2, f'<link rel="canonical" href="{site.base}{p.path}">'))

    def dynamic(path: str) -> Resp | None:
        if path.startswith(("/_next/", "/tim-kiem")):
            return Resp(b"/* asset */", "application/javascript")
        return None

    site.dynamic = dynamic


# -- 2. "Xem thêm" button with a JSON endpoint, robots precedence ---------------------------------------------


def build_ajax(site: Site) -> None:
    site.robots = ("User-agent: *\nDisallow: /tin-tuc/*?\nAllow: /tin-tuc/*?page=\nDisallow: /*.pdf$\nDisallow: /*/in$\n"
                   "Disallow: /binh-luan/\nAllow: /binh-luan/quy-dinh$\nCrawl-delay: 0.2\n")
    listed = [p for p in site.posts if p.listed]
    for p in site.posts:
        p.path = f"/tin-tuc/{slug(p.article.title)[:50]}-{p.ident}.htm"
        p.aliases = [f"{p.path}?utm_source=fb&fbclid=Iw4Rk", f"{p.path}?page=1"]
    per = 3
    ajax = "/tin-tuc/thi-dua-khen-thuong?page={}&ajax=1"

    def li(p: Post) -> str:
        return (f'<li class="story"><a class="story__thumb" href="{p.path}"><img src="/img/{p.ident}.jpg"></a>'
                f'<h3 class="story__title"><a href="{p.path}">{_esc(p.article.title)}</a></h3>'
                f'<span class="story__time">{p.article.dmy}</span></li>')

    def more(k: int) -> str:
        return (f'<button type="button" class="btn-viewmore" data-url="{ajax.format(k)}" data-target="#list-news">Xem thêm</button>'
                if (k - 1) * per < len(listed) else "")

    def shell(title: str, main: str, seed: int) -> bytes:
        return f"""<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>{_esc(title)} - Báo điện tử tỉnh</title>
<script src="/js/jquery.min.js"></script><script>$(document).on('click','.btn-viewmore',function(){{var b=$(this);
$.getJSON(b.data('url'),function(r){{$(b.data('target')).append(r.html);if(r.next){{b.data('url',r.next)}}else{{b.remove()}}}})}})</script></head>
<body><div class="top"><a href="/">Trang chủ</a> | <a href="/tin-tuc/thi-dua-khen-thuong">Thi đua - Khen thưởng</a> |
<a href="/binh-luan/quy-dinh">Quy định bình luận</a> | <a href="/dang-nhap">Đăng nhập</a></div>
<div class="wrap">{main}</div><div class="side"><h4>Xem nhiều</h4><ul>{"".join(li(p) for p in listed[:1])}</ul></div>
<div class="foot">Bản quyền © Báo điện tử tỉnh. Số 8 đường Hoàng Liên. ĐT: 0214.3840.117 <a href="{OFFSITE[3]}">Liên kết website</a>
<a href="http://localhost:{site.outside}/thi-dua.htm">Thi đua khen thưởng Trung ương</a></div></body></html>""".encode()

    r = site.routes
    r["/robots.txt"] = Resp(site.robots.encode(), "text/plain")
    r["/"] = Resp(shell("Trang chủ", f'<ul class="home">{"".join(li(p) for p in listed[:2])}</ul>'
                        '<a href="/tin-tuc/thi-dua-khen-thuong">Thi đua - Khen thưởng</a>', 0))
    cat = Resp(shell("Thi đua - Khen thưởng", f'<h1>Thi đua - Khen thưởng</h1><ul id="list-news">{"".join(li(p) for p in listed[:per])}</ul>'
                     + more(2), 1))
    r["/tin-tuc/thi-dua-khen-thuong"] = cat
    k = 2
    while (k - 1) * per < len(listed):
        chunk = listed[(k - 1) * per : k * per]
        nxt = ajax.format(k + 1) if k * per < len(listed) else None
        r[ajax.format(k)] = _json({"html": "".join(li(p) for p in chunk), "next": nxt, "page": k})
        k += 1
    r["/binh-luan/quy-dinh"] = Resp(shell("Quy định bình luận", "<p>Bạn đọc bình luận có văn hóa.</p>", 2))
    for i, p in enumerate(site.posts):
        a = p.article
        others = [o for o in listed if o is not p][i % 4 : i % 4 + 2]
        main = (f'<h1 class="detail__title">{_esc(a.title)}</h1><div class="detail__meta">{a.dmy} | Lượt xem: {_views(i)}</div>'
                f'<div class="detail__content">{_paras(a)}{_byline(a)}</div>'
                f'<div class="detail__tools"><a href="{p.path.removesuffix(".htm")}/in">In bài</a> '
                f'<a href="/files/{p.ident}.pdf">Tải PDF</a> <a href="/binh-luan/{p.ident}">Bình luận</a></div>'
                f'<div class="detail__related"><h4>Tin liên quan</h4><ul>{"".join(li(o) for o in others)}</ul></div>')
        page = Resp(shell(a.title, main, i + 3))
        r[p.path] = page
        for alias in p.aliases:
            r[alias] = page

    def dynamic(path: str) -> Resp | None:
        if path.endswith(("/in", ".pdf")) or path.startswith(("/binh-luan/", "/dang-nhap")):
            return Resp(shell("Công cụ", "<p>Công cụ.</p>", 0))
        return None

    site.dynamic = dynamic


# -- 3. dated paths, endless archive, hreflang copies, gzipped sitemap ------------------------------------------------


def build_dated(site: Site) -> None:
    site.robots = (f"User-agent: *\nDisallow: /wp-admin/\nAllow: /wp-admin/admin-ajax.php\nDisallow: /*?replytocom=\n"
                   f"Crawl-delay: 0.1\nSitemap: {site.base}/sitemap_index.xml\n")
    listed = [p for p in site.posts if p.listed]
    for p in site.posts:
        y, mo, d = p.article.date.split("-")
        p.path = f"/{y}/{mo}/{d}/{slug(p.article.title)[:55]}.html"
        p.aliases = ["/en" + p.path]

    def shell(title: str, main: str, seed: int, lang: str = "vi", head: str = "") -> bytes:
        months = sorted({p.article.date[:7] for p in listed}, reverse=True)[:6]
        archive = "".join(f'<li><a href="/{m[:4]}/{m[5:]}/">Tháng {int(m[5:])}/{m[:4]}</a></li>' for m in months)
        menu = ('<a href="/">Trang chủ</a> <a href="/chuyen-muc/thi-dua/">Thi đua</a> <a href="/en/">English</a>' if lang == "vi"
                else '<a href="/en/">Home</a> <a href="/en/category/emulation/">Emulation</a> <a href="/">Tiếng Việt</a>')
        return f"""<!DOCTYPE html><html lang="{lang}"><head><meta charset="UTF-8"><title>{_esc(title)}</title>{head}</head>
<body class="{lang}"><header id="masthead"><nav class="main-navigation">{menu}</nav></header>
<div id="primary">{main}</div><aside id="secondary"><section class="widget"><h2>Lưu trữ</h2><ul>{archive}</ul></section>
<section class="widget widget_calendar"><table id="wp-calendar"><caption>Tháng Mười Hai 2024</caption>
<tr><td><a href="/?m=20241203">3</a></td><td><a href="/?m=20241215">15</a></td></tr>
<tfoot><tr><td id="prev"><a href="/?m=202411">« Th11</a></td></tr></tfoot></table></section></aside>
<footer>Bản quyền © Trung tâm Truyền thông tỉnh. Số 8 đường Hoàng Liên. <a href="{OFFSITE[2]}">Chia sẻ</a>
<a href="http://localhost:{site.outside}/">Cổng TTĐT Chính phủ</a></footer></body></html>""".encode()

    def row(p: Post, en: bool = False) -> str:
        return f'<article class="post"><h2 class="entry-title"><a href="{"/en" if en else ""}{p.path}">{_esc(p.article.title)}</a></h2>' \
               f'<time>{p.article.dmy}</time></article>'

    r = site.routes
    r["/robots.txt"] = Resp(site.robots.encode(), "text/plain")
    r["/"] = Resp(shell("Trang chủ", "".join(row(p) for p in listed[:3]) + '<a href="/chuyen-muc/thi-dua/">Xem tất cả</a>', 0))
    r["/en/"] = Resp(shell("Home", "".join(row(p, True) for p in listed[:3]), 0, "en"))
    per = 4
    n = -(-len(listed) // per)
    for k in range(1, n + 1):
        nav = f'<a class="next" href="/chuyen-muc/thi-dua/page/{k + 1}/">Trang sau</a>' if k < n else ""
        r["/chuyen-muc/thi-dua/" if k == 1 else f"/chuyen-muc/thi-dua/page/{k}/"] = Resp(
            shell("Thi đua", "".join(row(p) for p in listed[(k - 1) * per : k * per]) + nav, k))
    # sitemap index -> gzipped post sitemap (served as a .gz file) with lastmod
    urls = "".join(f"<url><loc>{site.base}{p.path}</loc><lastmod>{p.article.date}T09:00:00+07:00</lastmod></url>" for p in site.posts)
    r["/post-sitemap.xml.gz"] = Resp(gzip.compress(f'<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{urls}</urlset>'.encode()),
                                     "application/x-gzip")
    r["/sitemap_index.xml"] = Resp((f'<?xml version="1.0" encoding="UTF-8"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
                                    f"<sitemap><loc>{site.base}/post-sitemap.xml.gz</loc><lastmod>2024-12-20T10:00:00+07:00</lastmod></sitemap>"
                                    "</sitemapindex>").encode(), "application/xml")
    for i, p in enumerate(site.posts):
        a = p.article
        alt = (f'<link rel="alternate" hreflang="vi" href="{site.base}{p.path}">'
               f'<link rel="alternate" hreflang="en" href="{site.base}/en{p.path}">')
        others = [o for o in listed if o is not p][i % 4 : i % 4 + 2]
        body = (f'<article class="post single"><h1 class="entry-title">{_esc(a.title)}</h1><div class="entry-meta">'
                f'<time class="entry-date" datetime="{a.date}T09:00:00+07:00">{a.dmy}</time></div>'
                f'<div class="entry-content">{_paras(a)}{_byline(a)}</div></article>')
        r[p.path] = Resp(shell(a.title, body + '<div class="related"><h3>Tin liên quan</h3>' + "".join(row(o) for o in others) + "</div>",
                               i + 1, head=alt))
        # No English translation yet: the /en/ copy carries the Vietnamese text in the English chrome.
        r["/en" + p.path] = Resp(shell(a.title, body + '<div class="related"><h3>Related news</h3>'
                                       + "".join(row(o, True) for o in others) + "</div>", i + 1, "en", head=alt))

    months = {p.article.date[:7] for p in listed}

    def dynamic(path: str) -> Resp | None:
        parts = urlsplit(path)
        m = re.fullmatch(r"(/en)?/(\d{4})/(\d{2})/(?:page/(\d+)/)?", parts.path)
        if m:  # a month archive: its posts, and "Tháng trước" back to 1990 whether or not there are posts
            y, mo = int(m.group(2)), int(m.group(3))
            if y < 1990:
                return None
            here = [p for p in listed if p.article.date[:7] == f"{y}-{mo:02d}"]
            py, pm = (y, mo - 1) if mo > 1 else (y - 1, 12)
            body = "".join(row(p, bool(m.group(1))) for p in here) or "<p>Không có bài viết nào.</p>"
            return Resp(shell(f"Lưu trữ {mo}/{y}", body + f'<a class="prev" href="{m.group(1) or ""}/{py}/{pm:02d}/">Tháng trước</a>'
                              + (f'<a href="/{y}/{mo:02d}/page/2/">2</a>' if f"{y}-{mo:02d}" in months else ""), mo))
        q = dict(parse_qsl(parts.query))
        if parts.path == "/" and "m" in q:  # the calendar widget: ?m=YYYYMM or YYYYMMDD, endless
            v = q["m"]
            y, mo = int(v[:4]), int(v[4:6])
            py, pm = (y, mo - 1) if mo > 1 else (y - 1, 12)
            return Resp(shell("Lịch", f'<p>Lưu trữ {v}</p><a href="/?m={py}{pm:02d}">« Tháng trước</a>', mo))
        return None

    site.dynamic = dynamic


# -- 4. Joomla 3 -------------------------------------------------------------------------------------------------


def build_joomla(site: Site) -> None:
    site.robots = ("User-agent: *\nDisallow: /administrator/\nDisallow: /bin/\nDisallow: /cache/\nDisallow: /cli/\n"
                   "Disallow: /components/\nDisallow: /includes/\nDisallow: /installation/\nDisallow: /language/\n"
                   "Disallow: /layouts/\nDisallow: /libraries/\nDisallow: /logs/\nDisallow: /modules/\nDisallow: /plugins/\n"
                   "Disallow: /tmp/\nDisallow: /*tmpl=component\nDisallow: /*print=1\nCrawl-delay: 0.1\n")
    listed = [p for p in site.posts if p.listed]
    cats = {"thi-dua": (8, 112), "tin-hoat-dong": (2, 101), "noi-bat": (15, 130)}

    def url(p: Post, cat: str = "thi-dua", amp: str = "&amp;") -> str:
        catid, itemid = cats[cat]
        return f"/index.php?option=com_content{amp}view=article{amp}id={p.ident}:{slug(p.article.title)[:40]}{amp}catid={catid}{amp}Itemid={itemid}"

    for p in site.posts:
        p.path = url(p, amp="&")
        p.aliases = [url(p, "tin-hoat-dong", "&"), url(p, "noi-bat", "&"), f"/index.php/thi-dua/{p.ident}-{slug(p.article.title)[:40]}"]

    def shell(title: str, main: str, seed: int) -> bytes:
        latest = "".join(f'<li><a href="{url(p, "noi-bat")}">{_esc(p.article.title)}</a></li>' for p in listed[:3])
        return f"""<!DOCTYPE html><html lang="vi-vn" dir="ltr"><head><meta charset="utf-8"><meta name="generator" content="Joomla! - Open Source Content Management">
<title>{_esc(title)}</title><link href="/index.php?option=com_content&amp;view=category&amp;id=8&amp;Itemid=112&amp;format=feed&amp;type=rss" rel="alternate" type="application/rss+xml" title="RSS 2.0"></head>
<body class="site com_content"><div class="header"><a href="/index.php">Trang chủ</a>
<ul class="nav menu"><li class="item-101"><a href="/index.php?option=com_content&amp;view=category&amp;layout=blog&amp;id=2&amp;Itemid=101">Tin hoạt động</a></li>
<li class="item-112"><a href="/index.php?option=com_content&amp;view=category&amp;layout=blog&amp;id=8&amp;Itemid=112">Thi đua - Khen thưởng</a></li>
<li><a href="/index.php?option=com_users&amp;view=login&amp;Itemid=140">Đăng nhập</a></li></ul>
<form action="/index.php?option=com_search" method="post"><input name="searchword"></form></div>
<div class="container"><main id="content">{main}</main><div id="aside"><div class="moduletable"><h3>Tin mới</h3><ul class="latestnews">{latest}</ul></div>
<div class="moduletable"><h3>Liên kết website</h3><a href="{OFFSITE[1]}">Thi đua khen thưởng</a></div></div></div>
<footer class="footer">Bản quyền © Sở Nội vụ. Số 8 đường Hoàng Liên. ĐT: 0214.3840.117 Lượt xem: {_views(seed)}</footer></body></html>""".encode()

    def blog(cat: str, items: list[Post], start: int, total: int) -> str:
        catid, itemid = cats[cat]
        body = "".join(f'<div class="item"><h2 itemprop="name"><a href="{url(p, cat)}">{_esc(p.article.title)}</a></h2>'
                       f'<dd class="published">Ngày đăng: {p.article.dmy}</dd><p>{_esc(p.article.paragraphs[0][:140])}…</p>'
                       f'<a class="readmore" href="{url(p, cat)}">Đọc thêm ...</a></div>' for p in items)
        base = f"/index.php?option=com_content&amp;view=category&amp;layout=blog&amp;id={catid}&amp;Itemid={itemid}"
        pages = " ".join(f'<li><a href="{base}&amp;limitstart={s}">{s // 4 + 1}</a></li>' for s in range(0, total, 4) if s != start)
        return body + f'<div class="pagination"><ul>{pages}</ul></div>'

    r = site.routes
    r["/robots.txt"] = Resp(site.robots.encode(), "text/plain")
    r["/"] = Resp(shell("Trang chủ", blog("tin-hoat-dong", listed[:3], 0, 0), 0))
    r["/index.php"] = r["/"]

    def article(p: Post, i: int) -> bytes:
        a = p.article
        main = (f'<div class="item-page"><div class="page-header"><h2 itemprop="headline">{_esc(a.title)}</h2></div>'
                f'<dl class="article-info"><dd class="published"><time datetime="{a.date}T08:00:00+07:00">Ngày đăng: {a.dmy}</time></dd>'
                f'<dd class="hits">Lượt xem: {_views(i)}</dd></dl>'
                f'<div class="icons"><a href="{url(p)}&amp;tmpl=component&amp;print=1" rel="nofollow">In bài</a></div>'
                f'<div itemprop="articleBody">{_paras(a)}{_byline(a)}</div>'
                '<ul class="pager pagenav">'
                + "".join(f'<li><a href="{url(o)}" rel="next">{_esc(o.article.title)}</a></li>'
                          for o in listed[i % 4 : i % 4 + 2] if o is not p) + "</ul></div>")
        return shell(a.title, main, i + 1)

    pages = {p.ident: Resp(article(p, i)) for i, p in enumerate(site.posts)}
    by_id = {p.ident: p for p in site.posts}

    def dynamic(path: str) -> Resp | None:
        parts = urlsplit(path)
        q = dict(parse_qsl(parts.query))
        m = re.fullmatch(r"/index\.php/thi-dua/(\d+)-[\w-]+", parts.path)
        if m and int(m.group(1)) in pages:
            return pages[int(m.group(1))]
        if parts.path != "/index.php":
            return None
        if q.get("tmpl") == "component" or q.get("print"):
            return Resp(b"<html><body>print</body></html>")
        if q.get("option") == "com_search":
            return Resp(shell("Tìm kiếm", "".join(f'<a href="{url(p)}">{_esc(p.article.title)}</a>' for p in listed[:2]), 0))
        if q.get("option") == "com_users":
            return Resp(shell("Đăng nhập", "<form><input name='username'></form>", 0))
        if q.get("option") != "com_content":
            return None
        if q.get("view") == "article":
            ident = int(q.get("id", "0").split(":")[0] or 0)
            catid = int(q.get("catid", "0") or 0)
            if ident in pages and catid in {c for c, _ in cats.values()}:
                return pages[ident]
            return None
        if q.get("view") == "category" and q.get("format") == "feed":
            items = "".join(f"<item><title>{_esc(p.article.title)}</title><link>{site.base}{url(p, amp='&amp;')}</link></item>"
                            for p in listed[:5])
            return Resp(f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Thi đua</title>{items}</channel></rss>'.encode(),
                        "application/rss+xml; charset=utf-8")
        if q.get("view") == "category":
            cat = next((c for c, (cid, _) in cats.items() if str(cid) == q.get("id")), None)
            if cat is None:
                return None
            pool = listed if cat == "thi-dua" else [p for p in listed if p.ident % 2]
            start = int(q.get("limitstart", "0") or 0)
            return Resp(shell("Chuyên mục", blog(cat, pool[start : start + 4], start, len(pool)), start))
        return None

    del by_id
    site.dynamic = dynamic


# -- 5. table layout, long-form date, collapsed second half -------------------------------------------------------


def build_table(site: Site) -> None:
    site.robots = "User-agent: *\nDisallow: /admin/\nDisallow: /in-an/\nCrawl-delay: 0.1\n"
    listed = [p for p in site.posts if p.listed]
    for p in site.posts:
        p.path = f"/tin-tuc/chi-tiet/{p.ident}/{slug(p.article.title)[:50]}/"
        p.aliases = [p.path + "index.html", p.path.rstrip("/")]

    def long_date(a: Article, i: int) -> str:
        y, mo, d = a.date.split("-")
        return f"{_weekday(a.date)}, {d}/{mo}/{y} - {8 + i % 9:02d}:{(i * 7) % 60:02d}"

    def shell(title: str, main: str, seed: int) -> bytes:
        return f"""<!DOCTYPE html PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN"><html><head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8"><title>{_esc(title)}</title>
<script>function xemTiep(id){{document.getElementById(id).style.display='block';document.getElementById(id+'-btn').style.display='none';}}</script></head>
<body><table width="1000" align="center" cellpadding="0" cellspacing="0" class="main">
<tr><td colspan="3" class="banner"><img src="/images/banner.png" alt="BAN THI ĐUA - KHEN THƯỞNG TỈNH"></td></tr>
<tr><td colspan="3" class="menu"><a href="/">Trang chủ</a> | <a href="/tin-tuc/">Tin tức</a> | <a href="/tin-tuc/index.html">Tin hoạt động</a>
| <a href="/khoi-cum-thi-dua/">Khối, Cụm thi đua</a></td></tr>
<tr><td width="200" valign="top" class="left"><table class="box"><tr><td class="box-title">Liên kết website</td></tr>
<tr><td><a href="{OFFSITE[3]}">Cổng TTĐT tỉnh</a></td></tr></table></td>
<td width="600" valign="top" class="center">{main}</td>
<td width="200" valign="top" class="right"><table class="box"><tr><td class="box-title">Tin mới</td></tr>
{"".join(f'<tr><td><a href="{p.path}">{_esc(p.article.title)}</a></td></tr>' for p in listed[:3])}</table></td></tr>
<tr><td colspan="3" class="footer">Bản quyền © Ban Thi đua - Khen thưởng tỉnh. Số 8 đường Hoàng Liên. Điện thoại: 0214.3840.117</td></tr>
</table></body></html>""".encode()

    def rows(items: list[Post]) -> str:
        return "".join(f'<tr><td class="item"><a href="{p.path}" class="title">{_esc(p.article.title)}</a>'
                       f'<br><span class="date">{p.article.dmy}</span></td></tr>' for p in items)

    r = site.routes
    r["/robots.txt"] = Resp(site.robots.encode(), "text/plain")
    r["/"] = Resp(shell("Trang chủ", f"<table>{rows(listed[:3])}</table>", 0))
    r["/index.html"] = r["/"]
    per = 4
    n = -(-len(listed) // per)
    for k in range(1, n + 1):
        nav = " ".join(f'<a href="/khoi-cum-thi-dua/trang-{i}/">{i}</a>' if i > 1 else '<a href="/khoi-cum-thi-dua/index.html">1</a>'
                       for i in range(1, n + 1) if i != k)
        page = Resp(shell("Khối, Cụm thi đua", f'<table class="list">{rows(listed[(k - 1) * per : k * per])}</table><div class="paging">{nav}</div>', k))
        for path in ([f"/khoi-cum-thi-dua/trang-{k}/", f"/khoi-cum-thi-dua/trang-{k}"] if k > 1 else
                     ["/khoi-cum-thi-dua/", "/khoi-cum-thi-dua", "/khoi-cum-thi-dua/index.html"]):
            r[path] = page
    news = Resp(shell("Tin tức", f"<table>{rows(listed[::-1][:4])}</table>", 9))
    r["/tin-tuc/"] = r["/tin-tuc"] = r["/tin-tuc/index.html"] = news
    for i, p in enumerate(site.posts):
        a = p.article
        first, rest = a.paragraphs[:2], a.paragraphs[2:]
        if i % 3 == 0:  # the body as table rows
            one = "".join(f'<tr><td class="noidung">{_esc(x)}</td></tr>' for x in first)
            two = "".join(f'<tr><td class="noidung">{_esc(x)}</td></tr>' for x in rest)
            body = (f'<table class="tbl-content" width="100%">{one}</table>'
                    f'<div id="more-{p.ident}" class="xem-tiep-content" style="display:none"><table class="tbl-content">{two}'
                    f'<tr><td align="right">{_byline(a)}</td></tr></table></div>')
        else:
            body = (f'<div class="content">{"".join(f"<p>{_esc(x)}</p>" for x in first)}</div>'
                    f'<div id="more-{p.ident}" class="content collapse" style="display: none;">'
                    f'{"".join(f"<p>{_esc(x)}</p>" for x in rest)}{_byline(a)}</div>')
        main = (f'<table width="100%" class="detail"><tr><td class="tieude"><h2>{_esc(a.title)}</h2></td></tr>'
                f'<tr><td class="ngaydang">{long_date(a, i)}</td></tr><tr><td>{body}'
                f'<div id="more-{p.ident}-btn" class="btn-xemtiep"><a href="javascript:void(0)" onclick="xemTiep(\'more-{p.ident}\')">Xem tiếp</a></div>'
                f'</td></tr><tr><td class="tools"><a href="/in-an/{p.ident}/">In bài</a></td></tr>'
                f'<tr><td><b>Bài viết cùng chuyên mục</b><br>{"<br>".join(f"<a href={o.path}>{_esc(o.article.title)}</a>" for o in listed[i % 4 : i % 4 + 2] if o is not p)}'
                "</td></tr></table>")
        page = Resp(shell(a.title, main, i + 1))
        r[p.path] = page
        for alias in p.aliases:
            r[alias] = page

    def dynamic(path: str) -> Resp | None:
        if path.startswith("/in-an/"):
            return Resp(b"<html><body>in</body></html>")
        return None

    site.dynamic = dynamic


# -- the set ---------------------------------------------------------------------------------------------------

BUILDERS = {"nextjs": build_nextjs, "ajax": build_ajax, "dated": build_dated, "joomla": build_joomla, "table": build_table}
IPS = {"nextjs": "127.0.0.17", "ajax": "127.0.0.18", "dated": "127.0.0.19", "joomla": "127.0.0.20", "table": "127.0.0.21"}
Heldout4 = HeldoutSet  # the running set (sites, off-site recorder, relevant articles)


def start_heldout4() -> HeldoutSet:
    """Start the five portals and the outside proxy."""
    outside = Outside()
    posts, articles = lay_out_posts(list(BUILDERS), bloc_article, other_article,
                                    ident=lambda n, j: 2000 * (n + 1) + 13 * j + 7)
    sites: dict[str, Site] = {name: Site(name, IPS[name], posts[name], str(outside.port)) for name in BUILDERS}
    for name, site in sites.items():
        BUILDERS[name](site)
        site.start()
    return HeldoutSet(sites, outside, articles)


def write_heldout4_registry(directory: str, held: HeldoutSet) -> None:
    """One TOML per site with only its base URL."""
    write_registry(directory, held, "Lào Cai")
