import pytest

from nlp.blocs import fill as fill_bloc
from nlp.leaders import fill as fill_leaders
from nlp.members import extract_members, fill
from store.models import ArticleRecords
from tests.nlp.helpers import doc, records_after_events


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Khối thi đua Nội chính gồm 6 cơ quan, đơn vị: Sở Tư pháp, Công an tỉnh, Tòa án nhân dân tỉnh, "
         "Viện Kiểm sát nhân dân tỉnh, Thanh tra tỉnh và Cục Thi hành án dân sự tỉnh.",
         ["Sở Tư pháp", "Công an tỉnh", "Tòa án nhân dân tỉnh", "Viện Kiểm sát nhân dân tỉnh", "Thanh tra tỉnh",
          "Cục Thi hành án dân sự tỉnh"]),
        ("Cụm thi đua số 2 gồm các huyện: Hải Hậu, Giao Thủy và Xuân Trường.",
         ["huyện Hải Hậu", "huyện Giao Thủy", "huyện Xuân Trường"]),
        # department names that contain commas stay whole; bare department names get their "Sở"
        ("Tham dự có lãnh đạo 4 Sở, ngành thuộc Khối thi đua, gồm: Văn hóa, Thể thao và Du lịch, Y tế, "
         "Lao động – Thương binh và Xã hội và Trường Cao đẳng Sư phạm.",
         ["Sở Văn hóa, Thể thao và Du lịch", "Sở Y tế", "Sở Lao động – Thương binh và Xã hội", "Trường Cao đẳng Sư phạm"]),
        # "X và Y" is split only where Y opens a new unit
        ("Các đơn vị trong Khối thi đua gồm: Sở Giáo dục và Đào tạo, Sở Khoa học và Công nghệ, Hội Liên hiệp Phụ nữ "
         "tỉnh và Liên hiệp các Hội Khoa học và Kỹ thuật.",
         ["Sở Giáo dục và Đào tạo", "Sở Khoa học và Công nghệ", "Hội Liên hiệp Phụ nữ tỉnh",
          "Liên hiệp các Hội Khoa học và Kỹ thuật"]),
        ("Hội Luật gia thành phố là thành viên của khối, luôn tích cực tham gia hoạt động chung.", ["Hội Luật gia thành phố"]),
        # bare names after "gồm N quận/phường:" take the noun
        ("Cụm thi đua các quận nội thành gồm 5 quận: Ba Đình, Hoàn Kiếm, Đống Đa, Hai Bà Trưng và Tây Hồ.",
         ["quận Ba Đình", "quận Hoàn Kiếm", "quận Đống Đa", "quận Hai Bà Trưng", "quận Tây Hồ"]),
        ("Sau sắp xếp, Cụm thi đua số 6 gồm 4 phường: Quy Nhơn Bắc, Quy Nhơn Nam, Quy Nhơn Đông và Quy Nhơn Tây.",
         ["phường Quy Nhơn Bắc", "phường Quy Nhơn Nam", "phường Quy Nhơn Đông", "phường Quy Nhơn Tây"]),
        ("Cụm thi đua số 1 gồm 3 thành phố: Bắc Ninh, Từ Sơn và Bắc Giang.",
         ["thành phố Bắc Ninh", "thành phố Từ Sơn", "thành phố Bắc Giang"]),
        # trade unions are member units
        ("Cụm thi đua số 4 gồm 4 công đoàn: Công đoàn ngành Xây dựng, Công đoàn ngành Nông nghiệp, LĐLĐ huyện Tiên Du "
         "và Công đoàn cơ sở Công ty Điện lực Bắc Ninh.",
         ["Công đoàn ngành Xây dựng", "Công đoàn ngành Nông nghiệp", "LĐLĐ huyện Tiên Du",
          "Công đoàn cơ sở Công ty Điện lực Bắc Ninh"]),
        # the final "A và B" splits when B opens a journal, a school, an insurance office
        ("Khối thi đua Văn hóa gồm 4 đơn vị: Sở Văn hóa và Thể thao, Báo Gia Lai, Tạp chí Văn nghệ Gia Lai và "
         "Trường Cao đẳng Gia Lai.",
         ["Sở Văn hóa và Thể thao", "Báo Gia Lai", "Tạp chí Văn nghệ Gia Lai", "Trường Cao đẳng Gia Lai"]),
        ("Khối gồm các cơ quan: Cục Thống kê, Ban Quản lý Khu kinh tế tỉnh và BHXH tỉnh Quảng Trị.",
         ["Cục Thống kê", "Ban Quản lý Khu kinh tế tỉnh", "BHXH tỉnh Quảng Trị"]),
        # a verb after the last unit is no part of it
        ("Khối thi đua gồm Sở Nội vụ, Sở Tư pháp và Sở Ngoại vụ thống nhất ký giao ước năm 2024.",
         ["Sở Nội vụ", "Sở Tư pháp", "Sở Ngoại vụ"]),
        ("Khối thi đua số 3 gồm các đơn vị: Sở Y tế, Sở Giáo dục và Đào tạo, Báo Lạng Sơn cam kết thực hiện giao ước.",
         ["Sở Y tế", "Sở Giáo dục và Đào tạo", "Báo Lạng Sơn"]),
        # district youth unions and party committees are units; "Huyện đoàn" is not the place "huyện đoàn"
        ("Khối thi đua các cơ quan Đảng, đoàn thể huyện gồm 4 cơ quan: Văn phòng Huyện ủy, Ban Dân vận Huyện ủy, "
         "Ủy ban MTTQ huyện và Huyện đoàn.",
         ["Văn phòng Huyện ủy", "Ban Dân vận Huyện ủy", "Ủy ban MTTQ huyện", "Huyện đoàn"]),
        # a comma followed by a lower-case continuation that ends in the unit's level stays inside the name
        ("Khối thi đua các cơ quan Đảng gồm: Ban Tổ chức Tỉnh ủy, Ban Bảo vệ, chăm sóc sức khỏe cán bộ Tỉnh ủy, "
         "Văn phòng Tỉnh ủy.",
         ["Ban Tổ chức Tỉnh ủy", "Ban Bảo vệ, chăm sóc sức khỏe cán bộ Tỉnh ủy", "Văn phòng Tỉnh ủy"]),
        # "Cơ quan" opening a compound office name carried past a comma is part of it
        ("Khối thi đua số 4 gồm: Thanh tra Bộ Xây dựng, Thanh tra Bộ Y tế và Cơ quan Thanh tra, giám sát bảo hiểm.",
         ["Thanh tra Bộ Xây dựng", "Thanh tra Bộ Y tế", "Cơ quan Thanh tra, giám sát bảo hiểm"]),
        # a ward whose name starts with the title word "Chánh" keeps it
        ("Cụm thi đua số 5 gồm 3 phường: Chánh Lộc, An Thạnh và Tân Mỹ.",
         ["phường Chánh Lộc", "phường An Thạnh", "phường Tân Mỹ"]),
        # bare numbers after a numbered unit take its noun; "38 và 48" is two units
        ("Cụm thi đua số 6 Bộ đội Biên phòng gồm 4 đơn vị: Hải đội 12, 22, 32 và 42.",
         ["Hải đội 12", "Hải đội 22", "Hải đội 32", "Hải đội 42"]),
        # a list stops where a verb clause begins
        ("Hội diễn có 120 diễn viên của 3 đơn vị trong Cụm gồm huyện Tân Phú, huyện Định Quán và huyện Xuân Lộc "
         "tham gia biểu diễn các tiết mục ca múa nhạc.",
         ["huyện Tân Phú", "huyện Định Quán", "huyện Xuân Lộc"]),
        # a prefix shared by several items is written out on each: "UBND các huyện: A, B"
        ("Sáng 9/7, Cụm thi đua số 3 gồm UBND các huyện: Krông Nô, Cư Jút, Đắk Mil và UBND thành phố Gia Nghĩa "
         "tổ chức hội nghị sơ kết.",
         ["UBND huyện Krông Nô", "UBND huyện Cư Jút", "UBND huyện Đắk Mil", "UBND thành phố Gia Nghĩa"]),
        ("Cụm thi đua số 2 gồm 7 đơn vị: Tp. Sóc Trăng, TX. Vĩnh Châu và 5 huyện Mỹ Tú, Kế Sách, Cù Lao Dung, Long Phú, "
         "Trần Đề.",
         ["Tp. Sóc Trăng", "TX. Vĩnh Châu", "huyện Mỹ Tú", "huyện Kế Sách", "huyện Cù Lao Dung", "huyện Long Phú",
          "huyện Trần Đề"]),
        ("Cụm thi đua các huyện phía Nam gồm thị xã Hương Trà và các huyện Phú Vang, Phú Lộc, Nam Đông.",
         ["thị xã Hương Trà", "huyện Phú Vang", "huyện Phú Lộc", "huyện Nam Đông"]),
        ("Ngày 5/12, Cụm thi đua số 4 thuộc Bộ Công Thương, gồm Sở Công Thương các tỉnh Sơn La, Điện Biên, Lai Châu và "
         "Hòa Bình, tổ chức hội nghị tổng kết.",
         ["Sở Công Thương tỉnh Sơn La", "Sở Công Thương tỉnh Điện Biên", "Sở Công Thương tỉnh Lai Châu",
          "Sở Công Thương tỉnh Hòa Bình"]),
        ("Ngày 21/4, Cụm thi đua các tỉnh Đông Nam Bộ (gồm 4 tỉnh: Bình Dương, Bình Phước, Tây Ninh, Đồng Nai) họp.",
         ["tỉnh Bình Dương", "tỉnh Bình Phước", "tỉnh Tây Ninh", "tỉnh Đồng Nai"]),
        # the place noun of the first item goes on to the bare names after it
        ("Sáng 4/1, Cụm thi đua các quận nội thành gồm quận Hải Châu, Thanh Khê, Sơn Trà và Liên Chiểu tổ chức tổng kết.",
         ["quận Hải Châu", "quận Thanh Khê", "quận Sơn Trà", "quận Liên Chiểu"]),
        ("Ngày 12/1, Cụm thi đua số 1 gồm UBND huyện Tam Nông, Thanh Bình và UBND thị xã Hồng Ngự tổ chức tổng kết.",
         ["UBND huyện Tam Nông", "UBND huyện Thanh Bình", "UBND thị xã Hồng Ngự"]),
        ("Khối có 4 trường THPT: Trường THPT Yên Minh, Trường THPT Mậu Duệ, Trường THPT Đồng Văn và Trường THPT Mèo Vạc.",
         ["Trường THPT Yên Minh", "Trường THPT Mậu Duệ", "Trường THPT Đồng Văn", "Trường THPT Mèo Vạc"]),
        # one unit per line, with or without bullets
        ("Khối thi đua số 2 gồm các đơn vị:\n- Sở Nội vụ;\n- Sở Tư pháp;\n- Thanh tra tỉnh;\n- Văn phòng UBND tỉnh.\n"
         "Hội nghị đã thông qua quy chế hoạt động của Khối.",
         ["Sở Nội vụ", "Sở Tư pháp", "Thanh tra tỉnh", "Văn phòng UBND tỉnh"]),
        ("Các đơn vị thành viên của Khối thi đua gồm:\nKho bạc Nhà nước tỉnh\nCục Thuế tỉnh\nCục Hải quan tỉnh\n"
         "Ngày 15/1, Khối tổ chức hội nghị tổng kết năm 2023.",
         ["Kho bạc Nhà nước tỉnh", "Cục Thuế tỉnh", "Cục Hải quan tỉnh"]),
        # "có N đơn vị:" opens a list; a lower-case part after a comma continues the name before it
        ("Sau sắp xếp, Khối hiện có 5 đơn vị: Sở Xây dựng, Sở Tài chính, Cục Thuế tỉnh, Kho bạc Nhà nước tỉnh, Ban Quản lý "
         "Khu kinh tế, cửa khẩu tỉnh.",
         ["Sở Xây dựng", "Sở Tài chính", "Cục Thuế tỉnh", "Kho bạc Nhà nước tỉnh", "Ban Quản lý Khu kinh tế, cửa khẩu tỉnh"]),
        ("Khối có 4 bệnh viện: Bệnh viện Đa khoa tỉnh, Bệnh viện Lao và Bệnh phổi, Bệnh viện Sản Nhi, Bệnh viện Mắt.",
         ["Bệnh viện Đa khoa tỉnh", "Bệnh viện Lao và Bệnh phổi", "Bệnh viện Sản Nhi", "Bệnh viện Mắt"]),
        # "vừa" closing "nhỏ và vừa" is part of the name, not an adverb
        ("Khối thi đua các hội gồm: Hội Doanh nhân trẻ tỉnh, Hiệp hội Doanh nghiệp nhỏ và vừa.",
         ["Hội Doanh nhân trẻ tỉnh", "Hiệp hội Doanh nghiệp nhỏ và vừa"]),
        # bank brands are units
        ("Khối thi đua Ngân hàng gồm: Agribank chi nhánh tỉnh Kon Tum, BIDV Kon Tum, Vietcombank Kon Tum và "
         "VietinBank Kon Tum.",
         ["Agribank chi nhánh tỉnh Kon Tum", "BIDV Kon Tum", "Vietcombank Kon Tum", "VietinBank Kon Tum"]),
        ("Dự hội nghị có lãnh đạo các đơn vị thành viên: Ngân hàng Chính sách xã hội tỉnh, Sacombank Kon Tum, "
         "Bưu điện tỉnh và Bảo Việt Kon Tum.",
         ["Ngân hàng Chính sách xã hội tỉnh", "Sacombank Kon Tum", "Bưu điện tỉnh", "Bảo Việt Kon Tum"]),
        # a bare place name whose first syllable is also an agency head ("Hội", "Trường", "Đoàn") still takes the noun
        ("Sau sắp xếp, Cụm thi đua số 5 gồm 4 xã: Hội Sơn, Trường Xuân, Đoàn Kết và Tân Hội.",
         ["xã Hội Sơn", "xã Trường Xuân", "xã Đoàn Kết", "xã Tân Hội"]),
        # a long description of the members before the colon ("thuộc khu vực tỉnh X trước đây") opens no item
        ("Cụm thi đua số 3 gồm 5 xã, phường thuộc khu vực huyện Phù Mỹ và thị xã Hoài Nhơn trước đây: phường Hoài Nhơn, "
         "phường Tam Quan, xã Phù Mỹ, xã Mỹ Lợi và xã An Lương.",
         ["phường Hoài Nhơn", "phường Tam Quan", "xã Phù Mỹ", "xã Mỹ Lợi", "xã An Lương"]),
        # a description too long for the list head: the words before the colon are cut from the first member
        ("Cụm thi đua số 8 gồm 4 xã, phường thuộc địa bàn huyện Cù Lao Dung, huyện Trần Đề và một phần thị xã Vĩnh Châu "
         "của tỉnh cũ trước đây: phường Vĩnh Châu, xã Trần Đề, xã Cù Lao Dung và xã Lai Hòa.",
         ["phường Vĩnh Châu", "xã Trần Đề", "xã Cù Lao Dung", "xã Lai Hòa"]),
        # "…, trong đó có các thành viên như A, B": the example marker is no part of the first member
        ("Khối có 9 doanh nghiệp, trong đó có các thành viên như Công ty Điện lực Lào Cai, Công ty Cổ phần Môi trường "
         "đô thị Lào Cai và Công ty TNHH MTV Xổ số kiến thiết Lào Cai.",
         ["Công ty Điện lực Lào Cai", "Công ty Cổ phần Môi trường đô thị Lào Cai",
          "Công ty TNHH MTV Xổ số kiến thiết Lào Cai"]),
        # a count of some units with a quality after it is no member list
        ("Khối thi đua các trường có 3 trường đạt danh hiệu tiên tiến là: Trường Cao đẳng Y tế, Trường Cao đẳng Nghề.", []),
        # a descriptive phrase after "gồm" is no list
        ("Sáng 5/9, Cụm thi đua số 3 gồm các xã, phường khu vực phía Tây tỉnh tổ chức hội nghị phát động thi đua.", []),
        # a list of tasks after "gồm" is no member list
        ("Khối thi đua thống nhất các nội dung thi đua gồm: tuyên truyền, xây dựng cơ quan văn hóa, công tác xã hội.", []),
        # "thành viên của Khối như A, B, C": companies named as members
        ("Một số thành viên của Khối như Công ty Cổ phần Cao su Tây Nguyên, Công ty TNHH Bia Sài Gòn Miền Trung, "
         "Công ty Cổ phần Điện lực Gia Lai đã vượt kế hoạch.",
         ["Công ty Cổ phần Cao su Tây Nguyên", "Công ty TNHH Bia Sài Gòn Miền Trung", "Công ty Cổ phần Điện lực Gia Lai"]),
        # "có N đơn vị thành viên là A, B": banks written out and brand forms
        ("Khối thi đua có 4 đơn vị thành viên là Agribank Trà Vinh, Ngân hàng TMCP Quân đội chi nhánh Trà Vinh, "
         "Ngân hàng Chính sách xã hội chi nhánh tỉnh Trà Vinh và BIDV Trà Vinh.",
         ["Agribank Trà Vinh", "Ngân hàng TMCP Quân đội chi nhánh Trà Vinh",
          "Ngân hàng Chính sách xã hội chi nhánh tỉnh Trà Vinh", "BIDV Trà Vinh"]),
        # "gồm N địa phương là các huyện …": the shared prefix, names with apostrophes
        ("Cụm thi đua số 2 gồm 4 địa phương là các huyện Krông Pắc, Ea Kar, M'Drắk và thị xã Buôn Hồ.",
         ["huyện Krông Pắc", "huyện Ea Kar", "huyện M'Drắk", "thị xã Buôn Hồ"]),
        # a lower-case qualifier between the noun and the names
        ("Cụm thi đua 3 gồm 3 huyện miền núi Bá Thước, Lang Chánh và Quan Hóa, họp tại huyện Quan Hóa.",
         ["huyện Bá Thước", "huyện Lang Chánh", "huyện Quan Hóa"]),
        # "; các huyện …" goes on with the list
        ("Cụm thi đua số 1 gồm 5 địa phương vùng biển: thị xã Nghi Sơn; các huyện Tĩnh Gia, Hậu Lộc, Nga Sơn và Quảng Xương.",
         ["thị xã Nghi Sơn", "huyện Tĩnh Gia", "huyện Hậu Lộc", "huyện Nga Sơn", "huyện Quảng Xương"]),
        # a ";" after the list ends it; it opens no list
        ("Cụm thi đua gồm 3 huyện Mường Tè, Sìn Hồ và Nậm Nhùn; năm 2023, huyện Sìn Hồ là Cụm trưởng.",
         ["huyện Mường Tè", "huyện Sìn Hồ", "huyện Nậm Nhùn"]),
        # a bracket in the description before the colon
        ("Cụm thi đua số 5 gồm 3 phường thuộc khu vực trung tâm (địa bàn thành phố cũ): Hạc Thành, Quảng Phú và Đông Tiến.",
         ["phường Hạc Thành", "phường Quảng Phú", "phường Đông Tiến"]),
        # "gồm N hội là thành viên, trong đó có …", "và một số hội khác" is no unit
        ("Khối gồm 9 hội là thành viên, trong đó có Hội Nông dân tỉnh, Hội Làm vườn tỉnh và một số hội khác.",
         ["Hội Nông dân tỉnh", "Hội Làm vườn tỉnh"]),
        # a list that ends in "là những thành viên … của Khối"
        ("Trong đó, Công ty Cổ phần Nhựa Bình Minh, Công ty TNHH Pouchen Việt Nam và Tổng công ty Becamex là những "
         "thành viên tiêu biểu của Khối.",
         ["Công ty Cổ phần Nhựa Bình Minh", "Công ty TNHH Pouchen Việt Nam", "Tổng công ty Becamex"]),
        # the comma inside a merged press agency's name
        ("Khối có 3 cơ quan, đơn vị: Ban Dân vận Tỉnh ủy, Báo và Phát thanh, Truyền hình Lâm Đồng và Ủy ban Kiểm tra Tỉnh ủy.",
         ["Ban Dân vận Tỉnh ủy", "Báo và Phát thanh, Truyền hình Lâm Đồng", "Ủy ban Kiểm tra Tỉnh ủy"]),
        # "các đơn vị [trong Khối]:" opens a list; "Khối còn N đơn vị:" after a restructuring does too
        ("Khối thi đua Nội chính họp. Dự có đại diện lãnh đạo các đơn vị: Sở Tư pháp, Công an tỉnh, Thanh tra tỉnh.",
         ["Sở Tư pháp", "Công an tỉnh", "Thanh tra tỉnh"]),
        ("Cụm thi đua số 3 về nguồn. Tham gia có cán bộ của các đơn vị trong Cụm: Sở Y tế, Sở Tài chính và Đài "
         "Phát thanh và Truyền hình tỉnh.",
         ["Sở Y tế", "Sở Tài chính", "Đài Phát thanh và Truyền hình tỉnh"]),
        ("Sau hợp nhất, Khối còn 3 đơn vị: Sở Nội vụ, Sở Dân tộc và Tôn giáo, Thanh tra tỉnh.",
         ["Sở Nội vụ", "Sở Dân tộc và Tôn giáo", "Thanh tra tỉnh"]),
        # "… ; X là Trưởng khối": the role ends the list, whatever its case
        ("Khối gồm 3 đơn vị: Sở Tư pháp, Công an tỉnh, Thanh tra tỉnh; Công an tỉnh là Trưởng khối năm 2023.",
         ["Sở Tư pháp", "Công an tỉnh", "Thanh tra tỉnh"]),
        # a flattened table of signatories: the "Đơn vị" column
        ("Cụm thi đua số 4 ký giao ước.\nSTT | Đơn vị | Người ký\n1 | UBND huyện Mỏ Cày Nam | Chủ tịch\n"
         "2 | UBND huyện Chợ Lách | Phó Chủ tịch\n\nHội nghị kết thúc.",
         ["UBND huyện Mỏ Cày Nam", "UBND huyện Chợ Lách"]),
        # a score list, inline or one per line
        ("Cụm thi đua số 2 chấm điểm. Kết quả: xã Tân Hòa 95,5 điểm; xã Phú Mỹ 94 điểm; các xã khác đạt trên 90 điểm.",
         ["xã Tân Hòa", "xã Phú Mỹ"]),
        ("Khối thi đua các cơ quan tổng hợp xếp hạng như sau:\n1. Sở Tài chính: 98,5 điểm\n2. Sở Nội vụ: 97 điểm\n",
         ["Sở Tài chính", "Sở Nội vụ"]),
        # units already listed keep the list's form: the score table adds no "UBND" twin
        ("Cụm gồm 2 huyện: Mỏ Cày Nam, Chợ Lách.\nSTT | Đơn vị | Điểm\n1 | UBND huyện Mỏ Cày Nam | 96\n"
         "2 | UBND huyện Chợ Lách | 95\n",
         ["huyện Mỏ Cày Nam", "huyện Chợ Lách"]),
        # one scored unit is no list; a score table of pupils is no bloc's
        ("Cụm thi đua số 2 họp. Xã Tân Hòa đạt 95,5 điểm.", []),
    ],
)
def test_members(text, expected):
    d = doc(text)
    got = extract_members(d)
    assert [m.unit for m in got] == expected
    for m in got:
        assert 0 <= m.start < m.end <= len(d.text)


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("Lãnh đạo 10 cơ quan trong khối dự hội nghị.", 10),
        ("Khối thi đua doanh nghiệp số 3 gồm 17 đơn vị sản xuất, kinh doanh.", 17),
        ("Với 08 đơn vị thành viên: Ban Dân tộc tỉnh, Sở Tài chính, Sở Nội vụ.", 8),
        ("Khối thi đua Ngân hàng hiện có 25 thành viên, đều hoạt động trong lĩnh vực ngân hàng.", 25),
        ("Hội thao có hơn 300 vận động viên thuộc 09 đơn vị với 05 môn thi đấu.", None),
        ("Cụm thi đua số 7 gồm 6 phường thuộc khu vực phía Đông thành phố.", 6),
        ("Cụm thi đua số 1 gồm 5 quận: Ba Đình, Hoàn Kiếm, Đống Đa, Hai Bà Trưng và Tây Hồ.", 5),
        ("Cụm thi đua số 4 gồm 3 công đoàn: Công đoàn ngành Xây dựng, Công đoàn ngành Công Thương và LĐLĐ huyện Quế Võ.", 3),
        ("Khối thi đua gồm 8 đơn vị, trong đó có 3 đơn vị mới sáp nhập.", 8),
        # "TP." inside the bloc name does not hide the count; hospitals are counted
        ("Cụm thi đua các huyện phía Tây TP. Cần Thơ (gồm 4 huyện: Phong Điền, Cờ Đỏ, Thới Lai, Vĩnh Thạnh) họp.", 4),
        ("Khối có 6 bệnh viện: Bệnh viện A, Bệnh viện B, Bệnh viện C, Bệnh viện D, Bệnh viện E, Bệnh viện G.", 6),
        # a count of huyện that does not cover the whole list is not the member count
        ("Cụm thi đua số 2 gồm 04 huyện Ia Pa, Krông Pa, Phú Thiện, Chư Sê và thị xã Ayun Pa.", None),
        # a statistic "N/N xã đạt chuẩn" is no member count; "gồm N huyện ngoại thành A, B" is
        ("Toàn Cụm có 48/48 xã đạt chuẩn nông thôn mới. Lãnh đạo 3 huyện trong Cụm ký giao ước thi đua.", 3),
        ("Cụm thi đua 3 gồm 3 huyện miền núi Bá Thước, Lang Chánh và Quan Hóa, họp tại huyện Quan Hóa.", 3),
        ("Sau hợp nhất, Khối còn 5 đơn vị thành viên.", 5),
    ],
)
def test_member_count(text, count):
    r = ArticleRecords(relevant=True)
    fill(doc(text), r)
    assert r.member_count == count


