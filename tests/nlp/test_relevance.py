import time

import pytest

from nlp.relevance import classify
from tests.nlp.helpers import doc

RELEVANT = [
    ("Khối thi đua các cơ quan Văn hóa - Xã hội tổng kết năm 2022",
     "Chiều 20/12, Khối thi đua các cơ quan Văn hóa - Xã hội tỉnh tổ chức hội nghị tổng kết công tác thi đua, "
     "khen thưởng năm 2022 và ký kết giao ước thi đua năm 2023."),
    ("Cụm thi đua số 4 ký kết giao ước thi đua",
     "Sáng 3/3, tại huyện Mỹ Lộc, Cụm thi đua số 4 gồm các huyện Mỹ Lộc, Vụ Bản và Ý Yên đã ký kết giao ước thi đua năm 2021."),
    ("Hội thao Khối thi đua Nội chính",
     "Ngày 12/5, Khối thi đua Nội chính tổ chức hội thao chào mừng kỷ niệm ngày thành lập với sự tham gia của 9 đơn vị."),
    (None,
     "Hội nghị sơ kết 6 tháng đầu năm của Khối thi đua các doanh nghiệp Trung ương diễn ra chiều 14/7 tại Công ty Điện lực."),
]

RELEVANT += [
    # a bloc named "các đơn vị …" with a dated title
    ("Ngày 9/1/2023: Khối thi đua các đơn vị sự nghiệp trực thuộc UBND tỉnh tổng kết công tác năm 2022",
     "Ngày 9/1/2023, tại Trường Cao đẳng Y tế, Khối thi đua các đơn vị sự nghiệp trực thuộc UBND tỉnh tổ chức hội nghị "
     "tổng kết công tác thi đua, khen thưởng năm 2022."),
    ("Khối thi đua các cơ quan Đảng, Mặt trận và đoàn thể tỉnh ký kết giao ước",
     "Chiều 1/3, Khối thi đua các cơ quan Đảng, Mặt trận và đoàn thể tỉnh Điện Biên tổ chức ký kết giao ước thi đua."),
]

RELEVANT += [
    # a founding ceremony of a new post-2025 cluster (ra mắt, công bố quyết định thành lập)
    ("Ra mắt Cụm thi đua số 3 các phường khu vực trung tâm",
     "Sáng 5/9, tại UBND phường Hòa Bình, Cụm thi đua số 3 các phường khu vực trung tâm tổ chức lễ ra mắt, công bố "
     "quyết định thành lập Cụm và bầu Cụm trưởng, Cụm phó."),
    (None,
     "Chiều 18/8, Khối thi đua các cơ quan Đảng, đoàn thể tỉnh tổ chức công bố quyết định thành lập Khối và bầu "
     "Trưởng khối, Phó Trưởng khối năm 2025."),
]

