"""Held-out mock portals: five sites modelled on real Vietnamese government platforms.

Written apart from mockportal.py (different HTML, URL schemes and traps) to measure the
crawler on sites it was not built against. Each site listens on its own loopback address
(127.0.0.2 ... 127.0.0.6), so Scrapy gives each its own download slot as on real hosts.

- ``liferay``: Liferay 6.2 portal, ``/web/guest/...``, asset-publisher pagination URLs with the
  empty search keys Liferay really emits (``_keywords=&_advancedSearch=false``), articles under two
  portlet instances, ``;jsessionid=`` links, ``viewMode=print`` pop-ups, a document search with
  ``sort``/``filter`` facets, a slow article, a flaky one, related news in the middle of the body.
- ``sharepoint``: SharePoint 2013 portal, ``/Pages/chi-tiet-tin.aspx?ItemID=N``, ``?Page=N`` and
  ``PageIndex=N`` listings, mixed-case URL spellings of one article, ``IsDlg=1`` dialog copies,
  ``CalendarDate``/``CalendarPeriod`` calendar, ``/_layouts/`` disallowed, the lead ("sapo")
  outside the rich-text body, an outbound-link redirector (302 to another site).
- ``dnn``: DotNetNuke / ASP.NET table layout in windows-1258 (header or meta only), one TCVN3
  page, ``javascript:__doPostBack`` pagers with a plain fallback link, a meta-refresh home page,
  Print.aspx and login controls disallowed by wildcard robots rules, a week calendar.
- ``egov``: "Cổng thông tin điện tử" with ``/tin-tuc/chi-tiet/123/slug.html``, categories with
  ``?page=N``, the same article under an old slug, ``?print=1``, ``?date=`` calendar,
  ``?sort=&filter=`` document facets, tag pages, old URLs that 301, 404/500, a slow page.
- ``wordpress``: a news site with ``/2023/07/slug/`` posts, ``/category/thi-dua/page/N/``,
  ``/feed/``, ``sitemap_index.xml`` -> sub-sitemaps (some posts only there), ``/amp/`` copies,
  trailing-slash 301s, ``?p=N`` shortlinks, an article syndicated from the egov site.
- ``outside``: an HTTP proxy catching every request to any other host (facebook.com, ministries,
  localhost:port...): tests point ``http_proxy`` at it, so an off-site request is recorded, never sent.
"""

from __future__ import annotations

import gzip
import hashlib
import html
import re
import socket
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import quote, urlsplit

from tests.crawler.mockportal import slug, to_cp1258, to_tcvn3

# Strings that only occur in page chrome of these sites: none may reach a stored text.
CHROME_MARKERS = [
    "Tin mới", "Xem nhiều", "Lượt xem", "Đang online", "Lượt truy cập", "Hôm nay:", "Thời tiết", "Độ ẩm",
    "Các tin khác", "Tin liên quan", "Bài viết cùng chuyên mục", "Chia sẻ", "In trang", "Gửi email",
    "Trang chủ", "Cổng thông tin điện tử", "Số 12 đường Hoàng Văn Thụ", "0214.3840.123", "Ban biên tập",
    "Đọc tiếp", "Xem thêm:", "Đánh giá bài viết", "Từ khóa:", "Bình luận", "Bản đồ hành chính",
    "Skip to main content", "Liên kết website", "Quay lại", "Đầu trang", "Theo dõi chúng tôi",
]
_SENT_END = re.compile(r"(?<=[.!?…])\s+(?=[A-ZĐÀ-Ỹ“\"(])")

# -- articles ------------------------------------------------------------------------------------

BLOCS = [
    "Khối thi đua các sở, ban, ngành kinh tế tổng hợp", "Cụm thi đua các huyện, thành phố vùng thấp",
    "Khối thi đua các cơ quan Đảng, đoàn thể tỉnh", "Khối thi đua các Hội đặc thù",
    "Cụm thi đua số 3 các huyện miền núi", "Khối thi đua các ngân hàng thương mại trên địa bàn",
    "Khối thi đua Nội chính - Tư pháp", "Cụm thi đua các xã biên giới", "Khối thi đua các trường đại học, cao đẳng",
    "Khối thi đua các doanh nghiệp Trung ương trên địa bàn", "Cụm thi đua các tỉnh miền núi phía Bắc",
    "Khối thi đua Văn hóa - Xã hội - Du lịch",
]
EVENTS = ["sơ kết công tác thi đua, khen thưởng 6 tháng đầu năm", "tổng kết công tác thi đua, khen thưởng năm",
          "ký kết giao ước thi đua năm", "triển khai nhiệm vụ công tác thi đua năm",
          "kiểm tra chéo công tác thi đua, khen thưởng năm"]
HOSTS = ["Sở Tài chính", "UBND huyện Văn Bàn", "Ban Tuyên giáo Tỉnh ủy", "Trường Cao đẳng Y tế", "UBND huyện Bảo Lạc",
         "Ngân hàng Nông nghiệp chi nhánh tỉnh", "Công an tỉnh", "UBND xã Thanh Thủy", "Trường Đại học Nông Lâm",
         "Điện lực tỉnh", "Văn phòng UBND tỉnh", "Sở Văn hóa, Thể thao và Du lịch"]
UNITS = ["Sở Kế hoạch và Đầu tư", "Sở Xây dựng", "UBND huyện Bát Xát", "Hội Liên hiệp Phụ nữ tỉnh", "Báo Yên Bái",
         "Trung tâm Y tế huyện", "Viện Kiểm sát nhân dân tỉnh", "Sở Tư pháp", "Bưu điện tỉnh", "Cục Thuế tỉnh",
         "Tỉnh đoàn", "Bảo hiểm xã hội tỉnh", "UBND huyện Trạm Tấu"]
LEADERS = ["Hoàng Quốc Khánh", "Nguyễn Thị Thu Hà", "Lò Văn Mừng", "Trần Đức Thịnh", "Vi Thị Hương", "Đỗ Minh Tuấn",
           "Lương Văn Chính", "Phạm Thị Lan Anh"]
AUTHORS = ["Hồng Nhung", "Việt Hùng", "Thu Trang (Ban TĐKT)", "Minh Đức", "Lăng Trang", "Ngọc Pháp"]

