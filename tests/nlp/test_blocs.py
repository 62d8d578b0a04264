import pytest

from nlp.blocs import choose_bloc, fill, find_mentions
from store.models import ArticleRecords
from tests.nlp.helpers import doc


@pytest.mark.parametrize(
    ("text", "title", "url", "expected"),
    [
        ("Chiều 15/7, Khối thi đua các cơ quan Kinh tế - Kỹ thuật tỉnh tổ chức hội nghị sơ kết.", None, None,
         "Khối thi đua các cơ quan Kinh tế - Kỹ thuật tỉnh"),
        ("Ngày 2/3, Khối thi đua số 8 ký kết giao ước thi đua năm 2022.", None, None, "Khối thi đua số 8"),
        # "tổ chức chương trình / đợt / chuyến …" is the verb that ends the name
        ("Khối thi đua Nội chính tỉnh tổ chức chuyến về nguồn tại Cà Mau.", None, None, "Khối thi đua Nội chính tỉnh"),
        ("Cụm thi đua các xã biên giới tổ chức chương trình thiện nguyện.", None, None, "Cụm thi đua các xã biên giới"),
        ("Khối thi đua XII gồm 9 đơn vị ngân hàng đã tổng kết năm 2015.", None, None, "Khối thi đua XII"),
        ("Cụm thi đua các huyện miền núi vừa tổ chức hội nghị. Cụm thi đua các huyện miền núi gồm 5 huyện.", None, None,
         "Cụm thi đua các huyện miền núi"),
        # enumerated names keep their commas; "của tỉnh" is not part of the name
        ("Ngày 10-7, Khối thi đua các huyện, thành phố, thị xã của tỉnh đã tổ chức hội nghị.", None, None,
         "Khối thi đua các huyện, thành phố, thị xã"),
        # "tham mưu, giúp việc" is one phrase of the name
        ("Ngày 9/1/2024, Khối thi đua các cơ quan tham mưu, giúp việc Huyện ủy Thanh Chương tổ chức hội nghị tổng kết.",
         None, None, "Khối thi đua các cơ quan tham mưu, giúp việc Huyện ủy Thanh Chương"),
        # abbreviation glosses in brackets are dropped
        ("Khối các trường đại học (ĐH), cao đẳng (CĐ) trên địa bàn tỉnh vừa tổ chức tổng kết năm học.", None, None,
         "Khối các trường đại học, cao đẳng trên địa bàn tỉnh"),
        # the fullest form wins over the short title form
        ("Sáng 20/2, Khối thi đua Mặt trận Tổ quốc và các đoàn thể chính trị - xã hội tỉnh đã ký kết giao ước.",
         "Khối thi đua Mặt trận ký kết giao ước", None,
         "Khối thi đua Mặt trận Tổ quốc và các đoàn thể chính trị - xã hội tỉnh"),
        # "các đơn vị …" opens a name; "trực thuộc" does not end it
        ("Sáng 8/1, Khối thi đua các đơn vị sự nghiệp trực thuộc UBND tỉnh Quảng Trị tổ chức hội nghị tổng kết.", None, None,
         "Khối thi đua các đơn vị sự nghiệp trực thuộc UBND tỉnh Quảng Trị"),
        ("Khối thi đua đơn vị kinh tế tỉnh vừa tổ chức ký kết giao ước thi đua.", None, None,
         "Khối thi đua đơn vị kinh tế tỉnh"),
        # commas between the parts of an enumerated name: Đảng, Mặt trận, đoàn thể
        ("Chiều 2/3, Khối thi đua các cơ quan Đảng, Mặt trận và các đoàn thể tỉnh Sơn La đã ký kết giao ước thi đua.", None,
         None, "Khối thi đua các cơ quan Đảng, Mặt trận và các đoàn thể tỉnh Sơn La"),
        # a name still ends at "các đơn vị" after it
        ("Khối thi đua Nội chính các đơn vị đã thống nhất nội dung giao ước.", None, None, "Khối thi đua Nội chính"),
        # a sentence's dot ends the name (an abbreviation's dot does not)
        ("Dự hội nghị có đại diện Cụm thi đua số 2. Cụm thi đua số 5 ký kết giao ước. Cụm thi đua số 5 gồm 6 xã.", None,
         None, "Cụm thi đua số 5"),
        ("Hội nghị của Khối thi đua Nội chính. Sở Tư pháp báo cáo kết quả.", None, None, "Khối thi đua Nội chính"),
        # a renamed bloc: the name used throughout wins
        ("Khối thi đua Tài chính (nay là Khối thi đua số 5) tổng kết năm 2019. Khối thi đua số 5 có 12 đơn vị.", None, None,
         "Khối thi đua số 5"),
        # "Khối 9" in the text, the URL slug says "khoi-thi-dua-so-9"
        ("Hội nghị tổng kết của Khối 9 trong năm 2018 đã bầu Khối trưởng mới.", None,
         "https://example.vn/tong-ket-khoi-thi-dua-so-9", "Khối thi đua số 9"),
        # a province closes the name: the verb phrase after it is no part of it
        ("Ngày 3/10, Khối thi đua các cơ quan Trung ương đóng trên địa bàn tỉnh Bình Định tổ chức chương trình "
         "giao lưu thể thao.", None, None, "Khối thi đua các cơ quan Trung ương đóng trên địa bàn tỉnh Bình Định"),
        # "thuộc thành phố X" after a descriptive name is kept
        ("Sáng 20/1, Cụm thi đua các quận, huyện thuộc thành phố Đà Nẵng tổng kết năm 2023.", None, None,
         "Cụm thi đua các quận, huyện thuộc thành phố Đà Nẵng"),
        # a numbered cluster inside a provincial organisation keeps the organisation's name
        ("Sáng 5/6, Cụm thi đua số 4 Hội Liên hiệp Phụ nữ tỉnh Yên Bái tổ chức hội nghị sơ kết.", None, None,
         "Cụm thi đua số 4 Hội Liên hiệp Phụ nữ tỉnh Yên Bái"),
        ("Cụm thi đua số 3 Công an tỉnh tổng kết năm 2023. Cụm thi đua số 3 gồm 5 đơn vị.", None, None,
         "Cụm thi đua số 3 Công an tỉnh"),
        ("Ngày 2/7, Cụm thi đua số 1 Thành Đoàn Hải Phòng tổ chức sơ kết công tác Đoàn.", None, None,
         "Cụm thi đua số 1 Thành Đoàn Hải Phòng"),
        # … but not a verb, "thuộc …" or a lower-case description after the number
        ("Cụm thi đua số 6 thuộc Hội Cựu chiến binh tỉnh đã tổng kết.", None, None, "Cụm thi đua số 6"),
        ("Khối thi đua số 2 Tổ chức hội nghị tại UBND tỉnh.", None, None, "Khối thi đua số 2"),
        # "nông, lâm nghiệp": an enumerated branch of the economy after a comma
        ("Khối thi đua các công ty nông, lâm nghiệp vừa ký kết giao ước thi đua.", None, None,
         "Khối thi đua các công ty nông, lâm nghiệp"),
        # "hợp tác xã" opens a name; an activity word ("tọa đàm", "hội thảo") ends it
        ("Khối thi đua các hợp tác xã vận tải tổ chức sơ kết.", None, None, "Khối thi đua các hợp tác xã vận tải"),
        ("Ngày 3/4, Cụm thi đua các huyện miền núi tổ chức hội nghị sơ kết.", "Cụm thi đua các huyện miền núi hội thảo "
         "về chuyển đổi số", None, "Cụm thi đua các huyện miền núi"),
        # the title abbreviates the organisation, the body spells it out: the fuller form is the name
        ("Ngày 2/4, Cụm thi đua Hội Nông dân các huyện phía Tây tổ chức hội nghị sơ kết.",
         "Cụm thi đua Hội ND các huyện phía Tây sơ kết", None, "Cụm thi đua Hội Nông dân các huyện phía Tây"),
        # post-2025 clusters of xã/phường/đặc khu: the unbracketed description after the number is the name
        ("Sáng 3/10, Cụm thi đua số 6 các xã khu vực miền núi phía Bắc tổ chức hội nghị giao ước.",
         "Cụm thi đua số 6 ký giao ước", None, "Cụm thi đua số 6 các xã khu vực miền núi phía Bắc"),
        ("Cụm thi đua số 11 các xã, phường, đặc khu vùng duyên hải tổ chức sơ kết 6 tháng.", None, None,
         "Cụm thi đua số 11 các xã, phường, đặc khu vùng duyên hải"),
        ("Ngày 8/12, Cụm thi đua số 2 các đặc khu và xã đảo đã tổng kết năm 2025.", None, None,
         "Cụm thi đua số 2 các đặc khu và xã đảo"),
        # a list of named units after the number, or "thuộc …", is not a description
        ("Cụm thi đua số 4 các xã Tân Hòa, Tân Lập và Tân Tiến tổ chức hội nghị.", None, None, "Cụm thi đua số 4"),
        ("Cụm thi đua số 4 các phường thuộc khu vực trung tâm tổ chức hội nghị.", None, None, "Cụm thi đua số 4"),
        # other descriptions after a number are still left out (a parenthesis is dropped)
        ("Khối thi đua số 3 (các sở quản lý kinh tế) tổ chức hội nghị tổng kết.", None, None, "Khối thi đua số 3"),
    ],
)
def test_bloc_name(text, title, url, expected):
    r = ArticleRecords(relevant=True)
    d = doc(text, title=title, url=url)
    fill(d, r)
    assert r.bloc == expected
    ev = r.evidence["bloc"]
    assert 0 <= ev.start <= ev.end <= len(d.text)


