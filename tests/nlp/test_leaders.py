import pytest

from nlp.blocs import fill as fill_bloc
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
        # hand-over: the receiver heads the next emulation year, or the year stated
        ("Ngày 15/1/2024, Cụm thi đua số 3 tổng kết công tác thi đua năm 2023. Tại hội nghị, thị xã Buôn Hồ - đơn vị "
         "Cụm trưởng năm 2023 đã bàn giao nhiệm vụ Cụm trưởng cho huyện Krông Búk.",
         {("thị xã Buôn Hồ", "head", 2023), ("huyện Krông Búk", "head", 2024)}),
        ("Sáng 9/1/2025, Khối thi đua Nội chính tổng kết năm 2024. Sở Tư pháp đã trao lại nhiệm vụ Trưởng khối năm "
         "2025 cho Thanh tra tỉnh, Công an tỉnh làm Phó Trưởng khối năm 2025.",
         {("Thanh tra tỉnh", "head", 2025), ("Công an tỉnh", "deputy", 2025)}),
        # trade unions are units; a bare "tỉnh" never is
        ("Ngày 2/8/2024, Cụm thi đua các công đoàn ngành sơ kết 6 tháng đầu năm 2024. Năm 2024, Công đoàn ngành "
         "Công Thương là đơn vị Cụm trưởng, Công đoàn Viên chức tỉnh là Cụm phó.",
         {("Công đoàn ngành Công Thương", "head", 2024), ("Công đoàn Viên chức tỉnh", "deputy", 2024)}),
        # role first, unit after "là"
        ("Ngày 4/3/2024, Khối thi đua Kinh tế ký kết giao ước thi đua năm 2024. Khối trưởng năm 2024 là Sở Tài chính, "
         "Phó Trưởng khối là Sở Nội vụ.",
         {("Sở Tài chính", "head", 2024), ("Sở Nội vụ", "deputy", 2024)}),
        ("Ngày 4/3/2024, Khối thi đua Kinh tế ký kết giao ước thi đua năm 2024. Sở Tài chính là Khối trưởng, "
         "Sở Nội vụ là Phó Khối trưởng.",
         {("Sở Tài chính", "head", 2024), ("Sở Nội vụ", "deputy", 2024)}),
        ("Ngày 5/1/2024, Cụm thi đua số 2 tổng kết năm 2023. Cụm trưởng năm 2024 do huyện Tam Nông đảm nhận, Cụm phó "
         "là huyện Thanh Thủy.",
         {("huyện Tam Nông", "head", 2024), ("huyện Thanh Thủy", "deputy", 2024)}),
        # the deputy in a second clause shares the head's year
        ("Ngày 18/1/2022, Khối thi đua Kinh tế tổng kết năm 2021. Sở Tài nguyên và Môi trường là đơn vị Trưởng khối "
         "năm 2022, Sở Giao thông vận tải là Phó Trưởng khối.",
         {("Sở Tài nguyên và Môi trường", "head", 2022), ("Sở Giao thông vận tải", "deputy", 2022)}),
        # an explicit statement wins over the unit of a person's title
        ("Ngày 12/1/2024, Cụm thi đua số 1 tổng kết năm 2023. Đ/c Lý Văn Sáng - Chủ tịch UBND huyện Bảo Lâm, Cụm "
         "trưởng Cụm thi đua số 1 chủ trì hội nghị. Cụm trưởng năm 2023 là huyện Bảo Lâm, Cụm phó là huyện Bảo Lạc.",
         {("huyện Bảo Lâm", "head", 2023), ("huyện Bảo Lạc", "deputy", 2023)}),
        # adverbs between the unit and its role are no part of the unit
        ("Ngày 12/7/2023, Cụm thi đua số 3 sơ kết 6 tháng đầu năm 2023. Ông Trần Minh, Chủ tịch UBND thị xã Ninh Hòa, "
         "cho biết huyện Vạn Ninh đang giữ vai trò Cụm phó sẽ phối hợp tổ chức hội thao.",
         {("huyện Vạn Ninh", "deputy", 2023)}),
        ("Ngày 14/7/2023, Cụm thi đua số 4 sơ kết 6 tháng đầu năm 2023. Hội nghị thống nhất UBND huyện Tân Hồng tiếp tục "
         "giữ vai trò Cụm trưởng đến hết năm 2023.",
         {("UBND huyện Tân Hồng", "head", 2023)}),
        ("Ngày 16/1/2024, Khối thi đua các cơ quan Đảng tổng kết năm 2023. Ban Tổ chức Tỉnh ủy luân phiên làm Trưởng "
         "khối năm 2024.",
         {("Ban Tổ chức Tỉnh ủy", "head", 2024)}),
        # "the units of the bloc take turns": the bloc itself is no leader
        ("Ngày 3/3/2024, Khối thi đua các doanh nghiệp ký giao ước. Theo quy chế, các đơn vị trong Khối luân phiên giữ "
         "chức Khối trưởng. Năm 2024, Công ty Cổ phần Môi trường đô thị giữ chức Khối trưởng.",
         {("Công ty Cổ phần Môi trường đô thị", "head", 2024)}),
        # a province heading a regional cluster, written at the start of the sentence
        ("Ngày 20/4/2023, Cụm thi đua các tỉnh Đông Nam Bộ ký kết giao ước. Tỉnh Bình Dương là Cụm trưởng năm 2023.",
         {("tỉnh Bình Dương", "head", 2023)}),
        ("Ngày 11/1/2023, Khối thi đua các cơ quan tham mưu tổng kết năm 2022. Văn phòng Tỉnh ủy đã hoàn thành tốt vai "
         "trò Trưởng khối năm 2022.",
         {("Văn phòng Tỉnh ủy", "head", 2022)}),
        # "Trưởng khối: X; Phó Trưởng khối: Y"
        ("Ngày 2/3/2023, Khối thi đua số 6 ký kết giao ước thi đua năm 2023. Trưởng khối: Sở Ngoại vụ; Phó Trưởng khối: "
         "Ban Dân tộc tỉnh.",
         {("Sở Ngoại vụ", "head", 2023), ("Ban Dân tộc tỉnh", "deputy", 2023)}),
        # "TX." does not cut the sentence; a bank brand is a unit
        ("Ngày 20/7/2021, Cụm thi đua số 1 sơ kết 6 tháng đầu năm 2021. Năm 2021, UBND TX. Sông Cầu là Cụm trưởng.",
         {("UBND TX. Sông Cầu", "head", 2021)}),
        ("Ngày 8/1/2021, Khối thi đua Ngân hàng tổng kết năm 2020. Hội nghị thống nhất giao Vietcombank Sóc Trăng làm "
         "Trưởng khối năm 2021.",
         {("Vietcombank Sóc Trăng", "head", 2021)}),
        # "Chủ tịch UBND quận X – đơn vị Cụm trưởng" and "quận X làm Cụm trưởng" name one leader
        ("Ngày 6/1/2023, Cụm thi đua số 2 tổng kết năm 2022. Ông Lê Hùng, Chủ tịch UBND quận Ninh Kiều – đơn vị Cụm trưởng "
         "năm 2022 chủ trì. Năm 2022, quận Ninh Kiều làm Cụm trưởng, quận Bình Thủy làm Cụm phó.",
         {("quận Ninh Kiều", "head", 2022), ("quận Bình Thủy", "deputy", 2022)}),
        # the subject "Khối đã bầu" is no part of the unit before "làm Trưởng khối"
        ("Ngày 12/1/2024, Khối thi đua Kinh tế tổng kết năm 2023. Tại hội nghị, Khối đã bầu Sở Nông nghiệp và Phát triển "
         "nông thôn làm Trưởng khối, Sở Xây dựng làm Phó khối năm 2024.",
         {("Sở Nông nghiệp và Phát triển nông thôn", "head", 2024), ("Sở Xây dựng", "deputy", 2024)}),
        # a gloss in brackets after the unit is left out
        ("Ngày 15/1/2025, Cụm thi đua số 2 tổng kết năm 2024. Năm 2024, phường Long Biên (khi đó là huyện Gia Lâm cũ) "
         "giữ vai trò Cụm trưởng.",
         {("phường Long Biên", "head", 2024)}),
        # ", đơn vị Cụm trưởng năm N": an apposition of the unit itself
        ("Ngày 9/1/2023, Cụm thi đua các huyện miền núi tổng kết năm 2022. Hội nghị do huyện Quế Phong, đơn vị Cụm trưởng "
         "năm 2022 đăng cai.",
         {("huyện Quế Phong", "head", 2022)}),
        ("Sáng 2/4/2024, Khối thi đua các doanh nghiệp phát động thi đua. Ông Trần Văn Long, Tổng Giám đốc Công ty Cổ phần "
         "Cảng Quy Nhơn, đơn vị Trưởng khối năm 2024, phát biểu.",
         {("Công ty Cổ phần Cảng Quy Nhơn", "head", 2024)}),
        # "X được UBND tỉnh chỉ định làm Trưởng khối": the agent is no part of X
        ("Ngày 20/3/2023, Khối thi đua các doanh nghiệp tư nhân phát động thi đua năm 2023. Năm 2023, Công ty TNHH Thủy sản "
         "Minh Phú được UBND tỉnh phân công làm Trưởng khối.",
         {("Công ty TNHH Thủy sản Minh Phú", "head", 2023)}),
        # a head read off "Phó Chủ tịch UBND huyện X" is written bare like the other leaders of the article
        ("Ngày 14/2/2023, Cụm thi đua số 3 tổng kết năm 2022. Dự có bà Lê Thị Hoa, Phó Chủ tịch UBND huyện Tân Uyên, "
         "đại diện đơn vị Cụm trưởng năm 2022. Năm 2023, huyện Than Uyên là Cụm trưởng.",
         {("huyện Tân Uyên", "head", 2022), ("huyện Than Uyên", "head", 2023)}),
        # hand-over in appositions: the giver "A, Trưởng Khối năm N" and the receiver "cho B, Trưởng Khối năm N+1"
        ("Ngày 16/1/2024, Khối thi đua Nội chính tổng kết năm 2023. Ban Nội chính Tỉnh ủy, Trưởng Khối năm 2023 đã bàn "
         "giao nhiệm vụ cho Công an tỉnh, Trưởng Khối năm 2024. Phó Trưởng Khối năm 2024 là Sở Tư pháp.",
         {("Ban Nội chính Tỉnh ủy", "head", 2023), ("Công an tỉnh", "head", 2024), ("Sở Tư pháp", "deputy", 2024)}),
        # a lead-in ("Kết thúc hội nghị, ") before the giver; the rotating flag goes to the receiver
        ("Chiều 10/1/2025, Cụm thi đua các huyện miền núi tổng kết năm 2024. Kết thúc hội nghị, UBND huyện Sơn Tây, "
         "Cụm trưởng năm 2024, đã trao cờ luân lưu cho UBND huyện Ba Tơ, Cụm trưởng năm 2025.",
         {("UBND huyện Sơn Tây", "head", 2024), ("UBND huyện Ba Tơ", "head", 2025)}),
        # the receiver with no year leads the next year
        ("Chiều 10/1/2025, Cụm thi đua các huyện miền núi tổng kết năm 2024. Tại hội nghị, UBND huyện Sơn Tây đã trao "
         "cờ luân lưu cho UBND huyện Ba Tơ, Cụm trưởng mới.",
         {("UBND huyện Ba Tơ", "head", 2025)}),
        # "X với vai trò Cụm trưởng" names the head of the stated year
        ("Ngày 6/3/2024, Cụm thi đua số 2 ký giao ước năm 2024. Năm 2023, huyện Mường Tè với vai trò Cụm trưởng đã "
         "điều hành tốt các hoạt động.",
         {("huyện Mường Tè", "head", 2023)}),
        # title, unit, then the person's name: the name is no part of the unit
        ("Sáng 4/3/2025, Cụm thi đua số 3 ký giao ước năm 2025. Chủ tịch UBND thị xã Hoài Nhơn Đặng Văn Lực, đại diện "
         "đơn vị Cụm trưởng năm 2025, chủ trì hội nghị.",
         {("UBND thị xã Hoài Nhơn", "head", 2025)}),
        # "A và B lần lượt giữ vai trò Trưởng khối, Phó Trưởng khối": units and roles paired in order
        ("Ngày 8/1/2025, Khối thi đua Nội chính tổng kết năm 2024. Hội nghị thống nhất cử Tòa án nhân dân tỉnh và Thanh tra "
         "tỉnh lần lượt giữ vai trò Trưởng khối, Phó Trưởng khối năm 2025.",
         {("Tòa án nhân dân tỉnh", "head", 2025), ("Thanh tra tỉnh", "deputy", 2025)}),
        ("Ngày 12/1/2024, Khối thi đua Kinh tế tổng kết năm 2023. Khối bầu Sở Giao thông vận tải, Sở Công Thương lần lượt "
         "là Trưởng khối và Phó Trưởng khối năm 2024.",
         {("Sở Giao thông vận tải", "head", 2024), ("Sở Công Thương", "deputy", 2024)}),
        # "…, năm 2025 X đảm nhận vai trò Trưởng khối, Y làm Phó": the year opens the clause of the new leaders
        ("Sáng 14/1/2025, Khối thi đua các đoàn thể tổng kết năm 2024. Theo quy chế hoạt động, năm 2025 Hội Cựu chiến binh "
         "tỉnh đảm nhận vai trò Trưởng khối, Hội Nông dân tỉnh làm Phó Trưởng khối.",
         {("Hội Cựu chiến binh tỉnh", "head", 2025), ("Hội Nông dân tỉnh", "deputy", 2025)}),
        # two school years: the head read off a title and next school year's head are both kept (year null)
        ("Ngày 26/8/2024, Cụm thi đua các trường cao đẳng tổng kết năm học 2023-2024. Tham dự có TS. Lê Văn Hòa - Hiệu "
         "trưởng Trường Cao đẳng Kỹ thuật Hà Nam, Cụm trưởng năm học 2023-2024; đại diện các trường. Theo nguyên tắc luân "
         "phiên, năm học 2024-2025 Trường Cao đẳng Y tế Hà Nam giữ vai trò Cụm trưởng.",
         {("Trường Cao đẳng Kỹ thuật Hà Nam", "head", None), ("Trường Cao đẳng Y tế Hà Nam", "head", None)}),
        # "X nhận cờ luân lưu, đảm nhận Trưởng khối năm N"
        ("Sáng 10/3/2025, Khối thi đua các đoàn thể ký kết giao ước thi đua năm 2025. Hội Liên hiệp Phụ nữ tỉnh nhận cờ "
         "luân lưu, đảm nhận Trưởng khối năm 2025.",
         {("Hội Liên hiệp Phụ nữ tỉnh", "head", 2025)}),
    ],
)
def test_leaders(text, expected):
    assert leaders_of(text) == expected


