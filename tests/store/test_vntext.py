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


def _fold_by_nfd(text: str) -> str:
    """The definition fold_diacritics must keep: NFD, then every combining mark dropped."""
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def test_fold_diacritics_equals_nfd_folding_on_mixed_input() -> None:
    samples = [
        "Khối thi đua các cơ quan Đảng tỉnh Thừa Thiên Huế: hoà, thuỷ, khoẻ, Nguyễn Thị Ánh Tuyết",
        unicodedata.normalize("NFD", "Chỉ thị số 34-CT/TW ngày 07/4/2014 của Bộ Chính trị"),  # decomposed input
        "e\u0302\u0301 a\u0323\u0306 o\u031b\u0300",  # marks typed separately, out of canonical order
        "Ǆ ǅ ﬁ Åström Ελληνικά Ёж 가나 ｱ ℃ ①",  # other scripts and compatibility characters
    ]
    for text in samples:
        assert fold_diacritics(text) == _fold_by_nfd(text)


def test_fold_diacritics_equals_nfd_folding_for_every_character() -> None:
    text = "".join(chr(cp) for cp in range(0x20, 0x30000) if not 0xD800 <= cp <= 0xDFFF)
    assert fold_diacritics(text) == _fold_by_nfd(text)


def test_vi_sort_key_orders_letters_then_tones() -> None:
    from store.vntext import vi_sort_key

    words = ["đa", "da", "dă", "ma", "mà", "má", "mả", "mã", "mạ", "mă", "mâ", "Ma", "hoà", "hòa"]
    ordered = sorted(words, key=vi_sort_key)
    assert ordered.index("da") < ordered.index("dă") < ordered.index("đa")  # d < đ, a < ă
    assert [w for w in ordered if w in ("ma", "mà", "mả", "mã", "má", "mạ")] == ["ma", "mà", "mả", "mã", "má", "mạ"]
    assert ordered.index("mạ") < ordered.index("mă") < ordered.index("mâ")  # tones never outrank a letter
    assert vi_sort_key("hoà")[:2] == vi_sort_key("hòa")[:2]  # old and new tone placement sort together