def test_generic_plural_is_not_a_bloc():
    r = ArticleRecords(relevant=True)
    fill(doc("Hội đồng xét khen thưởng cho các cụm, khối thi đua của tỉnh."), r)
    assert r.bloc is None


def test_bloc_of_agencies_named_without_thi_dua() -> None:
    """ "Khối cơ quan Nội chính tỉnh tổ chức …": the bare form with a lower-case "cơ quan" before a name."""
    records = ArticleRecords(relevant=True)
    fill(doc("Chiều 3/7, Khối cơ quan Văn xã tỉnh tổ chức hội nghị sơ kết phong trào thi đua."), records)
    assert records.bloc == "Khối cơ quan Văn xã tỉnh"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a sector's bloc of several provinces: the count and region belong to the name
        ("Sáng 5/9, thanh tra các tỉnh thuộc Cụm thi đua Thanh tra 6 tỉnh phía Nam Trung Bộ đã tổ chức sơ kết.",
         "Cụm thi đua Thanh tra 6 tỉnh phía Nam Trung Bộ"),
        ("Cụm thi đua Công an 5 tỉnh Tây Nguyên tổ chức hội nghị tổng kết.", "Cụm thi đua Công an 5 tỉnh Tây Nguyên"),
        # a province after a bloc's number is not a region
        ("Khối thi đua số 5 tỉnh Bắc Giang tổ chức hội nghị.", "Khối thi đua số 5"),
        # the head word said twice before the number
        ("Hội nghị của Cụm thi đua cụm số IX. Ngày 20/12, cụm thi đua số IX tổ chức tổng kết.", "Cụm thi đua số IX"),
    ],
)
def test_region_count_and_repeated_head_word(text: str, expected: str) -> None:
    """Bloc names with "N tỉnh <region>" and "Cụm thi đua cụm số N"."""
    records = ArticleRecords(relevant=True)
    fill(doc(text), records)
    assert records.bloc == expected


