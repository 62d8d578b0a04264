"""Awards with recipient and count."""

from __future__ import annotations

import pytest

from nlp.awards import extract_awards
from nlp.prepare import prepare

Row = tuple[str, str | None, int | None]


def _awards(text: str) -> list[Row]:
    return [(a.award, a.recipient, a.count) for a in extract_awards(prepare(text))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Dịp này, UBND tỉnh tặng Bằng khen cho 04 tập thể, 06 cá nhân có thành tích xuất sắc.",
         [("Bằng khen", "tập thể", 4), ("Bằng khen", "cá nhân", 6)]),
        ("Hội nghị suy tôn Sở Tài chính nhận Cờ thi đua của UBND tỉnh; Sở Công Thương và Sở Xây dựng nhận Bằng khen của Chủ tịch UBND tỉnh.",
         [("Cờ thi đua", "Sở Tài chính", None), ("Bằng khen", "Sở Công Thương", None), ("Bằng khen", "Sở Xây dựng", None)]),
        ("Khối thống nhất bình chọn Báo Hòa Bình là đơn vị xuất sắc và đề nghị UBND tỉnh xét tặng Cờ thi đua.",
         [("đơn vị xuất sắc", "Báo Hòa Bình", None), ("Cờ thi đua", "Báo Hòa Bình", None)]),
        ("Chủ tịch UBND tỉnh trao Cờ thi đua cho Công an tỉnh.", [("Cờ thi đua", "Công an tỉnh", None)]),
        ("Giải nhất thuộc về Kho bạc Nhà nước tỉnh, giải nhì thuộc về đơn vị Cục Thuế tỉnh.",
         [("Giải nhất", "Kho bạc Nhà nước tỉnh", None), ("giải nhì", "Cục Thuế tỉnh", None)]),
        ("UBND thành phố trao bằng khen cho 2 tập thể gồm: Hội Khuyến học thành phố và Hội Người mù thành phố.",
         [("bằng khen", "Hội Khuyến học thành phố", None), ("bằng khen", "Hội Người mù thành phố", None)]),
        ("Có 2 đơn vị được nhận Giấy khen của Trưởng khối là: Huyện đoàn Bảo Lâm, Huyện đoàn Bảo Lạc.",
         [("Giấy khen", "Huyện đoàn Bảo Lâm", None), ("Giấy khen", "Huyện đoàn Bảo Lạc", None)]),
        ("Kết quả, Ban tổ chức trao giải nhất toàn đoàn cho thị xã Sông Cầu; giải nhì cho huyện Tuy An.",
         [("giải nhất", "thị xã Sông Cầu", None), ("giải nhì", "huyện Tuy An", None)]),
        # no trailing "và" when a second award clause follows
        ("Cụm đề nghị UBND tỉnh tặng Cờ thi đua cho thị trấn Phong Điền và tặng Bằng khen cho xã Phong Hiền.",
         [("Cờ thi đua", "thị trấn Phong Điền", None), ("Bằng khen", "xã Phong Hiền", None)]),
        ("Dịp này, Ban Thi đua trao Giấy khen cho Trường THPT Lê Lợi và các cá nhân tiêu biểu.",
         [("Giấy khen", "Trường THPT Lê Lợi", None)]),
        # "cho A và B", "cho A, B và C": every recipient
        ("Cụm thống nhất đề nghị UBND thành phố tặng Cờ thi đua cho quận Thanh Khê và quận Sơn Trà.",
         [("Cờ thi đua", "quận Thanh Khê", None), ("Cờ thi đua", "quận Sơn Trà", None)]),
        ("Giám đốc Sở Nội vụ tặng Bằng khen cho Trường Chính trị tỉnh và Ban Dân tộc tỉnh.",
         [("Bằng khen", "Trường Chính trị tỉnh", None), ("Bằng khen", "Ban Dân tộc tỉnh", None)]),
        ("Chủ tịch UBND quận tặng Giấy khen cho phường Hòa Minh, phường Hòa Khánh Bắc và phường Hòa Hiệp Nam.",
         [("Giấy khen", "phường Hòa Minh", None), ("Giấy khen", "phường Hòa Khánh Bắc", None),
          ("Giấy khen", "phường Hòa Hiệp Nam", None)]),
    ],
)
def test_awards(text: str, expected: list[Row]) -> None:
    assert _awards(text) == expected


