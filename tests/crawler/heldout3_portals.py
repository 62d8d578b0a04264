"""Third held-out set: five mock portals with quirks the other mocks do not have.

Written apart from the crawler (it was measured on these before any fix). Each site listens on
its own loopback address (127.0.0.12 ... 127.0.0.16); off-site requests go to the ``Outside``
proxy of heldout_portals, which records them.

- ``webforms``: ASP.NET WebForms with cookieless sessions (``/(S(id))/`` in every path, a new id
  per redirect), relative links, ``ChiTiet.aspx?ItemID=N`` in two letter cases, one listing paged
  only by ``javascript:__doPostBack`` (its older items are in the category RSS), another by
  ``?page=N``; print and "send by email" pages disallowed by wildcard rules; a soft 404 (200
  "Bài viết không tồn tại"); an article answering 429 with Retry-After.
- ``portal``: a PHP portal with ``<base href="/portal/vi/">`` and relative/``../`` links, list items
  reachable only by ``data-href`` or ``onclick="location.href='…'"``, Vietnamese letters and spaces
  in paths (raw and %-encoded), case-insensitive paths, an endless "Xem thêm" (``offset=``), an
  endless day calendar (``?ngayxem=``) and a tag cloud with combinable filters.
- ``egov``: articles split over two pages (``?trang=2``), an article whose body is an ``<iframe>`` of
  the same site, AMP copies and a second category URL with rel=canonical, a sitemap index and a
  robots.txt ``Sitemap:`` pointing off-site, ``?print=1`` and "gửi bạn bè" pages disallowed.
- ``legacy``: classic ASP table layout with unclosed ``<p>``/``<td>``/``<font>``; windows-1258 pages,
  one declaring utf-8 over windows-1258 bytes, one in the VNI font encoding; a robots.txt group for
  our user agent apart from ``*``; soft 404s; a 429 with Retry-After.
- ``jsp``: a Java portal with ``;jsessionid=`` in links, a day-by-day listing (``?ngay=``), a sitemap,
  tracking parameters, and hard negatives whose URLs carry ``thi-dua`` but are not bloc meetings.
"""

from __future__ import annotations

import html
import itertools
import re
import time
import unicodedata
from urllib.parse import quote, unquote, urlsplit

from tests.crawler.heldout_portals import Article, Outside, Post, Resp, Site, free_loopback
from tests.crawler.heldout_sets import HeldoutSet, lay_out_posts, write_registry
from tests.crawler.mockportal import slug, to_cp1258

__all__ = ["CHROME_MARKERS", "IPS", "Heldout3", "free_loopback", "start_heldout3", "write_heldout3_registry"]

# Strings only the page chrome of these sites carries: none may reach a stored text.
CHROME_MARKERS = [
    "Tin mới", "Xem nhiều", "Lượt xem", "Lượt truy cập", "Đang online", "Thời tiết", "Trang chủ", "Chia sẻ",
    "In bài", "Gửi bạn bè", "Gửi email", "Các tin đã đưa", "Tin cùng chuyên mục", "Tin liên quan", "Xem thêm",
    "Trang:", "Đường dây nóng", "Số 25 đường Trần Phú", "0215.3822.456", "Bản quyền", "Chủ đề:", "Bản AMP",
    "Quay lại", "Lịch công tác", "Liên kết website", "Thông báo",
]
_SENT_END = re.compile(r"(?<=[.!?…])\s+(?=[A-ZĐÀ-Ỹ“\"(])")

# -- texts (written for this set) ------------------------------------------------------------------

BLOCS = [
    "Khối thi đua các cơ quan tham mưu tổng hợp", "Cụm thi đua các huyện vùng cao phía Tây",
    "Khối thi đua các sở quản lý kinh tế - kỹ thuật", "Cụm thi đua số 2 các thị xã, thành phố",
    "Khối thi đua các doanh nghiệp nhà nước", "Khối thi đua các tổ chức chính trị - xã hội",
    "Cụm thi đua các xã đặc biệt khó khăn", "Khối thi đua các đơn vị sự nghiệp công lập",
    "Khối thi đua các cơ quan bảo vệ pháp luật", "Cụm thi đua các trường trung học phổ thông",
    "Khối thi đua các hội quần chúng", "Cụm thi đua các tỉnh Tây Nguyên",
]
EVENTS = ["sơ kết công tác thi đua 6 tháng đầu năm", "tổng kết phong trào thi đua năm", "ký giao ước thi đua năm",
          "kiểm tra, chấm điểm thi đua năm", "triển khai phương hướng thi đua năm"]
HALLS = ["Sở Giao thông vận tải", "UBND huyện Mù Cang Chải", "Trường THPT chuyên Nguyễn Tất Thành", "Công ty Điện lực",
         "Hội Nông dân tỉnh", "Tòa án nhân dân tỉnh", "UBND thị xã Buôn Hồ", "Sở Lao động - Thương binh và Xã hội",
         "Kho bạc Nhà nước tỉnh", "Hội Cựu chiến binh tỉnh", "UBND xã Tả Van"]
MEMBERS = ["Sở Công Thương", "Sở Tài nguyên và Môi trường", "UBND huyện Lục Yên", "Hội Chữ thập đỏ tỉnh",
           "Trường THPT Lê Quý Đôn", "Công ty Cấp nước", "Cục Hải quan tỉnh", "UBND thị xã Ayun Pa", "Đài Phát thanh - Truyền hình",
           "Liên đoàn Lao động tỉnh", "Thanh tra tỉnh"]
CHAIRS = ["Bùi Thanh Tùng", "Hà Thị Mai Phương", "Giàng A Sử", "Nông Văn Tuyên", "Y Khoa Niê", "Đặng Thị Hồng Vân",
          "Cao Xuân Lộc"]
WRITERS = ["Quang Vinh", "Thanh Thủy", "Hải Yến (Sở Nội vụ)", "Đức Anh", "Mai Linh"]