@pytest.mark.parametrize(
    ("text", "title", "expected"),
    [
        # a sector's cluster named by its organisation after the number, without a province
        ("Ngày 12/3, Cụm thi đua số 7 Kho bạc Nhà nước tổ chức hội nghị. Cụm thi đua số 7 gồm 5 đơn vị.", None,
         "Cụm thi đua số 7 Kho bạc Nhà nước"),
        ("Cụm thi đua số VI Tòa án nhân dân tổ chức sơ kết. Cụm thi đua số VI năm nay có 6 đơn vị.", None,
         "Cụm thi đua số VI Tòa án nhân dân"),
        ("Cụm thi đua số 3 BHXH Việt Nam đã ký kết giao ước thi đua năm 2025.", None, "Cụm thi đua số 3 BHXH Việt Nam"),
        ("Cụm thi đua số 4 Hải quan triển khai nhiệm vụ năm 2025.", None, "Cụm thi đua số 4 Hải quan"),
        # a person's name after the number is not an organisation
        ("Cụm trưởng Cụm thi đua số 2 Trần Văn Bình phát biểu. Cụm thi đua số 2 tổng kết năm 2024.", None,
         "Cụm thi đua số 2"),
        # "thuộc <parent>" is the name where the article keeps using it, not when said once in passing
        ("Cụm thi đua số 8 thuộc Cục Hải quan gồm 5 đơn vị. Cụm thi đua số 8 thuộc Cục Hải quan đã tổng kết.",
         "Cụm thi đua số 8 thuộc Cục Hải quan tổng kết năm 2024", "Cụm thi đua số 8 thuộc Cục Hải quan"),
        ("Cụm thi đua số 8 thuộc Cục Hải quan đã tổng kết năm 2024.", "Cụm thi đua số 8 tổng kết", "Cụm thi đua số 8"),
        # "nói riêng" / "nói chung" after a name is no part of it
        ("Khối thi đua Văn hóa - Xã hội tỉnh ký giao ước. Kết quả của ngành nói chung và Khối thi đua Văn hóa "
         "- Xã hội nói riêng được nâng lên.", None, "Khối thi đua Văn hóa - Xã hội tỉnh"),
    ],
)
def test_sector_organisation_after_number(text: str, title: str | None, expected: str) -> None:
    """A sector organisation named after a cluster's number belongs to the name; "nói riêng" does not."""
    records = ArticleRecords(relevant=True)
    fill(doc(text, title=title), records)
    assert records.bloc == expected


