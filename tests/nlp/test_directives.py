"""Directive numbers: symbol as written, one canonical id, type, date and issuer."""

from __future__ import annotations

import pytest

from nlp.directives import canonical_directive_id, extract_directives
from nlp.prepare import prepare


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Quán triệt Chỉ thị số 34-CT/TW ngày 07/4/2014 của Bộ Chính trị về đổi mới công tác thi đua.",
         [("34-CT/TW", "Chỉ thị", "2014-04-07", "Bộ Chính trị")]),
        ("Thực hiện Chỉ thị số 05/CT-TU ngày 23/3/2021 của Ban Thường vụ Tỉnh ủy.",
         [("05/CT-TU", "Chỉ thị", "2021-03-23", "Ban Thường vụ Tỉnh ủy")]),
        ("Các chỉ tiêu trong Chương trình hành động số 18-CTr/TU của Tỉnh ủy đều đạt.",
         [("18-CTr/TU", "Chương trình hành động", None, "Tỉnh ủy")]),
        ("Theo văn bản số 238/UBND-KGVX của UBND tỉnh, các khối tổ chức sơ kết.",
         [("238/UBND-KGVX", "Văn bản", None, "UBND tỉnh")]),
        ("Căn cứ Quyết định 1306/QĐ - UBND, ngày 29 tháng 07 năm 2015 của Ủy ban nhân dân tỉnh Hòa Bình;",
         [("1306/QĐ-UBND", "Quyết định", "2015-07-29", "Ủy ban nhân dân tỉnh Hòa Bình")]),
        ("Nghị định số 91/2017/NĐ- CP ngày 31/7/2017 của Chính phủ quy định chi tiết Luật Thi đua, Khen thưởng.",
         [("91/2017/NĐ-CP", "Nghị định", "2017-07-31", "Chính phủ")]),
        ("Thông tư 12/2019/TT-BNV hướng dẫn thi hành.", [("12/2019/TT-BNV", "Thông tư", None, "Bộ Nội vụ")]),
        ("Kế hoạch số 45/KH-UBND ngày15/02/2022 triển khai phong trào.", [("45/KH-UBND", "Kế hoạch", "2022-02-15", "UBND")]),
    ],
)
def test_directive_fields(text: str, expected: list[tuple[str, str, str | None, str | None]]) -> None:
    got = [(d.number, d.doc_type, d.date, d.issuer) for d in extract_directives(prepare(text))]
    assert got == expected


@pytest.mark.parametrize(
    "text",
    [
        "Chương trình hành động số 18 của Tỉnh ủy và Nghị quyết 09 của Bộ Chính trị.",  # no symbol
        "Khối thi đua số 3 - UBND huyện chủ trì hội nghị.",  # a bloc number, not a document
        "Ngày 3/2 - Ban Thi đua tỉnh họp; tăng 15,77% so với 2022; 08/08 Hội ký giao ước.",
        "Phòng, chống dịch COVID-19 và KT-XH ổn định.",
    ],
)
def test_no_directive_without_symbol(text: str) -> None:
    assert extract_directives(prepare(text)) == []


@pytest.mark.parametrize(
    ("a", "b"),
    [("05-CT/TU", "05/CT-TU"), ("5/CT-TU", "05-CT/TU"), ("số 05 - CT/TU", "5-CT/TU"), ("83/2020/NQ-HĐND", "83/2020/NQ - HĐND")],
)
def test_canonical_id_folds_separators_and_zeros(a: str, b: str) -> None:
    assert canonical_directive_id(a) == canonical_directive_id(b)


def test_directives_deduplicated_by_canonical_id() -> None:
    doc = prepare("Thực hiện Chỉ thị 05-CT/TU. Tiếp tục quán triệt Chỉ thị số 5/CT-TU ngày 23/3/2021 của Tỉnh ủy.")
    found = extract_directives(doc)
    assert len(found) == 1
    assert found[0].date == "2021-03-23"


def test_directive_span_points_into_text() -> None:
    doc = prepare("Theo Hướng dẫn số 16/HD-HĐTĐKT ngày 25/7/2024 của Hội đồng Thi đua - Khen thưởng tỉnh.")
    (d,) = extract_directives(doc)
    assert doc.text[d.start : d.end].startswith("Hướng dẫn số 16/HD-HĐTĐKT")
    assert d.source.startswith("rule:")


def test_party_resolution_issued_by_a_central_committee_plenum() -> None:
    text = "Các HTX triển khai Nghị quyết số 20-NQ/TW của Hội nghị Trung ương 5 khóa XIII về kinh tế tập thể."
    [d] = extract_directives(prepare(text))
    assert (d.number, d.doc_type, d.issuer) == ("20-NQ/TW", "Nghị quyết", "Hội nghị Trung ương")