def test_a_leader_written_with_its_peoples_committee_is_not_a_second_member():
    d = doc("Ngày 10/7/2023, Cụm thi đua số 1 gồm 3 đơn vị: Tp. Vị Thanh, huyện Vị Thủy và huyện Long Mỹ họp. "
            "Năm 2023, UBND Tp. Vị Thanh là Cụm trưởng.")
    r = records_after_events(d)
    fill_leaders(d, r)
    fill(d, r)
    assert [m.unit for m in r.members] == ["Tp. Vị Thanh", "huyện Vị Thủy", "huyện Long Mỹ"]


def test_a_second_blocs_members_are_left_out():
    d = doc("Sáng 8/1/2025, Khối thi đua các cơ quan Nội chính tỉnh tổng kết năm 2024. Khối gồm 3 đơn vị: Sở Tư pháp, "
            "Công an tỉnh và Thanh tra tỉnh.\n\nCùng ngày, Khối thi đua các doanh nghiệp tỉnh cũng tổng kết. Khối này "
            "gồm 3 đơn vị: Công ty Điện lực tỉnh, Công ty Cấp nước tỉnh, Công ty Xổ số kiến thiết tỉnh.")
    r = records_after_events(d)
    fill_bloc(d, r)
    fill(d, r)
    assert [m.unit for m in r.members] == ["Sở Tư pháp", "Công an tỉnh", "Thanh tra tỉnh"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a full list: the head named elsewhere is one more member
        ("Ngày 9/1/2024, Khối thi đua Kinh tế tổng kết năm 2023. Khối gồm 3 đơn vị: Sở Tài chính, Sở Xây dựng, "
         "Sở Công Thương. Năm 2023, Cục Thuế tỉnh là Trưởng khối.",
         ["Sở Tài chính", "Sở Xây dựng", "Sở Công Thương", "Cục Thuế tỉnh"]),
        # members named by way of example: the head is not added to them
        ("Ngày 9/1/2024, Khối thi đua Kinh tế tổng kết năm 2023. Các thành viên của Khối như Sở Tài chính, Sở Xây dựng "
         "đã hoàn thành nhiệm vụ. Năm 2023, Cục Thuế tỉnh là Trưởng khối.",
         ["Sở Tài chính", "Sở Xây dựng"]),
    ],
)
def test_the_head_joins_only_a_full_member_list(text, expected):
    d = doc(text)
    r = records_after_events(d)
    fill_leaders(d, r)
    fill(d, r)
    assert [m.unit for m in r.members] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # border posts counted "trong cụm:" with no "gồm"/"có" before the count
        ("Dự có chỉ huy 3 đồn biên phòng trong cụm: Đồn Biên phòng Na Hang, Đồn Biên phòng Cửa khẩu Pò Mã "
         "và Đồn Biên phòng Bình Nghi.",
         ["Đồn Biên phòng Na Hang", "Đồn Biên phòng Cửa khẩu Pò Mã", "Đồn Biên phòng Bình Nghi"]),
        # "N doanh nghiệp trong Khối, trong đó có …" and "có N doanh nghiệp thành viên, trong đó có …"
        ("Dự có lãnh đạo 9 doanh nghiệp trong Khối, trong đó có Công ty CP Cấp nước Hòa An, "
         "Tổng Công ty Xây dựng Miền Trung, Công ty TNHH MTV Lâm nghiệp Sông Mây.",
         ["Công ty CP Cấp nước Hòa An", "Tổng Công ty Xây dựng Miền Trung", "Công ty TNHH MTV Lâm nghiệp Sông Mây"]),
        # "và N doanh nghiệp khác" is the rest of the bloc, no unit
        ("Khối có 10 doanh nghiệp thành viên, trong đó có Công ty Cảng Bến Đá, Tổng công ty Thép Miền Núi "
         "và 8 đơn vị khác.",
         ["Công ty Cảng Bến Đá", "Tổng công ty Thép Miền Núi"]),
        ("Khối có 07 doanh nghiệp: Công ty TNHH MTV Chè Tân Cương; Công ty TNHH MTV Cao su Hòa Bình "
         "và 5 doanh nghiệp khác.",
         ["Công ty TNHH MTV Chè Tân Cương", "Công ty TNHH MTV Cao su Hòa Bình"]),
        # special zones and communes after the 2025 reform, one per ";"
        ("Cụm gồm 4 đơn vị: đặc khu Bạch Long Vĩ; đặc khu Cát Hải; xã Nam Sơn; xã Đông Hải.",
         ["đặc khu Bạch Long Vĩ", "đặc khu Cát Hải", "xã Nam Sơn", "xã Đông Hải"]),
        # a list in apposition: "A, B và C - các đơn vị trong Cụm -", lead-in words cut off the first unit
        ("Phát biểu tại hội nghị, đại diện LĐLĐ huyện Yên Hòa, Công đoàn ngành Giáo dục và Công đoàn Viên chức tỉnh "
         "- các đơn vị trong Cụm - đã nêu cách làm hay.",
         ["LĐLĐ huyện Yên Hòa", "Công đoàn ngành Giáo dục", "Công đoàn Viên chức tỉnh"]),
        ("Cùng dự có Ban Thường vụ Huyện Đoàn Mỹ Lộc, Thành Đoàn Ninh Xuyên và Huyện Đoàn Vĩnh Hòa - 3 đơn vị của cụm.",
         ["Huyện Đoàn Mỹ Lộc", "Thành Đoàn Ninh Xuyên", "Huyện Đoàn Vĩnh Hòa"]),
        ("Tại hội nghị, lần lượt đại diện Sở Xây dựng, Sở Nông nghiệp và Môi trường và Ban Quản lý các khu công nghiệp "
         "tỉnh - các đơn vị thành viên Khối - phát biểu.",
         ["Sở Xây dựng", "Sở Nông nghiệp và Môi trường", "Ban Quản lý các khu công nghiệp tỉnh"]),
        # border posts and stations; company names abbreviated "Cty", "CTCP"
        ("Tham dự có lãnh đạo 3 đồn, trạm biên phòng trong cụm: Đồn Biên phòng Bản Lầu, Trạm Kiểm soát Biên phòng "
         "Cửa khẩu Mường Mang và Hải đội Biên phòng 3.",
         ["Đồn Biên phòng Bản Lầu", "Trạm Kiểm soát Biên phòng Cửa khẩu Mường Mang", "Hải đội Biên phòng 3"]),
        ("Khối thi đua các doanh nghiệp gồm: Cty CP Môi trường Đô thị Tây Sơn, CTCP Cấp nước Ba Đồn và Công ty Điện lực "
         "Núi Thành.",
         ["Cty CP Môi trường Đô thị Tây Sơn", "CTCP Cấp nước Ba Đồn", "Công ty Điện lực Núi Thành"]),
        # a treasury written "KBNN" is a unit
        ("Tham dự có lãnh đạo các đơn vị thành viên của Khối gồm Cục Thuế tỉnh, KBNN Hòa Bình và Cục Thống kê tỉnh.",
         ["Cục Thuế tỉnh", "KBNN Hòa Bình", "Cục Thống kê tỉnh"]),
        # "TP." then "Năm 2025," opens a new sentence; a clause after the unit is cut
        ("Khối thi đua số 5 gồm 3 đơn vị: Sở Tư pháp, Sở Nội vụ và Cục Thuế TP. Năm 2025, Sở Tư pháp là đơn vị "
         "Khối trưởng.",
         ["Sở Tư pháp", "Sở Nội vụ", "Cục Thuế TP"]),
    ],
)
def test_members_of_enterprises_border_posts_unions_and_new_communes(text, expected):
    d = doc(text)
    got = extract_members(d)
    assert [m.unit for m in got] == expected
    for m in got:
        assert 0 <= m.start < m.end <= len(d.text)