NOT_RELEVANT = [
    # a commune's own congress, or an agency's own review, naming its bloc in passing
    ("Đại hội Đảng bộ xã Tân Phú lần thứ I",
     "Ngày 20/8, Đảng bộ xã Tân Phú tổ chức Đại hội lần thứ I. Từ khi vận hành chính quyền hai cấp, xã tham gia "
     "Cụm thi đua số 3 của tỉnh và đã ký giao ước thi đua cùng các xã bạn."),
    ("Sở Xây dựng tổng kết năm 2025",
     "Sáng 8/1, Sở Xây dựng tổ chức hội nghị tổng kết công tác năm 2025. Về thi đua, là thành viên Khối thi đua "
     "các sở kinh tế của tỉnh, Sở hoàn thành các nội dung đã giao ước."),
    # provincial emulation council session
    ("Hội đồng Thi đua - Khen thưởng tỉnh họp xét khen thưởng năm 2021",
     "Sáng 10/1, Hội đồng Thi đua - Khen thưởng tỉnh họp phiên thứ nhất để xét tặng Cờ thi đua cho các cụm, khối "
     "thi đua của tỉnh và Bằng khen cho 80 tập thể."),
    # one agency's own year-end review
    ("Sở Tài chính tổng kết công tác năm 2022",
     "Ngày 5/1, Sở Tài chính tổ chức hội nghị tổng kết công tác năm 2022, triển khai nhiệm vụ năm 2023. "
     "Giám đốc Sở biểu dương các phòng ban đã hoàn thành tốt nhiệm vụ."),
    # military movement
    ("Bộ Chỉ huy Quân sự tỉnh phát động thi đua Quyết thắng",
     "Ngày 15/1, Bộ Chỉ huy Quân sự tỉnh phát động phong trào Thi đua Quyết thắng năm 2023 với chủ đề đoàn kết, kỷ cương."),
    # award ceremony for individuals
    ("Trao Huân chương Lao động cho 5 cá nhân",
     "Chiều 2/9, Chủ tịch UBND tỉnh trao Huân chương Lao động hạng Ba cho 5 cá nhân có thành tích xuất sắc."),
    # legal document about blocs
    ("Quyết định ban hành Quy chế tổ chức và hoạt động cụm, khối thi đua",
     "QUYẾT ĐỊNH:\nĐiều 1. Ban hành kèm theo Quyết định này Quy chế tổ chức và hoạt động của Cụm, Khối thi đua thuộc tỉnh.\n"
     "Điều 2. Quyết định có hiệu lực kể từ ngày ký."),
    # overview of the blocs of a province
    ("Tỉnh có 3 cụm, 18 khối thi đua",
     "Theo quyết định mới, toàn tỉnh có 3 cụm và 18 khối thi đua với 160 đơn vị; Cụm thi đua số 1 gồm 4 huyện phía Bắc."),
    # a commendation decision that lists the leading unit of every bloc, one bloc per line
    ("Tặng Cờ thi đua cho các đơn vị dẫn đầu năm 2023",
     "Chủ tịch UBND tỉnh vừa ký quyết định tặng Cờ thi đua cho các tập thể dẫn đầu các cụm, khối thi đua. Cụ thể:\n"
     "1. Cụm thi đua các huyện miền núi: UBND huyện Tây Giang.\n2. Khối thi đua Kinh tế - Kỹ thuật: Sở Xây dựng.\n"
     "3. Khối thi đua các cơ quan Đảng: Ban Tổ chức Tỉnh ủy.\n4. Khối thi đua các doanh nghiệp: Công ty Cấp nước.\n"
     "Quyết định có hiệu lực kể từ ngày ký."),
    # a company's internal covenant between its own groups of plantations or workshops
    ("Công ty Chè Mộc Sơn ký giao ước thi đua giữa các cụm đội sản xuất năm 2025",
     "Ngày 14/2, Công ty Chè Mộc Sơn tổ chức lễ phát động thi đua và ký kết giao ước thi đua năm 2025 giữa 4 cụm thi "
     "đua đội sản xuất của công ty. Cụm thi đua số 1 gồm các đội 1, 2, 3; cụm thi đua số 2 gồm các đội 4, 5, 6."),
]


@pytest.mark.parametrize(("title", "text"), RELEVANT)
def test_bloc_meetings_are_relevant(title, text):
    v = classify(doc(text, title=title))
    assert v.relevant, v
    assert v.span is not None


@pytest.mark.parametrize(("title", "text"), NOT_RELEVANT)
def test_hard_negatives_are_not_relevant(title, text):
    assert not classify(doc(text, title=title)).relevant


def test_keyword_gate_is_cheap_on_unrelated_pages():
    page = doc("Giá lúa hôm nay tăng nhẹ tại các tỉnh miền Tây. " * 20000)
    t0 = time.perf_counter()
    v = classify(page)
    assert not v.relevant and v.score == 0.0
    assert time.perf_counter() - t0 < 0.05