def test_count_only_sentence_borrows_title_from_caption_above() -> None:
    text = (
        "Trao Giấy khen cho các tập thể có thành tích xuất sắc\n"
        "Nhân dịp này, Khối đã khen thưởng 03 tập thể, 05 cá nhân có thành tích xuất sắc."
    )
    assert _awards(text) == [("Giấy khen", "tập thể", 3), ("Giấy khen", "cá nhân", 5)]


@pytest.mark.parametrize(
    "text",
    [
        "Trong 6 tháng đầu năm, toàn Khối đã khen thưởng 120 tập thể và 340 cá nhân.",  # no award title
        "Các đơn vị xuất sắc trong phong trào thi đua được biểu dương.",  # no recipient named
        "Thống nhất đề nghị cấp trên khen thưởng vào dịp cuối năm.",
    ],
)
def test_not_awards(text: str) -> None:
    assert _awards(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a results list: title, issuer, colon, recipients; a comma inside a department name stays
        ("Kết quả bình xét năm 2024:\n- Cờ thi đua của Chính phủ: Sở Văn hóa, Thể thao và Du lịch;\n"
         "- Bằng khen của Chủ tịch UBND tỉnh: Sở Nội vụ, Ban Quản lý các khu công nghiệp tỉnh.",
         [("Cờ thi đua", "Sở Văn hóa, Thể thao và Du lịch", None), ("Bằng khen", "Sở Nội vụ", None),
          ("Bằng khen", "Ban Quản lý các khu công nghiệp tỉnh", None)]),
        # two titles with colons inside one sentence: the first list stops at the second title
        ("Kết quả như sau: Cờ thi đua: UBND huyện Đắk Glong; Bằng khen: UBND huyện Tuy Đức, UBND huyện Krông Nô.",
         [("Cờ thi đua", "UBND huyện Đắk Glong", None), ("Bằng khen", "UBND huyện Tuy Đức", None),
          ("Bằng khen", "UBND huyện Krông Nô", None)]),
        # a numbered list with a count in brackets
        ("1. Cờ thi đua của UBND tỉnh (01): Ngân hàng Chính sách xã hội chi nhánh tỉnh.",
         [("Cờ thi đua", "Ngân hàng Chính sách xã hội chi nhánh tỉnh", None)]),
        # "Tp." does not end the recipient (the sentence splitter cuts there)
        ("Cụm đề nghị UBND tỉnh tặng Bằng khen cho huyện Tiên Yên và Tp. Móng Cái.",
         [("Bằng khen", "huyện Tiên Yên", None), ("Bằng khen", "Tp. Móng Cái", None)]),
        # recipients with no agency head word: bank brands
        ("Khối đề nghị Thống đốc tặng Cờ thi đua cho BIDV Sóc Trăng và Sacombank Sóc Trăng.",
         [("Cờ thi đua", "BIDV Sóc Trăng", None), ("Cờ thi đua", "Sacombank Sóc Trăng", None)]),
        # "và Bằng khen" after a unit with a comma in its name ends that unit
        ("Khối đề nghị xét tặng Cờ thi đua cho Sở Văn hóa, Thể thao và Du lịch và Bằng khen cho Sở Y tế.",
         [("Cờ thi đua", "Sở Văn hóa, Thể thao và Du lịch", None), ("Bằng khen", "Sở Y tế", None)]),
        # a quoted danh hiệu before "cho"
        ("Chủ tịch UBND tỉnh trao danh hiệu “Tập thể lao động xuất sắc” cho Văn phòng HĐND tỉnh.",
         [("Tập thể lao động xuất sắc", "Văn phòng HĐND tỉnh", None)]),
        # counts as the subject of a receiving verb
        ("Năm 2023, 04 tập thể và 06 cá nhân thuộc Khối vinh dự được Thủ tướng Chính phủ tặng Bằng khen.",
         [("Bằng khen", "tập thể", 4), ("Bằng khen", "cá nhân", 6)]),
        # the subject "được suy tôn" gets the award proposed later in the sentence
        ("Kết quả, Kho bạc Nhà nước tỉnh được suy tôn dẫn đầu Khối, đề nghị UBND tỉnh tặng Cờ thi đua.",
         [("Cờ thi đua", "Kho bạc Nhà nước tỉnh", None)]),
    ],
)
def test_award_lists_and_recipient_shapes(text: str, expected: list[Row]) -> None:
    assert _awards(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a count as the passive subject of a proposal, even past another award's recipient
        ("Khối đã bình chọn Công ty Điện lực Bình Thuận là đơn vị dẫn đầu, đề nghị UBND tỉnh tặng Cờ thi đua; "
         "4 đơn vị được đề nghị Chủ tịch UBND tỉnh tặng Bằng khen.",
         [("đơn vị dẫn đầu", "Công ty Điện lực Bình Thuận", None), ("Cờ thi đua", "Công ty Điện lực Bình Thuận", None),
          ("Bằng khen", "tập thể", 4)]),
        # named units as the passive subject
        ("Sở Tư pháp và Sở Nội vụ được đề nghị tặng Cờ thi đua của UBND tỉnh.",
         [("Cờ thi đua", "Sở Tư pháp", None), ("Cờ thi đua", "Sở Nội vụ", None)]),
        # the units voted for, then the proposal
        ("Hội nghị đã bỏ phiếu, suy tôn Sở Văn hóa, Thể thao và Du lịch và Sở Giáo dục và Đào tạo đề nghị UBND tỉnh "
         "tặng Cờ thi đua.",
         [("Cờ thi đua", "Sở Văn hóa, Thể thao và Du lịch", None), ("Cờ thi đua", "Sở Giáo dục và Đào tạo", None)]),
        # "… cho X là đơn vị dẫn đầu" explains the flag; it is not a second award
        ("Cụm thống nhất đề nghị UBND tỉnh tặng Cờ thi đua cho UBND huyện Vĩnh Thạnh là đơn vị dẫn đầu Cụm.",
         [("Cờ thi đua", "UBND huyện Vĩnh Thạnh", None)]),
        # a vote is a ranking award
        ("Qua bình xét, Khối suy tôn Hội Cựu chiến binh tỉnh là đơn vị dẫn đầu Khối, đề nghị UBND tỉnh tặng Cờ thi đua.",
         [("đơn vị dẫn đầu", "Hội Cựu chiến binh tỉnh", None), ("Cờ thi đua", "Hội Cựu chiến binh tỉnh", None)]),
    ],
)
def test_award_passive_and_voted_recipients(text: str, expected: list[Row]) -> None:
    assert _awards(text) == expected


