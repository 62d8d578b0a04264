import pytest

from nlp.events import event_sentences, event_types
from tests.nlp.helpers import doc, records_after_events


@pytest.mark.parametrize(
    ("title", "text", "types"),
    [
        (None, "Chiều 28/12, Khối thi đua các Hội đặc thù tổ chức hội nghị tổng kết công tác thi đua năm 2021.",
         ["tong_ket"]),
        (None, "Ngày 14/7, Cụm thi đua số 2 tổ chức hội nghị sơ kết công tác thi đua 6 tháng đầu năm 2020.", ["so_ket"]),
        ("Khối thi đua Nội chính tổng kết và ký kết giao ước thi đua",
         "Ngày 8/1, Khối thi đua Nội chính tổng kết công tác năm 2019 và ký kết giao ước thi đua năm 2020.",
         ["tong_ket", "giao_uoc"]),
        (None, "Ngày 20/2, Khối thi đua số 6 phát động phong trào thi đua năm 2024 và ký giao ước thi đua.",
         ["giao_uoc", "phat_dong"]),
        # launching by the province is not the bloc's launch; registering a covenant in the past is not signing
        (None, "Ngày 11/7, Khối thi đua số 3 sơ kết công tác 6 tháng đầu năm 2024. Trong 6 tháng qua, các cơ quan đã "
               "đăng ký giao ước và hưởng ứng các phong trào thi đua do tỉnh phát động năm 2024.", ["so_ket"]),
        (None, "Ngày 23/8/2015, Khối thi đua Kinh tế tổ chức hội thao lần thứ IV với 9 đơn vị tham gia.", ["other"]),
        # "phát động phong trào thi đua và ký kết giao ước" is both
        (None, "Sáng 12/10/2023, Cụm thi đua các trường THCS tổ chức hội nghị phát động phong trào thi đua và ký kết "
               "giao ước thi đua năm học 2023-2024.", ["phat_dong", "giao_uoc"]),
        # a review planned for later is not this event
        (None, "Ngày 19/7/2024, Khối thi đua Nội chính tổ chức hội nghị sơ kết công tác thi đua 6 tháng đầu năm 2024. "
               "Các đơn vị thống nhất sẽ tổ chức hội nghị tổng kết năm vào tháng 12/2024.", ["so_ket"]),
        (None, "Khối thi đua Dân chính Đảng đã tổ chức hội nghị tổng kết công tác năm 2022 vào tháng 12 vừa qua.",
         ["tong_ket"]),
        (None, "Chiều 24/7/2022, Cụm thi đua số 5 tổ chức hội nghị sơ kết 6 tháng đầu năm 2022. Hội nghị thống nhất "
               "kiểm tra chéo vào tháng 10 và tổng kết Cụm vào tháng 12/2022.", ["so_ket"]),
        # the bloc launches a short campaign ("đợt thi đua cao điểm"); a campaign listed as a task is not this event
        ("Khối thi đua các ngân hàng phát động đợt thi đua cao điểm chào mừng Quốc khánh",
         "Sáng 5/8/2025, Khối thi đua các ngân hàng tổ chức lễ phát động đợt thi đua cao điểm chào mừng 80 năm Quốc khánh.",
         ["phat_dong"]),
        (None, "Ngày 12/7/2024, Khối thi đua Kinh tế sơ kết công tác 6 tháng đầu năm 2024. Nhiệm vụ 6 tháng cuối năm: thực "
               "hiện kế hoạch của tỉnh; phát động đợt thi đua cao điểm chào mừng đại hội; kiểm tra chéo vào tháng 11.",
         ["so_ket"]),
        # a covenant urged for later is not signed at this meeting
        (None, "Ngày 26/12/2024, Khối thi đua số 5 tổng kết công tác thi đua năm 2024. Phát biểu, đại diện Sở Nội vụ đề "
               "nghị Khối sớm ký giao ước thi đua năm 2025.", ["tong_ket"]),
        # "sơ kết … kết hợp giao lưu thể thao": a second activity of the same meeting
        ("Cụm thi đua số 3 sơ kết 6 tháng đầu năm và giao lưu văn nghệ",
         "Chiều 20/6/2024, Cụm thi đua số 3 tổ chức hội nghị sơ kết công tác 6 tháng đầu năm 2024, kết hợp giao lưu thể "
         "thao giữa các đơn vị trong cụm.", ["so_ket", "other"]),
        # a sports exchange planned for later is not part of this meeting
        (None, "Ngày 10/7/2024, Cụm thi đua số 1 sơ kết công tác 6 tháng đầu năm 2024. Hội nghị thống nhất tổ chức giao "
               "lưu văn nghệ và giao lưu thể thao vào tháng 9/2024.", ["so_ket"]),
        # the meeting's list of purposes names a launch after another activity
        (None, "Ngày 5/9, Cụm thi đua số 2 tổ chức hội nghị triển khai nhiệm vụ, phát động phong trào thi đua và ký kết "
               "giao ước thi đua 6 tháng cuối năm 2025.", ["giao_uoc", "phat_dong"]),
        # a founding ceremony whose covenant is left to a later meeting
        ("Ra mắt Cụm thi đua số 6 các xã vùng hồ",
         "Sáng 12/9, Cụm thi đua số 6 các xã vùng hồ tổ chức lễ ra mắt, công bố quyết định thành lập Cụm. Cụm giao xã "
         "Trưởng cụm xây dựng quy chế, trình hội nghị đầu năm 2026 thông qua trước khi ký kết giao ước thi đua.",
         ["other"]),
        # a headline in a related-news list under the body is another article, not this meeting
        (None, "Chiều 10/7, Khối thi đua các cơ quan Nội chính tổ chức hội nghị sơ kết công tác thi đua 6 tháng đầu năm "
               "2024 tại Công an tỉnh.\nTuấn Anh\nVideo liên quan\n▶ Khối thi đua Kinh tế ký giao ước thi đua 2024\n"
               "▶ Cụm thi đua số 1 phát động thi đua năm 2024", ["so_ket"]),
        (None, "Chiều 10/7, Khối thi đua các cơ quan Nội chính tổ chức hội nghị sơ kết công tác thi đua 6 tháng đầu năm "
               "2024 tại Công an tỉnh. Các đơn vị tích cực tham gia phong trào chung của tỉnh.\nTuấn Anh\n"
               "» Khối thi đua Kinh tế ký giao ước thi đua năm 2024", ["so_ket"]),
    ],
)
def test_event_types(title, text, types):
    r = records_after_events(doc(text, title=title))
    assert sorted(r.event_types) == sorted(types)


