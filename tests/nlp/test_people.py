"""Officials with their titles."""

from __future__ import annotations

import pytest

from nlp.people import extract_people
from nlp.prepare import prepare


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Dự hội nghị có đồng chí Hoàng Thị Thu Trang, Tỉnh ủy viên, Phó Chủ tịch UBND tỉnh; đại diện Ban Thi đua.",
         [("Hoàng Thị Thu Trang", "Tỉnh ủy viên, Phó Chủ tịch UBND tỉnh")]),
        ("Đ/c Vũ Mạnh Hà - Giám đốc Sở Tài chính phát biểu tại hội nghị",
         [("Vũ Mạnh Hà", "Giám đốc Sở Tài chính")]),
        ("Ông Lò Văn Tiến – Chánh Văn phòng HĐND tỉnh, Trưởng khối thi đua chủ trì hội nghị.",
         [("Lò Văn Tiến", "Chánh Văn phòng HĐND tỉnh")]),
        ("Tham dự có bà Ngô Thị Lan - Phó Trưởng Ban Thi đua - Khen thưởng tỉnh và Thượng tá Đinh Văn Cường - Phó Chỉ huy trưởng Bộ Chỉ huy Quân sự tỉnh.",
         [("Ngô Thị Lan", "Phó Trưởng Ban Thi đua - Khen thưởng tỉnh"),
          ("Đinh Văn Cường", "Phó Chỉ huy trưởng Bộ Chỉ huy Quân sự tỉnh")]),
        ("Đồng chí Triệu Đức Minh Giám đốc Sở Xây dựng đã điều hành hội nghị.",
         [("Triệu Đức Minh", "Giám đốc Sở Xây dựng")]),
        ("Phát biểu chỉ đạo, Phó Chủ tịch UBND tỉnh Nguyễn Thị Hồng Nhung đề nghị các đơn vị tiếp tục đổi mới.",
         [("Nguyễn Thị Hồng Nhung", "Phó Chủ tịch UBND tỉnh")]),
        ("Phạm Minh Đức - Trưởng phòng Nghiệp vụ 1, Ban Thi đua - Khen thưởng tỉnh trình bày báo cáo.",
         [("Phạm Minh Đức", "Trưởng phòng Nghiệp vụ 1, Ban Thi đua - Khen thưởng tỉnh")]),
        ("Đồng chí Ksor Phước, Bí thư Huyện ủy dự và chỉ đạo.", [("Ksor Phước", "Bí thư Huyện ủy")]),
        # teachers are introduced as Thầy / Cô
        ("Cô Trần Thị Mai, Hiệu trưởng Trường THCS Lê Lợi chủ trì hội nghị; thầy Phan Văn Hùng, Phó Hiệu trưởng "
         "Trường THCS Chu Văn An báo cáo.",
         [("Trần Thị Mai", "Hiệu trưởng Trường THCS Lê Lợi"), ("Phan Văn Hùng", "Phó Hiệu trưởng Trường THCS Chu Văn An")]),
        # degree, specialist, rank and honour prefixes stacked before the name are no part of it
        ("Bác sĩ CKI Đặng Thị Thu, Giám đốc Trung tâm Y tế huyện chủ trì; bác sĩ Đặng Thị Thu nhấn mạnh yêu cầu.",
         [("Đặng Thị Thu", "Giám đốc Trung tâm Y tế huyện")]),
        ("Dự có BSCKII Lưu Văn Kiên, Phó Giám đốc Sở Y tế và PGS.TS Mai Thị Loan, Hiệu trưởng Trường Cao đẳng Y tế.",
         [("Lưu Văn Kiên", "Phó Giám đốc Sở Y tế"), ("Mai Thị Loan", "Hiệu trưởng Trường Cao đẳng Y tế")]),
        ("Thượng úy, ThS. Y Phương Mlô, Phó Đồn trưởng Đồn Biên phòng Ea Súp phát biểu.",
         [("Y Phương Mlô", "Phó Đồn trưởng Đồn Biên phòng Ea Súp")]),
        ("NGƯT Tạ Minh Châu, Giám đốc Sở Giáo dục và Đào tạo; Thầy thuốc Ưu tú, Bác sĩ chuyên khoa II Kiều Văn Lộc, "
         "Giám đốc Bệnh viện Đa khoa tỉnh cùng dự.",
         [("Tạ Minh Châu", "Giám đốc Sở Giáo dục và Đào tạo"), ("Kiều Văn Lộc", "Giám đốc Bệnh viện Đa khoa tỉnh")]),
        # a person mentioned twice keeps the first title
        ("Bà Lê Thị Hà, Chủ tịch Hội Nông dân tỉnh chủ trì. Chủ tịch Hội Nông dân tỉnh Lê Thị Hà nhấn mạnh vai trò của khối.",
         [("Lê Thị Hà", "Chủ tịch Hội Nông dân tỉnh")]),
    ],
)
def test_people_with_titles(text: str, expected: list[tuple[str, str | None]]) -> None:
    assert [(p.name, p.title) for p in extract_people(prepare(text))] == expected