OPENINGS = [
    "Tham gia hội nghị có lãnh đạo Ban Thi đua - Khen thưởng tỉnh và thủ trưởng {n} cơ quan, đơn vị thành viên.",
    "Đồng chí {chair}, Trưởng khối năm {y}, chủ trì hội nghị; dự còn có đại diện Sở Nội vụ và {n} đơn vị trong Khối.",
    "Hội nghị được tổ chức theo hình thức trực tiếp kết hợp trực tuyến, kết nối {n} điểm cầu của các đơn vị thành viên.",
    "Cùng dự có các đồng chí trưởng, phó các phòng chuyên môn phụ trách công tác thi đua của {n} đơn vị.",
    "Đại diện Hội đồng Thi đua - Khen thưởng tỉnh và lãnh đạo {n} đơn vị thành viên đã về dự hội nghị.",
]
RESULTS = [
    "Báo cáo của đơn vị Trưởng khối cho biết, năm {y} các thành viên đã triển khai {m} phong trào thi đua gắn với nhiệm vụ chuyên môn, tạo chuyển biến rõ nét trong thực thi công vụ.",
    "Trong năm {y}, {m} sáng kiến, giải pháp cải tiến lề lối làm việc được các đơn vị trong Khối áp dụng, góp phần rút ngắn thời gian giải quyết hồ sơ cho người dân.",
    "Các đơn vị thành viên đã hoàn thành {m} chỉ tiêu giao ước, trong đó nhiều chỉ tiêu về giải ngân vốn đầu tư công và chuyển đổi số đạt cao hơn cùng kỳ năm {y}.",
    "Phong trào thi đua trong Cụm năm {y} tập trung vào xây dựng nông thôn mới, giảm nghèo bền vững; {m} xã đã về đích sớm so với kế hoạch.",
    "Việc phát hiện, biểu dương điển hình tiên tiến được chú trọng, {m} tập thể và cá nhân tiêu biểu đã được các đơn vị giới thiệu để nhân rộng trong năm {y}.",
    "Nhiều đơn vị đã cụ thể hóa nội dung giao ước bằng {m} kế hoạch chuyên đề, gắn trách nhiệm của người đứng đầu với kết quả thi đua năm {y}.",
]
DEBATES = [
    "Tại hội nghị, các đại biểu tập trung thảo luận cách xây dựng thang điểm sát với đặc thù từng ngành, tránh chấm điểm bình quân.",
    "Nhiều ý kiến cho rằng cần tăng tỷ lệ khen thưởng cho người trực tiếp lao động và các tập thể nhỏ ở cơ sở.",
    "Một số đơn vị đề nghị rút gọn hồ sơ đề nghị khen thưởng, thực hiện nộp hồ sơ trên môi trường điện tử.",
    "Các đại biểu cũng chỉ ra việc tuyên truyền gương điển hình ở một số nơi còn đơn điệu, chưa lan tỏa rộng.",
    "Ý kiến tham luận nêu kinh nghiệm tổ chức thi đua theo chuyên đề ngắn ngày, dễ đo đếm kết quả.",
    "Đại diện Ban Thi đua - Khen thưởng tỉnh lưu ý các đơn vị về thời hạn gửi hồ sơ và những điểm mới của văn bản hướng dẫn.",
]
DECISIONS = [
    "Kết quả bình xét, {unit} được suy tôn dẫn đầu và đề nghị UBND tỉnh tặng Cờ thi đua năm {y}.",
    "Hội nghị thống nhất giới thiệu {unit} làm Trưởng khối, {unit2} làm Phó Trưởng khối năm {y1}.",
    "Các đơn vị thành viên đã ký giao ước thi đua năm {y1} với {m} nội dung cụ thể, có thể lượng hóa.",
    "Hội nghị đề nghị Chủ tịch UBND tỉnh tặng Bằng khen cho {unit} và {unit2} vì thành tích xuất sắc trong năm {y}.",
    "Đơn vị Trưởng khối năm {y} đã chuyển giao nhiệm vụ cho {unit}, đơn vị điều hành hoạt động của Khối năm {y1}.",
    "Khối thống nhất chọn chủ đề thi đua năm {y1} là nâng cao chỉ số hài lòng của người dân, doanh nghiệp.",
]
CLOSINGS = [
    "Bế mạc hội nghị, đồng chí {chair} đề nghị các thành viên bám sát giao ước, báo cáo kết quả định kỳ hằng quý.",
    "Hội nghị khép lại với quyết tâm đưa phong trào thi đua của Khối lên tầm cao mới trong năm {y1}.",
    "Sau hội nghị, đại biểu đã tham quan mô hình dân vận khéo tại {unit2}.",
    "Các thành viên hẹn gặp lại tại hội nghị sơ kết giữa năm {y1} do {unit} đăng cai.",
    "Hội nghị kết thúc vào buổi trưa cùng ngày sau khi thông qua nghị quyết với sự đồng thuận cao./.",
    "Nhân dịp này, Khối trao {m} phần quà cho gia đình chính sách tại địa phương nơi tổ chức hội nghị.",
]


def bloc_article(k: int) -> Article:
    """Return bloc-meeting report ``k`` of this set (four paragraphs, no two alike)."""
    y = 2016 + k % 8
    d, mo = 3 + (k * 7) % 25, 1 + (k * 5) % 12
    f = {"n": 7 + k % 8, "m": 4 + k, "y": y, "y1": y + 1, "chair": CHAIRS[k % len(CHAIRS)],
         "unit": MEMBERS[k % len(MEMBERS)], "unit2": MEMBERS[(k * 4 + 3) % len(MEMBERS)]}
    bloc, event, hall = BLOCS[k % len(BLOCS)], EVENTS[k % len(EVENTS)], HALLS[(k * 3) % len(HALLS)]
    lead = f"Ngày {d}/{mo}/{y}, tại hội trường {hall}, {bloc} đã tổ chức hội nghị {event} {y}."
    paras = [lead + " " + OPENINGS[k % len(OPENINGS)].format(**f),
             RESULTS[(k * 5) % len(RESULTS)].format(**f) + " " + DEBATES[(k * 7 + 1) % len(DEBATES)].format(**f),
             DECISIONS[(k * 11 + 2) % len(DECISIONS)].format(**f),
             CLOSINGS[(k * 13 + 5) % len(CLOSINGS)].format(**f)]
    title = f"{bloc} {event} {y}" if k % 2 else f"{bloc}: hội nghị {event} {y}"
    return Article(f"b{k}", title, paras, True, WRITERS[k % len(WRITERS)], f"{y}-{mo:02d}-{d:02d}")


