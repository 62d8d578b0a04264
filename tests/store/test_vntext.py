"""Vietnamese text helpers shared by every stage."""

from __future__ import annotations

import unicodedata

import pytest

from store.vntext import clean_text, fold_diacritics, normalize_tone_placement, unit_key


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("hoà bình", "hòa bình"),
        ("Thuỷ lợi", "Thủy lợi"),
        ("khoẻ mạnh", "khỏe mạnh"),
        ("quý khách", "quý khách"),  # "qu" is a consonant: untouched
        ("hoàng huỳnh", "hoàng huỳnh"),  # closed syllables: untouched
        ("thảo luận", "thảo luận"),  # a circumflex vowel keeps its tone
        ("xoá bỏ, toả sáng", "xóa bỏ, tỏa sáng"),
    ],
)
def test_tone_placement_is_unified(text: str, expected: str) -> None:
    assert normalize_tone_placement(text) == expected


def test_clean_text_composes_decodes_entities_and_is_idempotent() -> None:
    decomposed = unicodedata.normalize("NFD", "Khối thi đua &amp; Cụm thi đua hoà")
    once = clean_text(decomposed)
    assert once == "Khối thi đua & Cụm thi đua hòa"
    assert clean_text(once) == once


def test_fold_diacritics_maps_d_bar() -> None:
    assert fold_diacritics("Chỉ thị Đảng ủy đ") == "Chi thi Dang uy d"


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Sở KH&CN tỉnh Thái Nguyên", "Sở Khoa học và Công nghệ"),
        ("Văn phòng Đoàn ĐBQH và HĐND tỉnh", "Văn phòng Đoàn Đại biểu Quốc hội và Hội đồng nhân dân"),
        ("UBND huyện Đak Pơ", "Ủy ban nhân dân huyện Đak Pơ"),
        ("Sở NN&PTNT", "Sở Nông nghiệp và Phát triển nông thôn"),
    ],
)
def test_unit_key_matches_abbreviated_and_full_names(a: str, b: str) -> None:
    assert unit_key(a) == unit_key(b)


@pytest.mark.parametrize(
    ("typed", "written"),
    [("van phong ubnd tinh", "Văn phòng UBND tỉnh"), ("so tai chinh", "Sở Tài chính tỉnh Yên Bái")],
)
def test_unit_key_of_a_name_typed_without_diacritics(typed: str, written: str) -> None:
    assert unit_key(typed) == unit_key(written)


def test_unit_key_keeps_words_that_only_fold_like_tinh() -> None:
    assert unit_key("Hội Tình nguyện") != unit_key("Hội")
    assert unit_key("hoi tinh nguyen") == unit_key("Hội Tình nguyện")