@pytest.mark.parametrize(
    "text",
    [
        "Các đơn vị học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh; noi gương Chủ tịch Hồ Chí Minh.",
        "Bà con nhân dân trong xã tích cực tham gia phong trào.",
        "Trường Đại học Phạm Văn Đồng và Trường Cao đẳng Y tế tham gia khối.",
        "Ông bà ta có câu: uống nước nhớ nguồn.",
        "Các thầy cô Trường THCS Nguyễn Du luôn tận tụy với học sinh.",
        "Cô Tô là huyện đảo, thầy trò Trường THPT Cô Tô vượt khó.",
    ],
)
def test_not_people(text: str) -> None:
    assert extract_people(prepare(text)) == []


def test_person_span_and_source() -> None:
    doc = prepare("Có đồng chí Đặng Văn Hòa, Phó Giám đốc Sở Nội vụ.")
    (p,) = extract_people(doc)
    assert doc.text[p.start : p.end].startswith("đồng chí Đặng Văn Hòa")
    assert p.source == "rule:honorific_name"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # names of Central Highlands peoples: apostrophes (straight or curly), hyphens, one-word names
        ("Tham dự có bà H'Nhi Êban, Phó Chủ tịch Hội Liên hiệp Phụ nữ tỉnh.",
         [("H'Nhi Êban", "Phó Chủ tịch Hội Liên hiệp Phụ nữ tỉnh")]),
        ("Bà Rơ Châm H’Yên, Trưởng phòng Nội vụ huyện Chư Păh báo cáo kết quả.",
         [("Rơ Châm H’Yên", "Trưởng phòng Nội vụ huyện Chư Păh")]),
        ("Ông Y-Khoa Niê, Chủ tịch UBND huyện Buôn Đôn phát biểu.",
         [("Y-Khoa Niê", "Chủ tịch UBND huyện Buôn Đôn")]),
        ("Đồng chí K'Dũng, Bí thư Huyện ủy Lạc Dương dự hội nghị.",
         [("K'Dũng", "Bí thư Huyện ủy Lạc Dương")]),
        # a comma inside a department name does not end the title; a following verb does
        ("Ông Phạm Quốc Bảo, Giám đốc Sở Văn hóa, Thể thao và Du lịch cam kết thực hiện tốt nhiệm vụ.",
         [("Phạm Quốc Bảo", "Giám đốc Sở Văn hóa, Thể thao và Du lịch")]),
        # ministry titles, and the ministry after a comma
        ("Dự hội nghị có ông Đào Văn Hải, Phó Vụ trưởng Vụ Thi đua - Khen thưởng, Bộ Công Thương.",
         [("Đào Văn Hải", "Phó Vụ trưởng Vụ Thi đua - Khen thưởng, Bộ Công Thương")]),
    ],
)
def test_minority_names_and_long_titles(text: str, expected: list[tuple[str, str | None]]) -> None:
    assert [(p.name, p.title) for p in extract_people(prepare(text))] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Hmong, Thai and Dao family names after "ông"/"bà", also at the start of a sentence
        ("Ông Thào Seo Sử, Chủ tịch UBND huyện Si Ma Cai trao cờ cho huyện Bắc Hà.",
         [("Thào Seo Sử", "Chủ tịch UBND huyện Si Ma Cai")]),
        ("Tham dự có bà Tẩn Thị Mây, Phó Chủ tịch HĐND tỉnh.", [("Tẩn Thị Mây", "Phó Chủ tịch HĐND tỉnh")]),
        # a family name missing from the list still gives a person when a title follows the full name
        ("Dự hội nghị có ông Pờ Lồ Xuân, Phó Giám đốc Sở Nội vụ.", [("Pờ Lồ Xuân", "Phó Giám đốc Sở Nội vụ")]),
        # "hưởng ứng" ends the title
        ("Đại diện các doanh nghiệp, ông Trịnh Quốc Hưng, Tổng Giám đốc Công ty Cổ phần Cao su Phước Hòa hưởng ứng "
         "lời phát động.", [("Trịnh Quốc Hưng", "Tổng Giám đốc Công ty Cổ phần Cao su Phước Hòa")]),
        # a long unit between the title and the name
        ("Tham dự có Trưởng ban Ban Quản lý Khu kinh tế Vân Phong và các khu công nghiệp Khánh Hòa Đỗ Văn Khải; "
         "đại diện các doanh nghiệp.",
         [("Đỗ Văn Khải", "Trưởng ban Ban Quản lý Khu kinh tế Vân Phong và các khu công nghiệp Khánh Hòa")]),
        # a prefix letter + given name (Bahnar, Jarai, Ede) before a title is a full name
        ("Dự hội nghị có ông A Hơn, Phó Giám đốc Sở Nội vụ; ông Y Blô, Chủ tịch UBND xã Ea Tul.",
         [("A Hơn", "Phó Giám đốc Sở Nội vụ"), ("Y Blô", "Chủ tịch UBND xã Ea Tul")]),
        # "Huyện Đoàn X" after a title is the youth union of a district, not a person named Đoàn
        ("Tham dự có Bí thư Huyện Đoàn Cái Bè và đại diện Ban Thường vụ các huyện đoàn trong cụm.", []),
        # an agency in parentheses closes the title; "cho rằng" ends it
        ("Ghi nhận kết quả, bà Trương Thị Mỹ, Phó Trưởng ban Thi đua - Khen thưởng (Sở Nội vụ), đề nghị các đơn vị "
         "tiếp tục cố gắng.", [("Trương Thị Mỹ", "Phó Trưởng ban Thi đua - Khen thưởng (Sở Nội vụ)")]),
        ("Ông Lâm Văn Bảy, Giám đốc Công ty Cổ phần Cấp nước Sóc Trăng cho rằng việc sáp nhập mở ra cơ hội.",
         [("Lâm Văn Bảy", "Giám đốc Công ty Cổ phần Cấp nước Sóc Trăng")]),
        # "anh"/"chị" as a courtesy title (youth union articles), not inside a name
        ("Anh Trịnh Văn Sang, Phó Bí thư Tỉnh đoàn, phát biểu; chị Lưu Thị Hạnh, Bí thư Huyện đoàn Mỹ Tú dự.",
         [("Trịnh Văn Sang", "Phó Bí thư Tỉnh đoàn"), ("Lưu Thị Hạnh", "Bí thư Huyện đoàn Mỹ Tú")]),
    ],
)
def test_ethnic_family_names_and_long_units(text: str, expected: list[tuple[str, str | None]]) -> None:
    assert [(p.name, p.title) for p in extract_people(prepare(text))] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a two-syllable K'Ho/Churu name whose given name carries a prefix
        ("Bà Ma H'Lan, Phó Chủ tịch UBND xã Đạ Tông, phát biểu tại hội nghị.",
         [("Ma H'Lan", "Phó Chủ tịch UBND xã Đạ Tông")]),
        # an enumeration of agency kinds inside a department's name does not end the title
        ("Dự có ông Trần Văn Khoa, Trưởng phòng Thi đua - Khen thưởng các sở, ban, ngành, Ban Thi đua - Khen thưởng tỉnh; "
         "bà Lê Thị Hạnh, Phó Giám đốc Sở Nội vụ.",
         [("Trần Văn Khoa", "Trưởng phòng Thi đua - Khen thưởng các sở, ban, ngành, Ban Thi đua - Khen thưởng tỉnh"),
          ("Lê Thị Hạnh", "Phó Giám đốc Sở Nội vụ")]),
        ("Ông Lê Văn Tâm, Giám đốc Sở Nội vụ, ngành nội vụ đã hoàn thành nhiệm vụ.", [("Lê Văn Tâm", "Giám đốc Sở Nội vụ")]),
    ],
)
def test_prefixed_two_syllable_names_and_agency_kind_lists(text: str, expected: list[tuple[str, str | None]]) -> None:
    assert [(p.name, p.title) for p in extract_people(prepare(text))] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an Ede/Jarai prefix written apart with its apostrophe opens the name
        ("Dự hội nghị có bà H' Nga Niê, Phó Giám đốc Sở Y tế và ông Y Bhim Ksor, Giám đốc Sở Nội vụ.",
         [("H' Nga Niê", "Phó Giám đốc Sở Y tế"), ("Y Bhim Ksor", "Giám đốc Sở Nội vụ")]),
        # a speech verb after a quote ends the title
        ("“Phường sẽ về đích sớm”, ông Trần Quốc Việt, Chủ tịch UBND phường Phú Mỹ nói.",
         [("Trần Quốc Việt", "Chủ tịch UBND phường Phú Mỹ")]),
        ("Bà Lê Thị Thu, Phó Chủ tịch UBND xã Tân Hòa trả lời thêm về chỉ tiêu.",
         [("Lê Thị Thu", "Phó Chủ tịch UBND xã Tân Hòa")]),
    ],
)
def test_apart_prefixes_and_speech_verbs(text: str, expected: list[tuple[str, str | None]]) -> None:
    assert [(p.name, p.title) for p in extract_people(prepare(text))] == expected