_OTHER = [
    ("Nghiệm thu công trình kè chống sạt lở bờ sông tại {place}",
     ["Sở Nông nghiệp và Phát triển nông thôn vừa nghiệm thu công trình kè chống sạt lở dài {m} mét tại {place}, bảo vệ an toàn cho hàng trăm hộ dân ven sông.",
      "Công trình được thi công trong mười tháng với tổng vốn gần ba mươi tỷ đồng, kết cấu bê tông cốt thép kết hợp thảm đá.",
      "Chủ đầu tư yêu cầu đơn vị quản lý thường xuyên kiểm tra, duy tu để công trình phát huy hiệu quả lâu dài."]),
    ("Khám sàng lọc bệnh lý tim bẩm sinh cho trẻ em {place}",
     ["Bệnh viện Đa khoa tỉnh phối hợp với các chuyên gia tim mạch tổ chức khám sàng lọc miễn phí cho {m} trẻ em tại {place}.",
      "Qua khám, các bác sĩ phát hiện nhiều trường hợp nghi mắc tim bẩm sinh và tư vấn gia đình đưa trẻ đi điều trị sớm.",
      "Chương trình sẽ tiếp tục được triển khai tại các huyện còn lại trong quý tới."]),
    ("Mùa cà phê chín trên cao nguyên {place}",
     ["Những ngày cuối năm, nông dân {place} tất bật thu hoạch cà phê với sản lượng ước đạt {m} nghìn tấn.",
      "Giá cà phê nhân xô tăng mạnh so với niên vụ trước giúp người trồng có thêm nguồn thu đáng kể.",
      "Ngành nông nghiệp khuyến cáo bà con thu hái quả chín để nâng cao chất lượng và giá bán."]),
    ("Khai giảng lớp dạy nghề đan lát cho phụ nữ {place}",
     ["Trung tâm Giáo dục nghề nghiệp huyện khai giảng lớp đan lát mây tre cho {m} học viên là phụ nữ {place}.",
      "Trong ba tháng, học viên được hướng dẫn kỹ thuật chọn nguyên liệu, tạo dáng và hoàn thiện sản phẩm.",
      "Sau khóa học, doanh nghiệp trên địa bàn cam kết bao tiêu sản phẩm cho các học viên."]),
]
# Hard negatives: their URLs and titles talk about "thi đua" or "cụm", they are not bloc meetings.
_HARD = [
    ("Học sinh {place} thi đua học tốt chào mừng ngày Nhà giáo Việt Nam",
     ["Hưởng ứng đợt thi đua học tốt, học sinh các trường ở {place} đã giành được {m} nghìn điểm tốt dâng tặng thầy cô.",
      "Nhiều lớp tổ chức đôi bạn cùng tiến, giúp đỡ các bạn học yếu vươn lên trong học tập.",
      "Nhà trường sẽ tuyên dương các tập thể lớp và cá nhân tiêu biểu trong buổi lễ kỷ niệm ngày 20 tháng 11."]),
    ("Cụm công nghiệp phía Nam {place} đón thêm ba dự án đầu tư",
     ["Cụm công nghiệp phía Nam {place} vừa thu hút thêm ba dự án chế biến nông sản với tổng vốn hơn {m} tỷ đồng.",
      "Hạ tầng giao thông, cấp điện và xử lý nước thải trong cụm đã cơ bản hoàn thành.",
      "Các nhà đầu tư cam kết ưu tiên tuyển dụng lao động tại chỗ sau khi dự án đi vào hoạt động."]),
    ("Công nhân điện lực {place} thi đua bảo đảm cấp điện mùa nắng nóng",
     ["Trước đợt nắng nóng kéo dài, công nhân điện lực {place} ra quân kiểm tra, bảo dưỡng {m} trạm biến áp.",
      "Các tổ thao tác lưu động trực 24/24 giờ để xử lý kịp thời sự cố, hạn chế mất điện cho khách hàng.",
      "Ngành điện khuyến cáo người dân sử dụng điện tiết kiệm, an toàn vào giờ cao điểm buổi tối."]),
]
PLACES = ["huyện Bắc Hà", "thành phố Pleiku", "huyện Mường Tè", "thị xã Sa Pa", "huyện Krông Pắc", "huyện Tam Đường"]


def other_article(k: int, hard: bool) -> Article:
    """Return an article that is not a bloc meeting (``hard``: one that talks about thi đua or a cụm)."""
    title, paras = (_HARD if hard else _OTHER)[k % len(_HARD if hard else _OTHER)]
    f = {"place": PLACES[k % len(PLACES)], "m": 15 + 4 * k}
    return Article(f"{'h' if hard else 'o'}{k}", title.format(**f), [p.format(**f) for p in paras], False, None,
                   f"{2020 + k % 4}-{1 + k % 12:02d}-{5 + k % 20:02d}")


# -- legacy font encodings ------------------------------------------------------------------------------

_VNI_TONE = {"\u0301": "ù", "\u0300": "ø", "\u0309": "û", "\u0303": "õ", "\u0323": "ï"}
_VNI_HAT_TONE = {"": "â", "\u0301": "á", "\u0300": "à", "\u0309": "å", "\u0303": "ã", "\u0323": "ä"}
_VNI_BREVE_TONE = {"": "ê", "\u0301": "é", "\u0300": "è", "\u0309": "ú", "\u0303": "ü", "\u0323": "ë"}
_VNI_I = {"\u0301": "í", "\u0300": "ì", "\u0309": "æ", "\u0303": "ó", "\u0323": "ò"}


def to_vni(text: str) -> bytes:
    """Return ``text`` as VNI-Windows font bytes (cp1252 glyphs), as a "VNI-Times" page stores it."""
    out: list[str] = []
    for ch in unicodedata.normalize("NFC", text):
        if ch in "đĐ":
            out.append("ñ" if ch == "đ" else "Ñ")
            continue
        d = unicodedata.normalize("NFD", ch)
        base, marks = d[0], d[1:]
        if not marks or not base.isalpha():
            out.append(ch)
            continue
        up = base.isupper()
        tone = next((m for m in marks if m in _VNI_TONE), "")
        if "\u0302" in marks:  # circumflex: â ê ô
            glyph = base + _VNI_HAT_TONE[tone]
        elif "\u0306" in marks:  # breve: ă
            glyph = base + _VNI_BREVE_TONE[tone]
        elif "\u031b" in marks:  # horn: ơ ư
            glyph = ("ô" if base.lower() == "o" else "ö") + _VNI_TONE.get(tone, "")
        elif base.lower() == "i":
            glyph = _VNI_I[tone]
        elif base.lower() == "y" and tone == "\u0323":
            glyph = "î"
        else:
            glyph = base + _VNI_TONE[tone]
        out.append(glyph.upper() if up else glyph)
    return "".join(out).encode("cp1252", errors="replace")


# -- serving ----------------------------------------------------------------------------------------


class Site3(Site):
    """A held-out portal whose paths may be case-insensitive, percent-encoded or carry a session id."""

    def __init__(self, name: str, ip: str, posts: list[Post], outside: str, *, fold_case: bool = False) -> None:
        super().__init__(name, ip, posts, outside)
        self.fold_case = fold_case
        self.hits: list[tuple[float, str]] = []  # (monotonic time, path) of every request
        self.limited: dict[str, float] = {}  # path -> end of its Retry-After window
        self.retry_after: dict[str, float] = {}  # path answering 429 (seconds to wait)
        self.sessions = itertools.count(0x5A17)

    def key(self, path: str) -> str:
        """Return the route key of a request path: no session, decoded, folded when the server ignores case."""
        path = re.sub(r"^/\(S\([a-z0-9]+\)\)", "", path)
        path = re.sub(r";jsessionid=[^?/]*", "", path)
        path = unquote(path)
        return path.lower() if self.fold_case else path

    def lookup(self, path: str) -> Resp | None:
        now = time.monotonic()
        key = self.key(path)
        with self.lock:
            self.hits.append((now, path))
        if key in self.retry_after:
            with self.lock:
                until = self.limited.setdefault(key, now + self.retry_after[key])
            if now < until:
                return Resp(b"<h1>429 Too Many Requests</h1>", status=429,
                            headers={"Retry-After": str(int(self.retry_after[key]))})
        resp = self.routes.get(key)
        return resp if resp is not None else self.dynamic(key)

    def retry_after_violations(self) -> list[str]:
        """Return requests sent to a 429 path before its Retry-After window ended (the first excluded)."""
        with self.lock:
            hits, windows = list(self.hits), dict(self.limited)
        out = []
        for path, until in windows.items():
            times = sorted(t for t, p in hits if self.key(p) == path)
            out += [path for t in times[1:] if t < until - 0.05]
        return out


def _esc(text: str) -> str:
    return html.escape(text, quote=True)


def _paras(a: Article, tag: str = "p") -> str:
    return "".join(f"<{tag}>{_esc(x)}</{tag}>" for x in a.paragraphs)


def _byline(a: Article) -> str:
    return f'<p align="right"><b>{_esc(a.author)}</b></p>' if a.author else ""