S1 = [
    "Dự hội nghị có đại diện lãnh đạo Ban Thi đua - Khen thưởng tỉnh cùng lãnh đạo {n} đơn vị thành viên của Khối.",
    "Tham dự có đồng chí Phó Trưởng ban Thi đua - Khen thưởng tỉnh và thủ trưởng, cán bộ làm công tác thi đua của {n} cơ quan trong Khối.",
    "Hội nghị có sự tham gia của {n} cơ quan thành viên, đại diện Sở Nội vụ và Ban Thi đua - Khen thưởng tỉnh.",
    "Chủ trì hội nghị là đồng chí {leader}, Trưởng khối năm {y}, cùng các Phó Trưởng khối.",
    "Về dự có lãnh đạo Hội đồng Thi đua - Khen thưởng tỉnh và đông đủ lãnh đạo {n} đơn vị trong Cụm.",
    "Đồng chí {leader} chủ trì, điều hành hội nghị với sự có mặt của đại diện {n} đơn vị thành viên.",
    "Đến dự có đại diện Văn phòng Hội đồng Thi đua - Khen thưởng và các đồng chí phụ trách công tác thi đua của {n} đơn vị.",
]
S2 = [
    "Theo báo cáo, trong năm {y} các đơn vị trong Khối đã tổ chức {m} phong trào thi đua chuyên đề, gắn với việc thực hiện nhiệm vụ chính trị của từng cơ quan.",
    "Báo cáo tại hội nghị nêu rõ, {m} đơn vị thành viên đã xây dựng kế hoạch và phát động thi đua ngay từ đầu năm {y}, nội dung thiết thực, dễ đánh giá.",
    "Các đơn vị đã bám sát Luật Thi đua, khen thưởng và hướng dẫn của tỉnh, chủ động đăng ký {m} danh hiệu thi đua và chỉ tiêu phấn đấu trong năm {y}.",
    "Công tác phát hiện, bồi dưỡng và nhân rộng điển hình tiên tiến được quan tâm; {m} tập thể và cá nhân được đề nghị khen thưởng đột xuất trong năm {y}.",
    "Năm {y}, {m} phong trào thi đua yêu nước trong Cụm được triển khai sâu rộng, gắn với việc học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh.",
    "Nhiều mô hình hay như chuyển đổi số trong quản lý văn bản, cải cách thủ tục hành chính đã được {m} đơn vị trong Khối áp dụng hiệu quả trong năm {y}.",
    "Các cơ quan trong Khối thường xuyên trao đổi kinh nghiệm, phối hợp kiểm tra chéo và chấm điểm thi đua công khai theo {m} tiêu chí của năm {y}.",
    "Qua {m} tháng triển khai giao ước thi đua năm {y}, các đơn vị trong Khối cơ bản hoàn thành các chỉ tiêu đã đăng ký, một số chỉ tiêu vượt kế hoạch đề ra.",
]
S3 = [
    "Bên cạnh kết quả đạt được, hội nghị cũng chỉ ra một số hạn chế như việc sơ kết, tổng kết phong trào ở một số đơn vị còn chậm, chưa kịp thời.",
    "Các đại biểu đã thảo luận sôi nổi, đóng góp nhiều ý kiến về cách chấm điểm, bình xét thi đua sao cho khách quan, công bằng.",
    "Một số ý kiến đề nghị cấp trên sớm ban hành hướng dẫn chấm điểm để các Khối, Cụm chủ động trong việc bình xét cuối năm.",
    "Tại hội nghị, đại diện các đơn vị đã chia sẻ cách làm hay trong việc phát hiện, tuyên truyền gương người tốt, việc tốt.",
    "Hội nghị đã nghe đại diện Ban Thi đua - Khen thưởng tỉnh thông tin về những điểm mới trong công tác khen thưởng năm tới.",
    "Phát biểu chỉ đạo, lãnh đạo Ban Thi đua - Khen thưởng ghi nhận sự chủ động, sáng tạo của đơn vị Trưởng khối trong điều hành hoạt động.",
    "Hội nghị cũng thẳng thắn nhìn nhận việc khen thưởng cho người lao động trực tiếp, công nhân, nông dân còn chiếm tỷ lệ thấp.",
    "Các thành viên thống nhất tiếp tục đổi mới nội dung, hình thức tổ chức phong trào, tránh hình thức, chạy theo thành tích.",
    "Ý kiến thảo luận tập trung vào việc nâng cao chất lượng hoạt động của Khối và gắn trách nhiệm người đứng đầu với kết quả thi đua.",
]
S4 = [
    "Hội nghị đã bỏ phiếu suy tôn {unit} là đơn vị dẫn đầu, đề nghị UBND tỉnh tặng Cờ thi đua.",
    "Các đơn vị đã ký kết giao ước thi đua năm {y1}, cam kết thực hiện thắng lợi các chỉ tiêu, nhiệm vụ được giao.",
    "Kết quả bình xét, {unit} được đề nghị tặng Cờ thi đua của UBND tỉnh, {unit2} được đề nghị tặng Bằng khen.",
    "Hội nghị thống nhất bầu {unit} làm Trưởng khối và {unit2} làm Phó Trưởng khối năm {y1}.",
    "Đơn vị Trưởng khối đã bàn giao nhiệm vụ cho {unit}, đơn vị sẽ đảm nhận vai trò Trưởng khối trong năm {y1}.",
    "Hội nghị thông qua quy chế hoạt động và bảng tiêu chí chấm điểm thi đua năm {y1} của Khối.",
    "Theo kết quả chấm điểm, {unit} đạt số điểm cao nhất và được đề nghị xét tặng Cờ thi đua của Chính phủ.",
    "Các thành viên đã thống nhất lựa chọn chủ đề thi đua năm {y1} là đẩy mạnh cải cách hành chính và chuyển đổi số.",
    "Hội nghị cũng đề xuất khen thưởng các tập thể, cá nhân có thành tích tiêu biểu trong phong trào thi đua của Khối, trong đó có {unit}.",
    "Dịp này, {unit} và {unit2} được đề nghị tặng Bằng khen của Chủ tịch UBND tỉnh vì thành tích xuất sắc.",
]
S5 = [
    "Hội nghị kết thúc trong không khí đoàn kết, phấn khởi, quyết tâm hoàn thành xuất sắc nhiệm vụ năm {y1}.",
    "Phát biểu bế mạc, đồng chí {leader} đề nghị các đơn vị triển khai ngay các nhiệm vụ trọng tâm sau hội nghị.",
    "Kết thúc hội nghị, các đơn vị thành viên đã chụp ảnh lưu niệm và hẹn gặp lại tại hội nghị tổng kết năm {y1}.",
    "Hội nghị đã thành công tốt đẹp, tạo khí thế thi đua mới trong các cơ quan, đơn vị thành viên của Khối.",
    "Các đơn vị cam kết sẽ cụ thể hóa nội dung giao ước bằng kế hoạch hành động của từng cơ quan./.",
    "Trưởng khối {unit2} đề nghị các thành viên gửi báo cáo kết quả thi đua về đơn vị Trưởng khối trước ngày {d}/12/{y}.",
    "Được biết, năm {y1} Khối sẽ tổ chức hội thảo chuyên đề về công tác thi đua tại {unit}.",
    "Ngay sau hội nghị, các đơn vị đã tổ chức trồng cây lưu niệm tại khuôn viên {unit2}.",
    "Hội nghị bế mạc lúc 11 giờ cùng ngày sau khi thông qua biên bản và nghị quyết hội nghị.",
    "Các đại biểu đã dâng hương tưởng niệm Chủ tịch Hồ Chí Minh trước khi khép lại chương trình hội nghị.",
    "Dịp này, Khối cũng trao tặng {m} suất quà cho học sinh nghèo vượt khó tại địa phương.",
]


@dataclass
class Article:
    key: str
    title: str
    paragraphs: list[str]
    relevant: bool
    author: str | None = None
    date: str = "2023-07-13"

    @property
    def first_sentence(self) -> str:
        return _SENT_END.split(self.paragraphs[0])[0].strip()

    @property
    def last_sentence(self) -> str:
        return _SENT_END.split(self.paragraphs[-1])[-1].strip()

    @property
    def marker(self) -> str:
        """Return a sentence unique to this article (the second paragraph's first)."""
        return _SENT_END.split(self.paragraphs[1])[0].strip()

    @property
    def dmy(self) -> str:
        return f"{self.date[8:]}/{self.date[5:7]}/{self.date[:4]}"


def relevant_article(k: int) -> Article:
    """Return bloc-meeting article number ``k`` (all different, no two near-duplicates)."""
    y = 2017 + k % 7
    d, mo = 2 + k % 26, 1 + (k * 5) % 12
    f = {"n": 6 + k % 9, "m": 3 + k, "y": y, "y1": y + 1, "d": 10 + k % 15, "leader": LEADERS[k % len(LEADERS)],
         "unit": UNITS[k % len(UNITS)], "unit2": UNITS[(k * 3 + 1) % len(UNITS)]}
    bloc, event, host = BLOCS[k % len(BLOCS)], EVENTS[k % len(EVENTS)], HOSTS[(k * 7) % len(HOSTS)]
    lead = f"Ngày {d}/{mo}/{y}, tại {host}, {bloc} đã tổ chức Hội nghị {event} {y}."
    p1 = lead + " " + S1[k % len(S1)].format(**f)
    p2 = S2[(k * 3) % len(S2)].format(**f) + " " + S3[(k * 5 + 2) % len(S3)].format(**f)
    p3 = S4[(k * 7 + 1) % len(S4)].format(**f)
    p4 = S5[(k * 4 + 3) % len(S5)].format(**f)
    title = f"{bloc} {event} {y}" if k % 3 else f"{bloc}: Hội nghị {event} {y}"
    return Article(f"r{k}", title, [p1, p2, p3, p4], True, AUTHORS[k % len(AUTHORS)], f"{y}-{mo:02d}-{d:02d}")


_OFF = [
    ("Khai trương tuyến xe buýt nối trung tâm tỉnh với {place}",
     ["Sáng nay, tuyến xe buýt số {n} nối trung tâm tỉnh với {place} chính thức đi vào hoạt động, phục vụ nhu cầu đi lại của người dân và học sinh.",
      "Tuyến có chiều dài khoảng {m} ki-lô-mét, tần suất 30 phút một chuyến, giá vé được giữ ổn định theo quy định của tỉnh.",
      "Đơn vị vận hành cam kết bảo đảm chất lượng phục vụ, đúng giờ và an toàn cho hành khách trên toàn tuyến."]),
    ("Nông dân {place} trúng mùa na, giá bán ổn định",
     ["Vụ na năm nay, nông dân {place} phấn khởi vì được mùa, được giá với sản lượng ước đạt {m} nghìn tấn.",
      "Thương lái thu mua tận vườn với giá từ hai mươi đến bốn mươi nghìn đồng mỗi ki-lô-gam tùy loại quả.",
      "Địa phương đang xây dựng nhãn hiệu tập thể để nâng cao giá trị và mở rộng thị trường tiêu thụ."]),
    ("Phòng chống dịch sốt xuất huyết tại {place}",
     ["Trung tâm Y tế {place} vừa tổ chức chiến dịch diệt bọ gậy, phun hóa chất phòng chống dịch sốt xuất huyết tại {n} khu dân cư.",
      "Từ đầu năm đến nay, toàn huyện ghi nhận {m} ca mắc, tăng so với cùng kỳ, chủ yếu ở khu vực đông dân cư.",
      "Ngành y tế khuyến cáo người dân loại bỏ dụng cụ chứa nước đọng và ngủ màn kể cả ban ngày."]),
    ("Giải việt dã truyền thống {place} thu hút hàng trăm vận động viên",
     ["Giải việt dã truyền thống năm nay tại {place} thu hút {m} vận động viên đến từ các xã, phường và trường học.",
      "Các vận động viên thi đấu ở cự ly từ ba đến mười ki-lô-mét trên cung đường ven hồ trong tiết trời mát mẻ.",
      "Ban tổ chức đã trao giải cho các cá nhân và đồng đội có thành tích cao nhất ở từng nội dung."]),
    ("Sửa chữa khẩn cấp đoạn đê xung yếu tại {place}",
     ["Để bảo đảm an toàn trong mùa mưa lũ, huyện đã huy động lực lượng sửa chữa khẩn cấp đoạn đê dài {m} mét tại {place}.",
      "Các hạng mục gồm đắp áp trúc mái đê, gia cố chân khay bằng rọ đá và làm lại hệ thống rãnh thoát nước.",
      "Công trình dự kiến hoàn thành trong tháng tới, trước khi bước vào cao điểm mưa bão."]),
    ("Hội chợ sản phẩm OCOP {place} năm {y}",
     ["Hội chợ sản phẩm OCOP năm {y} khai mạc tại {place} với {m} gian hàng của các hợp tác xã và hộ sản xuất.",
      "Nhiều sản phẩm đặc trưng như mật ong, miến dong, chè shan tuyết được du khách quan tâm tìm hiểu.",
      "Hội chợ kéo dài năm ngày, là dịp kết nối cung cầu và quảng bá sản phẩm địa phương."]),
]
PLACES = ["huyện Mường Khương", "thành phố Sông Công", "huyện Trùng Khánh", "thị xã Nghĩa Lộ", "huyện Đại Từ",
          "huyện Văn Yên", "huyện Si Ma Cai", "thị trấn Đình Cả"]