def _titled(text: str) -> list[tuple[str, str | None]]:
    return [(p.name, p.title) for p in extract_people(prepare(text))]


def test_alternate_member_title_is_not_cut_at_du() -> None:
    """Real-page pattern: 'Ủy viên dự khuyết Ban Chấp hành …' is one title; 'dự' is not the verb 'attend' here."""
    assert _titled("Dự hội nghị có ông Lê Văn Tâm, Ủy viên dự khuyết Ban chấp hành Trung ương Đảng, Bí thư Tỉnh ủy; các đại biểu.") == [
        ("Lê Văn Tâm", "Ủy viên dự khuyết Ban chấp hành Trung ương Đảng, Bí thư Tỉnh ủy")
    ]


def test_long_stacked_title_reaches_its_last_unit() -> None:
    """Real-page pattern: three stacked central titles run past 28 tokens and ended in 'Thi đua - Khen'."""
    got = _titled(
        "Tới dự có đồng chí Lê Văn Tâm, Bí thư Trung ương Đảng, Chủ tịch Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam, "
        "Phó Chủ tịch Hội đồng Thi đua - Khen thưởng Trung ương, Khối trưởng Khối thi đua."
    )
    assert got[0][1] is not None and got[0][1].endswith("Hội đồng Thi đua - Khen thưởng Trung ương")


