"""Page chrome removal: what must go, what must stay, idempotence."""

from __future__ import annotations

import pytest

from nlp.chrome import fix_typos, strip_chrome

FIRST = "Sáng 12/3, Khối thi đua các cơ quan Văn hóa - Xã hội tổ chức hội nghị ký kết giao ước thi đua năm 2024."
LAST = "Kết thúc hội nghị, lãnh đạo các đơn vị đã ký kết giao ước thi đua năm 2024 với quyết tâm cao nhất."


@pytest.mark.parametrize(
    ("chrome", "kept"),
    [
        ("Thống kê truy cập\n  • Đang truy cập: 12\n  • Hôm nay: 1.204\n  • Tổng lượt truy cập: 3 456 789", ""),
        ("Trang chủ > Tin tức > Thi đua khen thưởng", ""),
        ("20/07/2021 07:36:04 Xem cỡ chữ Google", "20/07/2021 07:36:04"),
        ("26oC\nThấp nhất 22°C, cao nhất 29°C. Trời nắng.", ""),
        ("          41208877_1022334455667788_9988776655443322_n", ""),
        ("hoi nghi ky ket giao uoc thi dua nam 2024", ""),
        ("KHOI THI DUA (3).jpg", ""),
        ("Lượt xem: 1532\nChia sẻ\nIn bài viết", ""),
        ("Bản quyền © 2020 Sở Nội vụ\nĐịa chỉ: 12 Trần Phú\nĐiện thoại: 0123 456789", ""),
    ],
)
def test_chrome_lines_removed(chrome: str, kept: str) -> None:
    out = strip_chrome(f"{FIRST}\n{chrome}\n{LAST}")
    assert out.startswith(FIRST) and out.endswith(LAST)
    middle = out[len(FIRST) : len(out) - len(LAST)].strip()
    assert middle == kept


def test_more_news_block_cut_but_byline_kept() -> None:
    text = f"{FIRST}\n\n{LAST}\n\nNgọc Anh\n\nCác tin khác\nKhối thi đua số 2 tổng kết năm 2023\nCụm thi đua số 4 ký giao ước"
    out = strip_chrome(text)
    assert out.endswith("Ngọc Anh")
    assert "Cụm thi đua số 4" not in out


@pytest.mark.parametrize("heading", ["Xem thêm", "Xem thêm:", "Tin liên quan:", "Các tin khác", "Tin cùng chuyên mục"])
def test_related_headlines_cut(heading: str) -> None:
    text = f"{FIRST}\n\n{LAST}\n\nMinh Tâm\n\n{heading}\n- Khối thi đua số 2 tổng kết năm 2021\n- Sở Nội vụ sơ kết 6 tháng"
    out = strip_chrome(text)
    assert out.endswith("Minh Tâm")
    assert "tổng kết năm 2021" not in out


def test_more_news_heading_in_top_menu_does_not_cut_article() -> None:
    out = strip_chrome(f"Tin liên quan\n{FIRST}\n{LAST}")
    assert out == f"{FIRST}\n{LAST}"


@pytest.mark.parametrize(
    "text",
    [
        f"{FIRST}\n\n\n   Lượt xem: 5 \n{LAST}\nCác tin tiếp theo\nabc",
        f"{LAST}./.        Hà Vy",
        "",
        "\n\n  \n",
        "Các tin khác",
    ],
)
def test_strip_chrome_is_idempotent(text: str) -> None:
    once = strip_chrome(text)
    assert strip_chrome(once) == once


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("lãnh đạo các đơn vị trpng khối", "lãnh đạo các đơn vị trong khối"),
        ("Khối thi đua Tham mưu thổng hợp", "Khối thi đua Tham mưu tổng hợp"),
        ("các sở, nghành", "các sở, ngành"),
        ("trường trung học", "trường trung học"),
    ],
)
def test_fix_typos(text: str, expected: str) -> None:
    assert fix_typos(text) == expected