def test_the_head_is_not_added_to_units_named_in_apposition():
    d = doc("Ngày 5/8/2025, Khối thi đua số 2 sơ kết 6 tháng. Đại diện Sở Y tế, Sở Giáo dục và Đào tạo "
            "- các đơn vị trong Khối - phát biểu. Hội nghị thống nhất giao Sở Nội vụ làm Trưởng khối năm 2025.")
    r = records_after_events(d)
    fill_leaders(d, r)
    fill(d, r)
    assert [m.unit for m in r.members] == ["Sở Y tế", "Sở Giáo dục và Đào tạo"]


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("Dự có chỉ huy 5 đồn biên phòng trong cụm.", 5),
        ("Cụm gồm 3 đặc khu và 2 xã đảo; năm 2025 đặc khu Cát Hải làm Cụm trưởng.", 3),
    ],
)
def test_member_count_of_border_posts_and_special_zones(text, count):
    r = ArticleRecords(relevant=True)
    fill(doc(text), r)
    assert r.member_count == count


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "Huyện Đoàn X" opens a youth union's name, not a list of districts
        ("Cụm gồm Huyện Đoàn Tân Kỳ, Huyện Đoàn Quỳ Hợp và Huyện Đoàn Nghĩa Đàn.",
         ["Huyện Đoàn Tân Kỳ", "Huyện Đoàn Quỳ Hợp", "Huyện Đoàn Nghĩa Đàn"]),
        # a unit written out before the shared prefix "và UBND các xã:" is an item of its own
        ("Cụm thi đua số 4 gồm UBND thị trấn Hà Lộc và UBND các xã: Tân Phong, Đồng Lạc, Yên Bình.",
         ["UBND thị trấn Hà Lộc", "UBND xã Tân Phong", "UBND xã Đồng Lạc", "UBND xã Yên Bình"]),
        # a plural prefix goes on over "và thị xã C"; a prefix written on an item does not
        ("Cụm gồm Hội Nông dân các huyện Cái Nước, Phú Tân và thị xã Ngã Năm.",
         ["Hội Nông dân huyện Cái Nước", "Hội Nông dân huyện Phú Tân", "Hội Nông dân thị xã Ngã Năm"]),
        ("Cụm thi đua số 2 gồm UBND huyện Hòa An, Hà Quảng và thị xã Quảng Uyên tổ chức tổng kết.",
         ["UBND huyện Hòa An", "UBND huyện Hà Quảng", "thị xã Quảng Uyên"]),
        # a "và" inside the shared agency's name splits nothing, after a colon too
        ("Cụm gồm Phòng Giáo dục và Đào tạo các huyện Mường Khương, Si Ma Cai và Bắc Hà.",
         ["Phòng Giáo dục và Đào tạo huyện Mường Khương", "Phòng Giáo dục và Đào tạo huyện Si Ma Cai",
          "Phòng Giáo dục và Đào tạo huyện Bắc Hà"]),
        ("Dự có các đồng chí Giám đốc Trung tâm Văn hóa và Thể thao các huyện: Ba Chẽ, Bình Liêu và Tiên Yên "
         "- 3 đơn vị thành viên của Cụm.",
         ["Trung tâm Văn hóa và Thể thao huyện Ba Chẽ", "Trung tâm Văn hóa và Thể thao huyện Bình Liêu",
          "Trung tâm Văn hóa và Thể thao huyện Tiên Yên"]),
    ],
)
def test_members_of_branches_and_shared_prefixes(text, expected):
    d = doc(text)
    got = extract_members(d)
    assert [m.unit for m in got] == expected
    for m in got:
        assert 0 <= m.start < m.end <= len(d.text)


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("Khối thi đua các doanh nghiệp nhà nước gồm 9 tổng công ty hoạt động trong nhiều lĩnh vực.", 9),
        ("Khối hiện có 15 HTX thành viên, chủ yếu sản xuất lúa gạo.", 15),
        ("Cụm gồm 6 chi cục thuế khu vực.", 6),
    ],
)
def test_member_count_of_corporations_cooperatives_and_tax_branches(text, count):
    r = ArticleRecords(relevant=True)
    fill(doc(text), r)
    assert r.member_count == count


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "Các đơn vị thành viên Cụm:" (no "của") then one branch per numbered line
        ("Các đơn vị thành viên Cụm:\n1) Chi cục Thuế huyện Mê Linh;\n2) Chi cục Thuế khu vực Đông Anh - Sóc Sơn;\n"
         "3) Kho bạc Nhà nước khu vực Gia Lâm.\nHội nghị đã thông qua báo cáo.",
         ["Chi cục Thuế huyện Mê Linh", "Chi cục Thuế khu vực Đông Anh - Sóc Sơn", "Kho bạc Nhà nước khu vực Gia Lâm"]),
        # attendees "Chủ tịch Hội Nông dân các xã: A, B và C - 3 đơn vị thành viên của Cụm": the prefix is spread
        ("Dự có các đồng chí Chủ tịch Hội Nông dân các xã: Tân Lập, Hòa Bình và Hội Nông dân thị trấn Mỹ Phước "
         "- 3 đơn vị thành viên của Cụm - cùng đông đảo hội viên.",
         ["Hội Nông dân xã Tân Lập", "Hội Nông dân xã Hòa Bình", "Hội Nông dân thị trấn Mỹ Phước"]),
        # attendees' units far from the bloc's name are members when a bloc total of the same size follows them
        ("Khối thi đua các sở kinh tế họp đầu năm. Đồng chí Giám đốc Sở Tài chính chủ trì. Dự có ông Lê Văn Hạnh, Phó "
         "Chủ tịch UBND tỉnh; bà Đỗ Thị Nga, Trưởng Ban Thi đua - Khen thưởng (Sở Nội vụ) cùng các đồng chí Giám đốc, "
         "Thủ trưởng các đơn vị: Sở Tài chính, Sở Xây dựng, Sở Công Thương. Như vậy, Khối còn 03 cơ quan.",
         ["Sở Tài chính", "Sở Xây dựng", "Sở Công Thương"]),
        # … and are not members when no total ties them to the bloc
        ("Khối thi đua các sở kinh tế họp đầu năm. Đồng chí Giám đốc Sở Tài chính chủ trì. Dự có ông Lê Văn Hạnh, Phó "
         "Chủ tịch UBND tỉnh; bà Đỗ Thị Nga, Trưởng Ban Thi đua - Khen thưởng (Sở Nội vụ) cùng các đồng chí Giám đốc, "
         "Thủ trưởng các đơn vị: Sở Tài chính, Sở Xây dựng, Sở Công Thương. Hội nghị diễn ra trong 2 giờ.",
         []),
    ],
)
def test_members_of_sector_branches_and_attendee_lists(text, expected):
    d = doc(text)
    got = extract_members(d)
    assert [m.unit for m in got] == expected
    for m in got:
        assert 0 <= m.start < m.end <= len(d.text)


