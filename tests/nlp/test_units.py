import pytest

from nlp.units import clean_unit, is_unit_like, unit_before


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a border-post commander's title is cut off the post
        ("Thiếu tá Lê Văn Hải, Đồn trưởng Đồn Biên phòng Bắc Sơn", "Đồn Biên phòng Bắc Sơn"),
        ("Trung tá Phạm Văn Nam, Chính trị viên Đồn Biên phòng Cửa khẩu Tà Lùng", "Đồn Biên phòng Cửa khẩu Tà Lùng"),
        ("ông Ngô Văn Tư, Tổng Giám đốc Tổng Công ty Cao su Miền Đông", "Tổng Công ty Cao su Miền Đông"),
        ("anh Hồ Văn Lực, Bí thư Thành Đoàn Hòa Phú", "Thành Đoàn Hòa Phú"),
        # "giao thông" / "giao dịch" inside a name are not the verb "giao"
        ("ông Trần Văn Bình, Giám đốc Ban QLDA các công trình giao thông", "Ban QLDA các công trình giao thông"),
        ("bà Lê Thị Hoa, Giám đốc Phòng giao dịch Ngân hàng Chính sách xã hội huyện Đông Sơn",
         "Phòng giao dịch Ngân hàng Chính sách xã hội huyện Đông Sơn"),
    ],
)
def test_unit_before_a_role(text, expected):
    got = unit_before(text, len(text))
    assert got is not None and got[0] == expected


@pytest.mark.parametrize(
    "name",
    ["Đồn Biên phòng Na Hang", "Trạm Kiểm soát Biên phòng Cửa khẩu Pò Mã", "Hải đội Biên phòng 3", "KBNN Hòa Bình",
     "Cty CP Môi trường Đô thị", "CTCP Cấp nước Sơn Tây", "Huyện Đoàn Mỹ Lộc", "đặc khu Cát Hải"],
)
def test_units_of_the_genre_are_unit_like(name):
    assert is_unit_like(name)


def test_a_special_zone_opening_a_sentence_is_the_place():
    assert clean_unit("Đặc khu Cát Hải") == "đặc khu Cát Hải"
    assert clean_unit("Huyện Đoàn Mỹ Lộc") == "Huyện Đoàn Mỹ Lộc"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Phó Bản", "Phó Bản"),  # a place that starts with a title word keeps it
        ("Trưởng Lâm", "Trưởng Lâm"),
        ("Phó Ban Dân vận tỉnh", "Ban Dân vận tỉnh"),  # a title before an agency is still cut
        ("Phó Giám đốc Sở Y tế", "Sở Y tế"),
    ],
)
def test_a_bare_title_word_is_cut_only_before_an_agency(raw, expected):
    assert clean_unit(raw) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # title + state agency + the official's name: the name is cut off the agency
        ("Giám đốc Sở Tài chính Phan Văn Lộc", "Sở Tài chính"),
        ("Trưởng Ban Dân vận Tỉnh ủy Hà Thị Minh", "Ban Dân vận Tỉnh ủy"),
        # a school named after a person keeps its namesake
        ("Hiệu trưởng Trường Trung học cơ sở Lê Hồng Phong", "Trường Trung học cơ sở Lê Hồng Phong"),
    ],
)
def test_a_person_after_a_titled_state_agency_is_cut(text, expected):
    got = unit_before(text, len(text))
    assert got is not None and got[0] == expected


def test_a_generic_head_opening_a_sentence_is_no_unit_name():
    # genre: "Cơ quan X là Trưởng khối" at a sentence start; the unit is X
    from nlp.units import clean_unit

    assert clean_unit("Cơ quan Tỉnh Đoàn") == "Tỉnh Đoàn"
    assert clean_unit("Đơn vị Sở Tư pháp") == "Sở Tư pháp"
    assert clean_unit("Cơ quan") == "Cơ quan"
