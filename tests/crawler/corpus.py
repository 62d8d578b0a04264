"""Article texts for the mock portals: bloc-meeting articles and off-topic news.

Relevant articles are made of the real sentences of data/samples, three per article and
none shared (so no two are near-duplicates), behind a lead sentence naming the bloc and
the meeting; off-topic ones are written here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

SAMPLES = Path(__file__).resolve().parents[2] / "data" / "samples"
AUTHORS = ["Nguyễn Năng Khánh", "Nguyễn Cẩm", "Lăng Trang", "Minh Hằng", "Nguyễn Thanh Sơn"]
_SENT_END = re.compile(r"(?<=[.!?…])\s+(?=[A-ZĐÀ-Ỹ“\"(])")


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


def _sample(path: Path) -> tuple[str, list[str]]:
    lines = [" ".join(x.split()) for x in path.read_text(encoding="utf-8").splitlines()]
    title = next(x for x in lines if "Khối" in x and 30 < len(x) < 250)
    title = re.sub(r"\s*\(\d{1,2}/\d{1,2}/\d{4}\)$", "", title)
    body = [x for x in lines if len(x) >= 150 and x != title]
    return title, body


BLOCS = [
    "Khối thi đua các cơ quan tham mưu tổng hợp", "Khối thi đua các cơ quan Kinh tế - Kỹ thuật",
    "Cụm thi đua các huyện phía Bắc", "Khối thi đua Văn hóa - Xã hội", "Khối thi đua các cơ quan Nội chính",
    "Cụm thi đua các doanh nghiệp nhà nước", "Khối thi đua các Ban Đảng", "Cụm thi đua các trường cao đẳng",
]
EVENTS = ["sơ kết công tác thi đua, khen thưởng 6 tháng đầu năm", "tổng kết công tác thi đua, khen thưởng năm",
          "ký kết giao ước thi đua năm"]
N_RELEVANT = 16  # the samples hold 48 long sentences: 3 per article, none shared


def relevant_articles() -> list[Article]:
    """Return 16 distinct bloc-meeting articles built from the samples' sentences (none shared)."""
    sentences: list[str] = []
    for path in sorted(SAMPLES.glob("*.txt")):
        title, body = _sample(path)
        for para in body:
            sentences += [x.strip() for x in _SENT_END.split(para) if len(x.split()) >= 12]
    out = []
    for k in range(N_RELEVANT):
        year = 2016 + k % 8
        bloc, event = BLOCS[k % len(BLOCS)], EVENTS[k % len(EVENTS)]
        mine = sentences[k::N_RELEVANT]
        lead = (f"Ngày {3 + k}/{1 + k % 12}/{year}, {bloc} tỉnh đã tổ chức hội nghị {event} {year} "
                f"với sự tham dự của lãnh đạo {5 + k} cơ quan, đơn vị thành viên.")
        paragraphs = [lead + " " + mine[0], " ".join(mine[1:])]
        out.append(Article(f"r{k}", f"{bloc} {event} {year}", paragraphs, True, AUTHORS[k % len(AUTHORS)],
                           f"{year}-{1 + k % 12:02d}-{3 + k:02d}"))
    return out


