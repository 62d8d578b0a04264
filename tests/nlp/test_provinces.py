import pytest

from nlp.provinces import fill, name_as_of, new_province, province_from_url, spans_provinces
from store.models import ArticleRecords
from tests.nlp.helpers import doc


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://thainguyen.gov.vn/tin-tuc/abc", "Thái Nguyên"),
        ("http://baolamdong.vn/chinhtri/202208/x", "Lâm Đồng"),
        ("https://mysql.baothaibinh.com.vn/tin-tuc/1", "Thái Bình"),
        ("https://sotuphap.quangninh.gov.vn/a", "Quảng Ninh"),
        ("https://baoninhbinh.org.vn/x", "Ninh Bình"),
        ("https://example.gov.vn/tong-ket-cum-1-cua-tinh-tra-vinh", "Trà Vinh"),
        ("https://vtv.vn/trong-nuoc/abc", None),
        ("not a url at all", None),
        (None, None),
    ],
)
def test_province_from_url(url, expected):
    assert province_from_url(url) == expected


@pytest.mark.parametrize(
    ("old", "new"),
    [("Yên Bái", "Lào Cai"), ("tỉnh Bắc Kạn", "Thái Nguyên"), ("Hà Tĩnh", "Hà Tĩnh"), ("Cần Thơ", "Cần Thơ"), ("Xứ Đoài", None)],
)
def test_new_province(old, new):
    assert new_province(old) == new


@pytest.mark.parametrize(
    ("text", "url", "expected"),
    [
        ("Khối thi đua các sở tỉnh Hà Nam tổ chức hội nghị.", None, "Hà Nam"),
        ("Chiều 3/4, tại huyện Đức Trọng, Cụm thi đua số 1 ký kết giao ước.", None, "Lâm Đồng"),
        ("Khối thi đua các cơ quan tham mưu tỉnh cao Bằng họp.", None, "Cao Bằng"),  # lower-case typo after "tỉnh"
        ("Khối thi đua ký giao ước, học tập tư tưởng, đạo đức, phong cách Hồ Chí Minh.", None, None),
        ("Khối thi đua 13 tổ chức hội nghị.", "https://baodongnai.com.vn/x", "Đồng Nai"),
    ],
)
def test_province_from_text_and_portal(text, url, expected):
    r = ArticleRecords(relevant=True)
    fill(doc(text, url=url), r)
    assert r.province == expected
    if expected:
        assert r.province_new is not None


@pytest.mark.parametrize(
    ("short", "year", "expected"),
    [("Huế", 2022, "Thừa Thiên Huế"), ("Huế", 2025, "Huế"), ("Huế", None, "Huế"), ("Lâm Đồng", 2019, "Lâm Đồng")],
)
def test_name_as_of_a_renamed_province(short, year, expected):
    assert name_as_of(short, year) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ngày 12/1/2023, tại Bảo tàng Văn hóa Huế, Khối thi đua các cơ quan văn hóa tổ chức tổng kết.", "Thừa Thiên Huế"),
        ("Ngày 20/7/2025, tại Sở Y tế thành phố Huế, Khối thi đua Văn hóa - Xã hội tổ chức sơ kết.", "Huế"),
    ],
)
def test_province_name_follows_the_article_year(text, expected):
    r = ArticleRecords(relevant=True)
    fill(doc(text), r)
    assert r.province == expected


@pytest.mark.parametrize(
    ("text", "url", "expected"),
    [
        # a cluster of provinces belongs to none of them, whichever portal reports it
        ("Ngày 20/4/2023, tại Bình Dương, Cụm thi đua các tỉnh Đông Nam Bộ (gồm 5 tỉnh: Bình Dương, Bình Phước, Tây Ninh, "
         "Đồng Nai, Bà Rịa - Vũng Tàu) ký kết giao ước.", "https://binhduong.gov.vn/x", None),
        ("Ngày 8/12/2023, Cụm thi đua số 3 thuộc Bộ Y tế, gồm Sở Y tế các tỉnh Sơn La, Điện Biên, Lai Châu và Hòa Bình, "
         "tổng kết năm 2023.", "https://soyte.sonla.gov.vn/x", None),
        # a sector cluster whose members are one agency of each of several provinces
        ("Ngày 12/1/2024, tại Kho bạc Nhà nước Cần Thơ, Cụm thi đua số 5 ngành Kho bạc gồm 4 đơn vị: KBNN Cần Thơ, "
         "KBNN Hậu Giang, KBNN Sóc Trăng và KBNN Bạc Liêu tổng kết năm 2023.", None, None),
        # a bloc named after a region of several provinces
        ("Ngày 5/7/2024, tại Đắk Lắk, Cụm thi đua Bảo hiểm xã hội các tỉnh Tây Nguyên sơ kết 6 tháng đầu năm.",
         None, None),
        # a sector cluster inside one province keeps it
        ("Ngày 6/1/2024, Cụm thi đua các Chi cục Thuế tỉnh Hậu Giang gồm: Chi cục Thuế thành phố Vị Thanh, "
         "Chi cục Thuế huyện Long Mỹ, Chi cục Thuế thị xã Ngã Bảy tổng kết năm 2023.", None, "Hậu Giang"),
        # two provinces named in a list of districts do not make a cluster
        ("Cụm thi đua số 2 gồm các huyện Mường La, Thuận Châu và Quỳnh Nhai của tỉnh Sơn La họp.", None, "Sơn La"),
    ],
)
def test_a_cluster_of_provinces_has_no_province(text, url, expected):
    r = ArticleRecords(relevant=True)
    d = doc(text, url=url)
    fill(d, r)
    assert r.province == expected
    assert spans_provinces(d) is (expected is None)