def test_a_former_head_is_not_added_to_a_list_as_long_as_the_stated_total():
    d = doc("Ngày 6/3/2025, Khối thi đua Kinh tế ký giao ước năm 2025. Khối còn 3 đơn vị: Sở Tài chính, Sở Xây dựng "
            "và Sở Công Thương. Sở Giao thông vận tải (nay đã hợp nhất vào Sở Xây dựng) là Khối trưởng năm 2024; "
            "Sở Xây dựng là Khối trưởng năm 2025.")
    r = records_after_events(d)
    fill_leaders(d, r)
    fill(d, r)
    assert [m.unit for m in r.members] == ["Sở Tài chính", "Sở Xây dựng", "Sở Công Thương"]
    assert r.member_count == 3


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # post-2025 commune names that start with a title word keep it ("Phó", "Trưởng")
        ("Cụm thi đua số 3 gồm 5 xã thuộc khu vực tỉnh Lai Châu cũ: Mường Tè, Phó Lai, Trưởng Sơn, Pa Ủ và Tà Tổng.",
         ["xã Mường Tè", "xã Phó Lai", "xã Trưởng Sơn", "xã Pa Ủ", "xã Tà Tổng"]),
        # a count with where the places lie, then "trong đó có" and some of them
        ("Cụm có 9 xã thuộc khu vực tỉnh Yên Bái trước đây, trong đó có các xã Văn Chấn, Trạm Tấu, Lục Yên, Mù Cang Chải.",
         ["xã Văn Chấn", "xã Trạm Tấu", "xã Lục Yên", "xã Mù Cang Chải"]),
        ("Cụm có 3 đơn vị thuộc khu vực tỉnh Quảng Ninh cũ: đặc khu Vân Đồn, đặc khu Cô Tô và xã Quan Lạn.",
         ["đặc khu Vân Đồn", "đặc khu Cô Tô", "xã Quan Lạn"]),
        # "với N đơn vị thành viên như A, B": members by way of example
        ("Sau hợp nhất, Khối được kiện toàn với 08 đơn vị thành viên như Sở Nội vụ, Sở Văn hóa, Thể thao và Du lịch, "
         "Sở Dân tộc và Tôn giáo, Bảo hiểm xã hội tỉnh.",
         ["Sở Nội vụ", "Sở Văn hóa, Thể thao và Du lịch", "Sở Dân tộc và Tôn giáo", "Bảo hiểm xã hội tỉnh"]),
        # the civil judgment enforcement office is a unit
        ("Khối gồm 4 đơn vị: Công an tỉnh, Tòa án nhân dân tỉnh, Thi hành án dân sự tỉnh Lâm Đồng, Thanh tra tỉnh.",
         ["Công an tỉnh", "Tòa án nhân dân tỉnh", "Thi hành án dân sự tỉnh Lâm Đồng", "Thanh tra tỉnh"]),
        # the wards in a bracket after the cluster's name, one of them named like a former province
        ("Sáng 12-3, Cụm thi đua số 6 (các phường Long An, Tân An, Khánh Hậu và Bình Phước) tổ chức hội nghị.",
         ["phường Long An", "phường Tân An", "phường Khánh Hậu", "phường Bình Phước"]),
        # attendees named before "cùng các xã thành viên khác" are members
        ("Dự hội nghị có đại diện Sở Nội vụ và lãnh đạo UBND các xã Kiến Xương, Vũ Thư, Quỳnh Phụ cùng các xã thành viên "
         "khác trong Cụm.",
         ["UBND xã Kiến Xương", "UBND xã Vũ Thư", "UBND xã Quỳnh Phụ"]),
    ],
)
def test_members_of_post_2025_commune_and_ward_clusters(text, expected):
    assert [m.unit for m in extract_members(doc(text))] == expected


