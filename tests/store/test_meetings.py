"""Several reports of one meeting become one group; disagreements are kept, not merged."""

from __future__ import annotations

from sqlite_utils import Database

from store.db import replace_records, save_document
from store.meetings import meeting_groups
from store.models import ArticleRecords, Document, Span

BLOC = "Khối thi đua các cơ quan Kinh tế - Kỹ thuật"


def _report(db: Database, url: str, text: str, venue: str, period: str, date: str = "2021-07-15") -> int:
    doc_id, _ = save_document(db, Document(url=url, text=text))
    records = ArticleRecords(
        relevant=True, province="Yên Bái", bloc=BLOC, event_types=["so_ket"], event_date=date,
        period=period, venue=venue, evidence={"venue": Span(start=0, end=len(venue), source="rule:venue")},
    )
    replace_records(db, doc_id, records, "test")
    return doc_id


def test_two_reports_of_one_meeting_form_one_group_with_both_sources(db: Database) -> None:
    a = _report(db, "https://yenbai.gov.vn/a", "Sở Xây dựng tổ chức hội nghị.", "Sở Xây dựng", "2021-H1")
    b = _report(db, "https://sxd.yenbai.gov.vn/b", "Sở Xây dựng tỉnh Yên Bái chủ trì.", "Sở Xây dựng tỉnh Yên Bái", "2021-H1")
    groups = meeting_groups(db)
    assert len(groups) == 1
    assert {s["document_id"] for s in groups[0].sources} == {a, b}
    assert groups[0].conflicts == []  # "Sở Xây dựng" and "Sở Xây dựng tỉnh Yên Bái" are one unit


def test_disagreeing_reports_keep_both_values_with_evidence(db: Database) -> None:
    _report(db, "https://yenbai.gov.vn/a", "Sở Xây dựng ...", "Sở Xây dựng", "2021-H1")
    _report(db, "https://baoyenbai.vn/b", "Sở Công Thương ...", "Sở Công Thương", "2021-H1")
    (group,) = meeting_groups(db)
    assert group.conflicts == ["venue"]
    assert sorted(v.value for v in group.values["venue"]) == ["Sở Công Thương", "Sở Xây dựng"]
    assert all(v.start == 0 and v.url for v in group.values["venue"])


def test_different_days_are_different_meetings(db: Database) -> None:
    _report(db, "https://yenbai.gov.vn/a", "x", "Sở Xây dựng", "2021-H1", date="2021-07-15")
    _report(db, "https://yenbai.gov.vn/c", "y", "Sở Xây dựng", "2021", date="2022-01-12")
    assert len(meeting_groups(db)) == 2
