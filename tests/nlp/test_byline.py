"""The author line near the end of an article."""

from __future__ import annotations

import pytest

from nlp.byline import extract_byline
from nlp.prepare import prepare

BODY = "Hội nghị đã thống nhất các nội dung thi đua năm 2024 và tiến hành ký kết giao ước thi đua giữa các đơn vị."


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (f"{BODY}\n\nMinh Châu\n\nCác tin khác\nKhối thi đua số 5 sơ kết", "Minh Châu"),
        (f"{BODY}\nTHU HẰNG", "THU HẰNG"),
        (f"{BODY}\n\nTrần Văn Long - Sở Tư pháp", "Trần Văn Long"),
        (f"{BODY}./.                                   Hồng Nhung", "Hồng Nhung"),
        (f"Tin, ảnh: Quang Huy\n{BODY}", "Quang Huy"),
        (f"Viết bởi Admin - Th3 12, 2022\n{BODY}", "Admin"),
        # "Tác giả bài viết:" (the article's author) after a closing caption line, the name cut to an initial
        (f"{BODY}\n\nCác đơn vị ký kết tại hội nghị\n\nTác giả bài viết: Lê Thị Minh T", "Lê Thị Minh T"),
        (f"{BODY}\nPV", "PV"),
        # the editorial board is an office, not a person
        (f"{BODY}\nBBT\nChia sẻ   In", None),
        (f"{BODY}\n\nBan Biên tập", None),
        (f"{BODY}\nNguồn: Báo Tuyên Quang", None),
        (f"{BODY}\nẢnh: Hoàng Anh", None),
        (f"{BODY}\nQuang cảnh hội nghị", None),
        (f"{BODY}\nSở Nội vụ", None),
        (f"{BODY}\nTheo Cổng thông tin điện tử tỉnh", None),
        (BODY, None),
    ],
)
def test_byline(text: str, expected: str | None) -> None:
    got = extract_byline(prepare(text))
    assert (got[0] if got else None) == expected


def test_byline_span_points_at_name() -> None:
    doc = prepare(f"{BODY}\n\nLê Hà")
    name, span = extract_byline(doc)  # type: ignore[misc]
    assert doc.text[span.start : span.end] == name == "Lê Hà"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the byline follows photo captions that end with their credit
        (f"{BODY}\nLãnh đạo các sở ký giao ước thi đua. Ảnh: Minh Khôi\nMinh Khôi\nTin cùng chuyên mục", "Minh Khôi"),
        (f"{BODY}\nQuang cảnh hội nghị. Ảnh: CTV\nCTV\nChia sẻ: Facebook | Zalo", "CTV"),
        # a credit alone is not a byline
        (f"{BODY}\nQuang cảnh hội nghị (Ảnh: Hải Yến)", None),
        (f"Đại diện các đơn vị ký giao ước. Ảnh: Trần Long\n{BODY}", None),
        # the author's office in brackets is cut, square brackets are dropped
        (f"{BODY}\nĐặng Hoàng (Văn phòng UBND tỉnh)\nChia sẻ", "Đặng Hoàng"),
        (f"{BODY}\n[Ngọc Diệp]", "Ngọc Diệp"),
        (f"{BODY}\nBài và ảnh: BÍCH NGỌC", "BÍCH NGỌC"),
        # a source line is not an author
        (f"{BODY}\nNguồn: Báo Đắk Nông", None),
    ],
)
def test_byline_around_captions_and_credits(text: str, expected: str | None) -> None:
    got = extract_byline(prepare(text))
    assert (got[0] if got else None) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # two reporters after a dash are one joint byline
        (f"{BODY}\n\nSầm Hoa - Đinh Tuấn\n\nTin khác", "Sầm Hoa - Đinh Tuấn"),
        (f"{BODY}\n\nBài, ảnh: Hà Vy - Lê Phong", "Hà Vy - Lê Phong"),
        (f"{BODY}\nMAI LAN - TUẤN ANH", "MAI LAN - TUẤN ANH"),
        # an office after the dash is not a second author
        (f"{BODY}\n\nThanh Tùng - Phòng Nội vụ", "Thanh Tùng"),
        (f"{BODY}\n\nNgọc Diệp - Trung tâm Văn hóa", "Ngọc Diệp"),
        (f"{BODY}\n\nKim Oanh - PV", "Kim Oanh"),
        (f"{BODY}\n\nHồng Vân - Báo Lai Châu", "Hồng Vân"),
    ],
)
def test_joint_byline_with_dash(text: str, expected: str | None) -> None:
    got = extract_byline(prepare(text))
    assert (got[0] if got else None) == expected
    if got:
        assert prepare(text).text[got[1].start : got[1].end] == expected


