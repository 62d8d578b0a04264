"""Decoding legacy Vietnamese pages and stripping page chrome."""

from __future__ import annotations

import codecs

import pytest

from crawler.neardup import NearDuplicateIndex, fingerprint
from nlp import (
    clean,
    encoding,
)
from tests.crawler.mockportal import to_cp1258, to_tcvn3

TEXT = "Hội nghị sơ kết Khối thi đua các cơ quan tham mưu tổng hợp tỉnh Thái Nguyên năm 2023"
VNI = "Hoäi nghò sô keát Khoái thi ñua caùc cô quan tham möu toång hôïp tænh Thaùi Nguyeân naêm 2023"


@pytest.mark.parametrize(
    ("raw", "declared", "expected_encoding"),
    [
        (TEXT.encode("utf-8"), None, "utf-8"),
        (codecs.BOM_UTF8 + TEXT.encode("utf-8"), "windows-1258", "utf-8"),
        (to_cp1258(TEXT), None, "windows-1258"),
        (to_cp1258(TEXT), "windows-1258", "windows-1258"),
        (to_cp1258(TEXT), "utf-8", "windows-1258"),  # a server that lies about utf-8
        (b'<meta charset="windows-1258">' + to_cp1258(TEXT), "iso-8859-1", "windows-1258"),
        (TEXT.encode("utf-16"), None, "utf-16"),
        (to_tcvn3(TEXT), "iso-8859-1", "windows-1252+tcvn3"),
        (to_tcvn3(TEXT), None, "windows-1252+tcvn3"),
        (VNI.encode("cp1252"), None, "windows-1252+vni"),
    ],
)
def test_decode_bytes_gives_nfc_vietnamese(raw: bytes, declared: str | None, expected_encoding: str) -> None:
    text, enc = encoding.decode_bytes(raw, declared)
    assert TEXT in text
    assert enc == expected_encoding


def test_unicode_text_is_never_rewritten_as_legacy() -> None:
    text = "Đồng chí Phó Giám đốc Sở; Ông Nguyễn Văn Ánh, Ủy viên: 25°C và ñ"
    assert encoding.fix_legacy_vietnamese(text) == (text, None)


def test_clean_text_file_unifies_line_endings() -> None:
    text, enc = encoding.clean_text_file(to_cp1258("Dòng một\r\nDòng hai"))
    assert text == "Dòng một\nDòng hai" and enc == "windows-1258"


PAGE = """<html><head><title>Khối thi đua sơ kết - Cổng TTĐT</title>
<meta property="article:published_time" content="2023-07-13T08:00:00+07:00"></head><body>
<div class="menu"><a href="/">Trang chủ</a> <a href="/gt">Giới thiệu</a></div>
<div class="detail"><h1 class="title">Khối thi đua các cơ quan tham mưu tổng hợp sơ kết 6 tháng</h1>
<div>Lượt xem: 969</div><div>Xem cỡ chữ A- A+</div>
<p>Chiều 13/7/2023, Khối thi đua các cơ quan tham mưu tổng hợp tổ chức hội nghị sơ kết công tác thi đua, khen thưởng 6 tháng đầu năm.</p>
<p>Hôm nay, các đơn vị trong Khối đã thống nhất nhiều nội dung quan trọng, tiếp tục đẩy mạnh phong trào thi đua yêu nước.</p>
<p>Hội nghị thống nhất giao ước thi đua cho 6 tháng cuối năm 2023.</p><p><b>Nguyễn Cẩm</b></p>
<h3>Các tin khác</h3><ul><li><a href="/a">Khối thi đua Văn hóa - Xã hội tổng kết năm 2022</a></li></ul></div>
<div class="thongke">Thống kê truy cập<br>Đang truy cập: 5<br>Tổng lượt truy cập: 412135</div>
<div class="weather">15oC Thấp nhất 13°C, cao nhất 17°C</div>
<div id="footer">Bản quyền © 2015 Thanh Tra Tỉnh. Địa chỉ: Phường Trưng Vương</div></body></html>"""


def test_clean_html_keeps_article_and_drops_chrome() -> None:
    doc = clean.clean_html(PAGE.encode(), "http://x.vn/a")
    assert doc.title == "Khối thi đua các cơ quan tham mưu tổng hợp sơ kết 6 tháng"
    assert doc.published_at == "2023-07-13T08:00"
    assert doc.text.startswith("Chiều 13/7/2023, Khối thi đua")
    assert "Hôm nay, các đơn vị trong Khối" in doc.text  # a sentence that begins like a counter stays
    assert doc.text.rstrip().endswith("Nguyễn Cẩm")
    for chrome in ("Lượt xem", "Xem cỡ chữ", "Các tin khác", "Văn hóa - Xã hội", "Thống kê", "Bản quyền", "13°C",
                   "Trang chủ"):
        assert chrome not in doc.text


def test_site_selectors_override_guesses() -> None:
    doc = clean.clean_html(PAGE.encode(), "http://x.vn/a", selectors={"body": "div.thongke", "title": "title"})
    assert doc.title.startswith("Khối thi đua sơ kết")
    assert "Đang truy cập" not in doc.text  # chrome lines are filtered even inside a chosen body


def test_near_duplicate_index_merges_syndicated_copy_only() -> None:
    a = " ".join(f"câu số {i} nói về hội nghị khối thi đua năm {2000 + i}." for i in range(80))
    b = a + " Theo Cổng thông tin điện tử tỉnh."
    c = " ".join(f"đoạn {i} về du lịch vùng cao và văn hóa bản địa {i * 7}." for i in range(80))
    index = NearDuplicateIndex()
    index.add(1, fingerprint(a))
    assert index.find(fingerprint(b)) == 1
    assert index.find(fingerprint(c)) is None


def test_lead_beside_the_body_kept_and_mid_article_related_box_removed() -> None:
    from nlp.clean import clean_html

    first = "Ngày 5/4/2023, Khối thi đua các cơ quan Nội chính tổ chức hội nghị sơ kết công tác thi đua 6 tháng đầu năm."
    body = "".join(f"<p>Đoạn thứ {i} của bài viết nói về kết quả thi đua, khen thưởng của các đơn vị trong Khối năm nay.</p>"
                   for i in range(4))
    last = "<p>Hội nghị kết thúc trong không khí đoàn kết, phấn khởi và quyết tâm cao.</p>"
    related = ('<p><strong>Tin liên quan:</strong></p><ul><li><a href="/a">Khối thi đua Văn hóa - Xã hội tổng kết năm</a></li>'
               '<li><a href="/b">Cụm thi đua các huyện ký giao ước</a></li></ul>'
               '<p><strong>Xem thêm: <a href="/c">Khối thi đua các trường học sơ kết học kỳ một</a></strong></p>')
    page = (f'<html><body><div class="detail"><h1 class="title">Tiêu đề bài viết về hội nghị khối thi đua</h1>'
            f'<div class="news-sapo"><strong>{first}</strong></div><div class="news-content">{body}{related}{body}{last}</div>'
            f"</div></body></html>").encode()
    text = clean_html(page, "http://x.gov.vn/a").text
    assert text.startswith(first)
    assert text.endswith("quyết tâm cao.")
    assert "Tin liên quan" not in text and "Xem thêm" not in text and "ký giao ước" not in text