def test_count_of_centrally_run_cities_stays_in_the_name() -> None:
    """ "Cụm thi đua 4 thành phố trực thuộc Trung ương": the count and its kind of city are the name."""
    records = ArticleRecords(relevant=True)
    fill(doc("Sáng 10/11, Cụm thi đua 4 thành phố trực thuộc Trung ương đã tổng kết năm 2023 tại Đà Nẵng."), records)
    assert records.bloc == "Cụm thi đua 4 thành phố trực thuộc Trung ương"


def test_numbered_bloc_and_its_name_after_a_dash_are_one_name() -> None:
    """ "Khối 5 – Khối thi đua các trường cao đẳng": the fullest form keeps the number and the name."""
    text = (
        "Sáng ngày 20/6, Cuộc họp tổng kết Khối 5 – Khối thi đua các trường cao đẳng năm học 2023 - 2024 diễn ra tại "
        "Trường Cao đẳng Kỹ thuật. Dựa trên kết quả bình xét, Khối thi đua các trường cao đẳng sẽ đề nghị khen thưởng."
    )
    mentions = find_mentions(text)
    assert mentions[0].surface == "Khối 5 – Khối thi đua các trường cao đẳng"
    assert choose_bloc(mentions).surface == "Khối 5 – Khối thi đua các trường cao đẳng"


def test_a_date_before_the_bloc_is_not_a_count_of_blocs() -> None:
    """ "ngày 10/02/2024 Cụm thi đua số 3 gồm …" names a bloc; "12 cụm thi đua" stays generic."""
    dated = find_mentions("Ngày 10/02/2024 Cụm thi đua số 3 gồm Viện kiểm sát nhân dân các huyện tổ chức lễ ký kết.")
    assert [m.surface for m in dated] == ["Cụm thi đua số 3"]
    assert find_mentions("Toàn tỉnh có 12 cụm thi đua hoạt động hiệu quả.") == []


def test_capitalised_region_after_a_count_of_provinces_stays_in_the_name() -> None:
    """ "Cụm thi đua 6 tỉnh Duyên hải Nam Trung Bộ": a count of provinces and their region, capitalised or not."""
    records = ArticleRecords(relevant=True)
    fill(doc("Ngày 3/4, Cụm thi đua 6 tỉnh Duyên hải Nam Trung Bộ đã tổ chức kiểm tra chéo."), records)
    assert records.bloc == "Cụm thi đua 6 tỉnh Duyên hải Nam Trung Bộ"


def test_number_in_brackets_after_a_descriptive_name_is_the_same_bloc() -> None:
    """ "Cụm thi đua các tỉnh … (Cụm số 3)": the bracketed number is an alias, the descriptive name wins."""
    records = ArticleRecords(relevant=True)
    text = "Sáng 5/6, Cụm thi đua các tỉnh miền núi phía Tây (Cụm số 3) đã tổ chức hội nghị sơ kết."
    fill(doc(text, title="Cụm thi đua số 3: chung sức vì địa phương"), records)
    assert records.bloc == "Cụm thi đua các tỉnh miền núi phía Tây"


