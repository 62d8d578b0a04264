"""A synthetic archive for the web-app load bench: documents plus ready-made records (no nlp run).

Articles are assembled from Vietnamese sentence templates; every fact's span is recorded
while the text is built, so the app's highlighting and evidence links work as on real data.
"""

from __future__ import annotations

import random
from pathlib import Path

from store.db import open_db, replace_records, save_document
from store.models import ArticleRecords, Award, Directive, Document, Leader, Member, Person, Span

VERSION = "bench-synth"

# (province as written, post-2025 province)
PROVINCES = [
    ("Thái Nguyên", "Thái Nguyên"), ("Bắc Kạn", "Thái Nguyên"), ("Yên Bái", "Lào Cai"), ("Lào Cai", "Lào Cai"),
    ("Thanh Hóa", "Thanh Hóa"), ("Nghệ An", "Nghệ An"), ("Hà Giang", "Tuyên Quang"), ("Tuyên Quang", "Tuyên Quang"),
    ("Quảng Nam", "Đà Nẵng"), ("Cần Thơ", "Cần Thơ"), ("Sóc Trăng", "Cần Thơ"), ("Bình Định", "Gia Lai"),
]
BLOCS = [
    "Khối thi đua các cơ quan tham mưu tổng hợp", "Khối thi đua các cơ quan văn hóa - xã hội",
    "Khối thi đua các cơ quan kinh tế", "Cụm thi đua số 1", "Cụm thi đua số 2", "Cụm thi đua số 3",
    "Khối thi đua các doanh nghiệp", "Cụm thi đua các huyện miền núi",
]
AGENCIES = [
    "Sở Nội vụ", "Sở Tài chính", "Sở Kế hoạch và Đầu tư", "Sở Khoa học và Công nghệ", "Sở Y tế",
    "Sở Giáo dục và Đào tạo", "Sở Tư pháp", "Sở Xây dựng", "Sở Công Thương", "Sở Văn hóa, Thể thao và Du lịch",
    "Thanh tra tỉnh", "Văn phòng UBND tỉnh", "Sở Lao động - Thương binh và Xã hội", "Sở Giao thông vận tải",
]
DIRECTIVES = [
    ("34-CT/TW", "34-ct/tw", "Chỉ thị", "Bộ Chính trị"), ("05-CT/TW", "5-ct/tw", "Chỉ thị", "Bộ Chính trị"),
    ("18-CT/TU", "18-ct/tu", "Chỉ thị", "Tỉnh ủy"), ("03/CT-UBND", "3-ct/ubnd", "Chỉ thị", "UBND tỉnh"),
    ("1238/QĐ-UBND", "1238-qđ/ubnd", "Quyết định", "UBND tỉnh"), ("25/KH-UBND", "25-kh/ubnd", "Kế hoạch", "UBND tỉnh"),
]
AWARDS = ["Cờ thi đua của UBND tỉnh", "Bằng khen của Chủ tịch UBND tỉnh", "Cờ thi đua của Chính phủ",
          "Danh hiệu Tập thể lao động xuất sắc"]
PEOPLE = [("Nguyễn Văn An", "Giám đốc Sở"), ("Trần Thị Bình", "Phó Giám đốc Sở"), ("Lê Quốc Cường", "Chánh Văn phòng"),
          ("Phạm Thị Dung", "Trưởng ban Thi đua - Khen thưởng"), ("Hoàng Minh Đức", "Giám đốc Sở")]
EVENTS = {
    "so_ket": "sơ kết công tác thi đua 6 tháng đầu năm {y}",
    "tong_ket": "tổng kết công tác thi đua, khen thưởng năm {y}",
    "giao_uoc": "ký kết giao ước thi đua năm {y}",
    "phat_dong": "phát động phong trào thi đua năm {y}",
}
FILLER = [
    "Các đơn vị thành viên đã tích cực hưởng ứng các phong trào thi đua yêu nước, bám sát nhiệm vụ chính trị.",
    "Hội nghị đã thảo luận, chia sẻ kinh nghiệm và giải pháp tổ chức hiệu quả các phong trào thi đua.",
    "Công tác khen thưởng được thực hiện kịp thời, đúng người, đúng việc, đúng thành tích.",
    "Phong trào thi đua gắn với cải cách hành chính và chuyển đổi số được đẩy mạnh.",
    "Các đơn vị thống nhất ký kết giao ước thi đua với nhiều chỉ tiêu cụ thể.",
]