@pytest.mark.parametrize(
    ("text", "url", "date"),
    [
        ("14h00 ngày 22/6/2018, tại Sở Tư pháp, Khối thi đua Nội chính tổ chức hội nghị sơ kết.", None, "2018-06-22"),
        # the year comes from context: a year-end review held in January reviews the year before
        ("Sáng 9/1, Khối thi đua các Hội tổ chức hội nghị tổng kết công tác năm 2022 và triển khai nhiệm vụ năm 2023.",
         None, "2023-01-09"),
        ("Chiều 16-7, Khối thi đua số 2 sơ kết công tác thi đua 6 tháng đầu năm 2020.", None, "2020-07-16"),
        # the publication stamp gives the year and is never the meeting date
        ("(21/07/2017)\n\nChiều 19/7, Khối thi đua các cơ quan tham mưu tổ chức hội nghị sơ kết 6 tháng đầu năm.",
         None, "2017-07-19"),
        ("Chiều 26-12, Khối thi đua Ngân hàng tổng kết công tác thi đua năm 2016, triển khai nhiệm vụ năm 2017.",
         "https://baothainguyen.vn/thoi-su/201612/khoi-thi-dua", "2016-12-26"),
        # a document's date is not the meeting date
        ("Thực hiện Quyết định số 12/QĐ-UBND ngày 20 tháng 3 năm 2023 của UBND huyện, sáng ngày 14/02/2024 Cụm thi "
         "đua các xã tổ chức hội nghị tổng kết năm 2023.", None, "2024-02-14"),
        ("QNO - Chiều qua 12.1, Khối thi đua các cơ quan Văn hóa - Xã hội tỉnh tổ chức hội nghị tổng kết phong trào "
         "thi đua năm 2020.", None, "2021-01-12"),
        ("Mới đây, Khối thi đua số 10 tổ chức hội nghị sơ kết 6 tháng đầu năm 2021.", None, None),
        # "Sáng nay" with no date in the text: the day of the page's header stamp
        ("BÁO ĐIỆN TỬ\nThứ Ba, 17/12/2024 - 10:05\nKhối thi đua các hội tổng kết năm 2024\nSáng nay, Khối thi đua các "
         "hội quần chúng tỉnh tổ chức hội nghị tổng kết công tác thi đua, khen thưởng năm 2024 tại Hội Nông dân tỉnh.",
         None, "2024-12-17"),
        # "Hôm qua" with no date in the text: the day before the header stamp
        ("BÁO ĐIỆN TỬ\nThứ Hai, 01/01/2024 - 08:10\nKhối thi đua các doanh nghiệp tổng kết năm 2023\nHôm qua, tại "
         "Công ty Điện lực tỉnh, Khối thi đua các doanh nghiệp tổ chức hội nghị tổng kết công tác thi đua năm 2023.",
         None, "2023-12-31"),
    ],
)
def test_event_date(text, url, date):
    r = records_after_events(doc(text, url=url))
    assert r.event_date == date
    if date:
        assert r.evidence["event_date"].source.startswith("rule:event_date")


def test_yesterday_under_a_repeated_title():
    title = "Khối thi đua các doanh nghiệp tổng kết năm 2023"
    text = ("BÁO ĐIỆN TỬ\nThứ Ba, 19/12/2023 - 08:10\n" + title + "\n" + title + "\n(ĐT) - \"Một năm nhiều thử thách\" - "
            "ông A nói.\nHôm qua, tại Công ty Điện lực tỉnh, Khối thi đua các doanh nghiệp tổ chức hội nghị tổng kết "
            "công tác thi đua năm 2023.")
    assert records_after_events(doc(text, title=title)).event_date == "2023-12-18"