def test_party_body_after_cua_is_part_of_the_name() -> None:
    """ "Khối thi đua các ban xây dựng Đảng của Tỉnh ủy (Khối 2)": the body the agencies serve is in the name."""
    records = ArticleRecords(relevant=True)
    text = "Sáng 8-3, Khối thi đua các ban xây dựng Đảng của Tỉnh ủy (Khối 2) tổ chức hội nghị ký kết giao ước thi đua."
    fill(doc(text, title="Khối thi đua các ban xây dựng Đảng của Tỉnh ủy (Khối 2) ký kết giao ước"), records)
    assert records.bloc == "Khối thi đua các ban xây dựng Đảng của Tỉnh ủy"


def test_nationwide_association_after_a_comma_is_part_of_the_name() -> None:
    """ "Cụm thi đua số 3, Hội Cựu TNXP - Khối A Việt Nam": a nationwide body after a comma; a province's is not."""
    found = find_mentions("Cụm thi đua số 3, Hội Cựu thanh niên xung phong - Đội A Việt Nam tổng kết năm 2024.")
    assert [m.surface for m in found] == ["Cụm thi đua số 3, Hội Cựu thanh niên xung phong - Đội A Việt Nam"]
    found = find_mentions("Các đơn vị thuộc Cụm thi đua số 3, Công an tỉnh Nghệ An đã ký giao ước.")
    assert [m.surface for m in found] == ["Cụm thi đua số 3"]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # a provincial association after a comma, closed by its province
        ("Sáng 9/1, Cụm thi đua số 3, Hội Nông dân Thành phố Hải Phòng tổ chức hội nghị.",
         "Cụm thi đua số 3, Hội Nông dân Thành phố Hải Phòng"),
        # a dash, a bracketed gloss and a nationwide organisation
        ("do Cụm thi đua 7- Hội Liên hiệp Phụ nữ (LHPN) Việt Nam gồm Hội các tỉnh ven biển",
         "Cụm thi đua 7- Hội Liên hiệp Phụ nữ (LHPN) Việt Nam"),
        # a dash and an abbreviated court system with its city
        ("tổng kết năm 2024 của Cụm thi đua số II – VKSND hai cấp TP.HCM.", "Cụm thi đua số II – VKSND hai cấp TP.HCM"),
        # a comma joining a second sector to the bloc's name
        ("Cụm thi đua Sở Tư pháp, Thi hành án dân sự các tỉnh Tây Nguyên tổ chức tổng kết",
         "Cụm thi đua Sở Tư pháp, Thi hành án dân sự các tỉnh Tây Nguyên"),
        # a dash before an event or a host stays outside the name
        ("Cụm thi đua số 2 - Hội nghị tổng kết năm 2023", "Cụm thi đua số 2"),
        ("Cụm thi đua số 4 - Sở Nội vụ chủ trì hội nghị", "Cụm thi đua số 4"),
    ],
)
def test_organisation_after_a_comma_or_dash_is_part_of_a_numbered_name(text: str, name: str) -> None:
    """Pattern: real pages cut the bloc's name at the comma or dash before its parent organisation."""
    assert find_mentions(text)[0].surface == name


def test_full_name_in_the_lead_beats_its_later_short_form() -> None:
    """Pattern: the body's lead gives the bloc's full name once, the rest shortens it; a title's parent does not count."""
    text = (
        "Sáng 12/3, Cụm thi đua số 6 – Hội Nông dân tỉnh Bắc Ninh tổ chức hội nghị ký kết giao ước.\n\n"
        "Cụm thi đua số 6 gồm 7 đơn vị. Năm 2024, Cụm thi đua số 6 đạt nhiều kết quả.\n\n"
        "Các đơn vị trong Cụm thi đua số 6 thống nhất bầu Cụm trưởng."
    )
    records = ArticleRecords(relevant=True)
    fill(doc(text), records)
    assert records.bloc == "Cụm thi đua số 6 – Hội Nông dân tỉnh Bắc Ninh"
    # the same longer form only after the lead: the commonest form stays
    late = "\n\n".join(["Cụm thi đua số 6 tổ chức hội nghị."] * 3 + ["Cụm thi đua số 6 – Hội Nông dân tỉnh Bắc Ninh có 7 đơn vị."])
    records = ArticleRecords(relevant=True)
    fill(doc(late), records)
    assert records.bloc == "Cụm thi đua số 6"
    # a title that prefixes the parent only locates the bloc
    records = ArticleRecords(relevant=True)
    fill(doc("Cụm thi đua số 6 họp. Cụm thi đua số 6 gồm 7 đơn vị. Cụm thi đua số 6 ký kết.", title="Cụm thi đua số 6 Bộ Công an ký giao ước"), records)
    assert records.bloc == "Cụm thi đua số 6"