def offtopic_article(k: int) -> Article:
    title, paras = _OFF[k % len(_OFF)]
    f = {"place": PLACES[k % len(PLACES)], "n": 2 + k, "m": 12 + 3 * k, "y": 2019 + k % 5}
    return Article(f"x{k}", title.format(**f), [p.format(**f) for p in paras], False, None,
                   f"{2019 + k % 5}-{1 + k % 12:02d}-{3 + k % 20:02d}")


# -- serving ---------------------------------------------------------------------------------------


@dataclass
class Resp:
    body: bytes = b""
    ctype: str = "text/html; charset=utf-8"
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0
    fail_times: int = 0


@dataclass
class Post:
    article: Article
    ident: int
    path: str = ""
    aliases: list[str] = field(default_factory=list)  # other URLs serving the same article
    listed: bool = True
    special: str | None = None


class Site:
    """One held-out portal on its own loopback address; every request is logged."""

    def __init__(self, name: str, ip: str, posts: list[Post], outside: str) -> None:
        self.name, self.posts, self.outside = name, posts, outside
        self.log: list[tuple[str, int]] = []
        self.lock = threading.Lock()
        self.fails: dict[str, int] = {}
        self.server = ThreadingHTTPServer((ip, 0), self._handler())
        self.server.daemon_threads = True
        self.base = f"http://{ip}:{self.server.server_address[1]}"
        self.robots = ""
        self.routes: dict[str, Resp] = {}
        self.dynamic: Callable[[str], Resp | None] = lambda path: None
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def start(self) -> Site:
        self.thread.start()
        return self

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()

    def requested(self) -> list[str]:
        with self.lock:
            return [p for p, _ in self.log]

    def lookup(self, path: str) -> Resp | None:
        if path in self.routes:
            return self.routes[path]
        return self.dynamic(path)

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        site = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args: object) -> None:
                pass

            def do_GET(self) -> None:  # noqa: N802
                resp = site.lookup(self.path)
                if resp is None:
                    resp = Resp(b"<html><body><h1>404 - Kh\xc3\xb4ng t\xc3\xacm th\xe1\xba\xa5y trang</h1></body></html>",
                                status=404)
                if resp.delay:
                    time.sleep(resp.delay)
                if resp.fail_times:
                    with site.lock:
                        n = site.fails.get(self.path, 0)
                        site.fails[self.path] = n + 1
                    if n < resp.fail_times:
                        resp = Resp(b"Service Unavailable", "text/plain", 503)
                headers = dict(resp.headers)
                if resp.status == 200:
                    etag = '"' + hashlib.md5(resp.body).hexdigest()[:12] + '"'
                    headers["ETag"] = etag
                    if self.headers.get("If-None-Match") == etag:
                        return self._send(304, b"", None, headers)
                self._send(resp.status, resp.body, resp.ctype, headers)

            def _send(self, status: int, body: bytes, ctype: str | None, headers: dict[str, str]) -> None:
                with site.lock:
                    site.log.append((self.path, status))
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


class Outside:
    """A forward proxy that answers every request itself: the record of off-site requests."""

    def __init__(self) -> None:
        self.log: list[tuple[str, str]] = []  # (request line, Referer)
        self.lock = threading.Lock()
        outside = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args: object) -> None:
                pass

            def _answer(self) -> None:
                with outside.lock:
                    outside.log.append((f"{self.command} {self.path}", self.headers.get("Referer") or ""))
                body = b"<html><body>outside</body></html>"
                self.send_response(403 if self.command == "CONNECT" else 200)
                self.send_header("Content-Type", "text/html")
                self.send_header("Content-Length", str(len(body)))
                self.send_header("Connection", "close")
                self.end_headers()
                self.wfile.write(body)

            do_GET = do_HEAD = do_CONNECT = do_POST = _answer  # noqa: N815

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.port = self.server.server_address[1]
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def requests(self) -> list[tuple[str, str]]:
        with self.lock:
            return list(self.log)

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()


def _esc(text: str) -> str:
    return html.escape(text, quote=True)


def _newer(listed: list[Post], p: Post, n: int = 3) -> list[Post]:
    """Return the ``n`` posts listed just before ``p`` (newer ones), as "Các tin khác" boxes show."""
    i = listed.index(p) if p in listed else len(listed)
    return [o for o in listed[max(0, i - n) : i] if o is not p] or [o for o in listed[:n] if o is not p]


def _counter(seed: int) -> int:
    return 1000 + (seed * 7919) % 90000


# -- site builders -----------------------------------------------------------------------------------

OFFSITE = ["https://www.facebook.com/congthongtin", "https://moha.gov.vn/tin-tuc/khoi-thi-dua-bo-nganh.html",
           "http://baochinhphu.vn/thi-dua-khen-thuong.htm", "https://zalo.me/share?u=1", "//www.youtube.com/@cong"]