def leaders_with_bloc(text: str) -> set[tuple[str, str, int | None]]:
    d = doc(text)
    r = records_after_events(d)
    fill_bloc(d, r)
    fill(d, r)
    return {(x.unit, x.role, x.year) for x in r.leaders}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # another bloc's election reported in passing is not this bloc's leadership
        ("Ngày 18/1/2024, Khối thi đua Nội chính tỉnh tổng kết năm 2023. Trước đó, Khối thi đua Văn hóa - Xã hội đã bầu "
         "Sở Y tế làm Trưởng khối năm 2024. Hội nghị bầu Công an tỉnh làm Trưởng khối năm 2024. Khối thi đua Nội chính "
         "thống nhất nội dung giao ước.",
         {("Công an tỉnh", "head", 2024)}),
        ("Ngày 10/1/2024, Cụm thi đua số 3 tổng kết năm 2023. Dự hội nghị có ông Lê Văn Tám, Chủ tịch UBND huyện Đắk Hà, "
         "Cụm trưởng Cụm thi đua số 1. Cụm thi đua số 3 bầu huyện Kon Rẫy làm Cụm trưởng năm 2024.",
         {("huyện Kon Rẫy", "head", 2024)}),
        # the article's own bloc named after the role keeps the leader
        ("Ngày 5/3/2024, Khối thi đua Kinh tế - Kỹ thuật ký kết giao ước. Sở Xây dựng làm Trưởng Khối thi đua Kinh tế - "
         "Kỹ thuật năm 2024.",
         {("Sở Xây dựng", "head", 2024)}),
        # a second bloc's paragraph ("Cùng ngày, Khối thi đua Y …; Z là Trưởng khối") is that bloc's to the end
        ("Sáng 8/1/2025, Khối thi đua các cơ quan Nội chính tỉnh tổng kết năm 2024. Đồng chí Lò Văn Hải, Giám đốc Sở "
         "Tư pháp, Trưởng khối năm 2024 chủ trì.\n\nCùng ngày, Khối thi đua các doanh nghiệp tỉnh cũng tổng kết. Khối "
         "này có 3 đơn vị; Công ty Điện lực tỉnh là Trưởng khối năm 2024 và Công ty Cấp nước được bầu làm Trưởng khối "
         "năm 2025.",
         {("Sở Tư pháp", "head", 2024)}),
    ],
)
def test_leaders_of_another_bloc_are_left_out(text, expected):
    assert leaders_with_bloc(text) == expected


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


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a year-end meeting's "hiệp thương" table names next year's head and deputy; the heading states the year
        ("Ngày 18/12/2024, Khối thi đua các trường cao đẳng tổng kết công tác thi đua năm 2024.\n"
         "Kết quả hiệp thương chọn Khối trưởng, Khối phó năm 2025:\n"
         "Trưởng Khối: Trường Cao đẳng Y tế\n"
         "Phó Trưởng Khối: Trường Cao đẳng Sư phạm\n"
         "Hội nghị kết thúc cùng ngày.",
         {("Trường Cao đẳng Y tế", "head", 2025), ("Trường Cao đẳng Sư phạm", "deputy", 2025)}),
        # … and without a year in the heading, "hiệp thương" at a year-end review means the next year
        ("Ngày 20/12/2023, Cụm thi đua các huyện phía Tây tổng kết công tác thi đua năm 2023.\n"
         "Kết quả hiệp thương:\n"
         "- Trưởng Cụm: UBND huyện Tân Lập\n"
         "- Phó Trưởng Cụm: UBND huyện Tân Hòa\n",
         {("UBND huyện Tân Lập", "head", 2024), ("UBND huyện Tân Hòa", "deputy", 2024)}),
        # the unit opens the sentence and the role is set off by commas, no person's title
        ("Ngày 10/7/2024, Cụm thi đua các công ty xổ số sơ kết 6 tháng đầu năm 2024. Tổng Công ty Xổ số Miền Tây, "
         "Cụm trưởng năm 2024, đã báo cáo kết quả.",
         {("Tổng Công ty Xổ số Miền Tây", "head", 2024)}),
        # the head named only by its official's title after "Đồng chí": the unit is the official's agency
        ("Ngày 9/7/2024, Cụm thi đua các huyện ven biển sơ kết 6 tháng đầu năm 2024. Đồng chí Chủ tịch UBND huyện "
         "Hòa Lạc, Cụm trưởng, chủ trì hội nghị.",
         {("UBND huyện Hòa Lạc", "head", 2024)}),
    ],
)
def test_leader_tables_and_appositions(text, expected):
    assert leaders_of(text) == expected