@pytest.mark.parametrize(
    ("event_date", "expected"),
    [("2026-03-12", "Hồ Chí Minh"), ("2025-07-10", "Hồ Chí Minh"), ("2024-12-20", "Bình Dương"), (None, "Bình Dương")],
)
def test_former_province_wording_gives_the_new_province_after_the_merger(event_date, expected):
    """A post-July-2025 report about wards "khu vực tỉnh Bình Dương cũ" is filed under the merged city."""
    text = ("Cụm thi đua số 7 các phường thuộc tỉnh Bình Dương trước đây tổ chức hội nghị tại phường Lái Thiêu, "
            "tỉnh Bình Dương cũ.")
    r = ArticleRecords(relevant=True, event_date=event_date)
    fill(doc(text), r)
    assert r.province == expected
    assert r.province_new == "Hồ Chí Minh"


def test_city_abbreviation_tp_hcm_names_the_province():
    d = doc("Ngày 20/4/2021, Công ty TNHH MTV Môi trường đô thị TP.HCM - Trưởng Khối thi đua 12 tổ chức ký kết giao ước "
            "thi đua năm 2021.")
    r = ArticleRecords(relevant=True)
    fill(d, r)
    assert r.province == "Hồ Chí Minh"


@pytest.mark.parametrize(
    ("text", "bloc", "expected"),
    [
        # a bloc named by a count of provinces or centrally-run cities, hosted by one of them
        ("Sáng 10/11/2023, tại Đà Nẵng, Cụm thi đua 4 thành phố trực thuộc Trung ương tổng kết năm 2023.", None, None),
        ("Ngày 3/12/2023, tại Huế, Cụm thi đua Hải quan 6 tỉnh miền Trung tổng kết năm 2023.", None, None),
        # a numbered cluster of a nationwide sector, its name carrying no province, hosted by one province
        ("Ngày 7/7/2024, tại Quảng Bình, Cụm thi đua số 6 Kho bạc Nhà nước sơ kết 6 tháng đầu năm.",
         "Cụm thi đua số 6 Kho bạc Nhà nước", None),
        # … a numbered cluster inside one province's sector agency keeps the province
        ("Ngày 7/7/2024, Cụm thi đua số 2 Viện kiểm sát nhân dân tỉnh Quảng Bình sơ kết 6 tháng đầu năm.",
         "Cụm thi đua số 2 Viện kiểm sát nhân dân tỉnh Quảng Bình", "Quảng Bình"),
        ("Ngày 20/12/2023, Cụm thi đua số 2 tỉnh Quảng Bình tổng kết năm 2023.", "Cụm thi đua số 2", "Quảng Bình"),
    ],
)
def test_a_sector_or_counted_cluster_has_no_province(text: str, bloc: str | None, expected: str | None) -> None:
    """Clusters named by a count of provinces, or numbered within a nationwide sector, span provinces."""
    r = ArticleRecords(relevant=True, bloc=bloc)
    fill(doc(text), r)
    assert r.province == expected


@pytest.mark.parametrize(
    ("bloc", "text", "url"),
    [
        (
            "Cụm thi đua số 2 Bộ Tài chính",
            "Ngày 5/11, Cụm thi đua số 2 Bộ Tài chính gồm Cục Hải quan Đà Nẵng, Cục Hải quan Quảng Nam tổng kết năm 2023.",
            None,
        ),
        (
            "Cụm thi đua số III TANDTC",
            "Ngày 12/10, Cụm thi đua số III TANDTC tổ chức hội nghị tổng kết trực tuyến.",
            "https://quangtri.toaan.gov.vn/tin-tuc/1",
        ),
    ],
)
def test_ministry_or_supreme_court_cluster_has_no_province(bloc: str, text: str, url: str | None) -> None:
    """A cluster of a ministry or the supreme court spans provinces, whatever member or portal names one."""
    records = ArticleRecords(relevant=True, bloc=bloc)
    fill(doc(text, url=url), records)
    assert records.province is None


def test_cluster_of_cities_listed_after_gom_has_no_province() -> None:
    """ "gồm Công an 4 thành phố: A, B, C và D": several centrally run cities, no one province."""
    text = "Ngày 8-11, Cụm thi đua số 3 gồm Công an 4 thành phố: Hà Nội, Hải Phòng, Đà Nẵng và Cần Thơ đã tổng kết."
    records = ArticleRecords(relevant=True, bloc="Cụm thi đua số 3")
    fill(doc(text), records)
    assert records.province is None


def test_count_of_provinces_before_the_bloc_means_a_cross_province_cluster() -> None:
    """Pattern: 'Công an N tỉnh Cụm thi đua số X' — a ministry's cluster of several provinces has no host province."""
    title = "Hội Nông dân 4 tỉnh Cụm thi đua số 3 ký kết giao ước thi đua"
    text = "Năm 2025, Hội Nông dân tỉnh Lâm Đồng được phân công làm Cụm trưởng Cụm thi đua số 3."
    assert spans_provinces(doc(text, title=title), "Cụm thi đua số 3")
    # a province's own units: "4 huyện" is not a count of provinces
    assert not spans_provinces(doc(text, title="Công an 4 huyện Cụm thi đua số 3 ký kết giao ước"), "Cụm thi đua số 3")