@pytest.mark.parametrize(
    ("title", "text", "date"),
    [
        # the body only says "Vừa qua": the date opening the title is the meeting's
        ("Ngày 14/8/2024: Cụm thi đua số 1 sơ kết 6 tháng đầu năm",
         "Vừa qua, Cụm thi đua số 1 tổ chức hội nghị sơ kết công tác thi đua 6 tháng đầu năm 2024.", "2024-08-14"),
        ("Sáng 3/1/2025 - Khối thi đua Nội chính tổng kết năm 2024",
         "Mới đây, Khối thi đua Nội chính tổ chức hội nghị tổng kết công tác thi đua năm 2024.", "2025-01-03"),
        # a bracketed stamp in the title is the publication date, not the meeting
        ("(15/8/2024) Cụm thi đua số 1 sơ kết 6 tháng đầu năm",
         "Vừa qua, Cụm thi đua số 1 tổ chức hội nghị sơ kết công tác thi đua 6 tháng đầu năm 2024.", None),
        # a body date wins over the title
        ("Ngày 14/8/2024: Cụm thi đua số 1 sơ kết", "Chiều 13/8/2024, Cụm thi đua số 1 tổ chức hội nghị sơ kết.",
         "2024-08-13"),
    ],
)
def test_event_date_from_title(title, text, date):
    r = records_after_events(doc(text, title=title))
    assert r.event_date == date
    if date:
        assert r.evidence["event_date"].source.startswith("rule:event_date")


@pytest.mark.parametrize(
    ("text", "period"),
    [
        ("Ngày 15/7, Khối thi đua số 1 sơ kết công tác thi đua 6 tháng đầu năm 2021.", "2021-H1"),
        ("Chiều 4/8/2022, Khối thi đua Nội chính sơ kết công tác thi đua, khen thưởng 6 tháng đầu năm.", "2022-H1"),
        ("Ngày 25/3/2020, Khối thi đua các Hội tổng kết phong trào thi đua năm 2019; đồng thời ký kết giao ước năm 2020.",
         "2019"),
        ("Ngày 30/3/2021, Khối thi đua Văn hóa – Xã hội tổ chức hội nghị ký kết giao ước thi đua năm 2021.", "2021"),
        ("Khối các trường cao đẳng vừa tổng kết phong trào thi đua năm học 2015 - 2016.", "2015-2016"),
        ("Ngày 5/8/2025, Khối thi đua số 3 tổ chức hội nghị ký kết giao ước thi đua 6 tháng cuối năm 2025.", "2025-H2"),
        ("Ngày 19/7/2024, Khối thi đua Nội chính tổ chức hội nghị sơ kết công tác thi đua 6 tháng đầu năm 2024. "
         "Các đơn vị thống nhất sẽ tổ chức hội nghị tổng kết năm vào tháng 12/2024.", "2024-H1"),
        # a short campaign launched to run until a date of the same year: that year
        ("Sáng 12/3/2025, Khối thi đua các doanh nghiệp tổ chức lễ phát động đợt thi đua cao điểm chào mừng ngày lễ "
         "lớn. Đợt thi đua kéo dài từ ngày phát động đến ngày 2/9/2025.", "2025"),
        # the first review of a bloc formed in mid-year reviews the second half, even when held in December
        ("Sáng 16/12, Khối thi đua các sở kinh tế tổ chức hội nghị sơ kết công tác thi đua 6 tháng cuối năm 2025.",
         "2025-H2"),
    ],
)
def test_period(text, period):
    assert records_after_events(doc(text)).period == period


@pytest.mark.parametrize(
    ("text", "venue"),
    [
        ("Chiều ngày 15/7/2021 tại Sở Xây dựng, Khối thi đua Kinh tế - Kỹ thuật tổ chức hội nghị sơ kết.", "Sở Xây dựng"),
        ("Ngày 18-7, tại huyện Phú Bình, Khối thi đua các huyện đã tổ chức hội nghị sơ kết.", "huyện Phú Bình"),
        ("Sáng 4/3, tại cơ quan Tỉnh đoàn (đơn vị Trưởng khối), Khối thi đua Mặt trận tổ chức hội nghị ký kết.",
         "Tỉnh đoàn"),
        ("Chiều 22/01/2024, tại Hội trường huyện Ia Grai, Cụm thi đua số 3 tổ chức hội nghị tổng kết.", "huyện Ia Grai"),
        ("Ngày 8/1, Khối thi đua số 2 tổ chức hội nghị tổng kết. Tại hội nghị, các đơn vị ký giao ước.", None),
        # a hyphen inside a name does not end it
        ("Sáng 10/3, tại Hội trường Đài Phát thanh - Truyền hình Quảng Bình, Khối thi đua các cơ quan báo chí tổ "
         "chức hội nghị ký kết.", "Đài Phát thanh - Truyền hình Quảng Bình"),
        ("Sáng 10/3, tại Sở Lao động - Thương binh và Xã hội, Khối thi đua Văn hóa - Xã hội tổ chức hội nghị.",
         "Sở Lao động - Thương binh và Xã hội"),
        ("Sáng 10/3, tại Sở Tư pháp - đơn vị Trưởng khối, Khối thi đua Nội chính tổ chức hội nghị.", "Sở Tư pháp"),
        ("Ngày 8/1/2024, tại quận Cầu Giấy, Cụm thi đua các quận tổ chức hội nghị tổng kết.", "quận Cầu Giấy"),
        # a building's label, then the host: "Hội trường B, Trường X", "cơ sở 3 của Sở Y ở phường Z"
        ("Ngày 20/8/2024, tại Hội trường B, Trường Cao đẳng Y tế Hà Nam, Cụm thi đua các trường tổ chức hội nghị tổng kết.",
         "Trường Cao đẳng Y tế Hà Nam"),
        ("Sáng 5/9, tại cơ sở 3 của Sở Xây dựng ở phường Hòa Bình, Khối thi đua số 2 tổ chức hội nghị sơ kết.",
         "Sở Xây dựng"),
        ("Sáng 5/9, tại Phòng họp số 2, Văn phòng UBND tỉnh, Khối thi đua số 1 tổ chức hội nghị sơ kết.",
         "Văn phòng UBND tỉnh"),
        # a Party committee of agencies as the host, after the building's word
        ("Chiều 8/1, tại Hội trường Đảng ủy các cơ quan Đảng tỉnh, Khối thi đua các đoàn thể tổ chức hội nghị tổng kết.",
         "Đảng ủy các cơ quan Đảng tỉnh"),
        ("Sáng 2/8, tại trụ sở Đảng ủy UBND tỉnh (phường Trung tâm), Khối thi đua số 1 tổ chức hội nghị ký kết.",
         "Đảng ủy UBND tỉnh"),
    ],
)
def test_venue(text, venue):
    r = records_after_events(doc(text))
    assert r.venue == venue
    if venue:
        ev = r.evidence["venue"]
        assert doc(text).text[ev.start : ev.end] == venue