def test_agency_news_that_names_its_bloc_is_not_a_bloc_meeting():
    text = ("Ngày 5/1/2022, Sở Y tế tổ chức hội nghị tổng kết công tác năm 2021. Năm 2021, Sở Y tế là đơn vị dẫn đầu "
            "Khối thi đua các cơ quan Văn hóa - Xã hội và được UBND tỉnh tặng Cờ thi đua.")
    assert not classify(doc(text, title="Sở Y tế được tặng Cờ thi đua")).relevant


@pytest.mark.parametrize(
    ("title", "text"),
    [
        ("Khối thi đua số 2: Đoàn kết, sáng tạo, hoàn thành xuất sắc nhiệm vụ",
         "Sáng 20/6, các đơn vị đã tổ chức hội nghị giao ban 6 tháng đầu năm tại Sở Công Thương."),
        (None, "Chiều 5/10, Khối thi đua các cơ quan Nội chính tổ chức kiểm tra chéo công tác thi đua tại Công an tỉnh."),
    ],
)
def test_other_bloc_activities_are_relevant(title, text):
    assert classify(doc(text, title=title)).relevant


@pytest.mark.parametrize(
    ("title", "text"),
    [
        # a bloc of cooperatives: "hợp tác xã" is part of the name, not the verb "hợp tác"
        ("Khối thi đua các hợp tác xã thủy sản tổng kết năm 2023",
         "Ngày 20/12, tại Liên minh HTX tỉnh, Khối thi đua các hợp tác xã thủy sản tỉnh tổ chức hội nghị tổng kết "
         "công tác thi đua năm 2023. Khối có 9 HTX thành viên."),
    ],
)
def test_cooperative_blocs_are_relevant(title, text):
    assert classify(doc(text, title=title)).relevant


@pytest.mark.parametrize(
    ("title", "text"),
    [
        # a weekly work schedule that lists bloc meetings among other items
        ("Lịch làm việc tuần 20 của Ban Giám đốc Sở Tài chính",
         "Thứ Hai, 13/5\n- 08h00: Giám đốc Sở chủ trì giao ban.\n- 14h00: Phó Giám đốc dự Hội nghị sơ kết Khối thi "
         "đua các cơ quan kinh tế. Địa điểm: Sở Công Thương.\nThứ Ba, 14/5\n- 08h00: Giám đốc Sở tiếp công dân.\n"
         "- 15h30: Phó Giám đốc dự họp Cụm thi đua các huyện miền núi. Địa điểm: UBND huyện."),
        (None,
         "Thứ Tư\n- 7h30: Lãnh đạo Ban dự Hội nghị tổng kết Khối thi đua các đơn vị sự nghiệp.\n- 9h00: Họp giao ban.\n"
         "Thứ Năm\n- 8h00: Tiếp công dân.\n- 14h: Họp Hội đồng Thi đua - Khen thưởng."),
        # a school's grade blocs ("khối thi đua lớp 8") compete among the school's classes
        ("Liên đội sơ kết thi đua tháng 11",
         "Sáng 2/12, Liên đội Trường THCS Tân Phú tổ chức sơ kết thi đua tháng 11. Khối thi đua lớp 8 dẫn đầu toàn "
         "trường; khối thi đua lớp 6 xếp thứ hai."),
        # a Party committee of the agencies' group, not an emulation bloc
        ("Đảng ủy Khối Doanh nghiệp tỉnh tổng kết công tác năm 2023",
         "Ngày 22/12, Đảng ủy Khối Doanh nghiệp tỉnh tổ chức hội nghị tổng kết công tác xây dựng Đảng năm 2023 và "
         "phát động thi đua năm 2024. Đảng bộ Khối có 60 tổ chức cơ sở đảng."),
    ],
)
def test_schedules_school_grades_and_party_committees_are_not_bloc_meetings(title, text):
    assert not classify(doc(text, title=title)).relevant


