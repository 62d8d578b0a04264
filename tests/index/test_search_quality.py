"""Search quality: each query must find some documents and must not find others, on both engines."""

from __future__ import annotations

import pytest

from index import search
from tests.index.conftest import Corpus

# (query, must find, must not find) — one analysis rule per row.
CASES = [
    # diacritics folded, đ -> d
    ("chi thi 34", {"yb-soket-2014"}, {"tn-khcn"}),
    ("chỉ thị 34", {"yb-soket-2014"}, {"tn-khcn"}),
    ("doan cong tac", {"bl-exact", "bl-folded"}, {"yb-soket-2014"}),
    # old/new tone placement
    ("hoà bình", {"hb-thuyloi"}, {"lc-tongket-2021"}),
    ("hòa bình", {"hb-thuyloi"}, set()),
    ("thủy lợi", {"hb-thuyloi"}, set()),
    ("thuy loi", {"hb-thuyloi"}, set()),
    # compounds are words: "thi đua" does not match "thi" and "đua" in different sentences
    ("thi đua", {"yb-soket-2014", "lc-tongket-2021", "hb-thuyloi"}, {"split-thi-dua"}),
    ("thi dua", {"yb-soket-2014", "hb-thuyloi"}, {"split-thi-dua"}),
    ("thi", {"split-thi-dua"}, set()),
    ("khối thi đua", {"yb-soket-2014"}, {"split-thi-dua", "bl-exact"}),
    # stopwords dropped from free text ("các" is not required)
    ("các hội nghị tổng kết", {"lc-tongket-2021"}, set()),
    # one-character tokens kept
    ("07/4/2014", {"yb-soket-2014", "date-4"}, {"lc-tongket-2021"}),
    ("4", {"yb-soket-2014", "date-4"}, {"lc-tongket-2021"}),
    # document numbers whole, as typed, hyphenated, canonical, with or without leading zero
    ("34-CT/TW", {"yb-soket-2014"}, set()),
    ("34-ct-tw", {"yb-soket-2014"}, set()),
    ("05/CT-TU", {"lc-tongket-2021"}, {"yb-soket-2014"}),
    ("5-ct/tu", {"lc-tongket-2021"}, {"yb-soket-2014"}),
    ("5-CT-TU", {"lc-tongket-2021"}, set()),
    ("120/KH-UBND", {"ubnd-full"}, set()),
    ("ct", set(), {"yb-soket-2014", "lc-tongket-2021"}),
    ("tw", set(), {"yb-soket-2014"}),
    ("directive:34-CT/TW", {"yb-soket-2014"}, {"lc-tongket-2021"}),
    ("directive:5-ct/tu", {"lc-tongket-2021"}, {"yb-soket-2014"}),
    # abbreviations both ways
    ("UBND", {"yb-soket-2014", "ubnd-full"}, {"tn-khcn"}),
    ("ubnd", {"yb-soket-2014", "ubnd-full"}, set()),
    ("Ủy ban nhân dân", {"yb-soket-2014", "ubnd-full"}, {"tn-khcn"}),
    ("uy ban nhan dan", {"yb-soket-2014", "ubnd-full"}, set()),
    ("KH&CN", {"tn-khcn", "lc-tongket-2021"}, {"yb-soket-2014"}),
    ("KHCN", {"tn-khcn", "lc-tongket-2021"}, set()),
    ("Khoa học và Công nghệ", {"tn-khcn", "lc-tongket-2021"}, {"yb-soket-2014"}),
    # phrases
    ('"khối thi đua các cơ quan"', {"yb-soket-2014"}, {"hb-thuyloi"}),
    ('"cơ quan khối"', set(), {"yb-soket-2014"}),
    ('"chi thi so 34"', {"yb-soket-2014"}, set()),
    # boolean operators
    ('thi đua NOT "yên bái"', {"lc-tongket-2021", "hb-thuyloi"}, {"yb-soket-2014"}),
    ("thi đua -tổng", {"hb-thuyloi"}, {"lc-tongket-2021"}),
    ("ngân sách OR thủy lợi", {"tn-khcn", "hb-thuyloi"}, {"yb-soket-2014"}),
    ("(ngân sách OR thủy lợi) AND 2019", {"tn-khcn"}, {"hb-thuyloi"}),
    # facet filters, loose on case and diacritics
    ('province:"Yên Bái"', {"yb-soket-2014", "ubnd-full"}, {"lc-tongket-2021"}),
    ("province:yen_bai", {"yb-soket-2014"}, {"lc-tongket-2021"}),
    ('province:"hoà bình"', {"hb-thuyloi"}, set()),
    ('province_new:"Lào Cai"', {"yb-soket-2014", "lc-tongket-2021"}, {"hb-thuyloi"}),
    ('bloc:"số 3"', {"lc-tongket-2021"}, {"yb-soket-2014"}),
    ("year:2021", {"lc-tongket-2021"}, {"yb-soket-2014"}),
    ("year:2019..2020", {"tn-khcn", "hb-thuyloi"}, {"lc-tongket-2021", "yb-soket-2014"}),
    ("type:so_ket", {"yb-soket-2014"}, {"lc-tongket-2021"}),
    ('type:"giao ước"', {"hb-thuyloi"}, set()),
    ('award:"bang khen"', {"yb-soket-2014"}, set()),
    ('person:"nguyen van an"', {"yb-soket-2014"}, set()),
    ('agency:"Sở KH&CN"', set(), {"yb-soket-2014"}),
    ('agency:"Sở Khoa học và Công nghệ"', {"lc-tongket-2021"}, set()),
    ("thi đua year:2020", {"hb-thuyloi"}, {"yb-soket-2014"}),
    # date ranges (event date, else publication date)
    ("date:2021-01-01..2021-12-31", {"lc-tongket-2021"}, {"yb-soket-2014"}),
    ("date:2014", {"yb-soket-2014", "date-4"}, {"lc-tongket-2021"}),
    ("date:..2015-01-01", {"yb-soket-2014"}, {"lc-tongket-2021"}),
    ("date:2021-12..", {"lc-tongket-2021", "ubnd-full"}, {"hb-thuyloi"}),
]