def test_overall_prize_keeps_its_qualifier_next_to_per_event_prizes() -> None:
    text = ("Môn cầu lông, giải nhất thuộc về Cục Hải quan tỉnh; môn bóng bàn, giải nhất thuộc về Công an tỉnh. "
            "Ban tổ chức trao giải nhất toàn đoàn cho Bảo hiểm xã hội tỉnh, giải nhì toàn đoàn cho Cục Hải quan tỉnh.")
    assert _awards(text) == [
        ("giải nhất", "Cục Hải quan tỉnh", None),
        ("giải nhất", "Công an tỉnh", None),
        ("giải nhất toàn đoàn", "Bảo hiểm xã hội tỉnh", None),
        ("giải nhì toàn đoàn", "Cục Hải quan tỉnh", None),
    ]


def test_overall_prize_alone_is_named_by_its_rank() -> None:
    text = "Kết thúc hội thao, Ban tổ chức trao giải nhất toàn khối cho Sở Công Thương; giải nhì cho Sở Xây dựng."
    assert _awards(text) == [("giải nhất", "Sở Công Thương", None), ("giải nhì", "Sở Xây dựng", None)]


def test_every_rank_named_as_overall_keeps_the_qualifier() -> None:
    text = "Kết quả, Tỉnh Đoàn Hưng Hòa đạt giải nhất toàn đoàn, Huyện Đoàn Bình Lục đạt giải nhì toàn đoàn."
    assert _awards(text) == [
        ("giải nhất toàn đoàn", "Tỉnh Đoàn Hưng Hòa", None),
        ("giải nhì toàn đoàn", "Huyện Đoàn Bình Lục", None),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a ranking in apposition to the recipient of a flag is a second award
        ("Hội nghị đề nghị UBND tỉnh tặng Cờ thi đua cho UBND huyện Sơn Hà, đơn vị dẫn đầu Cụm năm 2024; "
         "đề nghị tặng Bằng khen cho UBND huyện Minh Long.",
         [("Cờ thi đua", "UBND huyện Sơn Hà", None), ("đơn vị dẫn đầu", "UBND huyện Sơn Hà", None),
          ("Bằng khen", "UBND huyện Minh Long", None)]),
        ("Khối đề nghị tặng Cờ thi đua cho Sở Y tế, đơn vị xuất sắc dẫn đầu Khối; tặng Bằng khen cho Sở Nội vụ.",
         [("Cờ thi đua", "Sở Y tế", None), ("đơn vị xuất sắc dẫn đầu", "Sở Y tế", None),
          ("Bằng khen", "Sở Nội vụ", None)]),
        # the unit ranked first/second is the one proposed, even with the issuer named in between
        ("Kết quả, Hội Cựu chiến binh huyện Ea Súp xếp thứ nhất, được cụm đề nghị Trung ương Hội tặng Cờ thi đua; "
         "Hội Cựu chiến binh huyện Cư M'gar xếp thứ hai, đề nghị Hội Cựu chiến binh tỉnh tặng Bằng khen.",
         [("Cờ thi đua", "Hội Cựu chiến binh huyện Ea Súp", None),
          ("Bằng khen", "Hội Cựu chiến binh huyện Cư M'gar", None)]),
        # a count, a colon, then the units counted
        ("- Đề nghị UBND tỉnh tặng Cờ thi đua cho 02 đơn vị: Công ty Cổ phần Cấp nước Hà Giang; "
         "Ngân hàng Chính sách xã hội Chi nhánh tỉnh Hà Giang.",
         [("Cờ thi đua", "Công ty Cổ phần Cấp nước Hà Giang", None),
          ("Cờ thi đua", "Ngân hàng Chính sách xã hội Chi nhánh tỉnh Hà Giang", None)]),
        # armed-forces posts and special zones as recipients
        ("Cụm đề nghị Bộ Tư lệnh tặng Cờ thi đua cho Đồn Biên phòng Sa Vĩ.", [("Cờ thi đua", "Đồn Biên phòng Sa Vĩ", None)]),
        ("Hội nghị suy tôn đặc khu Cồn Cỏ là đơn vị dẫn đầu Cụm, đề nghị UBND tỉnh tặng Cờ thi đua.",
         [("đơn vị dẫn đầu", "đặc khu Cồn Cỏ", None), ("Cờ thi đua", "đặc khu Cồn Cỏ", None)]),
    ],
)
def test_ranking_apposition_ranked_subject_and_count_lists(text: str, expected: list[Row]) -> None:
    assert _awards(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # counts written as words (heldout6 decision 9)
        ("Cụm đề nghị Giám đốc Sở tặng Giấy khen cho ba tập thể và năm cá nhân có thành tích tiêu biểu.",
         [("Giấy khen", "tập thể", 3), ("Giấy khen", "cá nhân", 5)]),
        ("Khối đề nghị Chủ tịch UBND tỉnh tặng Bằng khen cho mười hai cá nhân.", [("Bằng khen", "cá nhân", 12)]),
        # a counted collective noun is a "tập thể"
        ("Liên minh HTX tỉnh tặng Giấy khen cho bốn HTX tiêu biểu.", [("Giấy khen", "tập thể", 4)]),
        ("Hội nghị đề nghị công nhận danh hiệu Tập thể lao động xuất sắc cho 5 trường.",
         [("Tập thể lao động xuất sắc", "tập thể", 5)]),
        # provinces as recipients
        ("Khối đề nghị Thủ tướng Chính phủ tặng Cờ thi đua của Chính phủ cho tỉnh Hòa Bình và tỉnh Sơn La.",
         [("Cờ thi đua", "tỉnh Hòa Bình", None), ("Cờ thi đua", "tỉnh Sơn La", None)]),
        # a unit, then a count
        ("Hội nghị đề nghị tặng Bằng khen cho Hội Nông dân huyện Mỹ Xuyên và 2 cá nhân.",
         [("Bằng khen", "Hội Nông dân huyện Mỹ Xuyên", None), ("Bằng khen", "cá nhân", 2)]),
        # "Tổng Công ty" with a capital C; the printed title "Cờ thi đua xuất sắc" (heldout6 decision 10)
        ("UBND Thành phố tặng Cờ thi đua xuất sắc cho Tổng Công ty Xây dựng Hà Thành.",
         [("Cờ thi đua xuất sắc", "Tổng Công ty Xây dựng Hà Thành", None)]),
        # "cho đơn vị": the unit voted for earlier in the sentence
        ("Hội nghị suy tôn Hội Cựu chiến binh huyện Gò Quao là đơn vị dẫn đầu Cụm và đề nghị tặng Bằng khen cho đơn vị.",
         [("đơn vị dẫn đầu", "Hội Cựu chiến binh huyện Gò Quao", None), ("Bằng khen", "Hội Cựu chiến binh huyện Gò Quao", None)]),
    ],
)
def test_word_counts_collectives_provinces_and_back_references(text: str, expected: list[Row]) -> None:
    assert _awards(text) == expected


