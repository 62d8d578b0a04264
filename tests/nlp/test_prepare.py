import pytest

from nlp.prepare import ends_with_abbreviation, split_sentences


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the dot of a place or degree abbreviation does not end the sentence
        ("Sáng 4/8, tại Tp. Bảo Lộc, Cụm thi đua số 3 họp. Đồng chí A phát biểu.",
         ["Sáng 4/8, tại Tp. Bảo Lộc, Cụm thi đua số 3 họp.", "Đồng chí A phát biểu."]),
        ("Năm 2021, UBND TX. Sông Cầu là Cụm trưởng, UBND TP. Tuy Hòa là Cụm phó.",
         ["Năm 2021, UBND TX. Sông Cầu là Cụm trưởng, UBND TP. Tuy Hòa là Cụm phó."]),
        ("ThS. Hoàng Minh Đức, Hiệu trưởng, chủ trì. PGS. Lý Văn Tú báo cáo.",
         ["ThS. Hoàng Minh Đức, Hiệu trưởng, chủ trì.", "PGS. Lý Văn Tú báo cáo."]),
        # an ordinary sentence end still splits, and so does a line break after "Tp."
        ("Hội nghị bế mạc lúc 11 giờ. Các đơn vị ký giao ước.", ["Hội nghị bế mạc lúc 11 giờ.", "Các đơn vị ký giao ước."]),
        ("Kết thúc tại Tp.\nThu Trang", ["Kết thúc tại Tp.", "Thu Trang"]),
    ],
)
def test_split_sentences_keeps_abbreviations(text, expected):
    assert [s.text for s in split_sentences(text)] == expected


@pytest.mark.parametrize(
    ("text", "dot", "expected"),
    [("tại Tp. Vinh", 6, True), ("huyện Tân Phú.", 13, False), ("thị xã TX. Kỳ Anh", 9, True), ("về Hà Nội. Tp", 10, False)],
)
def test_ends_with_abbreviation(text, dot, expected):
    assert ends_with_abbreviation(text, dot) is expected