def test_a_person_before_the_comma_is_no_unit():
    text = ("Ngày 9/7/2024, Cụm thi đua các huyện ven biển sơ kết 6 tháng đầu năm 2024. Ông Nguyễn Văn Bình, "
            "Cụm trưởng, chủ trì hội nghị.")
    assert leaders_of(text) == set()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the role leads the sentence and the unit follows the comma
        ("Sáng 19/1/2018, Khối thi đua Văn hóa - Xã hội tổng kết năm 2017. Năm 2017, với vai trò Trưởng khối, "
         "Sở Tư pháp đã chủ động xây dựng kế hoạch.",
         {("Sở Tư pháp", "head", 2017)}),
        ("Ngày 27/12/2022, Khối thi đua các doanh nghiệp tổng kết năm 2022. Với vai trò Trưởng khối năm 2022, "
         "Công ty TNHH MTV Cấp thoát nước Phú Lâm đã tổ chức 2 đợt kiểm tra.",
         {("Công ty TNHH MTV Cấp thoát nước Phú Lâm", "head", 2022)}),
        # a unit speaking through its representative
        ("Chiều 15/12/2025, Cụm thi đua các xã biên giới tổng kết năm 2025.\nĐại diện UBND xã Tân Phong, Cụm trưởng "
         "năm 2025, cho biết khó khăn lớn.",
         {("UBND xã Tân Phong", "head", 2025)}),
        # a flattened table row: number, unit cell, role cell
        ("Sáng 9/3/2018, Khối thi đua các ngân hàng ký kết giao ước thi đua năm 2018. Vai trò năm 2018:\n"
         "TT\tĐơn vị\tVai trò\n1\tAgribank Chi nhánh Hà Nam\tTrưởng khối\n2\tBIDV Chi nhánh Hà Nam\tPhó Trưởng khối\n"
         "3\tACB Chi nhánh Hà Nam\tThành viên\n",
         {("Agribank Chi nhánh Hà Nam", "head", 2018), ("BIDV Chi nhánh Hà Nam", "deputy", 2018)}),
        # a dash glued to the unit
        ("Ngày 20/4/2021, tại Lễ ký kết giao ước thi đua năm 2021 do Công ty TNHH MTV Môi trường đô thị- Trưởng Khối "
         "thi đua 12 tổ chức, các đơn vị trong khối đã thông qua quy chế.",
         {("Công ty TNHH MTV Môi trường đô thị", "head", 2021)}),
        # unit, role and its bloc, then the host's verb
        ("Sáng ngày 21/4, Sở Tài chính, Khối trưởng Khối thi đua Kinh tế tổ chức Hội nghị ký kết giao ước thi đua "
         "năm 2023.",
         {("Sở Tài chính", "head", 2023)}),
        # the official's nearest title names the emulation council: the bloc is led by the earlier agency
        ("Ngày 20/3/2019, Khối thi đua các đoàn thể Trung ương tổng kết năm 2018. Dự có đồng chí Lê Văn An, Chủ tịch "
         "Trung ương Hội Nông dân Việt Nam, Phó Chủ tịch Hội đồng Thi đua - Khen thưởng Trung ương, Khối trưởng Khối "
         "thi đua; đồng chí B.",
         {("Trung ương Hội Nông dân Việt Nam", "head", 2018)}),
        # a lower-case title and unit glued to the role without a comma
        ("Ngày 22/12/2021, Cụm thi đua các xã phía Bắc tổng kết năm 2021. Tại Hội nghị, ông Lý Văn Hòa, chủ tịch "
         "UBND xã Tân Lập cụm trưởng đã trình bày dự thảo báo cáo.",
         {("UBND xã Tân Lập", "head", 2021)}),
    ],
)
def test_role_glued_led_or_tabled(text, expected):
    assert leaders_of(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a place ending in "Tân" is no "tân" (new) before the role
        ("Năm 2023, Cụm thi đua số 3 tổng kết năm 2023. Phát biểu, đồng chí Võ Minh Chánh, Viện trưởng VKSND huyện "
         "Long Tân - đơn vị Cụm trưởng cho biết các đơn vị đều hoàn thành nhiệm vụ.",
         {("VKSND huyện Long Tân", "head", 2023)}),
        # "được chỉ định là Cụm trưởng": the designation verb is no part of the unit
        ("Cụm thi đua số 2 gồm 5 đơn vị ký giao ước năm 2021. Trong đó VKSND huyện Mỹ Lộc được chỉ định là Cụm trưởng, "
         "VKSND huyện Tân Hòa là Cụm phó.",
         {("VKSND huyện Mỹ Lộc", "head", 2021), ("VKSND huyện Tân Hòa", "deputy", 2021)}),
        # "Tổng <agency> <Person> - Khối trưởng": the official's agency leads
        ("Ngày 12/3/2024, Khối thi đua các cơ quan Trung ương tổng kết năm 2023. Phát biểu khai mạc, Tổng Thanh tra "
         "Chính phủ Trần Văn Bình - Khối trưởng Khối thi đua cho biết năm qua có nhiều đổi mới.",
         {("Thanh tra Chính phủ", "head", 2023)}),
        ("Ngày 9/1/2022, Khối thi đua Văn xã tổng kết năm 2021. Chủ trì có Giám đốc Sở Y tế Nguyễn Văn Hùng - Trưởng "
         "khối thi đua năm 2021.",
         {("Sở Y tế", "head", 2021)}),
        # "Vừa qua, <unit>, Khối trưởng … phối hợp …": the unit opens the sentence after a time lead-in
        ("Vừa qua, Công an tỉnh, Khối trưởng Khối thi đua Nội chính tỉnh phối hợp với các đơn vị tổ chức giải bóng "
         "đá năm 2022.",
         {("Công an tỉnh", "head", 2022)}),
        # a dash glued to the person's name: "Lê Văn Đào- Giám đốc Sở X, Khối phó"
        ("Hội nghị năm 2022 do đồng chí Hà Văn Minh – Trưởng Ban Dân tộc tỉnh, Khối trưởng Khối thi đua chủ trì; "
         "đồng chí Lê Văn Đào- Giám đốc Sở Nội vụ, Khối phó Khối thi đua đồng chủ trì.",
         {("Ban Dân tộc tỉnh", "head", None), ("Sở Nội vụ", "deputy", None)}),
        # a lower-case "trường" before the school's capitalised name belongs to the unit
        ("Ông Lê Văn Nam, đại diện trường Cao đẳng Nghề Hạ Long - Trưởng khối thi đua năm học 2022-2023.",
         {("trường Cao đẳng Nghề Hạ Long", "head", None)}),
    ],
)
def test_leader_real_page_shapes(text: str, expected: set[tuple[str, str, int | None]]) -> None:
    assert leaders_of(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "X được <agent> phân công là đơn vị Cụm trưởng": neither the agent nor the verb belongs to the unit
        ("Năm 2024, Công an tỉnh Hà Nam được Bộ Công an phân công là đơn vị Cụm trưởng Cụm thi đua số 3. "
         "Cụm thi đua số 3 ký kết giao ước.",
         {("Công an tỉnh Hà Nam", "head", 2024)}),
        # the head named in a bracket right after the role
        ("Khối thi đua công an các huyện miền núi tổ chức ký kết giao ước thi đua năm 2021. Các đơn vị nhất trí dự "
         "thảo giao ước do đơn vị trưởng khối (Công an huyện Phú Ninh) đã xây dựng.",
         {("Công an huyện Phú Ninh", "head", 2021)}),
    ],
)
def test_leader_assigned_by_an_agent_or_named_in_a_bracket(text: str, expected: set[tuple[str, str, int | None]]) -> None:
    assert leaders_of(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "X với tư cách là Khối trưởng": the capacity phrase names the head unit before it
        ("Năm 2019, Sở Tài chính với tư cách là Khối trưởng Khối thi đua số III đã tổ chức lễ ký kết giao ước thi đua.",
         {("Sở Tài chính", "head", 2019)}),
        # a photo caption "A trao cờ Cụm trưởng [bloc] năm Y cho B": B heads in Y, A held the role the year before
        ("Lãnh đạo Bộ Chỉ huy Quân sự tỉnh Bắc trao cờ Cụm trưởng Cụm thi đua số 2 QK năm 2024 cho Lãnh đạo "
         "Bộ Chỉ huy Quân sự tỉnh Nam.",
         {("Bộ Chỉ huy Quân sự tỉnh Bắc", "head", 2023), ("Bộ Chỉ huy Quân sự tỉnh Nam", "head", 2024)}),
        # "trao lại nhiệm vụ" keeps naming the receiver only
        ("Sở Xây dựng đã trao lại nhiệm vụ Cụm trưởng năm 2024 cho Sở Nội vụ.", {("Sở Nội vụ", "head", 2024)}),
    ],
)
def test_capacity_phrase_and_flag_handover(text: str, expected: set[tuple[str, str, int | None]]) -> None:
    assert leaders_of(text) == expected