def test_lower_case_excellent_flag_in_running_text_stays_a_flag() -> None:
    assert _awards("Đồng thời, UBND tỉnh tặng cờ thi đua xuất sắc cho Trường Cao đẳng Y tế.") == [
        ("cờ thi đua", "Trường Cao đẳng Y tế", None)
    ]


def test_year_is_not_a_word_count() -> None:
    assert _awards("Giám đốc Sở tặng Giấy khen cho 4 tập thể. Trong năm đơn vị đã khen thưởng đột xuất.") == [
        ("Giấy khen", "tập thể", 4)
    ]


def test_agency_after_passive_is_the_giver_not_the_recipient() -> None:
    assert _awards("Có hai tập thể và ba cá nhân được UBND huyện tặng Giấy khen.") == [
        ("Giấy khen", "tập thể", 2), ("Giấy khen", "cá nhân", 3)
    ]
    assert _awards("Phòng Nội vụ được UBND huyện tặng Giấy khen.") == [("Giấy khen", "Phòng Nội vụ", None)]


def test_flag_proposed_for_the_voted_unit_not_the_next_clause_list() -> None:
    """Real-page pattern: 'X được suy tôn …, được đề nghị tặng Cờ; 03 đơn vị gồm: A; B và C … Bằng khen'."""
    text = (
        "Thanh tra tỉnh được suy tôn là đơn vị xuất sắc dẫn đầu phong trào thi đua được đề nghị tặng Cờ thi đua "
        "của UBND tỉnh; 02 đơn vị gồm: Sở Tư pháp và Sở Lao động, Thương Binh và Xã hội được suy tôn là đơn vị "
        "xuất sắc, tiêu biểu được đề nghị tặng Bằng khen của Chủ tịch UBND tỉnh."
    )
    got = _awards(text)
    assert ("Cờ thi đua", "Thanh tra tỉnh", None) in got
    assert not any(a == "Cờ thi đua" and r != "Thanh tra tỉnh" for a, r, _ in got)
    assert ("đơn vị xuất sắc, tiêu biểu", "Sở Tư pháp", None) in got
    assert ("Bằng khen", "Sở Lao động, Thương Binh và Xã hội", None) in got