@pytest.mark.parametrize(
    ("text", "types"),
    [
        # a meeting that "đánh giá" part of a year is an interim review, a whole year a year-end review
        ("Ngày 15/7, Khối thi đua các cơ quan văn hóa - xã hội tổ chức hội nghị đánh giá kết quả thực hiện phong "
         "trào thi đua 6 tháng đầu năm 2024.", ["so_ket"]),
        ("Ngày 9/10, Khối thi đua các cơ quan nội chính tổ chức Hội nghị giao ban quý III năm 2024.", ["so_ket"]),
        ("Ngày 20/12, Khối thi đua các doanh nghiệp tổ chức hội nghị đánh giá kết quả công tác thi đua, khen thưởng "
         "năm 2023 và bình xét thi đua.", ["tong_ket"]),
        ("Ngày 27/6, Khối thi đua các trường đại học họp tổng kết, bình xét thi đua năm học 2023 - 2024.", ["tong_ket"]),
        ("Sáng 10/1, Cụm thi đua số 2 tổ chức Hội nghị tổng kết công tác thi đua, khen thưởng năm 2023, triển khai "
         "nhiệm vụ năm 2024 và ký kết giao ước thi đua năm 2024.", ["tong_ket", "giao_uoc"]),
    ],
)
def test_event_types_other_phrasings(text, types):
    assert records_after_events(doc(text)).event_types == types


@pytest.mark.parametrize(
    ("text", "venue"),
    [
        # "Tp." / "TX." keep their dot (the sentence splitter cuts after it)
        ("Sáng 12/7, tại Tp. Buôn Ma Thuột, Cụm thi đua số 1 tổ chức hội nghị sơ kết công tác thi đua 6 tháng đầu năm.",
         "Tp. Buôn Ma Thuột"),
        ("Ngày 18/1, tại TX. Sơn Tây, Cụm thi đua các quận, thị xã tổ chức hội nghị tổng kết công tác thi đua năm 2023.",
         "TX. Sơn Tây"),
        # the host behind "điểm cầu" of a hybrid meeting
        ("Ngày 9/1, tại điểm cầu UBND tỉnh, Khối thi đua các cơ quan Đảng tổ chức hội nghị tổng kết năm 2023.",
         "UBND tỉnh"),
        # online only: no venue
        ("Ngày 20/7, Khối thi đua số 3 tổ chức hội nghị sơ kết 6 tháng đầu năm 2023 theo hình thức trực tuyến.", None),
    ],
)
def test_venue_abbreviated_places_and_online(text, venue):
    r = records_after_events(doc(text))
    assert r.venue == venue
    if venue:
        ev = r.evidence["venue"]
        assert doc(text).text[ev.start : ev.end] == venue