def test_a_place_count_before_some_examples_is_the_total():
    text = ("Cụm có 7 xã thuộc khu vực tỉnh Bắc Kạn trước đây, trong đó có các xã Ba Bể, Chợ Đồn, Na Rì. "
            "Năm 2026, UBND xã Ba Bể là Cụm trưởng.")
    records = ArticleRecords(relevant=True)
    fill(doc(text), records)
    assert records.member_count == 7


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # genre: a member list in a bracket after the bloc's name, the head's role written after its item
        ("Sáng 12-3, Khối thi đua Công đoàn ngành III (gồm: Công đoàn ngành Xây dựng - trưởng khối, Công đoàn ngành "
         "Công thương, Công đoàn Viên chức tỉnh, Công ty Cấp nước Hòa Bình, Tổng Công ty Sông Lam) tổ chức hội nghị "
         "ký kết giao ước thi đua năm 2022.",
         ["Công đoàn ngành Xây dựng", "Công đoàn ngành Công thương", "Công đoàn Viên chức tỉnh",
          "Công ty Cấp nước Hòa Bình", "Tổng Công ty Sông Lam"]),
        # genre: the last "và" joins two different kinds of unit (a prison is a unit of its own)
        ("Khối thi đua gồm 4 cơ quan: Sở Tư pháp, Công an tỉnh, Cục Thi hành án dân sự và Trại giam Đồng Xanh.",
         ["Sở Tư pháp", "Công an tỉnh", "Cục Thi hành án dân sự", "Trại giam Đồng Xanh"]),
        # genre: portals capitalise every syllable of a centre's name
        ("Cụm thi đua số 8 gồm 3 cơ quan: Trung Tâm Khuyến Nông, Trung Tâm Giống Cây Trồng, Ban quản lý rừng phòng hộ.",
         ["Trung Tâm Khuyến Nông", "Trung Tâm Giống Cây Trồng", "Ban quản lý rừng phòng hộ"]),
        # genre: a guest named after the members with "và đại diện" is no member
        ("Thành phần gồm đại diện của 03 đơn vị trong Khối: Sở Nội vụ, Thanh tra tỉnh, Văn phòng Đoàn Đại biểu Quốc hội "
         "tỉnh và đại diện Ban Thi đua - Khen thưởng tỉnh.",
         ["Sở Nội vụ", "Thanh tra tỉnh", "Văn phòng Đoàn Đại biểu Quốc hội tỉnh"]),
    ],
)
def test_members_of_real_page_list_shapes(text: str, expected: list[str]) -> None:
    assert [m.unit for m in extract_members(doc(text))] == expected