@pytest.mark.parametrize(("query", "must", "must_not"), CASES, ids=[c[0] for c in CASES])
def test_query_finds_and_avoids(corpus: Corpus, query: str, must: set[str], must_not: set[str]) -> None:
    results = search(corpus.index_dir, query, page_size=50)
    found = set(corpus.keys_of(results.hits))
    assert must <= found, f"{query!r} missed {must - found} ({corpus.engine})"
    assert not (must_not & found), f"{query!r} wrongly found {must_not & found} ({corpus.engine})"
    assert results.total == len(found)


def test_query_with_diacritics_ranks_exact_match_first(corpus: Corpus) -> None:
    results = search(corpus.index_dir, "Bạc Liêu")
    assert corpus.keys_of(results.hits)[:2] == ["bl-exact", "bl-folded"]


def test_query_without_diacritics_finds_both_spellings(corpus: Corpus) -> None:
    results = search(corpus.index_dir, "bac lieu")
    assert set(corpus.keys_of(results.hits)) == {"bl-exact", "bl-folded"}


def test_title_match_ranks_above_body_match(corpus: Corpus) -> None:
    results = search(corpus.index_dir, "ngân sách")
    assert corpus.keys_of(results.hits)[0] == "tn-khcn"


def test_filters_argument_narrows_like_field_syntax(corpus: Corpus) -> None:
    by_arg = search(corpus.index_dir, "thi đua", filters={"province": ["yen bai", "Lào Cai"]})
    assert set(corpus.keys_of(by_arg.hits)) == {"yb-soket-2014", "lc-tongket-2021"}
    by_type = search(corpus.index_dir, "", filters={"event_type": ["tong_ket"]})
    assert corpus.keys_of(by_type.hits) == ["lc-tongket-2021"]


def test_date_from_and_to_arguments(corpus: Corpus) -> None:
    results = search(corpus.index_dir, "thi đua", date_from="2020-01-01", date_to="2021-06-30")
    assert corpus.keys_of(results.hits) == ["hb-thuyloi"]