@pytest.mark.parametrize(
    ("text", "venue"),
    [
        # the host in the sentence after the dated one, behind a meeting verb
        ("Ngày 14-12, Khối thi đua các sở, ngành nội chính tỉnh Vĩnh Long tổ chức hội nghị tổng kết công tác thi "
         "đua năm 2023. Hội nghị diễn ra tại Sở Tư pháp, đơn vị Trưởng khối năm 2023.", "Sở Tư pháp"),
        ("Sáng 9/7, Cụm thi đua số 2 tỉnh Thanh Hóa tổ chức hội nghị trực tuyến sơ kết công tác thi đua 6 tháng đầu "
         "năm 2024. Điểm cầu chính được đặt tại Trung tâm Hội nghị thị xã Nghi Sơn, kết nối tới các huyện.",
         "Trung tâm Hội nghị thị xã Nghi Sơn"),
        ("Ngày 10/1/2024, Cụm thi đua các huyện miền núi tỉnh Quảng Trị tổ chức hội nghị tổng kết năm 2023. Hội nghị "
         "do huyện Hướng Hóa, đơn vị Cụm trưởng năm 2023 đăng cai tổ chức tại thị trấn Khe Sanh.", "thị trấn Khe Sanh"),
        # a hybrid meeting: the in-person host, not the online part
        ("Chiều ngày 18/01/2022, Khối thi đua Văn hóa - Xã hội tỉnh Hậu Giang tổng kết công tác thi đua năm 2021. "
         "Hội nghị được tổ chức kết hợp trực tiếp tại Sở Y tế và trực tuyến đến các đơn vị thành viên.", "Sở Y tế"),
        # a named cultural house is kept whole
        ("Ngày 06/3, Khối thi đua các hội tỉnh Tiền Giang tổ chức hội nghị ký kết giao ước thi đua năm 2024 tại "
         "Nhà Văn hóa Thanh niên tỉnh.", "Nhà Văn hóa Thanh niên tỉnh"),
        # a long bank branch name fits
        ("Ngày 20/12/2023, tại Ngân hàng Thương mại Cổ phần Công Thương Việt Nam chi nhánh tỉnh Bình Định, Khối thi "
         "đua các ngân hàng tổ chức hội nghị tổng kết.",
         "Ngân hàng Thương mại Cổ phần Công Thương Việt Nam chi nhánh tỉnh Bình Định"),
        # "tại" in a later sentence without a meeting verb is not the host
        ("Ngày 14-12, Khối thi đua số 4 tổ chức hội nghị tổng kết công tác thi đua năm 2023. Các đơn vị đã hỗ trợ "
         "xây nhà cho hộ nghèo tại huyện Cầu Kè và trao quà cho học sinh.", None),
    ],
)
def test_venue_in_the_sentence_after_the_date(text, venue):
    r = records_after_events(doc(text))
    assert r.venue == venue
    if venue:
        ev = r.evidence["venue"]
        assert doc(text).text[ev.start : ev.end] == venue


def test_lead_date_mentioning_dia_ban_tinh_is_not_a_publication_stamp():
    # "trên địa bàn tỉnh" folds to "tren dia ban tinh", which holds the letters of "bản tin"
    text = ("Thứ Sáu, 22/12/2023 09:10\n\nNgày 21/12/2023, Khối thi đua các ngân hàng trên địa bàn tỉnh Phú Yên "
            "tổ chức hội nghị tổng kết phong trào thi đua năm 2023.")
    assert records_after_events(doc(text)).event_date == "2023-12-21"


@pytest.mark.parametrize(
    ("text", "venue"),
    [
        # no "tại": the unit that hosts (đăng cai) is the venue
        ("Chiều 26-12, Khối thi đua các ngân hàng tỉnh Trà Vinh tổ chức hội nghị tổng kết công tác thi đua năm 2023. "
         "Hội nghị do Vietinbank chi nhánh tỉnh Trà Vinh đăng cai.", "Vietinbank chi nhánh tỉnh Trà Vinh"),
        ("Ngày 5/9, Cụm thi đua số 4 tỉnh Đồng Nai tổ chức hội thao chào mừng Quốc khánh. Huyện Tân Phú - đơn vị Cụm "
         "trưởng năm 2024 đăng cai tổ chức.", "Huyện Tân Phú"),
        # "tại" wins over the host
        ("Ngày 5/9, Khối thi đua số 1 tổ chức hội thao. Chương trình do Sở Tài chính - đơn vị Trưởng khối đăng cai, "
         "diễn ra tại Nhà thi đấu đa năng tỉnh.", "Nhà thi đấu đa năng tỉnh"),
    ],
)
def test_venue_from_the_host_when_no_place_is_named(text, venue):
    r = records_after_events(doc(text))
    assert r.venue == venue
    ev = r.evidence["venue"]
    assert doc(text).text[ev.start : ev.end] == venue


def test_meeting_date_equal_to_the_publication_stamp_is_kept():
    """A lead that names its venue "Nhà xuất bản …" is prose, not a "xuất bản" (published) stamp."""
    text = (
        "Hội nghị tổng kết Khối thi đua các cơ quan văn hóa\n\n"
        "Ngày đăng: 15/01/2024 - 09:30\n\n"
        "Sáng 15/01/2024, tại trụ sở Nhà xuất bản Giáo dục, Khối thi đua các cơ quan văn hóa tổ chức Hội nghị "
        "tổng kết công tác thi đua, khen thưởng năm 2023."
    )
    assert records_after_events(doc(text)).event_date == "2024-01-15"


def test_tai_inside_a_branch_name_is_not_the_venue():
    """ "Chi nhánh … tại Y" names a member branch; with no other "tại" the meeting has no stated venue."""
    text = (
        "Chiều 10/7, Sở Y tế, Sở Nội vụ và Chi nhánh Ngân hàng Phát triển tại Phú Yên tổ chức hội nghị sơ kết "
        "công tác thi đua 6 tháng đầu năm 2023 của Khối thi đua các cơ quan Văn hóa - Xã hội."
    )
    assert records_after_events(doc(text)).venue is None
    hosted = text.replace("Văn hóa - Xã hội.", "Văn hóa - Xã hội tại Sở Y tế.")
    assert records_after_events(doc(hosted)).venue == "Sở Y tế"


