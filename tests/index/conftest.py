"""A small hand-made corpus stored through store.db (not nlp), indexed once per engine."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from index import build_index
from index.query import close_readers
from store.db import open_db, replace_records, save_document
from store.models import ArticleRecords, Award, Directive, Document, Leader, Person

ENGINES = ["whoosh", "tantivy"]


def _directive(number: str, canonical: str) -> Directive:
    return Directive(number=number, canonical=canonical, doc_type="Chỉ thị", date=None, issuer=None, start=0, end=1)


@dataclass
class Article:
    key: str
    title: str
    text: str
    published_at: str = "2022-01-01"
    province: str | None = None
    records: ArticleRecords | None = None
    extra: dict[str, str] = field(default_factory=dict)


CORPUS = [
    Article(
        "yb-soket-2014",
        "Khối thi đua các cơ quan tổng hợp sơ kết 6 tháng đầu năm",
        "Ngày 07/4/2014, Khối thi đua các cơ quan tổng hợp tổ chức hội nghị sơ kết 6 tháng đầu năm. "
        "Thực hiện Chỉ thị số 34-CT/TW của Bộ Chính trị. UBND tỉnh Yên Bái tặng Bằng khen cho 5 tập thể. "
        "Đồng chí Nguyễn Văn An phát biểu.",
        published_at="2014-04-08",
        records=ArticleRecords(
            relevant=True,
            province="Yên Bái",
            province_new="Lào Cai",
            bloc="Khối thi đua các cơ quan tổng hợp",
            event_types=["so_ket"],
            event_date="2014-04-07",
            directives=[_directive("34-CT/TW", "34-ct/tw")],
            awards=[Award(award="Bằng khen", recipient="tập thể", count=5, start=0, end=1)],
            people=[Person(name="Nguyễn Văn An", title=None, start=0, end=1)],
        ),
    ),
    Article(
        "lc-tongket-2021",
        "Cụm thi đua số 3 tổng kết năm 2021",
        "Sở Khoa học và Công nghệ tỉnh Lào Cai chủ trì hội nghị tổng kết công tác thi đua năm 2021, "
        "triển khai Chỉ thị 05/CT-TU của Tỉnh ủy.",
        published_at="2021-12-21",
        records=ArticleRecords(
            relevant=True,
            province="Lào Cai",
            province_new="Lào Cai",
            bloc="Cụm thi đua số 3",
            event_types=["tong_ket"],
            event_date="2021-12-20",
            directives=[_directive("05/CT-TU", "5-ct/tu")],
            leaders=[Leader(unit="Sở Khoa học và Công nghệ", role="head", year=2021, start=0, end=1)],
        ),
    ),
    Article(
        "tn-khcn",
        "Hội thảo ngân sách",
        "Sở KH&CN tỉnh Thái Nguyên tổ chức hội thảo về chi tiêu ngân sách năm 2019.",
        published_at="2019-05-10",
    ),
    Article(
        "hb-thuyloi",
        "Tỉnh Hoà Bình phát động phong trào thi đua",
        "Tỉnh Hoà Bình phát động phong trào thi đua làm thuỷ lợi, các đơn vị ký giao ước thi đua năm 2020.",
        published_at="2020-03-02",
        records=ArticleRecords(
            relevant=True, province="Hòa Bình", bloc="Khối thi đua các huyện", event_types=["giao_uoc", "phat_dong"],
            event_date="2020-03-01",
        ),
    ),
    Article("bl-exact", "Đoàn công tác Bạc Liêu", "Đoàn công tác tỉnh Bạc Liêu thăm cụm thi đua.", published_at="2018-01-05"),
    Article("bl-folded", "Đoàn công tác", "Đoàn công tác thăm cụm thi đua ở xã Bắc Liệu.", published_at="2018-01-06"),
    Article(
        "date-4",
        "Ký giao ước",
        "Ngày 07/4/2014 khối tổ chức ký giao ước.",
        published_at="2014-04-06",
    ),
    Article("split-thi-dua", "Hoạt động hè", "Học sinh dự thi. Cuộc đua thuyền diễn ra sôi nổi.", published_at="2017-07-01"),
    Article(
        "ubnd-full",
        "Kế hoạch của tỉnh",
        "Ủy ban nhân dân tỉnh Yên Bái ban hành kế hoạch số 120/KH-UBND.",
        published_at="2022-02-02",
        province="Yên Bái",
    ),
    Article("html", "Tin <b>đặc biệt</b>", "Bài có ký tự <script>alert(1)</script> & dấu thi đua.", published_at="2016-01-01"),
]


@dataclass
class Corpus:
    db_path: Path
    index_dir: Path
    engine: str
    ids: dict[str, int]
    keys: dict[int, str]

    def keys_of(self, hits: list) -> list[str]:
        return [self.keys[h.document_id] for h in hits]


def store_corpus(db_path: Path, articles: list[Article]) -> dict[str, int]:
    """Save articles (and their hand-made records) through store.db; return {key: document id}."""
    db = open_db(db_path)
    ids = {}
    for a in articles:
        doc_id, _ = save_document(
            db, Document(url=f"https://example.vn/{a.key}", title=a.title, text=a.text, published_at=a.published_at,
                         province=a.province)
        )
        if a.records is not None:
            replace_records(db, doc_id, a.records, "test")
        ids[a.key] = doc_id
    db.close()
    return ids


@pytest.fixture(scope="module", params=ENGINES)
def corpus(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Corpus]:
    engine = request.param
    base = tmp_path_factory.mktemp(f"corpus-{engine}")
    ids = store_corpus(base / "khoi.db", CORPUS)
    db = open_db(base / "khoi.db")
    build_index(db, base / "khoi.index", engine=engine, progress=False)
    db.close()
    yield Corpus(base / "khoi.db", base / "khoi.index", engine, ids, {v: k for k, v in ids.items()})
    close_readers()


@pytest.fixture(params=ENGINES)
def engine(request: pytest.FixtureRequest) -> str:
    return str(request.param)
