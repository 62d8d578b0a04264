import pytest

from nlp.leaders import fill
from tests.nlp.helpers import doc, records_after_events


def leaders_of(text: str) -> set[tuple[str, str, int | None]]:
    d = doc(text)
    r = records_after_events(d)
    fill(d, r)
    for x in r.leaders:
        assert 0 <= x.start < x.end <= len(d.text)
    return {(x.unit, x.role, x.year) for x in r.leaders}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Chiều 13/7/2022, Khối thi đua các cơ quan tham mưu sơ kết 6 tháng đầu năm 2022. Tham dự có lãnh đạo các "
         "đơn vị gồm: Văn phòng Đoàn ĐBQH và HĐND tỉnh (Trưởng khối), Sở Ngoại vụ (Phó Trưởng khối), Sở Nội vụ.",
         {("Văn phòng Đoàn ĐBQH và HĐND tỉnh", "head", 2022), ("Sở Ngoại vụ", "deputy", 2022)}),
        # a January review hands the lead for the new year
        ("Ngày 20/1/2021, Khối thi đua Tham mưu tổng hợp tổng kết công tác năm 2020. Hội nghị thống nhất giao Sở Nội vụ "
         "làm Trưởng Khối thi đua, Sở Tài chính làm Phó Khối thi đua năm 2021.",
         {("Sở Nội vụ", "head", 2021), ("Sở Tài chính", "deputy", 2021)}),
        # the unit of the person who heads the bloc, never the person
        ("Chiều 15/7/2021, Khối thi đua Kinh tế - Kỹ thuật sơ kết 6 tháng đầu năm. Chủ trì có đồng chí Nguyễn Văn An - "
         "Phó Giám đốc Sở Xây dựng, Trưởng Khối thi đua các cơ quan Kinh tế - Kỹ thuật tỉnh năm 2021.",
         {("Sở Xây dựng", "head", 2021)}),
        ("Ngày 20/7/2023, Cụm thi đua số 2 sơ kết 6 tháng đầu năm 2023. Năm 2023, huyện Chư Sê là Cụm trưởng, "
         "thị xã Ayun Pa là Cụm phó.",
         {("huyện Chư Sê", "head", 2023), ("thị xã Ayun Pa", "deputy", 2023)}),
        ("Ngày 10/1/2024, Khối thi đua số 5 tổng kết năm 2023. Hội Nông dân tỉnh (trpng khối năm 2023) chủ trì.",
         {("Hội Nông dân tỉnh", "head", 2023)}),
        ("Ngày 3/3/2019, Khối thi đua các Hội do Hội Chữ thập đỏ tỉnh làm trưởng khối tổ chức ký kết giao ước năm 2019.",
         {("Hội Chữ thập đỏ tỉnh", "head", 2019)}),
        ("Ngày 14/2/2025, Cụm trưởng xã Ngọc Lây phối hợp với UBND xã Măng Ri (Phó cụm) tổ chức hội nghị tổng kết "
         "Cụm thi đua các xã năm 2024.",
         {("xã Ngọc Lây", "head", 2024), ("UBND xã Măng Ri", "deputy", 2024)}),
        # department names keep their commas; "giữ vai trò" is a cue like "làm"
        ("Ngày 12/1/2021, Khối thi đua Văn hóa - Xã hội tổng kết năm 2020. Năm 2021, Sở Lao động - Thương binh và "
         "Xã hội giữ vai trò Khối trưởng, Sở Văn hóa, Thể thao và Du lịch làm Khối phó.",
         {("Sở Lao động - Thương binh và Xã hội", "head", 2021), ("Sở Văn hóa, Thể thao và Du lịch", "deputy", 2021)}),
        ("Năm học 2017 - 2018, Trường Cao đẳng Y tế làm Trưởng Khối, Trường Cao đẳng Nghề làm Phó Trưởng Khối.",
         {("Trường Cao đẳng Y tế", "head", None), ("Trường Cao đẳng Nghề", "deputy", None)}),
    ],
)
def test_leaders(text, expected):
    assert leaders_of(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Dịp này, các đơn vị đã bình bầu danh hiệu thi đua năm 2022 và bầu trưởng khối năm 2023.",
        "Quyết định số 12/QĐ-UBND về việc thay đổi Trưởng Khối, Phó Trưởng Khối thi đua năm 2018.",
        "Bám sát chỉ đạo của Hội đồng thi đua khen thưởng tỉnh, Trưởng Khối thi đua đã xây dựng các văn bản.",
        "Đồng chí Trần Văn Bình, Đại diện Cụm trưởng Cụm thi đua phát biểu kết luận hội nghị.",
    ],
)
def test_no_leader_without_a_unit(text):
    assert leaders_of(text) == set()
