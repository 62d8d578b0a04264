"""Quoted movement and campaign names."""

from __future__ import annotations

import pytest

from nlp.movements import extract_movements
from nlp.prepare import prepare


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('Các đơn vị hưởng ứng phong trào thi đua "Dân vận khéo" và cuộc vận động "Người Việt Nam ưu tiên dùng hàng Việt Nam".',
         ["Dân vận khéo", "Người Việt Nam ưu tiên dùng hàng Việt Nam"]),
        ("Khối phát động thi đua với chủ đề “Đoàn kết, trách nhiệm, sáng tạo, hiệu quả” trong năm 2024.",
         ["Đoàn kết, trách nhiệm, sáng tạo, hiệu quả"]),
        ("Các phong trào như: “Xanh - Sạch - Đẹp”, “Lao động giỏi, lao động sáng tạo”, “Tuổi trẻ sáng tạo”...",
         ["Xanh - Sạch - Đẹp", "Lao động giỏi, lao động sáng tạo", "Tuổi trẻ sáng tạo"]),
        # an unclosed quote ends at the semicolon before the next one
        ("Triển khai các phong trào: “Giỏi việc nước, đảm việc nhà; “Phụ nữ tích cực học tập, lao động sáng tạo”.",
         ["Giỏi việc nước, đảm việc nhà", "Phụ nữ tích cực học tập, lao động sáng tạo"]),
        ("Với khẩu hiệu “Kỷ cương, trách nhiệm, hành động, hiệu quả”, lễ ký kết diễn ra trang trọng.",
         ["Kỷ cương, trách nhiệm, hành động, hiệu quả"]),
        # a quoted campaign ("chiến dịch") is a movement like a phong trào
        ('Các huyện đoàn tổ chức Chiến dịch "Mùa hè xanh" và phong trào "Thanh niên khởi nghiệp" trong tháng 7.',
         ["Mùa hè xanh", "Thanh niên khởi nghiệp"]),
        # a fund that shares a movement's name is not the movement
        ('Các đơn vị vận động 12 tỷ đồng ủng hộ Quỹ "Vì người nghèo" và hưởng ứng phong trào "Dân vận khéo".',
         ["Dân vận khéo"]),
        # a known national movement needs no cue word
        ("Gắn với việc nhân rộng gương “Người tốt, việc tốt” trong cơ quan.", ["Người tốt, việc tốt"]),
    ],
)
def test_quoted_movements(text: str, expected: list[str]) -> None:
    assert [m.name for m in extract_movements(prepare(text))] == expected


@pytest.mark.parametrize(
    "text",
    [
        "Thực hiện Chỉ thị 34-CT/TW của Bộ Chính trị về “Tiếp tục đổi mới công tác thi đua, khen thưởng”.",
        'Khối tổ chức các hoạt động chung như "hội thi văn nghệ quần chúng cấp tỉnh" trong tháng 9.',
        "Dù khó khăn, các doanh nghiệp vẫn “vững tay chèo” vượt qua thách thức.",
        '"Đẩy mạnh thi đua yêu nước, lập thành tích chào mừng đại hội Đảng các cấp!"',
    ],
)
def test_quotes_that_are_not_movements(text: str) -> None:
    assert extract_movements(prepare(text)) == []


def test_movement_span_excludes_quotes() -> None:
    doc = prepare("Cuộc vận động “Toàn dân đoàn kết xây dựng đời sống văn hóa” được duy trì.")
    (m,) = extract_movements(doc)
    assert doc.text[m.start : m.end] == m.name


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # French-style guillemets
        ("Năm qua, các trường trong Cụm đã hưởng ứng phong trào «Trường học an toàn, thân thiện» và «Mỗi tuần một cuốn sách».",
         ["Trường học an toàn, thân thiện", "Mỗi tuần một cuốn sách"]),
        # single curly quotes, with an apostrophe inside a place name nearby
        ("Hội Nông dân huyện Ea H’Leo đẩy mạnh phong trào thi đua ‘Nông dân Đắk Lắk sản xuất giỏi’ trong năm 2024.",
         ["Nông dân Đắk Lắk sản xuất giỏi"]),
        # straight single quotes; the apostrophes of Y'Ksor and K'Bang are not quotes
        ("Ông Y'Ksor Niê cho biết huyện K'Bang triển khai cuộc vận động 'Toàn dân giữ gìn vệ sinh môi trường' đến từng buôn.",
         ["Toàn dân giữ gìn vệ sinh môi trường"]),
        # no quotes: a capitalised name after the cue, up to the end of the clause
        ("Nổi bật là phong trào thi đua Sóc Trăng chung tay xây dựng đô thị văn minh, được nhân dân đồng tình.",
         ["Sóc Trăng chung tay xây dựng đô thị văn minh"]),
        ("Các xã tích cực thực hiện cuộc vận động Người dân Kon Tum nói không với rác thải nhựa gắn với bảo vệ rừng.",
         ["Người dân Kon Tum nói không với rác thải nhựa"]),
        # the year and "với chủ đề" are not part of the unquoted name
        ("Bộ CHQS tỉnh phát động Phong trào thi đua Quân đội chung tay vì biển đảo năm 2024 với chủ đề “Đoàn kết, "
         "kỷ cương, sáng tạo”.",
         ["Quân đội chung tay vì biển đảo", "Đoàn kết, kỷ cương, sáng tạo"]),
    ],
)
def test_movements_in_other_quote_styles_and_unquoted(text: str, expected: list[str]) -> None:
    assert [m.name for m in extract_movements(prepare(text))] == expected