@pytest.mark.parametrize(
    ("title", "text"),
    [
        # a bloc of agencies named without "thi đua": "Khối cơ quan <Name>", "Khối doanh nghiệp <Name>"
        ("Sáng 12/7, Khối cơ quan Kinh tế tỉnh tổ chức hội nghị sơ kết công tác thi đua 6 tháng đầu năm 2023.",
         "Sáng 12/7, Khối cơ quan Kinh tế tỉnh tổ chức hội nghị sơ kết công tác thi đua 6 tháng đầu năm 2023.\n\n"
         "Khối cơ quan Kinh tế tỉnh có 7 đơn vị gồm: Sở Tài chính, Sở Công Thương, Cục Thuế tỉnh."),
        (None,
         "Chiều 20/12, Khối doanh nghiệp Trung ương trên địa bàn tỉnh tổ chức hội nghị tổng kết phong trào thi đua năm 2023."),
    ],
)
def test_blocs_named_without_thi_dua_are_relevant(title, text):
    assert classify(doc(text, title=title)).relevant


def test_bloc_named_only_in_a_photo_caption_is_not_the_news():
    """An agency's own review whose photo caption shows its head speaking at a bloc's meeting."""
    text = (
        "Công tác thi đua - động lực phát triển\n\n"
        "Ông Trần Văn A - Giám đốc Sở Xây dựng phát biểu tại\n\n"
        "Hội nghị tổng kết Khối thi đua các cơ quan Kinh tế - Kỹ thuật\n\n"
        "Năm 2022, lãnh đạo Sở Xây dựng đã tập trung chỉ đạo đổi mới công tác thi đua, khen thưởng và phát động "
        "nhiều phong trào thi đua gắn với nhiệm vụ chuyên môn của đơn vị. Các phòng, ban đã đăng ký thi đua từ đầu năm."
    )
    assert not classify(doc(text, title="Công tác thi đua - động lực phát triển")).relevant
    # the same caption over a lead that reports the bloc's meeting
    report = text.replace(
        "Năm 2022, lãnh đạo Sở Xây dựng",
        "Chiều 15/12, Khối thi đua các cơ quan Kinh tế - Kỹ thuật tổ chức hội nghị tổng kết năm 2022. Lãnh đạo Sở",
    )
    assert classify(doc(report, title="Công tác thi đua - động lực phát triển")).relevant


def test_title_naming_the_bloc_after_its_event_in_lower_case_is_relevant() -> None:
    """The body names the bloc only in a photo caption; the title says "giao ước thi đua khối X"."""
    title = "Lễ ký kết giao ước thi đua khối doanh nghiệp II - Năm 2021."
    text = (
        "Nhằm thực hiện kế hoạch năm 2021 của ngành, các đơn vị đã nghiên cứu, bổ sung nội dung để làm cơ sở "
        "đăng ký thi đua và chấm điểm thi đua của khối năm 2021.\n\n"
        "Bà Lê Thị Hoa, đại diện trưởng khối thi đua doanh nghiệp II phát biểu tại Hội Nghị\n\n"
        "Các công ty thành viên khối doanh nghiệp II gồm 6 đơn vị đã thảo luận, thống nhất tiêu chí thi đua và tiến "
        "hành ký kết giao ước thi đua của Khối năm 2021."
    )
    assert classify(doc(text, title=title)).relevant


@pytest.mark.parametrize(
    "url",
    [
        "https://baotinh.example.vn/s/thi%20dua?page=2",
        "https://baotinh.example.vn/tag/khoi-thi-dua-noi-chinh",
        "https://sonoivu.example.gov.vn/tim-kiem?q=cum+thi+dua",
    ],
)
def test_search_and_tag_listing_pages_are_not_articles(url: str) -> None:
    """A search or tag page shows teasers of other pages, even when its only teaser is a bloc meeting."""
    text = (
        "Khối thi đua các cơ quan Nội chính ký kết giao ước thi đua năm 2024\n"
        "Chiều 12/3, tại Công an tỉnh, khối thi đua các cơ quan Nội chính đã tổ chức hội nghị ký kết giao ước thi "
        "đua năm 2024 với sự tham dự của 8 cơ quan trong khối."
    )
    assert not classify(doc(text, title="thi đua", url=url)).relevant
    assert classify(doc(text, title="thi đua", url="https://baotinh.example.vn/khoi-thi-dua-ky-giao-uoc-123.html")).relevant