class _Builder:
    """Appends text pieces and remembers where each recorded piece landed."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.pos = 0

    def add(self, text: str) -> tuple[int, int]:
        start = self.pos
        self.parts.append(text)
        self.pos += len(text)
        return start, self.pos

    def text(self) -> str:
        return "".join(self.parts)


def synth_article(i: int, rng: random.Random) -> tuple[Document, ArticleRecords]:
    """Return one synthetic article and its records (relevant about 90% of the time)."""
    province, province_new = rng.choice(PROVINCES)
    bloc = rng.choice(BLOCS)
    year = rng.randint(2012, 2025)
    month, day = rng.randint(1, 12), rng.randint(1, 28)
    kinds = rng.sample(list(EVENTS), k=rng.choice((1, 1, 2)))
    url = f"https://{province_new.lower().replace(' ', '')}.example.gov.vn/tin/{i}"
    b = _Builder()
    if rng.random() < 0.1:
        title = f"Tin hoạt động số {i}: {rng.choice(FILLER)[:40]}"
        b.add(title + "\n\n" + " ".join(rng.sample(FILLER, 3)))
        return (Document(url=url, text=b.text(), title=title, published_at=f"{year}-{month:02d}-{day:02d}",
                         province=province), ArticleRecords(relevant=False, relevance_score=0.1))
    title = f"{bloc} {EVENTS[kinds[0]].format(y=year)} ({province})"
    rec = ArticleRecords(relevant=True, relevance_score=0.9, province=province, province_new=province_new, bloc=bloc,
                         event_types=kinds, event_date=f"{year}-{month:02d}-{day:02d}", period=str(year))
    b.add(title + "\n\n")
    b.add(f"Ngày {day}/{month}/{year}, tại ")
    venue = rng.choice(AGENCIES)
    rec.venue = venue
    s, e = b.add(venue)
    rec.evidence["venue"] = Span(start=s, end=e, source="synth")
    b.add(f" tỉnh {province}, ")
    s, e = b.add(bloc)
    rec.evidence["bloc"] = Span(start=s, end=e, source="synth")
    b.add(" tổ chức hội nghị " + " và ".join(EVENTS[k].format(y=year) for k in kinds) + ". ")
    members = rng.sample(AGENCIES, k=rng.randint(3, 7))
    b.add("Khối gồm các đơn vị: ")
    for j, unit in enumerate(members):
        s, e = b.add(unit)
        rec.members.append(Member(unit=unit, start=s, end=e, source="synth"))
        b.add(", " if j < len(members) - 1 else ". ")
    rec.member_count = len(members)
    name, title_ = rng.choice(PEOPLE)
    b.add("Đồng chí ")
    s, e = b.add(name)
    rec.people.append(Person(name=name, title=title_, start=s, end=e, source="synth"))
    b.add(f", {title_}, chủ trì hội nghị. ")
    for role, word in (("head", "Trưởng khối"), ("deputy", "Phó trưởng khối")):
        unit = rng.choice(members)
        s, e = b.add(f"{unit} được bầu làm {word} năm {year + 1}")
        rec.leaders.append(Leader(unit=unit, role=role, year=year + 1, start=s, end=e, source="synth"))
        b.add(". ")
    b.add(" ".join(rng.sample(FILLER, 2)) + " ")
    for number, canonical, doc_type, issuer in rng.sample(DIRECTIVES, k=rng.randint(0, 2)):
        b.add(f"Các đơn vị tiếp tục thực hiện {doc_type} số ")
        s, e = b.add(number)
        rec.directives.append(Directive(number=number, canonical=canonical, doc_type=doc_type, date=None,
                                        issuer=issuer, start=s, end=e, source="synth"))
        b.add(f" của {issuer}. ")
    if rng.random() < 0.5:
        award, unit = rng.choice(AWARDS), rng.choice(members)
        b.add(f"{unit} được tặng ")
        s, e = b.add(award)
        rec.awards.append(Award(award=award, recipient=unit, count=None, start=s, end=e, source="synth"))
        b.add(". ")
    published = f"{year}-{month:02d}-{min(28, day + rng.randint(0, 3)):02d}"
    doc = Document(url=url, text=b.text().strip(), title=title, published_at=published, province=province,
                   site=url.split("/")[2])
    return doc, rec


def build_synth_db(db_path: Path, n: int, seed: int = 1) -> int:
    """Write ``n`` synthetic articles (with records) into the store at ``db_path``; return how many."""
    rng = random.Random(seed)
    db = open_db(db_path)
    with db.atomic():  # one transaction: replace_records nests as savepoints
        for i in range(n):
            doc, rec = synth_article(i, rng)
            doc_id, _ = save_document(db, doc)
            replace_records(db, doc_id, rec, VERSION)
    db.conn.close()
    return n