@pytest.mark.parametrize(
    "text",
    [
        # a programme or contest in quotes is not a movement, even next to one
        "Bệnh viện triển khai chương trình “Ấm áp mùa đông” hỗ trợ bệnh nhân nghèo.",
        "Phong trào thi đua yêu nước “Làm theo lời Bác” và chương trình “Sữa cho em” được duy trì.",
        # lower-case descriptions after the cue word are not names
        "Phong trào thi đua được các đơn vị triển khai sâu rộng, gắn với nhiệm vụ chính trị.",
        "Phong trào toàn dân bảo vệ an ninh Tổ quốc tiếp tục được củng cố ở khu dân cư.",
        "Đề nghị đổi mới phong trào thi đua Khối thi đua số 5 trong năm tới.",
    ],
)
def test_programmes_and_descriptions_are_not_movements(text: str) -> None:
    names = [m.name for m in extract_movements(prepare(text))]
    assert "Ấm áp mùa đông" not in names and "Sữa cho em" not in names
    assert all(n[:1].isupper() and len(n.split()) <= 8 for n in names)
    if "Làm theo lời Bác" not in text:
        assert names == []


def test_quoted_utterance_after_a_speech_verb_is_not_a_movement() -> None:
    text = (
        'Bà Lê Thị Hoa, Giám đốc Kho bạc tỉnh, phát biểu phát động: "Mỗi đơn vị làm ít nhất một việc cụ thể, '
        'hoàn thành trước ngày 2/9". Các đơn vị hưởng ứng phong trào thi đua "Chung tay xây dựng nông thôn mới".'
    )
    assert [m.name for m in extract_movements(prepare(text))] == ["Chung tay xây dựng nông thôn mới"]


def test_speech_verb_then_naming_noun_keeps_the_movement() -> None:
    text = 'Đồng chí Bí thư phát biểu, phát động phong trào thi đua: "Thi đua hoàn thành xuất sắc nhiệm vụ năm 2025".'
    assert [m.name for m in extract_movements(prepare(text))] == ["Thi đua hoàn thành xuất sắc nhiệm vụ năm 2025"]


def test_lower_case_colloquial_quote_after_a_movement_is_not_listed() -> None:
    text = (
        'Đồng chí đề nghị đẩy mạnh phong trào "Xã nhà chung tay giảm nghèo", tránh tình trạng ký giao ước rồi "để đó"; '
        'các đơn vị hưởng ứng các cuộc vận động "Ngày vì người nghèo", "xanh hóa công sở".'
    )
    assert [m.name for m in extract_movements(prepare(text))] == [
        "Xã nhà chung tay giảm nghèo", "Ngày vì người nghèo", "xanh hóa công sở"
    ]


def test_headline_cue_does_not_take_the_next_line() -> None:
    """Real-page pattern: a headline ending in 'phong trào thi đua' above the portal's section/time line."""
    text = (
        "Khối thi đua Công đoàn ngành II: Đẩy mạnh các phong trào thi đua\n\n"
        "Thời sự 05/03/2021 - 04:17\n\nChiều 4-3, Khối tổ chức hội nghị ký kết giao ước thi đua."
    )
    assert [m.name for m in extract_movements(prepare(text))] == []


def test_a_long_yearly_theme_after_its_cue() -> None:
    """A year's theme strings several slogans and runs past the usual length; its cue still makes it a movement."""
    theme = (
        "Đoàn kết, kỷ cương; chủ động, sáng tạo; minh bạch, hiệu quả; tăng tốc, bứt phá; thi đua phấn đấu hoàn thành "
        "xuất sắc các mục tiêu, chỉ tiêu, nhiệm vụ công tác Hải quan năm 2024, lập thành tích chào mừng 80 năm Ngày "
        "thành lập ngành Hải quan Việt Nam"
    )
    text = f"Bám sát chủ đề thi đua năm 2024: “ {theme}”. Các đơn vị đã triển khai thực hiện."
    assert [m.name for m in extract_movements(prepare(text))] == [theme]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('Buổi lễ thể hiện tinh thần "Đoàn kết - Sẻ chia - Vươn xa" của các đơn vị.', ["Đoàn kết - Sẻ chia - Vươn xa"]),
        # a spirit described in a sentence is no motto
        ('Các đơn vị giữ tinh thần "làm việc hết mình vì người dân" trong năm.', []),
    ],
)
def test_a_dash_joined_motto_after_tinh_than(text: str, expected: list[str]) -> None:
    assert [m.name for m in extract_movements(prepare(text))] == expected


def test_quoted_name_of_built_houses_is_not_a_movement() -> None:
    """"xây tặng 12 căn nhà “Nghĩa tình đồng đội”": the houses' name, though a listed movement shares it."""
    text = "Các đơn vị trong Cụm đã xây tặng 12 căn nhà “Nghĩa tình đồng đội” cho hội viên khó khăn."
    assert [m.name for m in extract_movements(prepare(text))] == []


def test_abbreviated_movement_yields_to_its_full_name() -> None:
    """"phong trào thi đua “Vì ANTQ”" beside "“Vì An ninh Tổ quốc”": one movement, in its full form."""
    text = (
        "Cụm thi đua số 4 tổng kết phong trào thi đua “Vì ANTQ” năm 2022.\n"
        "Phong trào thi đua “Vì An ninh Tổ quốc” của Công an các tỉnh đạt nhiều kết quả."
    )
    assert [m.name for m in extract_movements(prepare(text))] == ["Vì An ninh Tổ quốc"]