def test_deputy_named_by_its_own_is_after_an_apposition_comma() -> None:
    """"bầu Cụm trưởng … là A, đơn vị Cụm phó là B": the deputy is B, not A before the comma."""
    from nlp.leaders import extract_leaders
    from nlp.prepare import prepare
    from store.models import ArticleRecords

    text = "Hội nghị đã bầu đơn vị Cụm trưởng Cụm thi đua số 2 năm 2024 là Sở Tư pháp, đơn vị Cụm phó là Sở Y tế."
    r = ArticleRecords(relevant=True)
    got = [(x.unit, x.role, x.year) for x in extract_leaders(prepare(text), r)]
    assert got == [("Sở Tư pháp", "head", 2024), ("Sở Y tế", "deputy", 2024)]


def test_role_in_brackets_after_a_bare_item_of_a_head_noun_list() -> None:
    """"các Sở: Tư pháp (Khối trưởng), Nội vụ (Khối phó), Y tế": the head noun said once goes on each item."""
    from nlp.leaders import extract_leaders
    from nlp.prepare import prepare
    from store.models import ArticleRecords

    text = "Tham dự hội nghị năm 2024 có đại diện lãnh đạo các Sở: Tư pháp (Khối trưởng), Nội vụ (Khối phó), Y tế."
    r = ArticleRecords(relevant=True)
    r.period = "2024"
    got = [(x.unit, x.role) for x in extract_leaders(prepare(text), r)]
    assert got == [("Sở Tư pháp", "head"), ("Sở Nội vụ", "deputy")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Chiều 20/11, Khối thi đua Kinh tế tổng hợp tổ chức hội nghị tổng kết năm 2024. Đồng chí Khối trưởng "
            "Phạm Văn Hưng, Ủy viên Ban Thường vụ Tỉnh ủy, Giám đốc Sở Tài chính chủ trì hội nghị.",
            {("Sở Tài chính", "head", 2024)},
        ),
        (
            "Sáng 5/12, Cụm thi đua các huyện miền núi tổng kết năm 2024. Cụm trưởng Lê Thị Hoa, "
            "Chủ tịch UBND huyện Đồng Sơn phát biểu khai mạc.",
            {("UBND huyện Đồng Sơn", "head", 2024)},
        ),
    ],
)
def test_role_before_a_person_with_a_head_title(text: str, expected: set[tuple[str, str, int | None]]) -> None:
    assert leaders_of(text) == expected