def test_lower_case_leading_flag_before_cho() -> None:
    """Real-page pattern: 'tặng cờ thi đua dẫn đầu cho Sở X' names its recipient after 'dẫn đầu'."""
    assert _awards("Các đơn vị đề nghị UBND tỉnh tặng cờ thi đua dẫn đầu cho Sở Nội vụ; tặng bằng khen cho Sở Y tế.") == [
        ("cờ thi đua", "Sở Nội vụ", None), ("bằng khen", "Sở Y tế", None)
    ]


def test_results_line_unit_dash_prize() -> None:
    """Real-page pattern: sports results written 'Unit - giải nhất' or 'Unit-giải nhì'."""
    got = _awards(
        "- Môn kéo co: Ban Quản lý rừng phòng hộ Tân Phú-giải nhất, Sở Y tế - giải nhì và giải ba thuộc về Sở Công Thương."
    )
    assert got == [
        ("giải nhất", "Ban Quản lý rừng phòng hộ Tân Phú", None), ("giải nhì", "Sở Y tế", None), ("giải ba", "Sở Công Thương", None)
    ]


def test_bloc_ranking_line_with_colons() -> None:
    """Real-page pattern: 'Nhất cụm: A; Nhì cụm: B; Ba cụm: C' announces the bloc's ranking."""
    assert _awards("Hội nghị bình xét như sau: Nhất cụm: thị trấn Tân Lập; Nhì cụm: xã Bình Minh; Ba cụm: xã Tân Hòa.") == [
        ("Nhất cụm", "thị trấn Tân Lập", None), ("Nhì cụm", "xã Bình Minh", None), ("Ba cụm", "xã Tân Hòa", None)
    ]
    assert _awards("Đơn vị xếp thứ ba cụm năm nay là xã Bình Minh.") == []