def test_a_town_after_a_plural_of_communes_keeps_its_own_noun() -> None:
    text = "Cụm thi đua số IV gồm các xã Thị trấn Bình Minh, Tân Lập, Hòa Sơn đã tổ chức hội nghị tổng kết."
    assert [m.unit for m in extract_members(doc(text))] == ["thị trấn Bình Minh", "xã Tân Lập", "xã Hòa Sơn"]


def test_the_head_so_written_once_for_several_departments() -> None:
    # genre: "gồm N đơn vị: Sở A, B, C" - later department names lean on the first "Sở"; "Xã Hội" is no commune
    text = ("Ngày 9-6, Khối thi đua Văn xã gồm 5 đơn vị: Sở Nội vụ, Y tế, Lao động-Thương binh và Xã Hội, "
            "Văn hóa, Thể thao và Du lịch, Trường Cao đẳng Y tế tổ chức hội nghị sơ kết.")
    assert [m.unit for m in extract_members(doc(text))] == [
        "Sở Nội vụ", "Sở Y tế", "Sở Lao động-Thương binh và Xã Hội", "Sở Văn hóa, Thể thao và Du lịch",
        "Trường Cao đẳng Y tế",
    ]


def test_a_list_opened_by_cac_so_nganh() -> None:
    # genre: a sports day of the bloc, its members named as where the athletes come from
    text = ("Khối Thi đua số 4 tỉnh đã tổ chức Hội thao năm 2022.\nHội thao thu hút 250 vận động viên đến từ các sở, "
            "ngành: Sở Công Thương, Sở Xây dựng, Ban Quản lý Khu kinh tế và Liên minh Hợp tác xã.")
    assert [m.unit for m in extract_members(doc(text))] == [
        "Sở Công Thương", "Sở Xây dựng", "Ban Quản lý Khu kinh tế", "Liên minh Hợp tác xã",
    ]


@pytest.mark.parametrize(
    ("text", "n"),
    [
        ("Dự hội nghị có đại diện lãnh đạo của 06 sở, ngành là thành viên thuộc khối gồm: Sở A; Sở B.", 6),
        ("Hội nghị tổng kết của Cụm thi đua số 3 được tổ chức tại trụ sở Báo Nhân Dân với sự tham gia của 12 đơn vị.", 12),
    ],
)
def test_member_count_stated_with_la_thanh_vien_or_su_tham_gia(text: str, n: int) -> None:
    from nlp.members import member_count

    got = member_count(doc(text), [])
    assert got is not None and got[0] == n


def test_a_list_of_units_honoured_is_no_member_list() -> None:
    # genre: a year-end review names the units voted for awards with "N đơn vị gồm: …" inside a bloc paragraph
    text = ("Khối thi đua Kinh tế tổ chức hội nghị tổng kết năm 2022. Sở Công Thương được suy tôn dẫn đầu; "
            "02 đơn vị gồm: Sở Xây dựng và Sở Tài chính được đề nghị tặng Bằng khen của Chủ tịch UBND tỉnh.")
    assert extract_members(doc(text)) == []


def test_abbreviated_law_enforcement_members() -> None:
    # genre: law-enforcement blocs list their members with abbreviations and a flotilla with a number
    text = ("Khối Nội chính tỉnh có 6 đơn vị gồm: Công an tỉnh, VKSND tỉnh, TAND tỉnh, Bộ CHQS tỉnh, "
            "Trại giam Suối Mây (Cục 10-Bộ Công an) và Hải đoàn 22 BĐBP.")
    assert [m.unit for m in extract_members(doc(text))] == [
        "Công an tỉnh", "VKSND tỉnh", "TAND tỉnh", "Bộ CHQS tỉnh", "Trại giam Suối Mây", "Hải đoàn 22 BĐBP",
    ]


def test_member_count_in_the_bloc_name_before_its_list() -> None:
    # genre: a regional cluster named by its size, its members after "gồm:"
    from nlp.members import member_count

    text = "Chiều 5/9, Cụm thi đua Công đoàn 4 tỉnh miền núi gồm: Lai Châu, Sơn La, Điện Biên, Hà Giang tổ chức hội nghị."
    got = member_count(doc(text), [])
    assert got is not None and got[0] == 4


def test_national_mass_organisations_open_with_their_central_body() -> None:
    # genre: central-level blocs list "Trung ương Hội …", "Tổng Liên đoàn …" as members
    text = ("Khối thi đua các tổ chức chính trị - xã hội gồm 3 đơn vị: Trung ương Hội Nông dân Việt Nam, "
            "Tổng Liên đoàn Lao động Việt Nam, Trung ương Đoàn TNCS Hồ Chí Minh.")
    assert [m.unit for m in extract_members(doc(text))] == [
        "Trung ương Hội Nông dân Việt Nam", "Tổng Liên đoàn Lao động Việt Nam", "Trung ương Đoàn TNCS Hồ Chí Minh",
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # capture wraps: a list broken after a comma, or before "và" and the next unit, goes on
        ("Dự họp có lãnh đạo 05 cơ quan thành viên trong Khối gồm: CA tỉnh,\nTAND tỉnh, VKSND tỉnh, BCH Quân sự "
         "tỉnh\nvà BCH BĐBP tỉnh.",
         ["CA tỉnh", "TAND tỉnh", "VKSND tỉnh", "BCH Quân sự tỉnh", "BCH BĐBP tỉnh"]),
        ("Ngày 3/12, Cụm thi đua số 2 (gồm Hội Nông dân các huyện Yên Lạc, Tam Dương,\nSông Lô và Lập Thạch) họp.",
         ["Hội Nông dân huyện Yên Lạc", "Hội Nông dân huyện Tam Dương", "Hội Nông dân huyện Sông Lô",
          "Hội Nông dân huyện Lập Thạch"]),
        # a count in words opens the list
        ("Cụm thi đua miền núi gồm bốn huyện: Mù Cang Chải, Trạm Tấu, Văn Chấn và Lục Yên.",
         ["huyện Mù Cang Chải", "huyện Trạm Tấu", "huyện Văn Chấn", "huyện Lục Yên"]),
        # "Khối có N cơ quan, trong đó có:" then one unit per bullet line (the departments of a Party committee)
        ("Khối thi đua các cơ quan Đảng có 9 cơ quan, đơn vị, trong đó có:\n• Văn phòng Tỉnh ủy\n• Ban Tổ chức Tỉnh ủy\n"
         "• Ủy ban Kiểm tra Tỉnh ủy\n• Trường Chính trị tỉnh\nHội nghị do Văn phòng Tỉnh ủy chủ trì.",
         ["Văn phòng Tỉnh ủy", "Ban Tổ chức Tỉnh ủy", "Ủy ban Kiểm tra Tỉnh ủy", "Trường Chính trị tỉnh"]),
    ],
)
def test_members_of_wrapped_bulleted_and_worded_lists(text: str, expected: list[str]) -> None:
    assert [m.unit for m in extract_members(doc(text))] == expected