def test_caption_abbreviations_and_glued_dash() -> None:
    """Real-page patterns: 'PGĐ Sở X Tên' in a photo caption, '– GĐ Công ty …', 'Tên- Cán bộ Ban …'."""
    assert _titled("PGĐ Sở NN và PTNT Hà Minh Quân chụp ảnh lưu niệm với các vận động viên.") == [
        ("Hà Minh Quân", "PGĐ Sở NN và PTNT")
    ]
    assert _titled("Ông Hà Minh Quân – GĐ Công ty TNHH MTV Cà phê Ea Pốk (bên trái) trao cờ.") == [
        ("Hà Minh Quân", "GĐ Công ty TNHH MTV Cà phê Ea Pốk")
    ]
    assert _titled("Lễ ký có sự chứng kiến của ông Hà Minh Quân- Cán bộ Ban Thi đua Khen thưởng tỉnh. Sau đó") == [
        ("Hà Minh Quân", "Cán bộ Ban Thi đua Khen thưởng tỉnh")
    ]


def test_lower_case_bloc_role_ends_the_title() -> None:
    """Real-page pattern: 'chủ tịch UBND xã A cụm trưởng' written without a comma or capitals."""
    assert _titled("Tại hội nghị, ông Lê Văn Tâm, chủ tịch UBND xã Tân Lập cụm trưởng đã trình bày báo cáo.") == [
        ("Lê Văn Tâm", "chủ tịch UBND xã Tân Lập")
    ]


