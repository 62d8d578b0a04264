"""A small demo-like archive for search_app tests: hand-written articles and hand-made records.

Spans are found with ``str.index`` on the article text, so the tests never depend on the
quality of ``nlp``. ``build_fixture_db`` writes through ``store.db`` like the real pipeline.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from store.db import open_db, replace_records, save_document
from store.models import ArticleRecords, Award, Directive, Document, Leader, Member, Person, Span

VERSION = "test-fixture"
XSS_TITLE = 'Khối thi đua số 8 <script>alert("title")</script><img src=x onerror=alert(1)>'


@dataclass
class Article:
    key: str
    url: str
    title: str
    published_at: str
    text: str
    records: dict[str, Any] = field(default_factory=dict)


def _span(text: str, needle: str, source: str = "rule:test") -> Span:
    start = text.index(needle)
    return Span(start=start, end=start + len(needle), source=source)


def _at(text: str, needle: str) -> dict[str, int]:
    start = text.index(needle)
    return {"start": start, "end": start + len(needle)}


ARTICLES: list[Article] = [
    Article(
        key="tn2017",
        url="https://thainguyen.gov.vn/tin/khoi-tham-muu-so-ket-2017",
        title="Hội nghị sơ kết 6 tháng đầu năm Khối thi đua các cơ quan tham mưu tổng hợp",
        published_at="2017-07-21",
        text=(
            "Hội nghị sơ kết 6 tháng đầu năm Khối thi đua các cơ quan tham mưu tổng hợp\n\n"
            "Ngày 22/6/2017, tại Sở Khoa học và Công nghệ tỉnh Thái Nguyên, Khối thi đua các cơ quan "
            "tham mưu tổng hợp tổ chức Hội nghị sơ kết công tác thi đua 6 tháng đầu năm 2017. "
            "Đồng chí Phạm Quốc Chính, Giám đốc Sở Khoa học và Công nghệ, Trưởng Khối thi đua chủ trì hội nghị. "
            "Khối gồm 10 cơ quan: Sở Nội vụ, Sở Tài chính, Sở Kế hoạch và Đầu tư và các đơn vị khác. "
            "Các đơn vị tiếp tục thực hiện Chỉ thị số 34-CT/TW của Bộ Chính trị về công tác thi đua, khen thưởng."
        ),
        records={
            "province": "Thái Nguyên", "province_new": "Thái Nguyên",
            "bloc": "Khối thi đua các cơ quan tham mưu tổng hợp", "event_types": ["so_ket"],
            "event_date": "2017-06-22", "period": "2017-H1", "venue": "Sở Khoa học và Công nghệ",
            "member_count": 10,
            "leaders": [("Sở Khoa học và Công nghệ", "head", 2017, "Giám đốc Sở Khoa học và Công nghệ, Trưởng Khối")],
            "members": ["Sở Nội vụ", "Sở Tài chính", "Sở Kế hoạch và Đầu tư"],
            "directives": [("34-CT/TW", "34-ct/tw", "Chỉ thị", "Bộ Chính trị")],
            "people": [("Phạm Quốc Chính", "Giám đốc Sở Khoa học và Công nghệ")],
        },
    ),
    Article(
        key="tn2019",
        url="https://thainguyen.gov.vn/tin/khoi-tham-muu-tong-ket-2019",
        title="Khối thi đua các cơ quan tham mưu, tổng hợp tổng kết năm 2019",
        published_at="2020-01-10",
        text=(
            "Khối thi đua các cơ quan tham mưu, tổng hợp tổng kết năm 2019\n\n"
            "Ngày 8/1/2020, Khối thi đua các cơ quan tham mưu, tổng hợp tỉnh Thái Nguyên tổ chức hội nghị "
            "tổng kết công tác thi đua năm 2019 và ký kết giao ước thi đua năm 2020 tại Sở Nội vụ. "
            "Hội nghị thống nhất bầu Sở Nội vụ làm Trưởng khối năm 2020, Sở Tài chính làm Phó trưởng khối. "
            "Sở Kế hoạch và Đầu tư được đề nghị tặng Cờ thi đua của UBND tỉnh. "
            "Các đơn vị quán triệt Chỉ thị 34/CT-TW và Kế hoạch số 18-KH/TU."
        ),
        records={
            "province": "Thái Nguyên", "province_new": "Thái Nguyên",
            "bloc": "Khối thi đua các cơ quan tham mưu, tổng hợp", "event_types": ["tong_ket", "giao_uoc"],
            "event_date": "2020-01-08", "period": "2019", "venue": "Sở Nội vụ",
            "leaders": [("Sở Nội vụ", "head", 2020, "Sở Nội vụ làm Trưởng khối năm 2020"),
                        ("Sở Tài chính", "deputy", 2020, "Sở Tài chính làm Phó trưởng khối")],
            "directives": [("34/CT-TW", "34-ct/tw", "Chỉ thị", None), ("18-KH/TU", "18-kh/tu", "Kế hoạch", "Tỉnh ủy")],
            "awards": [("Cờ thi đua của UBND tỉnh", "Sở Kế hoạch và Đầu tư")],
        },
    ),
    Article(
        key="tn2021",
        url="https://thainguyen.gov.vn/tin/cum-huyen-2021",
        title="Cụm thi đua các huyện miền núi ký giao ước thi đua năm 2021",
        published_at="2021-03-02",
        text=(
            "Cụm thi đua các huyện miền núi ký giao ước thi đua năm 2021\n\n"
            "Ngày 1/3/2021, Cụm thi đua các huyện miền núi tỉnh Thái Nguyên tổ chức ký kết giao ước thi đua. "
            "Huyện Võ Nhai là đơn vị Cụm trưởng năm 2021. Các huyện hưởng ứng phong trào thi đua "
            "theo Chỉ thị 34-CT/TW."
        ),
        records={
            "province": "Thái Nguyên", "province_new": "Thái Nguyên", "bloc": "Cụm thi đua các huyện miền núi",
            "event_types": ["giao_uoc"], "event_date": "2021-03-01", "period": "2021",
            "leaders": [("huyện Võ Nhai", "head", 2021, "Huyện Võ Nhai là đơn vị Cụm trưởng")],
            "directives": [("34-CT/TW", "34-ct/tw", "Chỉ thị", None)],
        },
    ),
    Article(
        key="th2023",
        url="https://truyenhinhthanhhoa.vn/cum-thi-dua-so-3-tong-ket-2023",
        title="Cụm thi đua số 3 tỉnh Thanh Hóa tổng kết công tác thi đua khen thưởng năm 2023",
        published_at="2024-01-26",
        text=(
            "Cụm thi đua số 3 tỉnh Thanh Hóa tổng kết công tác thi đua khen thưởng năm 2023\n\n"
            "Tại huyện Quan Sơn, Cụm thi đua số 3, tỉnh Thanh Hóa vừa tổng kết công tác thi đua, khen thưởng "
            "năm 2023 và ký giao ước thi đua năm 2024. Cụm gồm các huyện: Quan Sơn, Như Thanh, Cẩm Thủy. "
            "Hội nghị bầu huyện Cẩm Thủy là đơn vị Cụm trưởng năm 2024. Các đơn vị thực hiện Chỉ thị số 05/CT-TU."
        ),
        records={
            "province": "Thanh Hóa", "province_new": "Thanh Hóa", "bloc": "Cụm thi đua số 3",
            "event_types": ["tong_ket", "giao_uoc"], "event_date": "2024-01-25", "period": "2023",
            "venue": "huyện Quan Sơn",
            "leaders": [("huyện Cẩm Thủy", "head", 2024, "huyện Cẩm Thủy là đơn vị Cụm trưởng")],
            "members": ["Quan Sơn", "Như Thanh", "Cẩm Thủy"],
            "directives": [("05/CT-TU", "5-ct/tu", "Chỉ thị", "Tỉnh ủy")],
        },
    ),
    Article(
        key="th2022",
        url="https://truyenhinhthanhhoa.vn/cum-thi-dua-so-3-so-ket-2022",
        title="Cụm thi đua số 3 sơ kết 6 tháng đầu năm 2022",
        published_at="2022-07-05",
        text=(
            "Cụm thi đua số 3 sơ kết 6 tháng đầu năm 2022\n\n"
            "Ngày 30/6/2022, Cụm thi đua số 3 tỉnh Thanh Hóa sơ kết công tác thi đua 6 tháng đầu năm 2022 "
            "tại huyện Như Thanh. Huyện Như Thanh được tặng Bằng khen của Chủ tịch UBND tỉnh."
        ),
        records={
            "province": "Thanh Hóa", "province_new": "Thanh Hóa", "bloc": "Cụm thi đua số 3",
            "event_types": ["so_ket"], "event_date": "2022-06-30", "period": "2022-H1", "venue": "huyện Như Thanh",
            "awards": [("Bằng khen của Chủ tịch UBND tỉnh", "Huyện Như Thanh")],
        },
    ),
    Article(
        key="yb2020",
        url="https://yenbai.gov.vn/tin/khoi-8-2020",
        title=XSS_TITLE,
        published_at="2020-12-20",
        text=(
            "Khối thi đua số 8 tổng kết năm 2020 <script>alert('body')</script>\n\n"
            "Ngày 18/12/2020, Khối thi đua số 8 tỉnh Yên Bái tổng kết công tác thi đua năm 2020. "
            "<img src=x onerror=alert(3)> Sở Y tế là Trưởng khối. Khối thực hiện Chỉ thị 34-CT/TW."
        ),
        records={
            "province": "Yên Bái", "province_new": "Lào Cai", "bloc": "Khối thi đua số 8",
            "event_types": ["tong_ket"], "event_date": "2020-12-18", "period": "2020",
            "leaders": [("Sở Y tế", "head", 2020, "Sở Y tế là Trưởng khối")],
            "directives": [("34-CT/TW", "34-ct/tw", "Chỉ thị", None)],
        },
    ),
    Article(
        key="noprovince2018",
        url="https://baomoi.example.vn/tin/khoi-tham-muu-2018",
        title="Khối thi đua các cơ quan tham mưu tổng hợp sơ kết năm 2018",
        published_at="2018-07-02",
        text=(
            "Khối thi đua các cơ quan tham mưu tổng hợp sơ kết năm 2018\n\n"
            "Ngày 28/6/2018, Khối thi đua các cơ quan tham mưu tổng hợp tổ chức sơ kết công tác thi đua."
        ),
        records={
            "bloc": "Khối thi đua các cơ quan tham mưu tổng hợp", "event_types": ["so_ket"],
            "event_date": "2018-06-28", "period": "2018-H1",
        },
    ),
    Article(
        key="offtopic",
        url="https://yenbai.gov.vn/tin/thoi-tiet",
        title="Dự báo thời tiết cuối tuần",
        published_at="2021-05-01",
        text="Dự báo thời tiết cuối tuần\n\nTrời nắng, nhiệt độ cao nhất 35 độ C.",
        records={"relevant": False},
    ),
]


def article_records(a: Article) -> ArticleRecords:
    """Return hand-made records of one fixture article with spans located in its text."""
    r = a.records
    text = a.text
    if r.get("relevant") is False:
        return ArticleRecords(relevant=False, relevance_score=0.05)
    rec = ArticleRecords(
        relevant=True, relevance_score=0.95, province=r.get("province"), province_new=r.get("province_new"),
        bloc=r.get("bloc"), event_types=list(r.get("event_types", [])), event_date=r.get("event_date"),
        period=r.get("period"), venue=r.get("venue"), member_count=r.get("member_count"),
    )
    for fname in ("bloc", "venue"):
        value = r.get(fname)
        if value and value in text:
            rec.evidence[fname] = _span(text, value)
    rec.leaders = [Leader(unit=u, role=role, year=y, **_at(text, ev)) for u, role, y, ev in r.get("leaders", [])]
    rec.members = [Member(unit=u, **_at(text, u)) for u in r.get("members", [])]
    rec.directives = [
        Directive(number=n, canonical=c, doc_type=t, date=None, issuer=i, **_at(text, n))
        for n, c, t, i in r.get("directives", [])
    ]
    rec.awards = [Award(award=aw, recipient=who, count=None, **_at(text, aw)) for aw, who in r.get("awards", [])]
    rec.people = [Person(name=n, title=t, **_at(text, n)) for n, t in r.get("people", [])]
    return rec


def build_fixture_db(db_path: Path) -> dict[str, int]:
    """Write the fixture articles and records into a fresh store; return {article key: document id}."""
    db = open_db(db_path)
    ids: dict[str, int] = {}
    for a in ARTICLES:
        doc = Document(url=a.url, text=a.text, title=a.title, published_at=a.published_at,
                       site=a.url.split("/")[2], province=a.records.get("province"))
        doc_id, _ = save_document(db, doc)
        replace_records(db, doc_id, article_records(a), VERSION)
        ids[a.key] = doc_id
    db.conn.close()
    return ids