def test_a_wrapped_list_ends_at_a_new_capitalised_line() -> None:
    text = "Khối thi đua gồm: Sở Nội vụ, Sở Tư pháp\nSở Y tế tổ chức hội nghị chuyên đề."
    assert [m.unit for m in extract_members(doc(text))] == ["Sở Nội vụ", "Sở Tư pháp"]


def test_member_count_in_words() -> None:
    from nlp.members import member_count

    got = member_count(doc("Cụm gồm sáu xã: An Bình, An Hòa, An Lạc, An Phú, An Thạnh và An Thới. Mỗi xã cử ba đại biểu."), [])
    assert got is not None and got[0] == 6


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a "|" score table under a paragraph that names the members, not the bloc
        ("Năm nay 3 đơn vị thành viên đều hoàn thành chỉ tiêu.\nBảng điểm:\nSTT | Đơn vị | Điểm\n1 | Sở Y tế | 97\n"
         "2 | Sở Nội vụ | 96\n3 | Sở Tư pháp | 95\nHội nghị kết thúc.",
         ["Sở Y tế", "Sở Nội vụ", "Sở Tư pháp"]),
        # a tab table squeezed to spaces: the role cell after the unit is cut off
        ("Khối gồm 03 ngân hàng như sau:\nTT\tĐơn vị\tVai trò trong Khối\n1\tBIDV Chi nhánh Bắc Giang\tTrưởng khối\n"
         "2\tVietcombank Chi nhánh Bắc Giang\tPhó Trưởng khối\n3\tAgribank Chi nhánh Bắc Giang\tThành viên\nBuổi lễ kết thúc.",
         ["BIDV Chi nhánh Bắc Giang", "Vietcombank Chi nhánh Bắc Giang", "Agribank Chi nhánh Bắc Giang"]),
    ],
)
def test_members_from_flattened_tables(text: str, expected: list[str]) -> None:
    assert [m.unit for m in extract_members(doc(text))] == expected


def test_a_name_holding_cac_to_chuc_and_a_count_of_to_chuc() -> None:
    from nlp.members import member_count

    text = ("Hội nghị năm 2021 của Khối thi đua các đoàn thể Trung ương diễn ra với sự tham gia của 03 tổ chức: "
            "Tổng Liên đoàn Lao động Việt Nam, Liên hiệp các tổ chức hữu nghị Việt Nam và Trung ương Hội Nông dân Việt Nam.")
    d = doc(text)
    got = extract_members(d)
    assert [m.unit for m in got] == ["Tổng Liên đoàn Lao động Việt Nam", "Liên hiệp các tổ chức hữu nghị Việt Nam",
                                     "Trung ương Hội Nông dân Việt Nam"]
    assert member_count(d, got)[0] == 3


def test_the_verb_to_chuc_still_ends_a_list() -> None:
    text = "Khối thi đua gồm Sở Nội vụ, Sở Tư pháp và Sở Y tế tổ chức hội nghị tổng kết."
    assert [m.unit for m in extract_members(doc(text))] == ["Sở Nội vụ", "Sở Tư pháp", "Sở Y tế"]


def test_members_listed_by_groups() -> None:
    text = ("Khối thi đua các doanh nghiệp tỉnh gồm 8 đơn vị, trong đó có 2 công ty chè thuộc tổng công ty là Chè Phú Bền "
            "(khối trưởng) và Chè Sông Lô; 2 đơn vị thuộc Quân khu là Công ty 45 và 46; có 3 công ty xi măng là Công ty "
            "xi măng 12, 15 và Tân Quang cùng với Công ty Lâm nghiệp Yên Sơn.")
    assert [m.unit for m in extract_members(doc(text))] == [
        "Chè Phú Bền", "Chè Sông Lô", "Công ty 45", "Công ty 46", "Công ty xi măng 12", "Công ty xi măng 15",
        "Công ty xi măng Tân Quang", "Công ty Lâm nghiệp Yên Sơn",
    ]


def test_a_single_group_outside_a_bloc_sentence_is_no_list() -> None:
    text = "Năm qua, trong đó có 2 công ty là Công ty A và Công ty B được khen."
    assert extract_members(doc(text)) == []


def test_an_agency_written_on_the_first_place_goes_on_over_a_plural_after_it() -> None:
    text = ("Ngày 5/3, Cụm thi đua số 3 Tòa án nhân dân tỉnh, gồm 04 đơn vị: Tòa án nhân dân thành phố Hòa Lạc "
            "và các huyện Đông Sơn, Tây Sơn và Bắc Sơn long trọng tổ chức hội nghị.")
    assert [m.unit for m in extract_members(doc(text))] == [
        "Tòa án nhân dân thành phố Hòa Lạc", "Tòa án nhân dân huyện Đông Sơn", "Tòa án nhân dân huyện Tây Sơn",
        "Tòa án nhân dân huyện Bắc Sơn",
    ]


def test_a_bare_plural_after_a_place_keeps_no_agency() -> None:
    text = "Cụm thi đua số 2 gồm: thành phố Hòa Lạc và các huyện Đông Sơn, Tây Sơn."
    assert [m.unit for m in extract_members(doc(text))] == ["thành phố Hòa Lạc", "huyện Đông Sơn", "huyện Tây Sơn"]


def test_a_plural_over_several_kinds_of_place_shares_only_its_agency() -> None:
    text = ("Cụm thi đua số 4 bao gồm 4 TAND các huyện, thị xã, thành phố: Hòa Lạc, Đông Sơn, Tây Sơn và Bắc Sơn. "
            "Trong đó TAND huyện Đông Sơn được chỉ định là Cụm trưởng.")
    d = doc(text)
    r = records_after_events(d)
    fill_leaders(d, r)
    fill(d, r)
    assert [m.unit for m in r.members] == ["TAND Hòa Lạc", "TAND Đông Sơn", "TAND Tây Sơn", "TAND Bắc Sơn"]
    assert r.member_count == 4


def test_the_units_taking_part_listed_after_a_count_and_a_colon() -> None:
    text = ("Vừa qua, Khối thi đua Nội chính tổ chức hội thao.\nHội thao thu hút sự tham gia của 3 đơn vị: "
            "Công an tỉnh, Sở Tư pháp, Thanh tra tỉnh. Các đơn vị thi đấu sôi nổi.")
    d = doc(text)
    r = ArticleRecords(relevant=True)
    fill(d, r)
    assert [m.unit for m in r.members] == ["Công an tỉnh", "Sở Tư pháp", "Thanh tra tỉnh"]
    assert r.member_count == 3


def test_a_plural_department_head_in_lower_case_goes_on_over_the_list() -> None:
    text = "Khối thi đua có 4 đơn vị thành viên, bao gồm: các sở Nội vụ, Tài chính, Tư pháp; Ban Dân tộc tỉnh."
    assert [m.unit for m in extract_members(doc(text))] == ["Sở Nội vụ", "Sở Tài chính", "Sở Tư pháp", "Ban Dân tộc tỉnh"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an office serving two elected bodies is one member; an office followed by another unit is two
        ("Khối gồm: Sở Tư pháp, Văn phòng Đoàn ĐBQH và HĐND tỉnh, Thanh tra tỉnh.",
         ["Sở Tư pháp", "Văn phòng Đoàn ĐBQH và HĐND tỉnh", "Thanh tra tỉnh"]),
        ("Khối gồm: Sở Tư pháp, Văn phòng Tỉnh ủy và UBND huyện Tân Lập.",
         ["Sở Tư pháp", "Văn phòng Tỉnh ủy", "UBND huyện Tân Lập"]),
    ],
)
def test_shared_office_of_two_bodies_is_one_member(text, expected):
    assert [m.unit for m in extract_members(doc(text))] == expected


def test_abbreviated_hospital_heads_are_kept_as_written():
    text = "Các đơn vị trong Khối gồm: BV Đa khoa Hòa Bình (Khối trưởng), BV Nhi Đồng An, BV FV, TTYT quận Tân Bình, Hội Y học tỉnh."
    assert [m.unit for m in extract_members(doc(text))] == [
        "BV Đa khoa Hòa Bình", "BV Nhi Đồng An", "BV FV", "TTYT quận Tân Bình", "Hội Y học tỉnh",
    ]