_OFF_TOPIC = [
    ("Nông dân thu hoạch chè vụ xuân đạt năng suất cao",
     ["Những ngày này, nông dân các xã vùng chè đang tập trung thu hoạch chè vụ xuân. Nhờ áp dụng quy trình "
      "sản xuất an toàn, năng suất chè năm nay tăng khoảng mười phần trăm so với cùng kỳ năm trước.",
      "Giá chè búp tươi dao động từ tám đến mười hai nghìn đồng mỗi ki-lô-gam, chè khô loại ngon được thương lái "
      "thu mua tận vườn. Nhiều hộ gia đình đã đầu tư máy sao chè, máy vò chè để nâng cao chất lượng sản phẩm.",
      "Phòng Nông nghiệp huyện khuyến cáo bà con chú ý phòng trừ sâu bệnh, bón phân cân đối và ghi chép nhật ký "
      "sản xuất đầy đủ để đáp ứng yêu cầu truy xuất nguồn gốc của thị trường."]),
    ("Khai mạc tuần lễ văn hóa du lịch vùng cao",
     ["Tối qua, tại quảng trường trung tâm, tuần lễ văn hóa du lịch vùng cao chính thức khai mạc với nhiều hoạt "
      "động đặc sắc như trình diễn trang phục dân tộc, chợ phiên và ẩm thực truyền thống của đồng bào.",
      "Ban tổ chức cho biết tuần lễ thu hút hơn năm mươi gian hàng giới thiệu sản phẩm thủ công, nông sản đặc "
      "trưng và các tour du lịch cộng đồng. Du khách được trải nghiệm dệt thổ cẩm, làm bánh và múa xòe.",
      "Sự kiện kéo dài đến hết ngày chủ nhật, hứa hẹn tạo điểm nhấn thu hút khách du lịch trong và ngoài tỉnh "
      "đến tham quan, khám phá vẻ đẹp thiên nhiên và bản sắc văn hóa địa phương."]),
    ("Đảm bảo an toàn giao thông dịp nghỉ lễ",
     ["Để bảo đảm trật tự an toàn giao thông trong dịp nghỉ lễ, lực lượng cảnh sát giao thông đã tăng cường "
      "tuần tra, kiểm soát trên các tuyến quốc lộ trọng điểm, tập trung xử lý vi phạm nồng độ cồn và tốc độ.",
      "Các bến xe đã bố trí thêm phương tiện phục vụ nhu cầu đi lại tăng cao của người dân. Giá vé được niêm yết "
      "công khai, hành khách được hướng dẫn mua vé trực tuyến để tránh ùn tắc tại quầy.",
      "Người tham gia giao thông được khuyến cáo chấp hành nghiêm quy định, đội mũ bảo hiểm khi đi xe máy và "
      "không sử dụng điện thoại khi lái xe để bảo vệ an toàn cho bản thân và cộng đồng."]),
    ("Tiêm chủng mở rộng cho trẻ em dưới năm tuổi",
     ["Trung tâm Kiểm soát bệnh tật tỉnh vừa triển khai đợt tiêm chủng mở rộng cho trẻ em dưới năm tuổi tại "
      "tất cả các trạm y tế xã, phường với các loại vắc xin phòng sởi, bạch hầu, ho gà và uốn ván.",
      "Cán bộ y tế đã đến từng thôn bản để rà soát đối tượng, vận động các gia đình đưa trẻ đi tiêm đúng lịch. "
      "Tại các điểm tiêm, quy trình khám sàng lọc và theo dõi sau tiêm được thực hiện nghiêm ngặt.",
      "Ngành y tế đặt mục tiêu đạt tỷ lệ tiêm chủng đầy đủ trên chín mươi lăm phần trăm, góp phần giảm tỷ lệ "
      "mắc và tử vong do các bệnh truyền nhiễm có vắc xin phòng ngừa ở trẻ nhỏ."]),
    ("Khánh thành cầu dân sinh nối hai bờ suối",
     ["Sáng nay, chính quyền xã tổ chức khánh thành cây cầu dân sinh bắc qua con suối lớn, nối liền hai thôn "
      "vốn bị chia cắt mỗi mùa mưa lũ. Cây cầu dài bốn mươi mét, rộng ba mét, được xây dựng trong sáu tháng.",
      "Tổng kinh phí xây dựng hơn hai tỷ đồng từ nguồn vốn chương trình mục tiêu quốc gia và đóng góp của nhân "
      "dân. Nhiều hộ gia đình đã tự nguyện hiến đất, góp ngày công để công trình sớm hoàn thành.",
      "Từ nay, học sinh và người dân hai thôn đi lại thuận tiện, an toàn hơn, việc vận chuyển nông sản ra chợ "
      "trung tâm cũng giảm được nhiều thời gian và chi phí."]),
    ("Hội thi tay nghề thợ may trẻ năm nay",
     ["Hội thi tay nghề thợ may trẻ do Trường Cao đẳng nghề tổ chức thu hút gần một trăm thí sinh đến từ các "
      "doanh nghiệp may mặc trên địa bàn. Các thí sinh thi lý thuyết và thực hành cắt may áo sơ mi.",
      "Ban giám khảo đánh giá cao kỹ năng của nhiều thí sinh, đặc biệt là khả năng hoàn thiện sản phẩm đúng "
      "thời gian và đạt tiêu chuẩn kỹ thuật. Giải nhất được trao cho một nữ công nhân hai mươi tuổi.",
      "Hội thi là dịp để người lao động trẻ giao lưu, học hỏi kinh nghiệm, đồng thời giúp doanh nghiệp phát hiện "
      "và bồi dưỡng đội ngũ thợ lành nghề cho các dây chuyền sản xuất."]),
    ("Mưa lớn gây sạt lở trên tuyến tỉnh lộ",
     ["Do ảnh hưởng của mưa lớn kéo dài, nhiều điểm trên tuyến tỉnh lộ bị sạt lở taluy dương, đất đá tràn xuống "
      "mặt đường gây ách tắc giao thông cục bộ trong nhiều giờ liền.",
      "Đơn vị quản lý đường bộ đã huy động máy xúc, ô tô tải khẩn trương dọn dẹp, đặt biển cảnh báo và bố trí "
      "người hướng dẫn phương tiện qua lại an toàn tại các điểm nguy hiểm.",
      "Cơ quan chức năng khuyến cáo người dân hạn chế di chuyển qua khu vực đồi núi dốc khi trời mưa to và theo "
      "dõi thường xuyên bản tin dự báo để chủ động phòng tránh."]),
    ("Thư viện tỉnh ra mắt không gian đọc sách cho thiếu nhi",
     ["Thư viện tỉnh vừa đưa vào hoạt động không gian đọc sách dành riêng cho thiếu nhi với hàng nghìn đầu sách "
      "truyện tranh, sách khoa học và sách kỹ năng sống được sắp xếp theo lứa tuổi.",
      "Không gian được thiết kế thân thiện với bàn ghế nhiều màu sắc, góc kể chuyện và khu vực đọc sách điện tử. "
      "Mỗi cuối tuần, thư viện tổ chức buổi kể chuyện và hướng dẫn các em kỹ năng tìm đọc tài liệu.",
      "Đây là hoạt động thiết thực nhằm phát triển văn hóa đọc trong cộng đồng, khuyến khích trẻ em hình thành "
      "thói quen đọc sách từ nhỏ."]),
]


def off_topic_articles() -> list[Article]:
    """Return the off-topic news items (never to be stored)."""
    return [Article(f"x{i}", t, list(b), False, None, f"2023-0{1 + i % 9}-1{i}") for i, (t, b) in enumerate(_OFF_TOPIC)]