def test_title_event_over_a_lead_about_the_blocs_members_is_relevant() -> None:
    """A title reporting a review, a lead about "các trường trong Khối", the bloc named later in the body."""
    text = (
        "Năm 2022, các trường trong Khối đã tích cực hưởng ứng các phong trào thi đua, tạo không khí sôi nổi.\n\n"
        "Các trường đều hoàn thành các chỉ tiêu được giao; nhiều sáng kiến mới được áp dụng trong giảng dạy.\n\n"
        "Năm 2023, Khối thi đua các trường trung cấp tỉnh tiếp tục đẩy mạnh công tác thi đua khen thưởng."
    )
    assert classify(doc(text, title="Tổng kết công tác thi đua khen thưởng năm 2022")).relevant
    lone = "Năm 2023, Khối thi đua các trường trung cấp tỉnh tiếp tục đẩy mạnh công tác thi đua khen thưởng."
    assert not classify(doc(lone, title="Tổng kết công tác năm 2022 của nhà trường")).relevant


def test_wordpress_post_permalink_is_not_a_listing() -> None:
    """"?p=<post id>" is a WordPress permalink; a listing's "?p=2" stays a listing (pattern: real portals)."""
    text = ("Sáng 12/1, tại huyện Cần Đước, Khối thi đua các Chi cục Thuế khu vực tổ chức hội nghị tổng kết công tác "
            "thi đua năm 2024 và ký kết giao ước thi đua năm 2025.")
    assert classify(doc(text, title="Chi cục Thuế ký giao ước thi đua", url="https://baotinh.example.vn/?p=482913")).relevant
    assert not classify(doc(text, title="Chi cục Thuế ký giao ước thi đua", url="https://baotinh.example.vn/?p=2")).relevant


def test_bloc_in_brackets_after_the_units_covenant_is_relevant() -> None:
    """Two units sign a covenant "(thuộc Cụm thi đua số N …)": the bracket names their bloc (pattern: ministry clusters)."""
    text = ("Sáng 14/5, Cục Cảnh sát giao thông và Cục Cảnh sát hình sự đã tổ chức lễ ký kết giao ước thi đua giữa 2 đơn vị "
            "(thuộc Cụm thi đua số 3 - khối các đơn vị trực thuộc Bộ), với các nội dung trọng tâm.")
    assert classify(doc(text, title="Hai Cục ký kết giao ước thi đua")).relevant
    lone = "Năm 2023, Sở Xây dựng (thuộc Khối thi đua các cơ quan kinh tế) được tặng Cờ thi đua của UBND tỉnh."
    assert not classify(doc(lone, title="Sở Xây dựng nhận Cờ thi đua")).relevant


def test_army_cluster_signing_its_covenant_is_relevant() -> None:
    """"Thi đua quyết thắng" launched for a named army cluster whose units sign a covenant (pattern: border guard clusters)."""
    text = ("Ngày 3/3, tại Đồn Biên phòng Cửa Việt, Bộ Chỉ huy Biên phòng tỉnh triển khai phong trào thi đua quyết thắng "
            "năm 2018 đối với Cụm thi đua tuyến biển gồm 5 đồn biên phòng.\n"
            "Các đơn vị cụm thi đua tuyến biển ký kết giao ước thi đua năm 2018.")
    assert classify(doc(text, title="Biên phòng tỉnh triển khai phong trào thi đua quyết thắng")).relevant
    review = ("Ngày 3/12, Bộ Chỉ huy Biên phòng tỉnh tổng kết phong trào thi đua quyết thắng năm 2018; "
              "Cụm thi đua tuyến biển được biểu dương.")
    assert not classify(doc(review, title="Biên phòng tỉnh tổng kết phong trào thi đua quyết thắng")).relevant