def test_secretary_general_and_missing_tone_mark() -> None:
    """Real-page patterns: 'Tổng Thư ký' is no verb 'ký'; 'Phó Chủ tich' typed without its tone mark."""
    assert _titled("Dự có đồng chí Lê Văn Tâm, Phó Chủ tich kiêm Tổng Thư ký Liên hiệp Hội tỉnh cùng đại diện các tổ chức.") == [
        ("Lê Văn Tâm", "Phó Chủ tich kiêm Tổng Thư ký Liên hiệp Hội tỉnh")
    ]
    assert _titled("Ông Lê Văn Tâm, Giám đốc Sở Y tế ký giao ước.") == [("Lê Văn Tâm", "Giám đốc Sở Y tế")]


def test_a_title_stops_at_a_full_stop_glued_to_the_next_sentence() -> None:
    text = "Hội nghị có sự tham dự của ông Lê Văn Hải, Phó Trưởng ban Thi đua - Khen thưởng Trung ương.Năm 2024, Khối đã đổi mới."
    got = [(p.name, p.title) for p in extract_people(prepare(text))]
    assert got == [("Lê Văn Hải", "Phó Trưởng ban Thi đua - Khen thưởng Trung ương")]


def test_chief_executive_title_keeps_dieu_hanh() -> None:
    text = "ThS.BS Nguyễn Văn Hùng, Giám đốc điều hành Bệnh viện Đa khoa Hòa Bình, chia sẻ kinh nghiệm."
    assert _titled(text) == [("Nguyễn Văn Hùng", "Giám đốc điều hành Bệnh viện Đa khoa Hòa Bình")]
    # the verb "điều hành" (chairs) after a department still ends the title
    assert _titled("Ông Trần Văn Bình, Giám đốc Sở Y tế điều hành hội nghị.") == [("Trần Văn Bình", "Giám đốc Sở Y tế")]


def test_party_committee_member_opens_a_title() -> None:
    """"Đảng ủy viên" (member of a ward's party committee) opens a title like "Tỉnh ủy viên"."""
    text = (
        "Hội nghị nghe đồng chí Trần Văn Lộc, Đảng ủy viên- phó Chủ tịch UBMTTQ phường – Chủ tịch Hội Cựu chiến binh"
        " phường Tân Định, Cụm trưởng Cụm thi đua số 3 phát động phong trào."
    )
    got = [(p.name, p.title) for p in extract_people(prepare(text))]
    assert got == [("Trần Văn Lộc", "Đảng ủy viên- phó Chủ tịch UBMTTQ phường – Chủ tịch Hội Cựu chiến binh phường Tân Định")]


def test_title_keeps_the_emulation_office_written_with_a_comma() -> None:
    """ "Ban Thi đua, Khen thưởng tỉnh" (a comma for the usual dash) is one office: the title runs through it."""
    text = "Đến dự có đồng chí Lê Văn Tâm – Phó trưởng Ban Thi đua, Khen thưởng tỉnh và đại diện các đơn vị thành viên."
    assert _titled(text) == [("Lê Văn Tâm", "Phó trưởng Ban Thi đua, Khen thưởng tỉnh")]