@pytest.mark.parametrize(
    ("text", "expected", "count"),
    [
        # genre: a chapter noun written once before several bare province names
        ("Ngày 12-5-2019, Cụm thi đua số 3 gồm 5 Tỉnh hội Lạng Sơn, Cao Bằng, Hà Giang, Lào Cai và thành phố Hà Nội "
         "đã tổ chức hội nghị.",
         ["Tỉnh hội Lạng Sơn", "Tỉnh hội Cao Bằng", "Tỉnh hội Hà Giang", "Tỉnh hội Lào Cai", "thành phố Hà Nội"], 5),
        # genre: province-level units counted after their agency go by agency and name, "TP.HCM" included
        ("Khối thi đua số 1 gồm Công an 4 thành phố: Hà Nội, TP.HCM, Huế và Cần Thơ đã tổ chức hội nghị tổng kết.",
         ["Công an Hà Nội", "Công an TP.HCM", "Công an Huế", "Công an Cần Thơ"], 4),
        # genre: inspection teams of a cluster, "đoàn số 02 gồm" is no member
        ("Cụm lập 02 đoàn kiểm tra, trong đó: đoàn số 01 gồm các tỉnh Lạng Sơn, Cao Bằng, địa điểm tại tỉnh Cao Bằng; "
         "Đoàn số 02 gồm các tỉnh Hà Giang, Lào Cai, địa điểm tại tỉnh Lào Cai.",
         ["tỉnh Lạng Sơn", "tỉnh Cao Bằng", "tỉnh Hà Giang", "tỉnh Lào Cai"], None),
    ],
)
def test_shared_heads_written_once_before_a_count_or_plural(text, expected, count):
    from nlp.members import member_count

    d = doc(text)
    got = extract_members(d)
    assert [m.unit for m in got] == expected
    c = member_count(d, got)
    assert (c[0] if c else None) == count


def test_units_signing_the_bloc_covenant_are_counted():
    from nlp.members import member_count

    text = "Năm qua rất khả quan.\n12 Chi cục Thuế các huyện, thị xã đã thống nhất ký kết giao ước thi đua khối chi cục Thuế."
    got = member_count(doc(text), [])
    assert got is not None and got[0] == 12
    assert member_count(doc("Hôm qua 15 đơn vị đã ký kết hợp đồng kinh tế."), []) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # bare district numbers after a shared plural: "các quận: 5, 10, Tân Bình"
        ("Chiều 12/3, Cụm thi đua 2 UBND thành phố gồm các quận: 5, 10, Tân Bình, Phú Nhuận, đã tổ chức hội nghị.",
         ["quận 5", "quận 10", "quận Tân Bình", "quận Phú Nhuận"]),
        # the bloc's number before the bracketed list
        ("Sáng 3/3/2013, Cụm thi đua số 02 tổ chức hội nghị. Dự có lãnh đạo các đơn vị trong cụm thi đua số 02 "
         "(thị xã An Khê, huyện Kbang, huyện Đak Pơ và huyện Kông Chro).",
         ["thị xã An Khê", "huyện Kbang", "huyện Đak Pơ", "huyện Kông Chro"]),
        # a ";" before capitalised "Các đồng chí …" ends the list; ";" between places does not
        ("Chiều 5/1/2026, Cụm thi đua số 3 Hội Cựu chiến binh tổ chức hội nghị. Dự có Chủ tịch Hội Cựu chiến binh 4 "
         "phường của Cụm thi đua số 3 gồm: phường An Phú; Phường Bình Khánh, phường Thảo Điền, phường An Khánh; "
         "Các đồng chí trong Ban Thường vụ, Ban Kiểm tra, Chi hội trưởng phường An Phú.",
         ["phường An Phú", "phường Bình Khánh", "phường Thảo Điền", "phường An Khánh"]),
    ],
)
def test_members_numbered_districts_numbered_bloc_brackets_and_attendees_after(text, expected):
    assert [m.unit for m in extract_members(doc(text))] == expected


@pytest.mark.parametrize(
    ("text", "count"),
    [
        # a count written before the bloc's name: "Công an 4 tỉnh Cụm thi đua số 9"
        ("Ngày 2/4/2024, Công an 4 tỉnh Cụm thi đua số 9 ký kết giao ước thi đua năm 2024.", 4),
        ("Dự có Chủ tịch Hội 4 phường của Cụm thi đua số 3 gồm: phường An Phú; Phường Bình Khánh, phường Thảo Điền, "
         "phường An Khánh; Các đồng chí trong Ban Thường vụ.", 4),
    ],
)
def test_member_count_before_the_blocs_name(text, count):
    r = ArticleRecords(relevant=True)
    fill(doc(text), r)
    assert r.member_count == count


def test_a_named_unit_before_a_counted_rest_is_a_member():
    """ "gồm Hải đội 3 và 5 đồn biên phòng": the named unit is listed, the rest only counted."""
    text = ("Ngày 2/3/2016, Bộ Chỉ huy tổ chức hội nghị đối với Cụm thi đua tuyến biển gồm Hải đội 3 Biên phòng và "
            "5 Đồn biên phòng tuyến biển.")
    assert [m.unit for m in extract_members(doc(text))] == ["Hải đội 3 Biên phòng"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the agency's kind written once on a plural before the colon goes on every bare name after it
        ("Ngày 3-9, Cụm thi đua số 3 gồm các Trường THPT: Hòa Bình, Lý Thường Kiệt, Quang Trung đã tổ chức ký kết.",
         ["Trường THPT Hòa Bình", "Trường THPT Lý Thường Kiệt", "Trường THPT Quang Trung"]),
        # a lower-case agency before "N tỉnh:" goes by agency and province name
        ("Cụm thi đua số 4 gồm công an 3 tỉnh: Hà Tây, Sơn Mỹ và Nam Điền, trong đó Công an Hà Tây là Cụm trưởng.",
         ["Công an Hà Tây", "Công an Sơn Mỹ", "Công an Nam Điền"]),
    ],
)
def test_plural_lead_in_prefix_is_shared(text: str, expected: list[str]) -> None:
    assert [m.unit for m in extract_members(doc(text))] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a proper name whose first syllable is a head ("Trường Sơn") under a plural lead-in is still a bare name
        ("Cụm thi đua số 4 gồm các Trường THPT: Hòa Bình, Trường Sơn, Quang Trung đã tổ chức ký kết.",
         ["Trường THPT Hòa Bình", "Trường THPT Trường Sơn", "Trường THPT Quang Trung"]),
        # the school noun written once: "Trường THPT A, THPT B"
        ("Cụm thi đua số 2 gồm 3 đơn vị: Trường THPT Hòa Bình, THPT Quang Trung, Trung tâm Giáo dục thường xuyên tỉnh.",
         ["Trường THPT Hòa Bình", "Trường THPT Quang Trung", "Trung tâm Giáo dục thường xuyên tỉnh"]),
    ],
)
def test_school_noun_written_once(text: str, expected: list[str]) -> None:
    assert [m.unit for m in extract_members(doc(text))] == expected


def test_military_unit_after_va_opens_a_new_member() -> None:
    text = ("Cụm thi đua số 7 có 3 đơn vị, gồm: Đồn Biên phòng Sơn Mỹ, Đồn Biên phòng Bắc Lâm "
            "và Tiểu đoàn huấn luyện cơ động.")
    assert [m.unit for m in extract_members(doc(text))] == [
        "Đồn Biên phòng Sơn Mỹ", "Đồn Biên phòng Bắc Lâm", "Tiểu đoàn huấn luyện cơ động"]


def test_agency_of_provinces_before_the_bloc_is_shared() -> None:
    text = ("Năm nay, Công an các tỉnh trong Cụm thi đua số 3 – Bộ Công an gồm: Hà Tây, Vĩnh Yên, Sơn Mỹ, Bắc Lâm "
            "đã tích cực tham mưu.")
    assert [m.unit for m in extract_members(doc(text))] == [
        "Công an Hà Tây", "Công an Vĩnh Yên", "Công an Sơn Mỹ", "Công an Bắc Lâm"]


def test_plural_department_head_before_a_colon_opens_a_list() -> None:
    """Pattern: "đại diện các Sở: A (Cụm trưởng), B, C": the head "Sở" written once, bare names after the colon."""
    from nlp.members import extract_members
    from tests.nlp.helpers import doc

    text = (
        "Ngày 5/7, Cụm thi đua số 3 (Khối Văn hóa – Xã hội) đã tổ chức hội nghị sơ kết công tác thi đua năm 2022.\n\n"
        "Dự hội nghị có đại diện lãnh đạo các Sở: Y tế (Cụm trưởng), Nội vụ, Lao động, Thương binh và Xã hội, Tư pháp."
    )
    units = [m.unit for m in extract_members(doc(text))]
    assert units == ["Sở Y tế", "Sở Nội vụ", "Sở Lao động, Thương binh và Xã hội", "Sở Tư pháp"]