@pytest.mark.parametrize(
    ("title", "text"),
    [
        # a numbered cluster of an armed force's provincial commands reviews its "Quyết thắng" movement together
        ("Dấu ấn của cụm thi đua số 5, Bộ đội Biên phòng",
         "Sáng 12/10, tại thành phố Vinh Yên, Cụm thi đua số 5, Bộ đội Biên phòng đã tổ chức hội nghị tổng kết công tác "
         "thi đua, khen thưởng và phong trào thi đua Quyết thắng năm 2024."),
        # the lead presents the cluster's members ("gồm 3 đơn vị") under a caption about the meeting
        ("Nâng cao chất lượng phong trào Thi đua Quyết thắng",
         "Đại tá Lê Văn Tâm dự và phát biểu chỉ đạo hội nghị.\n\nCụm thi đua số 6 Cảnh sát biển gồm 3 đơn vị: "
         "Hải đội 11, 12 và 13.\n\nCác đại biểu dự hội nghị tổng kết năm 2024."),
        # an all-caps kicker and "các đơn vị thuộc Khối …" as the actors of the covenant
        ("Ký kết giao ước thi đua năm 2020",
         "KHỐI THI ĐUA KINH TẾ - TỔNG HỢP TỈNH:\n\nNgày 5-3, các đơn vị thuộc Khối thi đua Kinh tế - Tổng hợp tỉnh gồm: "
         "Sở Tài chính, Sở Công Thương, Cục Thống kê đã tổ chức ký kết giao ước thi đua năm 2020."),
        # a district bloc named in lower case after "giao ước thi đua", without "thi đua" after "khối"
        ("Huyện tổ chức ký kết giao ước thi đua khối Đảng và các đoàn thể",
         "Hội đồng thi đua khen thưởng huyện vừa tổ chức hội nghị ký kết giao ước thi đua năm 2023 của 15 đơn vị."),
    ],
)
def test_cluster_and_kicker_meetings_are_relevant(title: str, text: str) -> None:
    assert classify(doc(text, title=title)).relevant


def test_single_unit_quyet_thang_review_stays_irrelevant() -> None:
    text = ("Ngày 4/12, Bộ Chỉ huy Bộ đội Biên phòng tỉnh tổ chức hội nghị tổng kết phong trào Thi đua Quyết thắng "
            "năm 2024. Đơn vị được Bộ Tư lệnh tặng Cờ thi đua, dẫn đầu Cụm thi đua số 4.")
    assert not classify(doc(text, title="BĐBP tỉnh tổng kết phong trào Thi đua Quyết thắng năm 2024")).relevant


@pytest.mark.parametrize(
    ("title", "text", "expected"),
    [
        (
            "Công an tỉnh phát động thi đua",
            "Hưởng ứng phong trào thi đua do Công an tỉnh phát động, khối Công an các huyện đã ký giao ước thi đua "
            "với 8 nội dung trọng tâm.\n\nCác đơn vị cam kết thực hiện tốt nhiệm vụ năm 2024.",
            True,
        ),
        (
            "Hội nghị giao ban",
            "Chiều 3/4, đại diện cụm dân cư số 2 họp bàn việc giữ gìn vệ sinh môi trường.\n\nPhong trào thi đua "
            "được triển khai rộng khắp trong toàn xã.",
            False,
        ),
        (
            "Công ty ký hợp đồng",
            "Khối văn phòng công ty đã ký giao ước thi đua với công đoàn cơ sở.",
            False,
        ),
    ],
)
def test_lower_case_bloc_holding_a_covenant(title: str, text: str, expected: bool) -> None:
    assert classify(doc(text, title=title)).relevant is expected