def _article_pager(path: str, current: int) -> str:
    """Return the "Trang: 1 2" pager of an article split over two pages."""
    cells = [str(j) if j == current else f'<a href="{path}{"" if j == 1 else f"?trang={j}"}">{j}</a>' for j in (1, 2)]
    return '<div class="page-article">Trang: ' + " ".join(cells) + "</div>"


def _views(seed: int) -> int:
    return 300 + (seed * 4973) % 20000


OFFSITE = ["https://www.facebook.com/sharer/sharer.php?u=x", "https://thiduakhenthuong.gov.vn/khoi-thi-dua.html",
           "https://zalo.me/share?url=y", "http://vanban.chinhphu.vn/thi-dua"]


# -- 1. ASP.NET WebForms, cookieless sessions -------------------------------------------------------------


def build_webforms(site: Site3) -> None:
    site.fold_case = True
    site.robots = ("User-agent: *\nDisallow: /*InBai.aspx\nDisallow: /*GuiBai.aspx\nDisallow: /*TimKiem.aspx\n"
                   "Crawl-delay: 0.1\n")
    listed = [p for p in site.posts if p.listed]
    for p in site.posts:
        p.path = f"/ChiTiet.aspx?ItemID={p.ident}"
        p.aliases = [f"/chitiet.aspx?itemid={p.ident}"]
    bloc_cat = [p for i, p in enumerate(listed) if p.article.relevant and i % 2 == 0]

    def shell(title: str, main: str, seed: int) -> bytes:
        newest = "".join(f'<tr><td><a href="ChiTiet.aspx?ItemID={p.ident}">{_esc(p.article.title)}</a></td></tr>'
                         for p in listed[:3])
        return f"""<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN"><html xmlns="http://www.w3.org/1999/xhtml">
<head><title>{_esc(title)} - Sở Nội vụ</title><meta http-equiv="Content-Type" content="text/html; charset=utf-8" />
<link rel="alternate" type="application/rss+xml" title="Tin hoạt động" href="RSS.aspx?CatID=2" /></head>
<body><form name="aspnetForm" method="post" action="TinTuc.aspx?CatID=2" id="aspnetForm">
<input type="hidden" name="__EVENTTARGET" id="__EVENTTARGET" value="" /><input type="hidden" name="__EVENTARGUMENT" value="" />
<input type="hidden" name="__VIEWSTATE" value="/wEPDwUKMTY1NDU2MTA1Mg9kFgJmD2QWAgIDD2QWAgIBD2QWAmYPZBYC" />
<input type="hidden" name="__EVENTVALIDATION" value="/wEWBALm8qTtCgKM54rGBgK7q7GGCAKW0Y2lBw==" />
<script type="text/javascript">function __doPostBack(t, a) {{ var f = document.forms['aspnetForm']; f.__EVENTTARGET.value = t; f.__EVENTARGUMENT.value = a; f.submit(); }}</script>
<table id="tblLayout" width="980" align="center"><tr><td colspan="2" class="banner"><img src="images/banner.jpg" alt="SỞ NỘI VỤ" />
<div class="weather">Thời tiết: 28°C</div></td></tr>
<tr><td colspan="2" class="menu"><a href="Default.aspx">Trang chủ</a> | <a href="TinTuc.aspx?CatID=2">Tin hoạt động</a> |
<a href="TinTuc.aspx?CatID=5">Khối, Cụm thi đua</a> | <a href="TimKiem.aspx?kw=thi+dua">Tìm kiếm</a></td></tr>
<tr><td width="700" valign="top">{main}</td><td width="280" valign="top" class="right">
<table><tr><td class="box-title">Tin mới</td></tr>{newest}</table>
<table><tr><td class="box-title">Liên kết website</td></tr>{"".join(f'<tr><td><a href="{u}">Thi đua khen thưởng Trung ương {i}</a></td></tr>' for i, u in enumerate(OFFSITE))}
<tr><td><a href="http://localhost:{site.outside}/thi-dua.aspx">Ban Thi đua - Khen thưởng Trung ương</a></td></tr></table>
<div class="counter">Đang online: {seed % 30 + 2}<br />Lượt truy cập: {_views(seed)}</div></td></tr>
<tr><td colspan="2" class="footer">Bản quyền thuộc Sở Nội vụ. Số 25 đường Trần Phú. Điện thoại: 0215.3822.456</td></tr>
</table></form></body></html>""".encode()

    def rows(items: list[Post]) -> str:
        return "".join(f'<tr><td class="title"><a id="ctl00_cphMain_gvTin_ctl0{i}_hlTitle" href="ChiTiet.aspx?ItemID={p.ident}">'
                       f'{_esc(p.article.title)}</a><br /><span class="date">({p.article.dmy})</span></td></tr>'
                       for i, p in enumerate(items))

    r = site.routes
    r["/robots.txt"] = Resp(site.robots.encode(), "text/plain")
    r["/default.aspx"] = Resp(shell("Trang chủ", f'<table class="home">{rows(listed[:4])}</table>', 1))
    r["/"] = r["/default.aspx"]
    per = 4
    n2 = -(-len(listed) // per)
    pager2 = " ".join(f"<a href=\"javascript:__doPostBack('ctl00$cphMain$gvTin','Page${i}')\">{i}</a>" for i in range(2, n2 + 1))
    r["/tintuc.aspx?catid=2"] = Resp(shell("Tin hoạt động", f'<table id="ctl00_cphMain_gvTin">{rows(listed[:per])}'
                                          f'<tr class="pager"><td>1 {pager2}</td></tr></table>', 2))
    n5 = -(-len(bloc_cat) // per)
    for k in range(1, n5 + 1):
        nav = " ".join(f'<a href="TinTuc.aspx?CatID=5&amp;page={i}">{i}</a>' for i in range(1, n5 + 1) if i != k)
        if k < n5:
            nav += f' <a href="TinTuc.aspx?CatID=5&amp;page={k + 1}">Trang sau</a>'
        page = Resp(shell("Khối, Cụm thi đua", f'<table>{rows(bloc_cat[(k - 1) * per : k * per])}</table><div class="pager">{nav}</div>', k))
        r[f"/tintuc.aspx?catid=5&page={k}"] = page
        if k == 1:
            r["/tintuc.aspx?catid=5"] = page
    items = "".join(f"<item><title>{_esc(p.article.title)}</title><link>{site.base}/ChiTiet.aspx?ItemID={p.ident}</link>"
                    f"<pubDate>Thu, 13 Jul 2023 08:00:00 +0700</pubDate></item>" for p in listed)
    r["/rss.aspx?catid=2"] = Resp(f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Tin hoạt động</title>{items}</channel></rss>'.encode(),
                                  "text/xml; charset=utf-8")
    r["/chitiet.aspx?itemid=9999"] = Resp(shell("Thông báo", '<div class="msg"><b>Bài viết không tồn tại hoặc đã bị gỡ bỏ.</b><br />'
                                                '<a href="Default.aspx">Quay lại</a></div>', 9))
    for i, p in enumerate(site.posts):
        a = p.article
        others = [o for o in listed if o is not p][i % 5 : i % 5 + 3]
        main = f"""<table class="detail" width="100%"><tr><td><span id="ctl00_cphMain_lblTieuDe" class="tieude">{_esc(a.title)}</span></td></tr>
<tr><td><span class="ngay">Ngày đăng: {a.dmy}</span> - <span class="luotxem">Lượt xem: {_views(i)}</span></td></tr>
<tr><td><span id="ctl00_cphMain_lblNoiDung" class="noidung">{_paras(a)}{_byline(a)}</span></td></tr>
<tr><td class="tools"><a href="InBai.aspx?ItemID={p.ident}">In bài</a> | <a href="GuiBai.aspx?ItemID={p.ident}">Gửi email</a></td></tr>
<tr><td><b>Các tin đã đưa:</b><br />{"".join(f'<a href="chitiet.aspx?itemid={o.ident}">{_esc(o.article.title)}</a><br />' for o in others)}
<a href="ChiTiet.aspx?ItemID=9999">Thông báo tuyển dụng công chức năm 2019 của Sở Nội vụ</a></td></tr></table>"""
        r[p.path.lower()] = Resp(shell(a.title, main, i + 3))
        if p.special == "429":
            site.retry_after[p.path.lower()] = 2.0

    def dynamic(key: str) -> Resp | None:
        if key.startswith(("/inbai.aspx", "/guibai.aspx", "/timkiem.aspx")):
            return Resp(shell("Công cụ", "<p>Chức năng công cụ.</p>", 0))
        return None

    site.dynamic = dynamic
    plain = site.lookup

    def lookup(path: str) -> Resp | None:  # cookieless ASP.NET: no session in the path -> a new one
        if path != "/robots.txt" and not path.startswith("/(S("):
            with site.lock:
                sid = f"{next(site.sessions):x}q{len(site.hits) % 7}zx"
                site.hits.append((time.monotonic(), path))
            return Resp(status=302, headers={"Location": f"/(S({sid}))" + (path if path != "/" else "/Default.aspx")})
        return plain(path)

    site.lookup = lookup  # type: ignore[method-assign]


# -- 2. PHP portal: base href, script links, Vietnamese paths, traps ------------------------------------------------


def build_portal(site: Site3) -> None:
    site.fold_case = True
    site.robots = ("User-agent: *\nDisallow: /portal/vi/tim-kiem\nDisallow: /*?print=\nDisallow: /*gui-email\n"
                   "Crawl-delay: 0.1\n")
    root = "/portal/vi/"
    cat = "Tin tức/Thi đua - Khen thưởng.html"
    listed = [p for p in site.posts if p.listed]
    for p in site.posts:
        p.path = f"{root}bai-viet/{p.ident}/{slug(p.article.title)[:60]}.html"
        p.aliases = [p.path.replace("/bai-viet/", "/Bai-Viet/")]

    def rel(p: Post) -> str:
        return p.path.removeprefix(root)

    def shell(title: str, main: str, seed: int) -> bytes:
        newest = "".join(f'<li><a href="{rel(p)}">{_esc(p.article.title)}</a></li>' for p in listed[:2])
        tags = " ".join(f'<a href="chu-de.html?tag={t}">{t}</a>' for t in ("thi-dua", "khen-thuong", "noi-vu"))
        return f"""<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><base href="{root}">
<title>{_esc(title)} | Cổng thông tin điện tử huyện</title></head><body>
<div id="header"><div class="logo">CỔNG THÔNG TIN ĐIỆN TỬ HUYỆN</div><div class="hotline">Đường dây nóng: 0215.3822.456</div></div>
<ul id="menu"><li><a href="trang-chu.html">Trang chủ</a></li><li><a href="{cat}">Thi đua - Khen thưởng</a></li>
<li><a href="{quote(cat)}">Khen thưởng</a></li><li><a href="lich-cong-tac.html?ngayxem=2023-07-13">Lịch công tác</a></li>
<li><a href="tim-kiem.html?tu=khoi+thi+dua">Tìm kiếm</a></li></ul>
<div id="content">{main}</div>
<div id="sidebar"><h4>Tin mới</h4><ul>{newest}</ul><h4>Chủ đề:</h4><div class="tagcloud">{tags}</div>
<h4>Liên kết website</h4>{"".join(f'<a href="{u}">Thi đua khen thưởng</a> ' for u in OFFSITE)}
<a href="http://localhost:{site.outside}/khoi-thi-dua.html">Khối thi đua các huyện</a>
<div class="stats">Lượt truy cập: {_views(seed)}</div></div>
<div id="footer">Bản quyền © UBND huyện. Số 25 đường Trần Phú. Điện thoại: 0215.3822.456</div></body></html>""".encode()

    def item(p: Post, i: int) -> str:
        if i % 3 == 0:
            return (f'<div class="news-item" data-href="{rel(p)}"><h3>{_esc(p.article.title)}</h3>'
                    f'<p>{_esc(p.article.paragraphs[0][:120])}…</p></div>')
        if i % 3 == 1:
            return (f'<table class="row"><tr onclick="location.href=\'{rel(p)}\'" style="cursor:pointer"><td>'
                    f'<b>{_esc(p.article.title)}</b></td></tr></table>')
        return (f'<div class="news-item"><a href="javascript:void(0)" onclick="window.location.href=\'../vi/{rel(p)}\';">'
                f'{_esc(p.article.title)}</a></div>')

    r = site.routes
    r["/robots.txt"] = Resp(site.robots.encode(), "text/plain")
    r["/"] = Resp(status=301, headers={"Location": root + "trang-chu.html"})
    r[(root + "trang-chu.html").lower()] = Resp(shell("Trang chủ", "".join(item(p, i) for i, p in enumerate(listed[:3]))
                                                     + f'<a href="{cat}">Xem tất cả</a>', 1))
    per = 4
    r[(root + cat).lower()] = Resp(shell("Thi đua - Khen thưởng", "".join(item(p, i) for i, p in enumerate(listed[:per]))
                                         + '<a class="more" href="xem-them.html?muc=tdkt&amp;offset=4">Xem thêm</a>', 2))

    def more(offset: int) -> Resp:
        chunk = listed[offset : offset + per]
        return Resp(shell("Xem thêm", "".join(item(p, i + offset) for i, p in enumerate(chunk))
                          + f'<a class="more" href="xem-them.html?muc=tdkt&amp;offset={offset + per}">Xem thêm</a>', offset))

    for i, p in enumerate(site.posts):
        a = p.article
        main = f"""<div class="breadcrumb"><a href="trang-chu.html">Trang chủ</a> » <a href="{cat}">Thi đua - Khen thưởng</a></div>
<h1 class="title">{_esc(a.title)}</h1><div class="meta">{a.dmy} | Lượt xem: {_views(i)}</div>
<div class="content-detail">{_paras(a)}{_byline(a)}</div>
<div class="tools"><a href="{rel(p)}?print=1">In bài</a> <a href="gui-email.html?id={p.ident}">Gửi email</a>
<a href="../../portal/vi/{cat}">Quay lại</a></div>
<div class="tinlienquan"><h4>Tin cùng chuyên mục</h4>{"".join(item(o, j) for j, o in enumerate(listed[i % 4 : i % 4 + 3]) if o is not p)}</div>"""
        r[p.path.lower()] = Resp(shell(a.title, main, i + 4))

    facets = {"linhvuc": ("noi-vu", "giao-duc", "y-te", "kinh-te", "van-hoa"), "capdo": ("tinh", "huyen", "xa"),
              "loaitin": ("hoi-nghi", "phong-trao", "khen-thuong")}

    def dynamic(key: str) -> Resp | None:
        parts = urlsplit(key)
        q = dict(x.split("=", 1) for x in parts.query.split("&") if "=" in x)
        if parts.path == root + "xem-them.html":
            return more(int(q.get("offset", "0") or 0))
        if parts.path == root + "lich-cong-tac.html":
            m = re.match(r"(\d{4})-(\d{2})-(\d{2})", q.get("ngayxem", ""))
            y, mo, d = (int(x) for x in m.groups()) if m else (2023, 7, 13)
            prev, nxt = f"{y}-{mo:02d}-{(d - 2) % 28 + 1:02d}", f"{y}-{mo:02d}-{d % 28 + 1:02d}"
            return Resp(shell("Lịch công tác", f'<h2>Lịch công tác ngày {d}/{mo}/{y}</h2><a href="lich-cong-tac.html?ngayxem={prev}">'
                              f'Ngày trước</a> <a href="lich-cong-tac.html?ngayxem={nxt}">Ngày sau</a><p>Chưa có lịch.</p>', d))
        if parts.path == root + "chu-de.html":
            links = []
            for k, vals in facets.items():
                for v in vals:
                    links.append("chu-de.html?" + "&amp;".join(f"{a}={b}" for a, b in sorted({**q, k: v}.items())))
            listing = "".join(f'<h3><a href="{rel(p)}">{_esc(p.article.title)}</a></h3>' for p in listed[:4])
            return Resp(shell("Chủ đề", listing + '<div class="filters">' + " ".join(f'<a href="{u}">Lọc</a>' for u in links)
                              + "</div>", len(q)))
        if parts.path.startswith((root + "tim-kiem", root + "gui-email")) or "print=1" in parts.query:
            return Resp(shell("Công cụ", "<p>Công cụ.</p>", 0))
        return None

    site.dynamic = dynamic


# -- 3. eGov portal: split articles, iframe body, AMP, two categories, sitemaps ------------------------------------


def build_egov(site: Site3) -> None:
    site.robots = (f"User-agent: *\nDisallow: /tim-kiem\nDisallow: /*?print=\nDisallow: /gui-ban-be/\nCrawl-delay: 0.1\n"
                   f"Sitemap: http://localhost:{site.outside}/sitemap.xml\nSitemap: {site.base}/sitemap.xml\n")
    listed = [p for p in site.posts if p.listed]
    for p in site.posts:
        s = f"{slug(p.article.title)[:60]}-{p.ident}.html"
        p.path = f"/thi-dua-khen-thuong/{s}"
        p.aliases = [f"/tin-hoat-dong/{s}", f"/amp/thi-dua-khen-thuong/{s}"]

    def shell(title: str, main: str, seed: int, head: str = "") -> bytes:
        return f"""<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>{_esc(title)} - Cổng TTĐT tỉnh</title>{head}</head>
<body><header class="site-header"><div class="date">Thứ Năm, 13/07/2023</div><nav><a href="/">Trang chủ</a>
<a href="/thi-dua-khen-thuong.html">Thi đua - Khen thưởng</a> <a href="/tin-hoat-dong.html">Tin hoạt động</a>
<a href="/tim-kiem?q=thi+dua">Tìm kiếm</a></nav></header>
<main class="container"><div class="col-main">{main}</div>
<div class="col-side"><div class="box"><div class="box-title">Tin mới</div>{"".join(f'<p><a href="{p.aliases[1]}">{_esc(p.article.title)}</a></p>' for p in listed[:3])}</div>
<div class="box">Lượt truy cập: {_views(seed)}</div></div></main>
<footer><p>Bản quyền thuộc UBND tỉnh. Số 25 đường Trần Phú. Điện thoại: 0215.3822.456</p>
<a href="{OFFSITE[1]}">Thi đua khen thưởng Trung ương</a></footer></body></html>""".encode()

    r = site.routes
    r["/robots.txt"] = Resp(site.robots.encode(), "text/plain")
    per = 4

    def listing(name: str, items: list[Post], use_alias: bool) -> None:
        n = -(-len(items) // per)
        for k in range(1, n + 1):
            body = "".join(f'<article class="news"><h3><a href="{p.aliases[0] if use_alias else p.path}">{_esc(p.article.title)}</a></h3>'
                           f'<p class="sapo">{_esc(p.article.paragraphs[0][:100])}…</p></article>' for p in items[(k - 1) * per : k * per])
            nav = " ".join(f'<a href="/{name}.html?page={i}">{i}</a>' for i in range(1, n + 1) if i != k)
            r[f"/{name}.html?page={k}"] = Resp(shell(name, body + f'<div class="paging">{nav}</div>', k))
            if k == 1:
                r[f"/{name}.html"] = r[f"/{name}.html?page=1"]

    listing("thi-dua-khen-thuong", [p for p in listed if p.article.relevant], False)
    listing("tin-hoat-dong", listed, True)
    r["/"] = Resp(shell("Trang chủ", "".join(f'<h3><a href="{p.path}">{_esc(p.article.title)}</a></h3>' for p in listed[:3])
                        + '<a href="/tin-tuc/theo-ngay.html?ngay=2023-07-13">Tin theo ngày</a>', 0))
    urls = "".join(f"<url><loc>{site.base}{p.path}</loc><lastmod>{p.article.date}</lastmod></url>" for p in site.posts)
    r["/sitemap-posts.xml"] = Resp(f'<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{urls}</urlset>'.encode(),
                                   "application/xml")
    r["/sitemap.xml"] = Resp((f'<?xml version="1.0" encoding="UTF-8"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
                              f"<sitemap><loc>{site.base}/sitemap-posts.xml</loc></sitemap>"
                              f"<sitemap><loc>http://localhost:{site.outside}/sitemap-tin-tuc.xml</loc></sitemap></sitemapindex>").encode(),
                             "application/xml")
    for i, p in enumerate(site.posts):
        a = p.article
        canon = f'<link rel="canonical" href="{site.base}{p.path}"><link rel="amphtml" href="{site.base}{p.aliases[1]}">'
        tools = (f'<div class="tools"><a href="{p.path}?print=1">In bài</a> <a href="/gui-ban-be/{p.ident}.html">Gửi bạn bè</a> '
                 f'<a href="{p.aliases[1]}">Bản AMP</a></div>')
        related = '<div class="related"><h4>Tin liên quan</h4>' + "".join(
            f'<p><a href="{o.path}">{_esc(o.article.title)}</a></p>' for o in listed[i % 5 : i % 5 + 3] if o is not p) + "</div>"
        head = f'<h1 class="title">{_esc(a.title)}</h1><div class="meta">{a.dmy} - Lượt xem: {_views(i)}</div>'
        if p.special == "split":
            one = f'<div class="detail-content">{"".join(f"<p>{_esc(x)}</p>" for x in a.paragraphs[:2])}</div>'
            two = f'<div class="detail-content">{"".join(f"<p>{_esc(x)}</p>" for x in a.paragraphs[2:])}{_byline(a)}</div>'
            full = shell(a.title, head + one + _article_pager(p.path, 1) + tools + related, i + 5, canon)
            r[p.path + "?trang=2"] = Resp(shell(a.title, head + two + _article_pager(p.path, 2) + tools + related, i + 5, canon))
        elif p.special == "iframe":
            frame = f"/noi-dung/{p.ident}.html"
            full = shell(a.title, head + f'<iframe src="{frame}" width="100%" height="900" frameborder="0"></iframe>' + tools + related,
                         i + 5, canon)
            r[frame] = Resp(f'<html><head><meta charset="utf-8"></head><body><div class="noidung">{_paras(a)}{_byline(a)}</div></body></html>'.encode())
        else:
            full = shell(a.title, head + f'<div class="detail-content">{_paras(a)}{_byline(a)}</div>' + tools + related, i + 5, canon)
        r[p.path] = Resp(full)
        r[p.aliases[0]] = Resp(full)
        r[p.aliases[1]] = Resp(f"""<!doctype html><html amp lang="vi"><head><meta charset="utf-8"><link rel="canonical" href="{site.base}{p.path}">
<title>{_esc(a.title)}</title></head><body><h1>{_esc(a.title)}</h1><div class="amp-content">{_paras(a)}{_byline(a)}</div></body></html>""".encode())

    def dynamic(key: str) -> Resp | None:
        parts = urlsplit(key)
        if parts.path.startswith(("/gui-ban-be/", "/tim-kiem")) or "print=1" in parts.query:
            return Resp(shell("Công cụ", "<p>Công cụ.</p>", 0))
        if parts.path == "/tin-tuc/theo-ngay.html":
            m = re.search(r"ngay=(\d{4})-(\d{2})-(\d{2})", parts.query)
            y, mo, d = (int(x) for x in m.groups()) if m else (2023, 7, 13)
            return Resp(shell("Tin theo ngày", f'<a href="/tin-tuc/theo-ngay.html?ngay={y}-{mo:02d}-{d % 28 + 1:02d}">Ngày sau</a>', d))
        return None

    site.dynamic = dynamic


# -- 4. classic ASP, legacy encodings, broken markup -----------------------------------------------------------


def build_legacy(site: Site3) -> None:
    site.fold_case = True
    site.robots = ("User-agent: *\nDisallow: /admin/\nCrawl-delay: 1\n\n"
                   "User-agent: khoi-archive\nDisallow: /admin/\nDisallow: /timkiem.asp\nDisallow: /*?print=\n"
                   "Disallow: /*&print=\nDisallow: /*sendmail\nCrawl-delay: 0.1\n")
    listed = [p for p in site.posts if p.listed]
    for p in site.posts:
        p.path = f"/tin.asp?id={p.ident}"
        p.aliases = [f"/Tin.asp?ID={p.ident}"]

    def shell(title: str, main: str, seed: int, meta: str = "windows-1258") -> str:
        return f"""<html><head><title>{_esc(title)}</title><meta http-equiv="Content-Type" content="text/html; charset={meta}">
</head><body bgcolor="#ffffff" topmargin=0><table width=780 border=0 cellpadding=0 cellspacing=0 align=center>
<tr><td colspan=2><img src="images/top.gif"><font face=Arial size=1>Thứ năm, 13/07/2023</font>
<tr><td colspan=2 bgcolor=#990000><a href="default.asp"><font color=white>Trang chủ</font></a> <font color=white>|</font>
<a href="tin.asp?cat=3"><font color=white>Thi đua - Khen thưởng</font></a> <font color=white>|</font> <a href="timkiem.asp"><font color=white>Tìm kiếm</font></a>
<tr><td width=180 valign=top bgcolor=#f4f4f4><font face=Arial size=2><b>Tin mới</b><br>
{"<br>".join(f'<a href="Tin.asp?ID={p.ident}">{_esc(p.article.title)}</a>' for p in listed[:3])}
<br><b>Tin cũ</b><br><a href="tin.asp?id=901">Hội nghị tập huấn nghiệp vụ công tác thi đua năm 2012</a><br>
<a href="tin.asp?id=902">Thông báo lịch tiếp công dân tháng 5 năm 2013</a><br>
<a href="http://localhost:{site.outside}/">Cổng thông tin Chính phủ</a><br><a href="{OFFSITE[3]}">Văn bản thi đua</a><br>
Lượt truy cập: {_views(seed)}</font>
<td valign=top><font face="Times New Roman" size=3>{main}</font>
<tr><td colspan=2 align=center bgcolor=#990000><font color=white size=1>Bản quyền: Ban Thi đua - Khen thưởng tỉnh. Số 25 đường Trần Phú. ĐT: 0215.3822.456</font>
</table></body></html>"""

    r = site.routes
    r["/robots.txt"] = Resp(site.robots.encode(), "text/plain")
    r["/"] = Resp(to_cp1258(shell("Trang chủ", "".join(f'<p><a href="tin.asp?id={p.ident}"><b>{_esc(p.article.title)}</b></a>'
                                                        for p in listed[:3]), 1)), "text/html; charset=windows-1258")
    r["/default.asp"] = r["/"]
    per = 4
    n = -(-len(listed) // per)
    for k in range(1, n + 1):
        rows = "".join(f'<tr><td><font size=2><a href="tin.asp?id={p.ident}">{_esc(p.article.title)}</a> <i>({p.article.dmy})</i></font>'
                       for p in listed[(k - 1) * per : k * per])
        nav = " ".join(f'<a href="tin.asp?cat=3&page={i}">{i}</a>' for i in range(1, n + 1) if i != k)
        if k < n:
            nav += f' <a href="tin.asp?cat=3&page={k + 1}">Trang sau</a>'
        page = Resp(to_cp1258(shell("Thi đua - Khen thưởng", f"<table width=100%>{rows}</table><p>{nav}", k)),
                    "text/html; charset=windows-1258")
        r[f"/tin.asp?cat=3&page={k}"] = page
        if k == 1:
            r["/tin.asp?cat=3"] = page
    gone = to_cp1258(shell("Thông báo", "<p><b>Bài viết không tồn tại!</b><p><a href=default.asp>Quay lại</a>", 0))
    r["/tin.asp?id=901"] = r["/tin.asp?id=902"] = Resp(gone, "text/html; charset=windows-1258")
    for i, p in enumerate(site.posts):
        a = p.article
        body = "".join(f"<p align=justify>{_esc(x)}\n" for x in a.paragraphs)  # unclosed <p>, as FrontPage wrote them
        main = (f'<table width=100% cellpadding=4><tr><td><font color=#990000 size=4><b>{_esc(a.title)}</b></font>'
                f'<tr><td><font size=2 color=gray>Cập nhật: {a.dmy} - Lượt xem: {_views(i)}</font>'
                f'<tr><td><font face=Arial size=2>{body}<p align=right><b>{_esc(a.author or "")}</b></font>'
                f'<tr><td align=right><a href="tin.asp?id={p.ident}&print=1">In bài</a> | '
                f'<a href="sendmail.asp?id={p.ident}">Gửi email</a>'
                f'<tr><td><b>Các tin đã đưa:</b><br>{"<br>".join(f"<a href=tin.asp?id={o.ident}>{_esc(o.article.title)}</a>" for o in listed[i % 3 : i % 3 + 3] if o is not p)}'
                f"</table>")
        if p.special == "vni":
            page = shell(a.title, main.replace("<font face=Arial size=2>", '<font face="VNI-Times" size=3>'), i + 2, "iso-8859-1")
            resp = Resp(to_vni(page), "text/html")
        elif p.special == "utf8-lie":  # declares utf-8, bytes are windows-1258
            resp = Resp(to_cp1258(shell(a.title, main, i + 2, "utf-8")), "text/html")
        else:
            resp = Resp(to_cp1258(shell(a.title, main, i + 2)), "text/html; charset=windows-1258")
        r[p.path.lower()] = resp
        if p.special == "429":
            site.retry_after[p.path.lower()] = 2.0

    def dynamic(key: str) -> Resp | None:
        if "print=" in key or key.startswith(("/sendmail.asp", "/timkiem.asp")):
            return Resp(b"<html><body>tool</body></html>")
        return None

    site.dynamic = dynamic


# -- 5. Java portal: jsessionid, day listings, hard negatives -------------------------------------------------------


def build_jsp(site: Site3) -> None:
    site.robots = f"User-agent: *\nDisallow: /tim-kiem\nDisallow: /*?print=\nCrawl-delay: 0.1\nSitemap: {site.base}/sitemap.xml\n"
    listed = [p for p in site.posts if p.listed]
    for p in site.posts:
        p.path = f"/tin-tuc/{slug(p.article.title)[:60]}.jsp?id={p.ident}"
        p.aliases = [f"{p.path}&utm_source=zalo&utm_medium=share"]
    counter = itertools.count(1)

    def sid() -> str:
        return f";jsessionid={0xA1C0 + next(counter):X}B7E2F0D1.node1"

    def link(p: Post) -> str:
        path, _, q = p.path.partition("?")
        return f"{path}{sid()}?{q}"

    def shell(title: str, main: str, seed: int) -> bytes:
        return f"""<!DOCTYPE html><html><head><meta charset="UTF-8"><title>{_esc(title)}</title></head><body>
<div class="header"><a href="/trang-chu{sid()}">Trang chủ</a> <a href="/chuyen-muc/thi-dua{sid()}?trang=1">Thi đua</a>
<a href="/tin-tuc/theo-ngay{sid()}?ngay=2023-07-13">Tin theo ngày</a> <a href="/tim-kiem{sid()}?q=thi+dua">Tìm kiếm</a></div>
<div class="main">{main}</div><div class="aside"><b>Xem nhiều</b>{"".join(f'<p><a href="{p.aliases[0]}">{_esc(p.article.title)}</a></p>' for p in listed[3:5])}
<p>Đang online: {seed % 17}</p></div><div class="footer">Bản quyền © Báo điện tử tỉnh. Số 25 đường Trần Phú.
<a href="{OFFSITE[0]}">Chia sẻ</a></div></body></html>""".encode()

    r = site.routes
    r["/robots.txt"] = Resp(site.robots.encode(), "text/plain")
    r["/"] = Resp(status=302, headers={"Location": "/trang-chu"})
    r["/trang-chu"] = Resp(shell("Trang chủ", "".join(f'<h3><a href="{link(p)}">{_esc(p.article.title)}</a></h3>' for p in listed[:3]), 0))
    per = 4
    n = -(-len(listed) // per)
    for k in range(1, n + 1):
        body = "".join(f'<h3><a href="{link(p)}">{_esc(p.article.title)}</a></h3>' for p in listed[(k - 1) * per : k * per])
        nav = " ".join(f'<a href="/chuyen-muc/thi-dua{sid()}?trang={i}">{i}</a>' for i in range(1, n + 1) if i != k)
        r[f"/chuyen-muc/thi-dua?trang={k}"] = Resp(shell("Thi đua", body + f"<div class='pages'>{nav}</div>", k))
    urls = "".join(f"<url><loc>{site.base}{p.path}</loc></url>" for p in site.posts)
    r["/sitemap.xml"] = Resp(f'<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{urls}</urlset>'.encode(),
                             "text/xml")
    for i, p in enumerate(site.posts):
        a = p.article
        main = (f'<div class="article"><h1 class="article-title">{_esc(a.title)}</h1><div class="article-date">{a.dmy}</div>'
                f'<div class="article-body">{_paras(a)}{_byline(a)}</div>'
                f'<div class="article-tools"><a href="{p.path}&print=1">In bài</a> <a href="{OFFSITE[2]}">Chia sẻ</a></div>'
                '<div class="other"><b>Tin cùng chuyên mục</b>' + "".join(
                    f'<p><a href="{link(o)}">{_esc(o.article.title)}</a></p>' for o in listed[i % 4 : i % 4 + 2] if o is not p)
                + "</div></div>")
        r[p.path] = Resp(shell(a.title, main, i + 1))

    def dynamic(key: str) -> Resp | None:
        parts = urlsplit(key)
        if parts.path == "/tin-tuc/theo-ngay":
            m = re.search(r"ngay=(\d{4})-(\d{2})-(\d{2})", parts.query)
            y, mo, d = (int(x) for x in m.groups()) if m else (2023, 7, 13)
            day = [p for p in listed if p.article.date.endswith(f"-{d:02d}")]
            return Resp(shell("Tin theo ngày", "".join(f'<h3><a href="{link(p)}">{_esc(p.article.title)}</a></h3>' for p in day)
                              + f'<a href="/tin-tuc/theo-ngay{sid()}?ngay={y}-{mo:02d}-{(d - 2) % 28 + 1:02d}">Ngày trước</a>', d))
        if parts.path in r or (parts.path + "?" + parts.query).split("&utm_")[0] in r:
            return r.get((parts.path + "?" + parts.query).split("&utm_")[0]) or r.get(parts.path)
        if "print=1" in parts.query:
            return Resp(shell("In", "<p>in</p>", 0))
        return None

    site.dynamic = dynamic


# -- the set ---------------------------------------------------------------------------------------------------

BUILDERS = {"webforms": build_webforms, "portal": build_portal, "egov": build_egov, "legacy": build_legacy,
            "jsp": build_jsp}
IPS = {"webforms": "127.0.0.12", "portal": "127.0.0.13", "egov": "127.0.0.14", "legacy": "127.0.0.15",
       "jsp": "127.0.0.16"}
Heldout3 = HeldoutSet  # the running set (sites, off-site recorder, relevant articles)


def start_heldout3() -> HeldoutSet:
    """Start the five portals and the outside proxy."""
    outside = Outside()
    posts, articles = lay_out_posts(list(BUILDERS), bloc_article, other_article,
                                    ident=lambda n, j: 1000 * (n + 1) + 17 * j + 3)
    sites: dict[str, Site3] = {name: Site3(name, IPS[name], posts[name], str(outside.port)) for name in BUILDERS}
    rel = {name: [p for p in s.posts if p.article.relevant] for name, s in sites.items()}
    rel["webforms"][5].special = "429"
    rel["legacy"][1].special, rel["legacy"][2].special, rel["legacy"][4].special = "utf8-lie", "vni", "429"
    rel["egov"][1].special = rel["egov"][6].special = "split"
    rel["egov"][3].special = "iframe"
    for name, site in sites.items():
        BUILDERS[name](site)
        site.start()
    return HeldoutSet(sites, outside, articles)


def write_heldout3_registry(directory: str, held: HeldoutSet) -> None:
    """One TOML per site with only its base URL."""
    write_registry(directory, held, "Yên Bái")