def test_lower_case_bloc_after_emulation_closes_with_agencies() -> None:
    """"giao ước thi đua khối Nội chính và các cơ quan": a district bloc named in lower case after "thi đua"."""
    ms = find_mentions("Huyện tổ chức ký kết giao ước thi đua khối Tư pháp và các cơ quan")
    assert [m.surface for m in ms] == ["khối Tư pháp và các cơ quan"]
    assert [m.surface for m in find_mentions("Khối Tư pháp và các cơ quan tham gia ký kết.")] == ["Khối Tư pháp"]


def test_force_glossed_by_its_initials_after_comma_is_the_parent() -> None:
    """ "Cụm thi đua số 4, Bộ Tư lệnh Thủ đô (BTLTĐ)": the spelled-out force, glossed by its initials, names it."""
    ms = find_mentions("Sáng 2/10, Cụm thi đua số 4, Bộ Tư lệnh Thủ đô (BTLTĐ) đã tổ chức hội nghị tổng kết.")
    assert [m.surface for m in ms] == ["Cụm thi đua số 4, Bộ Tư lệnh Thủ đô"]
    assert [m.surface for m in find_mentions("Cụm thi đua số 4, Công an tỉnh (CAT) tổ chức hội nghị.")] == ["Cụm thi đua số 4"]


def test_ministry_after_comma_and_sector_after_nganh_belong_to_the_name() -> None:
    """"Cụm thi đua số 3, Bộ Tài chính", "Cụm thi đua số 2 ngành Y tế": a nationwide parent closes the name."""
    ms = find_mentions("Chiều 5/12, Cụm thi đua số 3, Bộ Tài chính đã tổ chức hội nghị tổng kết.")
    assert [m.surface for m in ms] == ["Cụm thi đua số 3, Bộ Tài chính"]
    ms = find_mentions("Ngày 9/10, Cụm thi đua số 2 ngành Y tế ký kết giao ước thi đua.")
    assert [m.surface for m in ms] == ["Cụm thi đua số 2 ngành Y tế"]
    # a provincial body after the comma is the host or a member, not the parent
    ms = find_mentions("Cụm thi đua số 3, Bộ Chỉ huy Quân sự tỉnh Nam Định đăng cai hội nghị.")
    assert [m.surface for m in ms] == ["Cụm thi đua số 3"]


def test_abbreviated_bloc_name_yields_to_its_spelled_out_form() -> None:
    """"Khối thi đua KT-KT" used more often than "Khối thi đua Kinh tế - Kỹ thuật": the full form names the bloc."""
    text = (
        "Khối thi đua Kinh tế - Kỹ thuật vừa tổ chức hội nghị tổng kết năm 2024.\n"
        "Các đơn vị trong Khối thi đua KT-KT đã thống nhất suy tôn đơn vị dẫn đầu.\n"
        "Sở Xây dựng được bầu làm Khối trưởng Khối thi đua KT-KT năm 2025."
    )
    r = ArticleRecords(relevant=True)
    fill(doc(text), r)
    assert r.bloc == "Khối thi đua Kinh tế - Kỹ thuật"


def test_initials_and_spelled_out_name_are_the_same_bloc() -> None:
    """A role "Khối phó Khối thi đua KT-KT" belongs to "Khối thi đua Kinh tế - Kỹ thuật", not to another bloc."""
    from nlp.blocs import same_bloc

    (full,) = find_mentions("Khối thi đua Kinh tế - Kỹ thuật tổ chức hội nghị.")
    (short,) = find_mentions("Khối thi đua KT-KT tổ chức hội nghị.")
    (other,) = find_mentions("Khối thi đua VH-XH tổ chức hội nghị.")
    assert same_bloc(short, full) is True
    assert same_bloc(full, short) is True
    assert same_bloc(other, full) is False
