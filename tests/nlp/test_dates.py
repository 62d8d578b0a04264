import pytest

from nlp.dates import parse_dates


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ngày 5 tháng 3 năm 2024, tại hội trường", [(5, 3, 2024)]),
        ("Sáng 05/3/2024, Khối thi đua họp", [(5, 3, 2024)]),
        ("Chiều 5-3-2024 hội nghị diễn ra", [(5, 3, 2024)]),
        ("15h30 ngày 22/6/2019, tại Sở Tư pháp", [(22, 6, 2019)]),
        ("Ngày 7.1.2022 khối thi đua tổng kết", [(7, 1, 2022)]),
        ("Chiều 16-7, Cụm thi đua số 4 sơ kết", [(16, 7, None)]),
        ("Sáng nay 9/1, Khối họp", [(9, 1, None)]),
        ("Trong hai ngày 23 và 24/8/2016, hội thao", [(23, 8, 2016)]),
        ("Tin đăng 2021-12-30 08:25", [(30, 12, 2021)]),
    ],
)
def test_parse_dates_day_first(text, expected):
    assert [(f.day, f.month, f.year) for f in parse_dates(text)] == expected


@pytest.mark.parametrize(
    "text",
    [
        "lãnh đạo của 08/08 Hội trong khối",  # a ratio, not a date
        "Nghị định số 91/2017/NĐ-CP",  # a document number
        "tổng giá trị đạt 2.735,764 tỷ đồng",  # a decimal number
        "ngày 31/2/2020 không tồn tại",  # an impossible day
        "tỷ lệ 3/4 số đơn vị",  # a fraction without a day word
    ],
)
def test_parse_dates_ignores_numbers_that_are_not_dates(text):
    assert parse_dates(text) == []


def test_date_span_points_into_text():
    text = "Chiều ngày 19 tháng 9 năm 2018, tại trường"
    fact = parse_dates(text)[0]
    assert text[fact.start : fact.end] == "19 tháng 9 năm 2018"
    assert fact.iso() == "2018-09-19"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a weekday announces the day
        ("Sáng thứ Sáu (12/7), Khối thi đua các sở kinh tế sơ kết", [(12, 7, None)]),
        ("Chiều thứ Năm, 18/1, Cụm thi đua số 6 tổng kết", [(18, 1, None)]),
        ("Chủ nhật 7/4 vừa qua, các đơn vị ra quân", [(7, 4, None)]),
        # the ordinal "thứ ba" (third) does not
        ("Đây là năm thứ ba 3/4 số đơn vị hoàn thành", []),
    ],
)
def test_parse_dates_after_a_weekday(text, expected):
    assert [(f.day, f.month, f.year) for f in parse_dates(text)] == expected


def test_a_year_no_page_can_have_is_dropped_not_the_date() -> None:
    """ "ngày 9 tháng 12 năm 2106" (a typo): day and month stay, the year is left to the context."""
    facts = parse_dates("Ngày 9 tháng 12 năm 2106, Khối thi đua tổ chức tổng kết; ngày 3/1/2201 họp tiếp.")
    assert [(f.day, f.month, f.year) for f in facts] == [(9, 12, None), (3, 1, None)]


def test_two_days_listed_with_a_comma_give_the_first_day() -> None:
    facts = parse_dates("Trong các ngày 10, 11/5/2025 tại tỉnh nhà")
    assert [(f.day, f.month, f.year) for f in facts] == [(10, 5, 2025)]