def test_background_launch_and_other_dated_meeting_are_not_this_event():
    """A cited plan's subject ("về việc phát động …") and a meeting recalled with its own day are background."""
    text = (
        "Ngày 20/4/2022, Công ty Cấp nước, Trưởng Khối thi đua 9 tổ chức lễ ký kết giao ước thi đua năm 2022. "
        "Các đơn vị đã thống nhất triển khai Kế hoạch số 15/KH-K9 về việc phát động phong trào thi đua năm 2022. "
        "Năm qua, các đơn vị trong khối đã hoàn thành tốt các chỉ tiêu được giao. "
        "Nhiều mô hình hay, cách làm hiệu quả được nhân rộng trong toàn khối. "
        "Tại Hội nghị “Tổng kết phong trào thi đua năm 2021 và phát động thi đua năm 2022” diễn ra ngày 5/4/2022, "
        "Công ty Cấp nước được tặng Cờ thi đua."
    )
    r = records_after_events(doc(text))
    assert r.event_types == ["giao_uoc"]
    assert r.period == "2022"


def test_venue_after_a_line_wrap_behind_the_building_word():
    text = ("Thực hiện Kế hoạch của Khối, ngày 12.7.2019, tại Hội trường\nTAND tỉnh, Khối thi đua Nội chính tỉnh đã tổ "
            "chức Hội\nnghị sơ kết công tác thi đua 6 tháng đầu năm 2019.")
    assert records_after_events(doc(text)).venue == "TAND tỉnh"


def test_venue_in_the_sentence_of_yesterday():
    title = "Khối thi đua các doanh nghiệp tổng kết năm 2023"
    text = ("BÁO ĐIỆN TỬ\nThứ Ba, 19/12/2023 - 08:10\n" + title + "\n" + title + "\n(ĐT) - \"Một năm nhiều thử thách, "
            "nhưng người lao động vẫn đủ việc làm\" - ông Lê Văn A nói.\nHôm qua, tại Công ty TNHH MTV Điện lực Hòa Bình, "
            "Khối thi đua các doanh nghiệp tổ chức hội nghị tổng kết công tác thi đua năm 2023.")
    assert records_after_events(doc(text, title=title)).venue == "Công ty TNHH MTV Điện lực Hòa Bình"


def test_a_page_stamp_among_the_lead_lines_does_not_date_the_meeting() -> None:
    text = (
        "Trang chủ | Thời sự | Kinh tế | Văn hóa | Quốc phòng - An ninh\n"
        "Cập nhật lúc 08:10, Thứ Năm, 20/01/2022 (GMT+7)\n"
        "Cụm thi đua các huyện biên giới tổng kết năm 2021\n"
        "(TTV) - Ngày 19.1, tại huyện Sìn Hồ, Cụm thi đua các huyện biên giới đã tổ chức hội nghị tổng kết "
        "phong trào thi đua năm 2021, triển khai nhiệm vụ và ký giao ước thi đua năm 2022.\n"
        "Hội nghị đã bầu huyện Phong Thổ làm Cụm trưởng năm 2022.\n"
    )
    d = doc(text, title="Cụm thi đua các huyện biên giới tổng kết năm 2021")
    assert set(event_types(d, event_sentences(d))) == {"tong_ket", "giao_uoc"}


@pytest.mark.parametrize(
    ("title", "text", "types"),
    [
        # a covenant signed before and now carried out or assessed is not this meeting's signing
        (None, "Ngày 18/12, Khối thi đua các cơ quan kinh tế tổ chức hội nghị tổng kết năm 2024. Các đơn vị đã thực "
         "hiện tốt các nội dung ký kết giao ước thi đua của Khối.", ["tong_ket"]),
        (None, "Ngày 5/12, Cụm thi đua số 3 tổ chức hội nghị tổng kết năm 2024 nhằm đánh giá việc thực hiện giao ước "
         "thi đua và bình xét thi đua.", ["tong_ket"]),
        (None, "Ngày 8/12, Khối thi đua Nội chính tổ chức hội nghị tổng kết năm 2024; căn cứ Giao ước thi đua được "
         "ký kết, các đơn vị tự chấm điểm.", ["tong_ket"]),
        # … a signing at the meeting still is one
        (None, "Ngày 10/1, Khối thi đua các cơ quan kinh tế tổ chức hội nghị tổng kết năm 2024 và ký kết giao ước "
         "thi đua năm 2025.", ["tong_ket", "giao_uoc"]),
        # the year's rating meeting is a year-end review; a regulation on rating is not
        ("Cụm thi đua số 4 bình xét thi đua năm 2024", "Chiều 20/12, các đơn vị Cụm thi đua số 4 họp bình xét, "
         "suy tôn tập thể dẫn đầu.", ["tong_ket"]),
        (None, "Ngày 12/1, Cụm thi đua số 4 tổ chức lễ ký kết giao ước thi đua, thông qua quy chế hoạt động, bình xét "
         "thi đua năm 2025 của Cụm.", ["giao_uoc"]),
    ],
)
def test_covenant_carried_out_and_rating_meeting(title: str | None, text: str, types: list[str]) -> None:
    """Only a covenant signed at the meeting counts; a titled year's rating meeting is a tong_ket."""
    assert records_after_events(doc(text, title=title)).event_types == types