def test_byline_after_a_short_closing_sentence() -> None:
    text = (
        "Hội nghị đã thống nhất các chỉ tiêu thi đua cho năm tới và giao nhiệm vụ cho từng đơn vị trong cụm.\n"
        "Lãnh đạo 6 xã đã ký kết giao ước thi đua.\n"
        "Thu Trang\n"
        "Tin liên quan\n"
        "- Cụm thi đua số 2 tổng kết năm 2024\n"
    )
    got = extract_byline(prepare(text))
    assert got is not None and got[0] == "Thu Trang"


def test_a_short_line_after_chrome_is_not_a_closing_sentence() -> None:
    text = "Trang chủ | Tin tức | Liên hệ\nXem nhiều nhất trong tuần qua.\nThu Trang\n"
    assert extract_byline(prepare(text)) is None


@pytest.mark.parametrize(
    ("closing", "expected"),
    [
        ("Thu Hà, Minh Quân", "Thu Hà, Minh Quân"),  # real-page pattern: two reporters joined by a comma
        ("Hà Nội, Đà Nẵng", None),  # places, not authors
        ("Sở Nội vụ, Thu Hà", None),  # an office is no author
    ],
)
def test_joint_byline_with_comma(closing: str, expected: str | None) -> None:
    text = (
        "Khối thi đua tổ chức hội nghị tổng kết công tác thi đua năm 2023 tại trụ sở Sở Tư pháp tỉnh.\n\n"
        f"{closing}\n\nÝ kiến bạn đọc"
    )
    got = extract_byline(prepare(text))
    assert (got[0] if got else None) == expected


@pytest.mark.parametrize(
    ("closing", "author"),
    [("Hồng Thi", "Hồng Thi"), ("Minh Châu - KBNN Lâm Đồng", "Minh Châu"), ("Quàng Hương - Lò Cường", "Quàng Hương - Lò Cường")],
)
def test_byline_given_name_thi_and_an_abbreviated_office(closing: str, author: str) -> None:
    text = (
        "Hội nghị đã thống nhất các chỉ tiêu thi đua cho năm tới và giao nhiệm vụ cho từng đơn vị trong khối.\n"
        f"{closing}\nTin liên quan\n- Khối thi đua số 4 sơ kết 6 tháng đầu năm\n"
    )
    got = extract_byline(prepare(text))
    assert got is not None and got[0] == author


def test_a_line_about_thi_dua_is_not_a_byline() -> None:
    text = "Hội nghị đã thống nhất các chỉ tiêu thi đua cho năm tới và giao nhiệm vụ cho từng đơn vị.\nThi Đua Yêu Nước\n"
    assert extract_byline(prepare(text)) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # initials before a given name, in capitals, or initials only
        (f"{BODY}\n\nH.MINH\n\nChia sẻ bài viết", "H.MINH"),
        (f"{BODY}\n\nT.Q\n\nChia sẻ bài viết", "T.Q"),
        # a source line naming a person (and an office) signs the article; a paper or portal does not
        (f"{BODY}\n\nẢnh lưu niệm các đại biểu\n\nNguồn: Trần Văn Bảo - Phòng Tổng hợp", "Trần Văn Bảo"),
        (f"{BODY}\n\nNguồn: Báo Lâm Đồng", None),
        (f"{BODY}\n\nNguồn: Sở Nội vụ tỉnh", None),
    ],
)
def test_byline_initials_and_source_person(text: str, expected: str | None) -> None:
    got = extract_byline(prepare(text))
    assert (got[0] if got else None) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the writer signs first; the photographer after ", ảnh" / "; Ảnh:" is not the author
        (f"{BODY}\n\nẢnh ký kết giao ước của cụm\nBài: Hoài Nam, ảnh Thu Trang", "Hoài Nam"),
        (f"{BODY}\nBài: Hoài Nam; Ảnh: Thu Trang", "Hoài Nam"),
        (f"{BODY}\nBài + ảnh: Hoài Nam", "Hoài Nam"),
        (f"{BODY}\nẢnh và bài: Hoài Nam", "Hoài Nam"),
    ],
)
def test_byline_writer_before_photographer(text: str, expected: str) -> None:
    got = extract_byline(prepare(text))
    assert (got[0] if got else None) == expected


@pytest.mark.parametrize(
    ("closing", "expected"),
    [
        ("Hòa - Quân", "Hòa - Quân"),
        ("Tuấn – Linh", "Tuấn – Linh"),
        ("Tin - Ảnh", None),
        ("Sở - Ban", None),
    ],
)
def test_joint_byline_of_two_given_names(closing: str, expected: str | None) -> None:
    found = extract_byline(prepare(f"{BODY}\n\n          {closing}\n\nChia sẻ bài viết"))
    assert (found[0] if found else None) == expected


def test_byline_after_a_bare_photo_caption() -> None:
    text = f"{BODY}\n\nĐồng chí Trần Văn Bình, Phó Giám đốc Sở Nội vụ phát biểu kết luận hội nghị\nHoàng Lan - Sở Nội vụ"
    found = extract_byline(prepare(text))
    assert found is not None and found[0] == "Hoàng Lan"