def test_vote_for_the_top_unit_named_after_la_and_flag_by_issuer() -> None:
    """Real-page pattern: 'suy tôn đơn vị đứng đầu Cụm … là đơn vị xã A đề nghị … xét tặng cờ UBND tỉnh'."""
    got = _awards(
        "Các đơn vị suy tôn đơn vị đứng đầu Cụm có số điểm cao là đơn vị xã Tân Hòa đề nghị "
        "Hội đồng thi đua, khen thưởng huyện xét tặng cờ UBND tỉnh."
    )
    assert got == [("đơn vị đứng đầu", "xã Tân Hòa", None), ("cờ", "xã Tân Hòa", None)]
    assert _awards("Đội tuyển giương cao lá cờ Tổ quốc.") == []


def test_flag_with_a_quoted_name_for_the_bloc_head() -> None:
    """Real-page pattern: 'tặng cờ “đơn vị dẫn đầu …” năm N cho khối trưởng là Công ty …'."""
    got = _awards(
        "Tại buổi ký kết, UBND tỉnh đã tặng cờ “đơn vị dẫn đầu công tác thi đua” năm 2022 cho khối trưởng là "
        "Công ty CP Cà phê Ea Pốk, tặng bằng khen cho 2 đơn vị."
    )
    assert got == [("cờ “đơn vị dẫn đầu công tác thi đua”", "Công ty CP Cà phê Ea Pốk", None), ("bằng khen", "tập thể", 2)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the unit right after "được" gives the award; a generic subject names no recipient
        ("Các đơn vị được Chủ tịch UBND huyện tặng Giấy khen năm trước.", []),
        ("Những tập thể được UBND tỉnh tặng Bằng khen gồm: Sở Tư pháp, Sở Y tế.",
         [("Bằng khen", "Sở Tư pháp", None), ("Bằng khen", "Sở Y tế", None)]),
        ("Sở Xây dựng được UBND tỉnh tặng Bằng khen.", [("Bằng khen", "Sở Xây dựng", None)]),
    ],
)
def test_giver_after_duoc_is_not_the_recipient(text: str, expected: list[Row]) -> None:
    assert _awards(text) == expected


def test_sector_flag_keeps_its_sector() -> None:
    text = "Cụm đề nghị Viện trưởng xem xét công nhận danh hiệu “Cờ thi đua ngành Tư pháp” cho 2 đơn vị."
    assert _awards(text) == [("Cờ thi đua ngành Tư pháp", "tập thể", 2)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an abbreviated agency before a place keeps its agency (VKSND, TAND, CA, MTTQ …)
        ("Năm qua, đơn vị VKSND huyện Đông Hải vinh dự được VKSND tối cao tặng Cờ thi đua dẫn đầu Khối.",
         [("Cờ thi đua", "VKSND huyện Đông Hải", None)]),
        ("UBND tỉnh tặng Bằng khen cho TAND huyện Lạc Dương và CA huyện Bảo Lâm.",
         [("Bằng khen", "TAND huyện Lạc Dương", None), ("Bằng khen", "CA huyện Bảo Lâm", None)]),
        # every remaining unit, uncounted, is "tập thể"
        ("Ngoài ra, tất cả các đơn vị còn lại của Cụm đều được Viện trưởng công nhận là Tập thể lao động tiên tiến.",
         [("Tập thể lao động tiên tiến", "tập thể", None)]),
        # the province after the unit's comma locates it; it is not a second recipient
        ("Hội nghị thống nhất Chi cục Thuế huyện Cái Nước, tỉnh Cà Mau được suy tôn danh hiệu Cờ thi đua năm 2024.",
         [("Cờ thi đua", "Chi cục Thuế huyện Cái Nước", None)]),
    ],
)
def test_awards_agency_abbreviations_and_all_units(text: str, expected: list[Row]) -> None:
    assert _awards(text) == expected