@pytest.mark.parametrize(
    ("title", "text", "types"),
    [
        # the bloc itself launches its movement inside the meeting
        (None, "Ngày 15/2/2024, Cụm thi đua số 4 tổ chức lễ ký kết giao ước thi đua năm 2024. Trong năm, Cụm số 4 thống "
               "nhất phát động phong trào thi đua với chủ đề “Chung sức, sáng tạo, về đích sớm các chỉ tiêu được giao”.",
         ["giao_uoc", "phat_dong"]),
        # a step in the list of what the meeting did, in a search excerpt cut before its last word
        (None, "Ngày 20/1, Cụm thi đua số 7 tổ chức tổng kết công tác thi đua năm 2025. Tại hội nghị, các đơn vị đã bình "
               "xét danh hiệu thi đua; bầu Sở Xây dựng làm Cụm trưởng và phát động phong trào thi",
         ["tong_ket", "phat_dong"]),
        # past launches recalled in a review are not this meeting's launch
        (None, "Ngày 20/12/2024, Cụm thi đua số 7 tổ chức tổng kết công tác thi đua năm 2024. Các đơn vị trong Cụm đã "
               "hưởng ứng các phong trào thi đua do Ủy ban nhân dân tỉnh phát động.", ["tong_ket"]),
        # a listed second activity: "Hội nghị sơ kết, Hội diễn văn nghệ, Hội thao"
        ("Cụm thi đua số V tổ chức Hội nghị sơ kết, Hội diễn văn nghệ, Hội thao năm 2025",
         "Trong các ngày 10, 11/5/2025, Cụm thi đua số V tổ chức Hội nghị sơ kết, Hội diễn văn nghệ, Hội thao của các "
         "đơn vị trong cụm.", ["so_ket", "other"]),
    ],
)
def test_bloc_launch_and_listed_activities(title: str | None, text: str, types: list[str]) -> None:
    """Launches by the bloc or listed among the meeting's steps; a cultural show listed after the review."""
    assert sorted(records_after_events(doc(text, title=title)).event_types) == sorted(types)


def test_two_day_event_takes_its_first_day() -> None:
    text = "Trong các ngày 10, 11/5/2025, Cụm thi đua số V tổ chức Hội nghị sơ kết công tác thi đua của các đơn vị."
    assert records_after_events(doc(text)).event_date == "2025-05-10"


def test_interim_review_naming_the_half_ahead_reviews_the_first_half() -> None:
    text = (
        "Cụm thi đua số 6 tổ chức hội nghị sơ kết công tác thi đua khen thưởng.\n"
        "Từ đầu năm đến nay, các đơn vị trong Cụm đã tập trung chỉ đạo phong trào thi đua yêu nước.\n"
        "6 tháng cuối năm 2025, các đơn vị trong cụm tiếp tục đẩy mạnh các phong trào thi đua theo chuyên đề."
    )
    assert records_after_events(doc(text)).period == "2025-H1"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a province as the place of a cluster's meeting
        ("Trong các ngày 10, 11/5/2025 tại tỉnh Hậu Giang, Cụm thi đua số V tổ chức Hội nghị sơ kết công tác thi đua.",
         "tỉnh Hậu Giang"),
        # the purpose clause after the host ("… tại Trường X nhằm đánh giá …") is not part of its name
        ("12 trường thuộc Khối thi đua các trường cao đẳng đã tiến hành hội nghị tổng kết vào ngày 02/10/2023 tại "
         "Trường Cao đẳng Nghề Biển nhằm đánh giá việc thực hiện giao ước thi đua năm học 2022-2023.",
         "Trường Cao đẳng Nghề Biển"),
    ],
)
def test_venue_a_province_and_before_a_purpose_clause(text: str, expected: str) -> None:
    d = doc(text)
    r = records_after_events(d)
    assert r.venue == expected


def test_review_listed_among_the_years_tasks_is_planned() -> None:
    """ "xác định nhiệm vụ trọng tâm: …; sơ kết 6 tháng đầu năm; …" at a covenant meeting is no so_ket."""
    text = (
        "Sáng 12-3, Khối thi đua các cơ quan Đảng tổ chức hội nghị ký kết giao ước thi đua năm 2021. "
        "Trong năm, Khối xác định một số nhiệm vụ trọng tâm: tổ chức hoạt động về nguồn; sơ kết thi đua 6 tháng đầu năm; "
        "tổng kết công tác thi đua cuối năm."
    )
    d = doc(text, title="Khối thi đua các cơ quan Đảng ký kết giao ước thi đua")
    assert event_types(d, event_sentences(d)) == ["giao_uoc"]