def build_liferay(site: Site) -> None:
    inst = "101_INSTANCE_kT9xWq"
    inst2 = "101_INSTANCE_Qw3rTy"
    site.robots = "User-agent: *\nDisallow: /c/\nDisallow: /web/guest/tim-kiem\nDisallow: /*viewMode=print\nCrawl-delay: 0.2\n"

    def listing(page: str, ins: str, cur: int) -> str:
        return (f"/web/guest/{page}?p_p_id={ins}&p_p_lifecycle=0&p_p_state=normal&p_p_mode=view&p_p_col_id=column-2"
                f"&p_p_col_count=1&_{ins}_delta=5&_{ins}_keywords=&_{ins}_advancedSearch=false&_{ins}_andOperator=true"
                f"&p_r_p_564233524_resetCur=false&_{ins}_cur={cur}")

    def art_url(p: Post, page: str = "tin-tuc", ins: str = inst, back: str = "") -> str:
        u = f"/web/guest/{page}/-/asset_publisher/{ins.split('_')[-1]}/content/{slug(p.article.title)[:60]}"
        return u + (f"?inheritRedirect=true&redirect={quote(site.base + back, safe='')}" if back else "")

    listed = [p for p in site.posts if p.listed]
    for p in site.posts:
        p.path = art_url(p)
        if p.article.relevant:
            p.aliases = [art_url(p, "thi-dua-khen-thuong", inst2)]

    def shell(title: str, main: str, seed: int) -> bytes:
        newest = "".join(f'<li><a href="{art_url(p)}">{_esc(p.article.title)}</a></li>' for p in listed[:3])
        return f"""<!DOCTYPE html><html class="ltr" dir="ltr" lang="vi-VN"><head><title>{_esc(title)} - Sở Nội vụ</title>
<meta content="text/html; charset=UTF-8" http-equiv="content-type"/></head>
<body class="yui3-skin-sam controls-visible guest-site signed-out public-page site">
<a href="#main-content" id="skip-to-content">Skip to main content</a>
<div class="container-fluid" id="wrapper"><div id="banner" role="banner"><h1 class="site-title">SỞ NỘI VỤ TỈNH</h1></div>
<div class="navbar site-navigation"><ul aria-label="Site Pages" role="menubar">
<li><a href="/web/guest/trang-chu"><span>Trang chủ</span></a></li>
<li><a href="{listing('tin-tuc', inst, 1)}"><span>Tin tức - Sự kiện</span></a></li>
<li><a href="/web/guest/thi-dua-khen-thuong"><span>Thi đua - Khen thưởng</span></a></li>
<li><a href="/web/guest/van-ban?sort=ngay&amp;filter=all"><span>Văn bản</span></a></li>
<li><a href="/web/guest/tim-kiem?q=thi+dua">Tìm kiếm</a></li>
<li><a href="/c/portal/login?p_l_id=20197">Đăng nhập</a></li></ul></div>
<div class="columns-2-r" id="main-content" role="main"><div class="portlet-layout row-fluid">
<div class="portlet-column portlet-column-first span8" id="column-1">{main}</div>
<div class="portlet-column portlet-column-last span4" id="column-2">
<div class="portlet-boundary portlet-boundary_101_"><section class="portlet"><header class="portlet-topper"><h2 class="portlet-title">Tin mới</h2></header>
<div class="portlet-content"><ul>{newest}</ul></div></section></div>
<div class="portlet-boundary portlet-boundary_xemnhieu_WAR_portlet_"><section class="portlet"><h2 class="portlet-title">Xem nhiều</h2>
<div class="portlet-content">{"".join(f'<p><a href="{art_url(p)};jsessionid=8F3A{i}C2D">{_esc(p.article.title)}</a></p>' for i, p in enumerate(listed[6:8]))}</div></section></div>
<div class="portlet-boundary portlet-boundary_thongke_WAR_portlet_"><section class="portlet"><h2 class="portlet-title">Thống kê</h2>
<div class="portlet-content">Đang online: {3 + seed % 20}<br/>Hôm nay: {_counter(seed) % 900}<br/>Lượt truy cập: {_counter(seed)}</div></section></div>
<div class="portlet-boundary"><section class="portlet"><h2 class="portlet-title">Liên kết website</h2>
<div class="portlet-content">{"".join(f'<a href="{u}">Cổng thông tin Bộ Nội vụ về khối thi đua các bộ ngành</a><br/>' for u in OFFSITE[:3])}
<a href="http://localhost:{site.outside}/web/khoi-thi-dua">Khối thi đua các tỉnh biên giới phía Bắc</a></div></section></div>
</div></div></div>
<footer id="footer" role="contentinfo"><p>Cơ quan chủ quản: Sở Nội vụ tỉnh. Địa chỉ: Số 12 đường Hoàng Văn Thụ. Điện thoại: 0214.3840.123</p>
<p>Ban biên tập Cổng thông tin điện tử Sở Nội vụ</p></footer></div></body></html>""".encode()

    r = site.routes
    r["/robots.txt"] = Resp(site.robots.encode(), "text/plain")
    r["/"] = Resp(status=302, headers={"Location": "/web/guest/trang-chu"})
    hot = "".join(f'<div class="asset-abstract"><h3 class="asset-title"><a href="{art_url(p, back="/web/guest/trang-chu")}">'
                  f'{_esc(p.article.title)}</a></h3></div>' for p in listed[:3])
    r["/web/guest/trang-chu"] = Resp(shell("Trang chủ", f"""<div class="portlet-boundary portlet-boundary_101_">
<section class="portlet"><h2 class="portlet-title">Tin hoạt động</h2>{hot}
<a href="{listing('tin-tuc', inst, 1)}">Xem tất cả</a></section></div>""", 1))
    for page, ins, items in (("tin-tuc", inst, listed), ("thi-dua-khen-thuong", inst2, [p for p in listed if p.article.relevant])):
        n = -(-len(items) // 5)
        for k in range(1, n + 1):
            back = listing(page, ins, k)
            body = "".join(
                f'<div class="asset-abstract"><span class="asset-anchor"></span><h3 class="asset-title">'
                f'<a href="{art_url(p, page, ins, back)}">{_esc(p.article.title)}</a></h3>'
                f'<div class="asset-summary">{_esc(p.article.paragraphs[0][:160])}...</div>'
                f'<div class="asset-more"><a href="{art_url(p, page, ins, back)}">Đọc tiếp »</a></div></div>'
                for p in items[(k - 1) * 5 : k * 5])
            pager = "".join(f'<li><a href="{listing(page, ins, i)}">{i}</a></li>' for i in range(1, n + 1) if i != k)
            if k < n:
                pager += f'<li><a href="{listing(page, ins, k + 1)}">Sau</a></li>'
            sort = "".join(f'<a href="{listing(page, ins, k)}&_{ins}_orderByCol={c}&_{ins}_orderByType={t}">{c} {t}</a> '
                           for c in ("title", "modifiedDate", "viewCount") for t in ("asc", "desc"))
            html_ = shell(page, f'<div class="portlet-boundary portlet-boundary_101_"><section class="portlet">{body}'
                                f'<div class="taglib-page-iterator"><ul class="pager lfr-pagination-buttons">{pager}</ul></div>'
                                f'<div class="sort-bar">{sort}</div></section></div>', k)
            r[listing(page, ins, k)] = Resp(html_)
        if page == "thi-dua-khen-thuong":
            r[f"/web/guest/{page}"] = r[listing(page, ins, 1)]
    for i, p in enumerate(site.posts):
        a = p.article
        paras = [f"<p>{_esc(x)}</p>" for x in a.paragraphs]
        if p.article.relevant and len(paras) > 2:  # a related-news box in the middle of the article
            others = _newer(listed, p)
            paras.insert(2, '<p><strong>Tin liên quan:</strong></p><ul>' + "".join(
                f'<li><a href="{art_url(o)}">{_esc(o.article.title)}</a></li>' for o in others) + "</ul>")
        body = "".join(paras) + (f'<p style="text-align: right;"><strong>{_esc(a.author)}</strong></p>' if a.author else "")
        main = f"""<div class="portlet-boundary portlet-boundary_101_ portlet-asset-publisher"><section class="portlet">
<div class="portlet-content"><div class="asset-full-content default-asset-publisher show-asset-title">
<div class="breadcrumbs"><a href="/web/guest/trang-chu">Trang chủ</a> / <a href="{listing('tin-tuc', inst, 1)}">Tin tức - Sự kiện</a></div>
<h3 class="header-title"><span>{_esc(a.title)}</span></h3>
<div class="asset-metadata"><span class="metadata-entry metadata-publish-date">{a.dmy} 09:{10 + i:02d}</span>
<span class="metadata-entry metadata-view-count">Lượt xem: {_counter(i)}</span></div>
<div class="asset-content"><div class="journal-content-article">{body}</div></div>
<div class="print-action"><a href="{art_url(p)}?viewMode=print">In trang</a> | <a href="mailto:?subject={quote(a.title)}">Gửi email</a></div>
<div class="taglib-ratings-wrapper">Đánh giá bài viết: <a href="#">1</a><a href="#">2</a><a href="#">3</a></div>
<div class="taglib-social-bookmarks">Chia sẻ: <a href="https://www.facebook.com/sharer/sharer.php?u={quote(site.base + p.path)}">Facebook</a></div>
<div class="asset-links"><h4>Các tin khác</h4><ul>{"".join(f'<li><a href="{art_url(o)}">{_esc(o.article.title)}</a></li>' for o in _newer(listed, p))}</ul></div>
</div></div></section></div>"""
        resp = Resp(shell(a.title, main, i + 7))
        if p.special == "slow":
            resp.delay = 2.5
        if p.special == "flaky":
            resp.fail_times = 1
        if p.special == "broken":
            resp = Resp(b"Internal Server Error", "text/plain", 500)
        for path in (p.path, *p.aliases):
            r[path] = resp

    def dynamic(path: str) -> Resp | None:
        parts = urlsplit(path)
        clean_path = re.sub(r";jsessionid=[^?/]*", "", parts.path)
        full = clean_path + ("?" + parts.query if parts.query else "")
        if full in r:
            return r[full]
        if clean_path.startswith("/web/guest/van-ban"):
            links = "".join(f'<a href="/web/guest/van-ban?{parts.query}&amp;filter={f}&amp;sort={s}">Quyết định số {f}{s}/QĐ-UBND về khen thưởng thi đua</a><br/>'
                            for f in ("linhvuc1", "linhvuc2", "coquan3") for s in ("asc", "desc"))
            return Resp(shell("Văn bản", f'<div class="portlet-boundary">{links}</div>', 3))
        if "/-/asset_publisher/" in clean_path and clean_path in r:
            return r[clean_path]  # redirect/inheritRedirect/viewMode parameters: the same article
        if "_orderByCol=" in parts.query:  # a sorted listing: same items, another order
            base_q = re.sub(r"&_[^&]*_orderBy(?:Col|Type)=[^&]*", "", parts.query)
            return r.get(clean_path + "?" + base_q)
        return None

    site.dynamic = dynamic


def build_sharepoint(site: Site) -> None:
    site.robots = ("User-agent: *\nDisallow: /_layouts/\nDisallow: /_vti_bin/\nDisallow: /Search/\n"
                   "Disallow: /Pages/Forms/\nCrawl-delay: 0.2\nSitemap: " + site.base + "/sitemap.xml\n")
    listed = [p for p in site.posts if p.listed]
    for p in site.posts:
        p.path = f"/Pages/chi-tiet-tin.aspx?ItemID={p.ident}&l=TinTuc"
        p.aliases = [f"/pages/Chi-Tiet-Tin.aspx?itemid={p.ident}&l=TinTuc", f"/Pages/chi-tiet-tin.aspx?ItemID={p.ident}&l=TinTuc&IsDlg=1"]

    def shell(title: str, main: str, seed: int) -> bytes:
        return f"""<!DOCTYPE html><html dir="ltr" lang="vi-VN"><head><meta http-equiv="X-UA-Compatible" content="IE=10"/>
<meta http-equiv="Content-type" content="text/html; charset=utf-8"/><title>{_esc(title)}</title></head>
<body><div id="ms-designer-ribbon"><a href="javascript:;" id="ctl00_SkipRibbon">Skip Ribbon Commands</a></div>
<form method="post" action="./Home.aspx" id="aspnetForm"><input type="hidden" name="__VIEWSTATE" value="/wEPDwUBMA9kFgJmD2QWAgIBD2QWBAIBD2QWAgIFD2QWAmYPZBYCAgEPFgIeE1ByZXZpb3VzQ29udHJvbE1vZGULKYgBTWljcm9zb2Z0LlNoYXJlUG9pbnQuV2ViQ29udHJvbHMuU1BDb250cm9sTW9kZQ=="/>
<div id="s4-workspace"><div id="s4-bodyContainer">
<div class="top-banner"><img src="/PublishingImages/banner.png" alt="CỔNG THÔNG TIN ĐIỆN TỬ TỈNH"/>
<div class="weather">Thời tiết: Lào Cai 27°C, Độ ẩm: 81%</div></div>
<div class="top-menu"><a href="/Pages/Home.aspx">Trang chủ</a> | <a href="/Pages/tin-tuc.aspx?CategoryId=3">Tin tức</a> |
<a href="/Pages/thi-dua-khen-thuong.aspx">Thi đua - Khen thưởng</a> | <a href="/Pages/lich-cong-tac-tuan.aspx?CalendarDate=7%2F12%2F2023&amp;CalendarPeriod=week">Lịch công tác</a> |
<a href="/_layouts/15/osssearchresults.aspx?k=thi%20dua">Tìm kiếm</a> | <a href="/Pages/ban-do.aspx">Bản đồ hành chính</a></div>
<table class="layout" width="100%"><tr><td class="zone-left" valign="top" width="72%">{main}</td>
<td class="zone-right" valign="top"><div class="ms-webpart-zone"><div class="ms-webpart-chrome">
<div class="ms-webpart-titleText">Tin mới</div><ul>{"".join(f'<li><a href="{p.path}">{_esc(p.article.title)}</a></li>' for p in listed[:3])}</ul></div>
<div class="ms-webpart-chrome"><div class="ms-webpart-titleText">Liên kết website</div>
<a href="/LienKet.aspx?url=https%3A%2F%2Fmoha.gov.vn">Bộ Nội vụ - Ban Thi đua Khen thưởng Trung ương</a><br/>
<a href="/LienKet.aspx?url=http%3A%2F%2Flocalhost%3A{site.outside}%2F">Cổng thông tin điện tử Chính phủ và thi đua khen thưởng</a><br/>
{"".join(f'<a href="{u}">Trang liên kết khối thi đua số {k}</a><br/>' for k, u in enumerate(OFFSITE))}</div>
<div class="ms-webpart-chrome"><div class="ms-webpart-titleText">Thống kê truy cập</div>
<div>Đang online: {seed % 40}</div><div>Lượt truy cập: {_counter(seed)}</div></div></div></td></tr></table>
<div class="footer-area"><p>CỔNG THÔNG TIN ĐIỆN TỬ TỈNH - Cơ quan chủ quản: UBND tỉnh</p>
<p>Địa chỉ: Số 12 đường Hoàng Văn Thụ - Điện thoại: 0214.3840.123 - Email: congttdt@gov.vn</p></div>
</div></div></form></body></html>""".encode()

    r = site.routes
    r["/robots.txt"] = Resp(site.robots.encode(), "text/plain")
    r["/"] = Resp(status=302, headers={"Location": "/Pages/Home.aspx"})
    r["/sitemap.xml"] = Resp(b"<html><body>Sitemap is not available</body></html>", status=404)
    r["/Pages/Home.aspx"] = Resp(shell("Trang chủ", "<div class='home-news'>" + "".join(
        f'<div class="item"><a href="{p.path}"><img src="/PublishingImages/{p.ident}.jpg"/></a><a href="{p.path}">{_esc(p.article.title)}</a></div>'
        for p in listed[:4]) + '<a href="/Pages/tin-tuc.aspx?CategoryId=3">Xem tiếp</a></div>', 0))
    for page, q, items, key in (("tin-tuc", "CategoryId=3&", listed, "Page"),
                                ("thi-dua-khen-thuong", "", [p for p in listed if p.article.relevant], "PageIndex")):
        n = -(-len(items) // 4)
        for k in range(1, n + 1):
            rows = "".join(f'<tr><td class="news-title"><a href="{p.path}">{_esc(p.article.title)}</a>'
                           f'<span class="news-date">({p.article.dmy})</span></td></tr>' for p in items[(k - 1) * 4 : k * 4])
            pager = " ".join(f'<a href="/Pages/{page}.aspx?{q}{key}={i}">{i}</a>' for i in range(1, n + 1) if i != k)
            html_ = shell(page, f'<table class="news-list">{rows}</table><div class="pager">{pager}</div>', k)
            r[f"/Pages/{page}.aspx?{q}{key}={k}"] = Resp(html_)
            if k == 1:
                r[f"/Pages/{page}.aspx" + (f"?{q[:-1]}" if q else "")] = Resp(html_)
    for i, p in enumerate(site.posts):
        a = p.article
        body = "".join(f"<div>{_esc(x)}</div><div>&#160;</div>" for x in a.paragraphs[1:])
        if a.author:
            body += f'<div style="text-align:right"><strong>{_esc(a.author)}</strong></div>'
        main = f"""<div class="breadcrumb"><a href="/Pages/Home.aspx">Trang chủ</a> &gt; <a href="/Pages/tin-tuc.aspx?CategoryId=3">Tin tức</a></div>
<div class="news-detail"><h1 class="news-title-detail">{_esc(a.title)}</h1>
<div class="news-date-detail">Cập nhật: {a.dmy} 14:{20 + i:02d} | Lượt xem: {_counter(i + 3)}</div>
<div class="sapo"><b>{_esc(a.paragraphs[0])}</b></div>
<div id="ctl00_PlaceHolderMain_RichHtmlField1__ControlWrapper_RichHtmlField" class="ms-rtestate-field" style="display:inline">{body}</div>
<div class="tools"><a href="javascript:window.print()">In trang</a> <a href="mailto:?body={quote(site.base + p.path)}">Gửi email</a> <a href="javascript:history.back()">Quay lại</a></div>
<div class="other-news-title">Các tin khác</div><ul class="other-news">{"".join(f'<li><a href="{o.path}">{_esc(o.article.title)}</a> ({o.article.dmy})</li>' for o in _newer(listed, p))}</ul></div>"""
        full = shell(a.title, main, i + 11)
        dialog = f"""<html><head><meta charset="utf-8"><title>{_esc(a.title)}</title></head><body class="ms-dialog">
<h1>{_esc(a.title)}</h1><div class="sapo"><b>{_esc(a.paragraphs[0])}</b></div><div class="ms-rtestate-field">{body}</div></body></html>""".encode()
        r[p.path] = Resp(full)
        r[p.aliases[0]] = Resp(full)
        r[p.aliases[1]] = Resp(dialog)
        if p.special == "broken":
            r[p.path] = Resp(b"Internal Server Error", "text/html", 500)

    def dynamic(path: str) -> Resp | None:
        parts = urlsplit(path)
        if parts.path == "/LienKet.aspx":
            target = dict(x.split("=", 1) for x in parts.query.split("&") if "=" in x).get("url", "")
            from urllib.parse import unquote
            return Resp(status=302, headers={"Location": unquote(target)})
        if parts.path == "/Pages/lich-cong-tac-tuan.aspx":
            m = re.search(r"CalendarDate=(\d+)%2F(\d+)%2F(\d+)", parts.query)
            mo, d, y = (int(x) for x in m.groups()) if m else (7, 12, 2023)
            nxt = f"CalendarDate={mo}%2F{d % 28 + 1}%2F{y}&amp;CalendarPeriod=week"
            prv = f"CalendarDate={mo % 12 + 1}%2F{d}%2F{y}&amp;CalendarPeriod=week"
            return Resp(shell("Lịch công tác", f"""<h2>Lịch công tác tuần {d}/{mo}/{y}</h2>
<a href="/Pages/lich-cong-tac-tuan.aspx?{prv}">Tuần trước</a> <a href="/Pages/lich-cong-tac-tuan.aspx?{nxt}">Tuần sau</a>
<a href="/Pages/lich-cong-tac-tuan.aspx?CalendarDate={mo}%2F{d}%2F{y}&amp;CalendarPeriod=day">Ngày</a>
<a href="/Pages/lich-cong-tac-tuan.aspx?CalendarDate={mo}%2F{d}%2F{y}&amp;CalendarPeriod=month">Tháng</a>
<table><tr><td>Thứ Hai: Giám đốc làm việc tại cơ quan</td></tr></table>""", d))
        return None

    site.dynamic = dynamic


def build_dnn(site: Site) -> None:
    site.robots = ("User-agent: *\nDisallow: /Admin/\nDisallow: /Print.aspx\nDisallow: /*ctl=Login\n"
                   "Disallow: /DesktopModules/\nCrawl-delay: 0.2\n")
    listed = [p for p in site.posts if p.listed]
    for p in site.posts:
        p.path = f"/tin-tuc/tabid/55/ctl/ArticleView/mid/410/articleId/{p.ident}/{slug(p.article.title)[:50]}.aspx"
        p.aliases = [f"/Default.aspx?tabid=55&ctl=ArticleView&mid=410&articleId={p.ident}"]

    def shell(title: str, main: str, seed: int) -> str:
        return f"""<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.0 Transitional//EN"><html><head><title>{_esc(title)}</title>
<META NAME="DESCRIPTION" CONTENT="Ban Thi đua - Khen thưởng tỉnh"></head>
<body><form name="Form" method="post" action="/Default.aspx?tabid=55" id="Form" enctype="multipart/form-data">
<input type="hidden" name="__EVENTTARGET" value=""/><input type="hidden" name="__VIEWSTATE" value="dDwtMTA4MzE0MjEwNTs7Pg=="/>
<script>function __doPostBack(t,a){{var f=document.Form;f.__EVENTTARGET.value=t;f.submit();}}</script>
<table width="100%" cellpadding="0" cellspacing="0" border="0"><tr><td colspan="3" height="120" background="/Portals/0/banner.jpg">
<font size="5" color="#c00"><b>BAN THI ĐUA - KHEN THƯỞNG TỈNH</b></font></td></tr>
<tr><td colspan="3" bgcolor="#004a94"><a href="/Default.aspx?tabid=36"><font color="white">Trang chủ</font></a> |
<a href="/Default.aspx?tabid=55"><font color="white">Tin hoạt động</font></a> | <a href="/Default.aspx?tabid=56"><font color="white">Khối, Cụm thi đua</font></a> |
<a href="/LichCongTac.aspx?Tuan=28&amp;Nam=2023"><font color="white">Lịch công tác</font></a> | <a href="/Default.aspx?tabid=55&amp;ctl=Login&amp;returnurl=%2fDefault.aspx"><font color="white">Đăng nhập</font></a></td></tr>
<tr><td width="190" valign="top" bgcolor="#eef3fa"><table width="100%"><tr><td><b>Tin mới</b></td></tr>
{"".join(f'<tr><td><a href="{p.path}">» {_esc(p.article.title)}</a></td></tr>' for p in listed[:3])}
<tr><td><b>Thống kê</b></td></tr><tr><td>Đang online: {seed % 9 + 1}</td></tr><tr><td>Lượt truy cập: {_counter(seed)}</td></tr>
<tr><td><a href="http://localhost:{site.outside}/thi-dua/">Ban Thi đua - Khen thưởng Trung ương</a></td></tr>
<tr><td><a href="{OFFSITE[1]}">Bộ Nội vụ</a></td></tr></table></td>
<td width="10"></td><td valign="top">{main}</td></tr>
<tr><td colspan="3" align="center" bgcolor="#004a94"><font color="white" size="2">Ban Thi đua - Khen thưởng tỉnh. Địa chỉ: Số 12 đường Hoàng Văn Thụ<br>
Điện thoại: 0214.3840.123 | Ban biên tập trang thông tin</font></td></tr></table></form></body></html>"""

    r = site.routes
    r["/robots.txt"] = Resp(site.robots.encode(), "text/plain")
    r["/"] = Resp(b'<html><head><meta http-equiv="refresh" content="0; url=/Default.aspx?tabid=36"></head><body></body></html>')
    r["/Default.aspx?tabid=36"] = Resp(shell("Trang chủ", '<table width="100%">' + "".join(
        f'<tr><td><a href="{p.aliases[0]}"><b>{_esc(p.article.title)}</b></a><br>{_esc(p.article.paragraphs[0][:120])}...</td></tr>'
        for p in listed[:3]) + '</table><a href="/Default.aspx?tabid=55">Xem tất cả tin hoạt động</a>', 1).encode())
    for tab, items in ((55, listed), (56, [p for p in listed if p.article.relevant])):
        n = -(-len(items) // 4)
        for k in range(1, n + 1):
            rows = "".join(f'<tr><td class="Normal"><a class="ArticleTitle" href="{p.path}">{_esc(p.article.title)}</a>'
                           f' <span class="ArticleDate">({p.article.dmy})</span></td></tr>' for p in items[(k - 1) * 4 : k * 4])
            pager = " ".join(f'<a href="javascript:__doPostBack(\'dnn$ctr410$ArticleList$rptPager\',\'Page${i}\')">{i}</a>'
                             for i in range(1, n + 1) if i != k)
            if k < n:
                pager += f' <a class="CommandButton" href="/Default.aspx?tabid={tab}&amp;currentpage={k + 1}">Trang sau »</a>'
            html_ = shell("Tin hoạt động", f'<table width="100%" class="ArticleList">{rows}</table><div class="pager">{pager}</div>', k)
            r[f"/Default.aspx?tabid={tab}&currentpage={k}"] = Resp(html_.encode())
            if k == 1:
                r[f"/Default.aspx?tabid={tab}"] = r[f"/Default.aspx?tabid={tab}&currentpage=1"]
    for i, p in enumerate(site.posts):
        a = p.article
        paras = "<br><br>".join(_esc(x) for x in a.paragraphs)
        author = f'<br><p align="right"><b><i>{_esc(a.author)}</i></b></p>' if a.author else ""
        main = f"""<table width="100%" border="0" cellpadding="2"><tr><td>
<span id="dnn_ctr410_ArticleView_lblTitle" class="Head">{_esc(a.title)}</span></td></tr>
<tr><td><span id="dnn_ctr410_ArticleView_lblDate" class="SubHead">Ngày {a.dmy}</span> &nbsp; Lượt xem: {_counter(i)}</td></tr>
<tr><td><span id="dnn_ctr410_ArticleView_lblContent" class="Normal">{paras}{author}</span></td></tr>
<tr><td align="right"><a href="/Print.aspx?ArticleID={p.ident}">In trang</a> | <a href="/Default.aspx?tabid=55&amp;ctl=SendMail&amp;articleId={p.ident}">Gửi email</a></td></tr>
<tr><td><b>Các tin khác:</b><br>{"<br>".join(f'<a href="{o.path}">{_esc(o.article.title)}</a>' for o in _newer(listed, p))}</td></tr></table>"""
        page = shell(a.title, main, i + 5)
        if p.special == "1258-header":
            resp = Resp(to_cp1258(page), "text/html; charset=windows-1258")
        elif p.special == "1258-meta":
            page = page.replace("<head>", '<head><meta http-equiv="Content-Type" content="text/html; charset=windows-1258">')
            resp = Resp(to_cp1258(page), "text/html")
        elif p.special == "1258-none":  # no charset anywhere: the bytes must speak for themselves
            resp = Resp(to_cp1258(page), "text/html")
        elif p.special == "tcvn3":
            page = page.replace(main, f'<font face=".VnTime">{main}</font>')
            resp = Resp(to_tcvn3(page), "text/html")
        else:
            resp = Resp(to_cp1258(page.replace("<head>", '<head><meta http-equiv="Content-Type" content="text/html; charset=windows-1258">')),
                        "text/html; charset=windows-1258")
        r[p.path] = resp
        r[p.aliases[0]] = resp

    def dynamic(path: str) -> Resp | None:
        parts = urlsplit(path)
        if parts.path == "/LichCongTac.aspx":
            m = re.search(r"Tuan=(\d+)&Nam=(\d+)", parts.query)
            w, y = (int(x) for x in m.groups()) if m else (28, 2023)
            return Resp(shell("Lịch", f"""<b>Lịch công tác tuần {w}/{y}</b><br><a href="/LichCongTac.aspx?Tuan={w + 1}&amp;Nam={y}">Tuần sau</a>
<a href="/LichCongTac.aspx?Tuan={w - 1}&amp;Nam={y}">Tuần trước</a>""", w).encode("utf-8"))
        return None

    site.dynamic = dynamic


def build_egov(site: Site) -> None:
    site.robots = "User-agent: *\nDisallow: /tim-kiem\nDisallow: /quan-tri/\nDisallow: /*?print=\nCrawl-delay: 0.2\n"
    listed = [p for p in site.posts if p.listed]
    for p in site.posts:
        p.path = f"/tin-tuc/chi-tiet/{p.ident}/{slug(p.article.title)[:70]}.html"
        p.aliases = [f"/tin-tuc/chi-tiet/{p.ident}/bai-viet.html"]  # the old slug still serves the article

    def shell(title: str, main: str, seed: int) -> bytes:
        return f"""<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"/><meta name="viewport" content="width=device-width"/>
<title>{_esc(title)} | Cổng thông tin điện tử tỉnh Cao Bằng</title>
<link rel="alternate" type="application/rss+xml" href="/rss/tin-tuc.rss"/></head><body>
<div class="top-bar"><span class="today">Thứ Năm, 13/07/2023</span> <span class="weather-widget">Cao Bằng 29°C - Độ ẩm 75%</span>
<a href="/quan-tri/dang-nhap">Đăng nhập</a></div>
<div class="logo-wrap"><a href="/"><img src="/images/logo.png" alt="Cổng thông tin điện tử tỉnh"/></a></div>
<ul class="main-menu"><li><a href="/">Trang chủ</a></li><li><a href="/chuyen-muc/tin-tuc-su-kien">Tin tức - Sự kiện</a></li>
<li><a href="/chuyen-muc/thi-dua-khen-thuong">Thi đua khen thưởng</a></li><li><a href="/van-ban?sort=moi-nhat&amp;filter=tat-ca">Văn bản</a></li>
<li><a href="/lich-lam-viec?date=2023-07-13">Lịch làm việc</a></li><li><a href="/tim-kiem?keyword=khoi+thi+dua">Tìm kiếm</a></li></ul>
<div class="container"><div class="row"><div class="col-md-8 main-col">{main}</div>
<div class="col-md-4 side-col"><div class="box-news-hot"><div class="box-title">Xem nhiều</div>
{"".join(f'<div class="hot-item"><a href="{p.aliases[0]}">{_esc(p.article.title)}</a></div>' for p in listed[7:9])}</div>
<div class="box-tags"><div class="box-title">Từ khóa:</div><a href="/tu-khoa/thi-dua.html">thi đua</a> <a href="/tu-khoa/khoi-thi-dua.html">khối thi đua</a>
<a href="/tu-khoa/khen-thuong.html">khen thưởng</a></div>
<div class="box-lienket"><div class="box-title">Liên kết website</div><select onchange="window.open(this.value)">
<option value="https://moha.gov.vn">Bộ Nội vụ</option></select>{"".join(f'<a href="{u}" target="_blank">Trang liên kết {k}</a> ' for k, u in enumerate(OFFSITE))}</div>
<div class="box-thongke"><div class="box-title">Thống kê truy cập</div><p>Đang online: {seed % 30 + 2}</p><p>Hôm nay: {_counter(seed) % 700}</p>
<p>Tổng lượt truy cập: {_counter(seed) * 31}</p></div></div></div></div>
<div class="footer"><div class="footer-info"><p><b>CỔNG THÔNG TIN ĐIỆN TỬ TỈNH CAO BẰNG</b></p>
<p>Cơ quan chủ quản: Văn phòng UBND tỉnh - Địa chỉ: Số 12 đường Hoàng Văn Thụ, thành phố Cao Bằng</p>
<p>Điện thoại: 0214.3840.123 - Trưởng Ban biên tập: Nguyễn Văn A</p>
<p>Theo dõi chúng tôi: <a href="https://www.facebook.com/caobang">Facebook</a> <a href="https://zalo.me/caobang">Zalo</a></p></div></div></body></html>""".encode()

    r = site.routes
    r["/robots.txt"] = Resp(site.robots.encode(), "text/plain")
    r["/"] = Resp(shell("Trang chủ", '<div class="home-focus">' + "".join(
        f'<div class="focus-item"><a class="title" href="{p.path}">{_esc(p.article.title)}</a><p class="sapo">{_esc(p.article.paragraphs[0][:180])}</p></div>'
        for p in listed[:4]) + '</div><a href="/index.php/tin-tuc/1001">Hội nghị Khối thi đua năm trước (đường dẫn cũ)</a>'
        '<a href="/tin-tuc/chi-tiet/9999/khoi-thi-dua-bai-da-go.html">Khối thi đua các huyện: bài viết đã gỡ</a>', 0))
    r["/index.php/tin-tuc/1001"] = Resp(status=301, headers={"Location": f"{site.base}{listed[0].path}"})
    rss = "".join(f"<item><title>{_esc(p.article.title)}</title><link>{site.base}{p.path}</link>"
                  f"<pubDate>{formatdate(1690000000 - i * 86400, usegmt=True)}</pubDate></item>" for i, p in enumerate(listed[:5]))
    r["/rss/tin-tuc.rss"] = Resp(f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Tin tức</title>{rss}</channel></rss>'.encode(),
                                 "text/xml; charset=utf-8")
    for cat, items in (("tin-tuc-su-kien", listed), ("thi-dua-khen-thuong", [p for p in listed if p.article.relevant])):
        n = -(-len(items) // 4)
        for k in range(1, n + 1):
            rows = "".join(f'<div class="news-item"><a href="{p.path}"><img src="/uploads/{p.ident}.jpg" alt="{_esc(p.article.title)}"/></a>'
                           f'<h3><a href="{p.path}">{_esc(p.article.title)}</a></h3><span class="date">{p.article.dmy}</span></div>'
                           for p in items[(k - 1) * 4 : k * 4])
            pager = "".join(f'<li><a href="/chuyen-muc/{cat}?page={i}">{i}</a></li>' for i in range(1, n + 1) if i != k)
            r[f"/chuyen-muc/{cat}?page={k}"] = Resp(shell(cat, f'<div class="list-news">{rows}</div><ul class="pagination">{pager}</ul>', k))
            if k == 1:
                r[f"/chuyen-muc/{cat}"] = r[f"/chuyen-muc/{cat}?page=1"]
    for i, p in enumerate(site.posts):
        a = p.article
        body = "".join(f'<p style="text-align: justify;">{_esc(x)}</p>' for x in a.paragraphs[1:])
        body = body.replace("</p>", '</p><p style="text-align:center"><img src="/uploads/hn.jpg"/></p>'
                            '<p style="text-align:center"><em>Các đại biểu dự hội nghị</em></p>', 1)
        if a.author:
            body += f'<p style="text-align: right;"><strong>{_esc(a.author)}</strong></p>'
        main = f"""<ol class="breadcrumb"><li><a href="/">Trang chủ</a></li><li><a href="/chuyen-muc/tin-tuc-su-kien">Tin tức - Sự kiện</a></li></ol>
<div class="news-detail"><h1 class="news-title">{_esc(a.title)}</h1>
<div class="news-meta"><span class="date"><i class="fa fa-clock"></i> {a.dmy} 07:{30 + i % 30:02d}</span> <span class="views">Lượt xem: {_counter(i)}</span>
<span class="tools"><a href="{p.path}?print=1">In trang</a> <a href="mailto:?subject=bai-viet">Gửi email</a></span></div>
<div class="news-sapo"><strong>{_esc(a.paragraphs[0])}</strong></div>
<div class="news-content">{body}</div>
<div class="news-share">Chia sẻ: <a href="https://www.facebook.com/sharer.php?u={quote(site.base + p.path)}">Facebook</a></div>
<div class="news-rating">Đánh giá bài viết: ★★★★★</div>
<div class="box-other"><h3 class="box-title">Bài viết cùng chuyên mục</h3><ul>{"".join(f'<li><a href="{o.path}">{_esc(o.article.title)}</a></li>' for o in _newer(listed, p))}</ul></div></div>"""
        resp = Resp(shell(a.title, main, i + 2))
        if p.special == "slow":
            resp.delay = 2.5
        r[p.path] = resp
        r[p.aliases[0]] = resp
        r[p.path + "?print=1"] = Resp(f"<html><body><h1>{_esc(a.title)}</h1>{body}</body></html>".encode())
        if p.special == "broken":
            r[p.path] = r[p.aliases[0]] = Resp(b"<h1>500 Internal Server Error</h1>", status=500)

    def dynamic(path: str) -> Resp | None:
        parts = urlsplit(path)
        if parts.path == "/lich-lam-viec":
            m = re.search(r"date=(\d+)-(\d+)-(\d+)", parts.query)
            y, mo, d = (int(x) for x in m.groups()) if m else (2023, 7, 13)
            nd, pd = f"{y}-{mo:02d}-{d % 28 + 1:02d}", f"{y}-{mo % 12 + 1:02d}-{d:02d}"
            return Resp(shell("Lịch làm việc", f"""<h2>Lịch làm việc ngày {d}/{mo}/{y}</h2><a href="/lich-lam-viec?date={pd}">Hôm trước</a>
<a href="/lich-lam-viec?date={nd}">Hôm sau</a><p>Không có lịch.</p>""", d))
        if parts.path == "/van-ban":
            links = "".join(f'<a href="/van-ban?{parts.query}&amp;sort={s}&amp;filter={f}">Lọc {s} {f}</a> '
                            for s in ("moi-nhat", "cu-nhat") for f in ("quyet-dinh", "cong-van", "ke-hoach"))
            return Resp(shell("Văn bản", f"<div class='filter'>{links}</div>", 4))
        if parts.path.startswith("/tu-khoa/"):
            return Resp(shell("Từ khóa", "".join(f'<h3><a href="{p.path}">{_esc(p.article.title)}</a></h3>' for p in listed[:6]), 5))
        return None

    site.dynamic = dynamic


def build_wordpress(site: Site) -> None:
    site.robots = (f"User-agent: *\nDisallow: /wp-admin/\nAllow: /wp-admin/admin-ajax.php\nDisallow: /?s=\nDisallow: /search/\n"
                   f"Disallow: /print/\nCrawl-delay: 0.2\n\nSitemap: {site.base}/sitemap_index.xml\n")
    for p in site.posts:
        p.path = f"/{p.article.date[:4]}/{p.article.date[5:7]}/{slug(p.article.title)[:70]}/"
        p.aliases = [p.path + "amp/", p.path.rstrip("/"), f"/?p={200 + p.ident}"]
    listed = [p for p in site.posts if p.listed]

    def shell(title: str, main: str, seed: int, cls: str = "single") -> bytes:
        return f"""<!doctype html><html lang="vi"><head><meta charset="UTF-8"><title>{_esc(title)} - Báo Lào Cai điện tử</title>
<link rel="alternate" type="application/rss+xml" title="Báo Lào Cai &raquo; Feed" href="{site.base}/feed/"/>
<link rel="alternate" type="application/rss+xml" title="Comments" href="{site.base}/comments/feed/"/>
<link rel="https://api.w.org/" href="{site.base}/wp-json/"/></head>
<body class="{cls} wp-theme-newsmag"><div id="page" class="site">
<div class="td-header-top-menu"><span class="td-date">Thứ Năm, 13/07/2023</span><span class="td-weather">Thời tiết Sa Pa 19°C</span>
<a href="https://www.facebook.com/baolaocai">Facebook</a> <a href="//www.youtube.com/@baolaocai">Youtube</a></div>
<div class="td-header-menu"><ul class="sf-menu"><li><a href="{site.base}/">Trang chủ</a></li><li><a href="/category/thoi-su/">Thời sự</a></li>
<li><a href="/category/thi-dua/">Thi đua - Khen thưởng</a></li><li><a href="/category/kinh-te/">Kinh tế</a></li><li><a href="/?s=khoi+thi+dua">Tìm</a></li></ul></div>
<div class="td-main-content-wrap"><div class="td-container"><div class="td-pb-span8 td-main-content">{main}</div>
<div class="td-pb-span4 td-main-sidebar"><aside class="widget widget_recent_entries"><h4 class="block-title">Tin mới</h4><ul>
{"".join(f'<li><a href="{p.path}">{_esc(p.article.title)}</a></li>' for p in listed[:3])}</ul></aside>
<aside class="widget widget_tag_cloud"><h4 class="block-title">Từ khóa:</h4><a href="/tag/thi-dua/">thi đua</a> <a href="/tag/khoi-thi-dua/">khối thi đua</a></aside>
<aside class="widget widget_calendar"><table id="wp-calendar"><caption>Tháng Bảy 2023</caption><tr><td><a href="/2023/07/05/">5</a></td>
<td><a href="/2023/07/13/">13</a></td></tr></table><a href="/2023/06/">« Th6</a></aside>
<aside class="widget"><h4 class="block-title">Xem nhiều</h4>{"".join(f'<p><a href="{p.aliases[2]}">{_esc(p.article.title)}</a></p>' for p in listed[5:7])}</aside>
</div></div></div>
<footer class="td-footer-wrapper"><div class="footer-text">Báo Lào Cai điện tử. Giấy phép số 123/GP-BTTTT. Địa chỉ: Số 12 đường Hoàng Văn Thụ.
Điện thoại: 0214.3840.123. Theo dõi chúng tôi trên mạng xã hội.</div></footer></div></body></html>""".encode()

    r = site.routes
    r["/robots.txt"] = Resp(site.robots.encode(), "text/plain")
    r["/sitemap.xml"] = Resp(status=301, headers={"Location": f"{site.base}/sitemap_index.xml"})

    def item(p: Post) -> str:
        return (f'<div class="td_module_10"><h3 class="entry-title td-module-title"><a href="{p.path}" rel="bookmark" title="{_esc(p.article.title)}">'
                f'{_esc(p.article.title)}</a></h3><div class="td-excerpt">{_esc(p.article.paragraphs[0][:140])}&hellip;</div></div>')

    r["/"] = Resp(shell("Trang chủ", "".join(item(p) for p in listed[:4]), 0, "home"))
    for cat, items in (("thi-dua", [p for p in listed if p.article.relevant]), ("thoi-su", listed)):
        n = -(-len(items) // 3)
        for k in range(1, n + 1):
            nav = '<div class="page-nav td-pb-padding-side">'
            if k > 1:
                nav += f'<a href="/category/{cat}/page/{k - 1}/"><i class="td-icon-menu-left"></i></a>'
            nav += "".join(f'<a href="/category/{cat}/page/{i}/" class="page" title="{i}">{i}</a>' for i in range(1, n + 1) if i != k)
            if k < n:
                nav += f'<a href="/category/{cat}/page/{k + 1}/"><i class="td-icon-menu-right"></i></a>'
            r[f"/category/{cat}/page/{k}/"] = Resp(shell(cat, "".join(item(p) for p in items[(k - 1) * 3 : k * 3]) + nav + "</div>", k, "archive"))
        r[f"/category/{cat}/"] = r[f"/category/{cat}/page/1/"]
        feed = "".join(f"<item><title>{_esc(p.article.title)}</title><link>{site.base}{p.path}</link>"
                       f"<pubDate>{formatdate(1690000000 - i * 3600, usegmt=True)}</pubDate></item>" for i, p in enumerate(items[:4]))
        r[f"/category/{cat}/feed/"] = Resp(f'<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel>{feed}</channel></rss>'.encode(),
                                           "application/rss+xml; charset=UTF-8")
    r["/feed/"] = Resp(r["/category/thoi-su/feed/"].body, "application/rss+xml; charset=UTF-8")
    in_list = [p for p in site.posts if p.listed]
    half = len(in_list) // 2
    hidden = [p for p in site.posts if not p.listed]  # only in a gzipped sub-sitemap
    for name, chunk in (("post-sitemap.xml", in_list[:half]), ("post-sitemap2.xml", in_list[half:]),
                        ("post-sitemap3.xml.gz", hidden)):
        urls = "".join(f"<url><loc>{site.base}{p.path}</loc><lastmod>{p.article.date}T08:00:00+07:00</lastmod>"
                       f'<image:image><image:loc>{site.base}/wp-content/uploads/{p.ident}.jpg</image:loc></image:image></url>' for p in chunk)
        xml = ('<?xml version="1.0" encoding="UTF-8"?><?xml-stylesheet type="text/xsl" href="//x/main-sitemap.xsl"?>'
               '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:image="http://www.google.com/schemas/sitemap-image/1.1">'
               f"{urls}</urlset>").encode()
        gz = name.endswith(".gz")
        r["/" + name] = Resp(gzip.compress(xml) if gz else xml, "application/x-gzip" if gz else "text/xml; charset=UTF-8")
    r["/category-sitemap.xml"] = Resp((f'<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
                                       f"<url><loc>{site.base}/category/thi-dua/</loc></url><url><loc>{site.base}/category/thoi-su/</loc></url></urlset>").encode(),
                                      "text/xml; charset=UTF-8")
    subs = "".join(f"<sitemap><loc>{site.base}/{n}</loc><lastmod>2023-07-13T08:00:00+07:00</lastmod></sitemap>"
                   for n in ("post-sitemap.xml", "post-sitemap2.xml", "post-sitemap3.xml.gz", "category-sitemap.xml"))
    subs += f"<sitemap><loc>http://localhost:{site.outside}/news-sitemap.xml</loc></sitemap>"
    r["/sitemap_index.xml"] = Resp(f'<?xml version="1.0" encoding="UTF-8"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{subs}</sitemapindex>'.encode(),
                                   "text/xml; charset=UTF-8")
    for i, p in enumerate(site.posts):
        a = p.article
        paras = [f"<p>{_esc(x)}</p>" for x in a.paragraphs]
        others = _newer(listed, p)
        if others and len(paras) > 2:
            paras.insert(2, f'<p><strong>Xem thêm: <a href="{others[0].path}">{_esc(others[0].article.title)}</a></strong></p>')
        body = "".join(paras) + (f'<p style="text-align: right;"><strong>{_esc(a.author)}</strong></p>' if a.author else "")
        main = f"""<article id="post-{p.ident}" class="post-{p.ident} post type-post status-publish format-standard">
<div class="td-post-header"><ul class="td-category"><li class="entry-category"><a href="/category/thi-dua/">Thi đua - Khen thưởng</a></li></ul>
<header class="td-post-title"><h1 class="entry-title">{_esc(a.title)}</h1><div class="td-module-meta-info">
<span class="td-post-date"><time class="entry-date updated td-module-date" datetime="{a.date}T08:00:00+07:00">{a.dmy}</time></span>
<div class="td-post-views"><span class="td-nr-views-{p.ident}">Lượt xem: {_counter(i)}</span></div></div></header></div>
<div class="td-post-sharing-top">Chia sẻ: <a href="https://www.facebook.com/sharer.php?u={quote(site.base + p.path)}">Facebook</a>
<a href="https://twitter.com/intent/tweet?url={quote(site.base + p.path)}">Twitter</a> <a href="/print/{p.ident}/">In trang</a></div>
<div class="td-post-content tagdiv-type">{body}</div>
<footer><div class="td-post-source-tags"><ul class="td-tags"><li><span>Từ khóa:</span></li><li><a href="/tag/khoi-thi-dua/">khối thi đua</a></li></ul></div>
<div class="td-block-row td-post-next-prev"><a href="{others[0].path if others else '/'}">Bài trước</a></div>
<div class="td_block_related_posts"><h4 class="td-related-title">Bài viết cùng chuyên mục</h4>{"".join(item(o) for o in others[:3])}</div>
<div id="comments" class="comments"><h4>Bình luận</h4><a href="{p.path}?replytocom=5#respond">Trả lời</a></div></footer></article>"""
        r[p.path] = Resp(shell(a.title, main, i + 3))
        r[p.aliases[0]] = Resp(f"""<!doctype html><html amp lang="vi"><head><meta charset="utf-8"><title>{_esc(a.title)}</title>
<link rel="canonical" href="{site.base}{p.path}"></head><body><header class="amp-wp-header"><a href="{site.base}/">Báo Lào Cai</a></header>
<article class="amp-wp-article"><h1 class="amp-wp-title">{_esc(a.title)}</h1><div class="amp-wp-meta">{a.dmy}</div>
<div class="amp-wp-article-content">{body}</div></article><footer class="amp-wp-footer">Báo Lào Cai điện tử</footer></body></html>""".encode())
        r[p.aliases[1]] = Resp(status=301, headers={"Location": site.base + p.path})
        r[p.aliases[2]] = Resp(status=301, headers={"Location": site.base + p.path})
    for path in ("/2023/07/05/", "/2023/07/13/", "/2023/06/", "/tag/thi-dua/", "/tag/khoi-thi-dua/"):
        r[path] = Resp(shell("Lưu trữ", "".join(item(p) for p in listed[:3]), 9, "archive"))

    def dynamic(path: str) -> Resp | None:
        parts = urlsplit(path)
        if "replytocom=" in parts.query and parts.path in r:
            return r[parts.path]
        return None

    site.dynamic = dynamic


BUILDERS = {"liferay": build_liferay, "sharepoint": build_sharepoint, "dnn": build_dnn, "egov": build_egov,
            "wordpress": build_wordpress}
IPS = {"liferay": "127.0.0.2", "sharepoint": "127.0.0.3", "dnn": "127.0.0.4", "egov": "127.0.0.5", "wordpress": "127.0.0.6"}
RELEVANT_PER_SITE = 12
OFFTOPIC_PER_SITE = 7


@dataclass
class Heldout:
    sites: dict[str, Site]
    outside: Outside
    articles: dict[str, Article]  # key -> article (relevant ones)
    urls: dict[str, list[str]]  # key -> every URL serving it, any site
    syndicated: str

    def stop(self) -> None:
        for s in self.sites.values():
            s.stop()
        self.outside.stop()


def start_heldout() -> Heldout:
    """Start the five held-out portals and the outside proxy."""
    outside = Outside()
    sites: dict[str, Site] = {}
    articles: dict[str, Article] = {}
    k_rel = k_off = 0
    for n, name in enumerate(BUILDERS):
        posts = []
        for j in range(RELEVANT_PER_SITE + OFFTOPIC_PER_SITE):
            if j % 19 in (1, 4, 7, 9, 11, 14, 17):
                art = offtopic_article(k_off)
                k_off += 1
            else:
                art = relevant_article(k_rel)
                articles[art.key] = art
                k_rel += 1
            posts.append(Post(art, 100 * (n + 1) + j * 3 + 1))
        sites[name] = Site(name, IPS[name], posts, str(outside.port))
    egov_first = next(p for p in sites["egov"].posts if p.article.relevant)
    syn = replace(egov_first.article, title="(Theo Cổng TTĐT tỉnh) " + egov_first.article.title, author="Theo Cổng TTĐT tỉnh Cao Bằng")
    sites["wordpress"].posts.append(Post(syn, 999))
    # specials: legacy encodings, slow, flaky, broken, only-in-sitemap
    dnn = [p for p in sites["dnn"].posts if p.article.relevant]
    dnn[0].special, dnn[1].special, dnn[2].special, dnn[3].special = "1258-header", "1258-meta", "tcvn3", "1258-none"
    lif = sites["liferay"].posts
    next(p for p in lif if p.article.relevant and p is not lif[0]).special = "slow"
    [p for p in lif if p.article.relevant][3].special = "flaky"
    next(p for p in lif if not p.article.relevant).special = "broken"
    next(p for p in sites["egov"].posts if not p.article.relevant).special = "broken"
    [p for p in sites["egov"].posts if p.article.relevant][4].special = "slow"
    next(p for p in sites["sharepoint"].posts if not p.article.relevant).special = "broken"
    wp_rel = [p for p in sites["wordpress"].posts if p.article.relevant]
    wp_rel[2].listed = wp_rel[5].listed = False  # only in the sitemap
    for name, site in sites.items():
        BUILDERS[name](site)
        site.start()
    urls: dict[str, list[str]] = {}
    for site in sites.values():
        for p in site.posts:
            if p.article.relevant and p.special != "broken":
                urls.setdefault(p.article.key, []).extend(site.base + u for u in (p.path, *p.aliases))
    return Heldout(sites, outside, articles, urls, egov_first.article.key)


def write_heldout_registry(directory: str, held: Heldout) -> None:
    """One TOML per site with only its base URL."""
    from pathlib import Path

    for name, site in held.sites.items():
        Path(directory, f"{name}.toml").write_text(
            f'name = "{name}"\nprovince = "Lào Cai"\nbase_url = "{site.base}/"\nverified = true\n', encoding="utf-8")


def free_loopback(ip: str) -> bool:
    """Return whether ``ip`` can be bound (some sandboxes only have 127.0.0.1)."""
    try:
        with socket.socket() as s:
            s.bind((ip, 0))
        return True
    except OSError:
        return False
