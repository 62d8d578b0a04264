"""Quoted movement and campaign names."""

from __future__ import annotations

import pytest

from nlp.movements import extract_movements
from nlp.prepare import prepare


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('Các đơn vị hưởng ứng phong trào thi đua "Dân vận khéo" và cuộc vận động "Người Việt Nam ưu tiên dùng hàng Việt Nam".',
         ["Dân vận khéo", "Người Việt Nam ưu tiên dùng hàng Việt Nam"]),
        ("Khối phát động thi đua với chủ đề “Đoàn kết, trách nhiệm, sáng tạo, hiệu quả” trong năm 2024.",
         ["Đoàn kết, trách nhiệm, sáng tạo, hiệu quả"]),
        ("Các phong trào như: “Xanh - Sạch - Đẹp”, “Lao động giỏi, lao động sáng tạo”, “Tuổi trẻ sáng tạo”...",
         ["Xanh - Sạch - Đẹp", "Lao động giỏi, lao động sáng tạo", "Tuổi trẻ sáng tạo"]),
        # an unclosed quote ends at the semicolon before the next one
        ("Triển khai các phong trào: “Giỏi việc nước, đảm việc nhà; “Phụ nữ tích cực học tập, lao động sáng tạo”.",
         ["Giỏi việc nước, đảm việc nhà", "Phụ nữ tích cực học tập, lao động sáng tạo"]),
        ("Với khẩu hiệu “Kỷ cương, trách nhiệm, hành động, hiệu quả”, lễ ký kết diễn ra trang trọng.",
         ["Kỷ cương, trách nhiệm, hành động, hiệu quả"]),
        # a known national movement needs no cue word
        ("Gắn với việc nhân rộng gương “Người tốt, việc tốt” trong cơ quan.", ["Người tốt, việc tốt"]),
    ],
)
def test_quoted_movements(text: str, expected: list[str]) -> None:
    assert [m.name for m in extract_movements(prepare(text))] == expected


@pytest.mark.parametrize(
    "text",
    [
        "Thực hiện Chỉ thị 34-CT/TW của Bộ Chính trị về “Tiếp tục đổi mới công tác thi đua, khen thưởng”.",
        'Khối tổ chức các hoạt động chung như "hội thi văn nghệ quần chúng cấp tỉnh" trong tháng 9.',
        "Dù khó khăn, các doanh nghiệp vẫn “vững tay chèo” vượt qua thách thức.",
        '"Đẩy mạnh thi đua yêu nước, lập thành tích chào mừng đại hội Đảng các cấp!"',
    ],
)
def test_quotes_that_are_not_movements(text: str) -> None:
    assert extract_movements(prepare(text)) == []


def test_movement_span_excludes_quotes() -> None:
    doc = prepare("Cuộc vận động “Toàn dân đoàn kết xây dựng đời sống văn hóa” được duy trì.")
    (m,) = extract_movements(doc)
    assert doc.text[m.start : m.end] == m.name