def test_launch_together_with_the_covenant_is_phat_dong() -> None:
    """ "đã ký kết giao ước thi đua năm 2022, đồng thời phát động phong trào thi đua …": both events."""
    text = (
        "Tại hội nghị, lãnh đạo các đơn vị thuộc Cụm thi đua số 4 đã ký kết giao ước thi đua năm 2022, "
        "đồng thời phát động phong trào thi đua giữa các đơn vị với chủ đề “Đoàn kết, đổi mới”."
    )
    d = doc(text, title="Cụm thi đua số 4 ký kết giao ước thi đua năm 2022")
    assert sorted(event_types(d, event_sentences(d))) == ["giao_uoc", "phat_dong"]


def test_venue_keeps_the_military_region_of_a_unit() -> None:
    """ "tại Trung đoàn 8, Quân khu 3, Cụm thi đua …": the unit and its military region are the venue."""
    from nlp.events import venue

    d = doc("Sáng 6/12, tại Trung đoàn 8, Quân khu 3, Cụm thi đua số 4 tổ chức tổng kết hoạt động năm 2024.")
    found = venue(d)
    assert found is not None and found[0] == "Trung đoàn 8, Quân khu 3"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a review of a directive's years is not the bloc's year-end review
        ("Chiều 14/11, Cụm thi đua số 2 tổ chức hội nghị sinh hoạt chuyên đề và tổng kết 15 năm thực hiện Chỉ thị số 12 "
         "của Tỉnh ủy về công tác thi đua.", ["other"]),
        # every unit signed its own covenant during the year: reported inside a review, not this meeting's signing
        ("Ngày 5/12, Khối thi đua các huyện tổ chức tổng kết công tác thi đua năm 2024. Các huyện trong Khối đều "
         "đã tổ chức phát động thi đua, ký giao ước thi đua và thực hiện tốt quy định.", ["tong_ket"]),
        # the year's review and the meeting's own covenant still count
        ("Ngày 5/12, Khối thi đua các huyện tổng kết công tác thi đua năm 2024 và ký kết giao ước thi đua năm 2025.",
         ["tong_ket", "giao_uoc"]),
    ],
)
def test_directive_review_and_each_units_covenant_are_not_this_meeting(text: str, expected: list[str]) -> None:
    """Pattern: real reviews recall every unit's own covenant and hold a directive's multi-year review."""
    assert records_after_events(doc(text)).event_types == expected


def test_venue_a_lower_case_facility_after_the_building_word() -> None:
    """ "tại Hội trường trung tâm X Công an tỉnh": the facility written in lower case after "Hội trường" is the venue."""
    from nlp.events import venue

    d = doc("Sáng 8/3, tại Hội trường trung tâm PCCC Công an tỉnh Phú Yên, Khối thi đua Nội chính tổ chức ký kết giao ước.")
    found = venue(d)
    assert found is not None and found[0] == "trung tâm PCCC Công an tỉnh Phú Yên"


def test_yearless_half_in_title_takes_the_year_from_the_lead() -> None:
    """A title "Sơ kết … 6 tháng đầu năm" without the year: the lead's "6 tháng cuối năm 2022" gives it."""
    title = "Khối thi đua Nội chính sơ kết công tác thi đua 6 tháng đầu năm"
    text = (
        "Khối thi đua Nội chính vừa tổ chức hội nghị sơ kết công tác thi đua 6 tháng đầu năm "
        "và triển khai nhiệm vụ 6 tháng cuối năm 2022."
    )
    assert records_after_events(doc(text, title=title)).period == "2022-H1"


def test_plan_for_a_later_review_is_not_this_meetings_type() -> None:
    """"thông qua Kế hoạch kiểm tra và tổng kết … năm 2021" at an interim review names a later meeting."""
    text = (
        "Ngày 20/7, Khối thi đua Văn hóa tổ chức hội nghị sơ kết công tác thi đua 6 tháng đầu năm 2021.\n"
        "Hội nghị đã thông qua Kế hoạch kiểm tra và tổng kết công tác thi đua, khen thưởng năm 2021."
    )
    d = doc(text)
    assert event_types(d, event_sentences(d)) == ["so_ket"]
    assert records_after_events(d).period == "2021-H1"


@pytest.mark.parametrize(
    "text",
    [
        "Mới đây, tại Sở Văn hóa, Thể thao và Du lịch, Khối thi đua Văn xã đã tổ chức hội nghị sơ kết 6 tháng đầu năm 2021.",
        "Chiều 3/7, tại Sở Lao động, Thương binh và Xã hội, Khối thi đua Văn xã tổ chức hội nghị sơ kết công tác thi đua.",
    ],
)
def test_venue_a_department_whose_name_has_a_comma(text: str) -> None:
    """Pattern: department names written with commas ("Sở Văn hóa, Thể thao và Du lịch") are one venue."""
    from nlp.events import venue

    found = venue(doc(text))
    assert found is not None and found[0] in ("Sở Văn hóa, Thể thao và Du lịch", "Sở Lao động, Thương binh và Xã hội")


def test_venue_department_without_a_comma_still_ends_at_the_comma() -> None:
    """ "tại Sở Y tế, Khối …": the ordinary comma still ends the name."""
    from nlp.events import venue

    found = venue(doc("Sáng 3/7, tại Sở Y tế, Khối thi đua Văn xã tổ chức hội nghị sơ kết công tác thi đua năm 2021."))
    assert found is not None and found[0] == "Sở Y tế"
