"""No input makes ``nlp.extract`` crash, and every span it reports points into the cleaned text."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nlp import extract
from nlp.chrome import strip_chrome
from nlp.prepare import prepare

GENRE = [
    "Khối thi đua", "Cụm thi đua số 3", "tổng kết", "sơ kết", "ký kết giao ước", "Chỉ thị số 05-CT/TU",
    "ngày 07/4/2014", "của Bộ Chính trị", "đồng chí", "Nguyễn Thị Hà", "-", "–", ",", ";", ":", "“", "”", '"',
    "Giám đốc Sở Nội vụ", "Cờ thi đua", "Bằng khen", "cho", "05 tập thể", "phong trào", "Trưởng khối",
    "\n", "\n\n", "Các tin khác", "Lượt xem: 5", "Đ/c", "là", "nhận", "./.", "   ", "đơn vị xuất sắc", "gồm:",
]
# Lone combining marks, other scripts, controls, surrogate-free odd code points.
ODD = st.characters(
    codec="utf-8",
    categories=("Lu", "Ll", "Lo", "Mn", "Mc", "Nd", "Po", "Ps", "Pe", "Pd", "Zs", "Cc", "So", "Sm"),
)
genre_text = st.lists(st.sampled_from(GENRE) | st.text(ODD, max_size=6), max_size=60).map(" ".join)
any_text = st.text(ODD, max_size=400) | genre_text | st.binary(max_size=300).map(lambda b: b.decode("latin-1"))


def _check(text: str) -> None:
    records = extract(text, url="https://example.gov.vn/a", title=text[:40])
    doc_text = prepare(text).text
    facts = [*records.directives, *records.awards, *records.people, *records.movements, *records.leaders, *records.members]
    for fact in facts:
        assert 0 <= fact.start <= fact.end <= len(doc_text)
    for span in records.evidence.values():
        assert 0 <= span.start <= span.end <= len(doc_text)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(any_text)
def test_extract_never_crashes(text: str) -> None:
    _check(text)


@settings(max_examples=100, deadline=None)
@given(any_text)
def test_strip_chrome_idempotent(text: str) -> None:
    once = strip_chrome(text)
    assert strip_chrome(once) == once


def test_extract_handles_empty_and_whitespace() -> None:
    for text in ["", " ", "\n\n\n", "\u0301", "\u0300\u0301\u0303", "\x00\x01"]:
        _check(text)


def test_extract_handles_huge_article() -> None:
    paragraph = (
        "Chiều 15/7/2021, Khối thi đua các cơ quan Kinh tế - Kỹ thuật tỉnh tổ chức hội nghị sơ kết; "
        "đồng chí Trần Văn An - Giám đốc Sở Xây dựng, Trưởng khối chủ trì, quán triệt Chỉ thị số 34-CT/TW "
        "và phong trào “Cả nước chung sức xây dựng nông thôn mới”.\n"
    )
    _check(paragraph * 3000)  # ~0.7 MB
