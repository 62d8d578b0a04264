"""The search interface: results shape, facets, snippets, sorting, paging, errors, more-like-this."""

from __future__ import annotations

import pytest

import index.query as index_query
from index import QuerySyntaxError, SearchIndexError, drop_query_caches, more_like_this, search
from tests.index.conftest import CORPUS, Corpus

MALFORMED = [
    '"khối thi đua',
    "thi đua AND",
    "OR thi đua",
    "(thi đua",
    "thi đua)",
    "()",
    "NOT",
    "foo:bar",
    "year:20x1",
    "year:2021..2019",
    "date:2021-13-01",
    "date:2022..2021",
    "date:..",
    "province:",
    'bloc:""',
]


@pytest.mark.parametrize("query", MALFORMED)
def test_malformed_query_raises_a_clear_syntax_error(corpus: Corpus, query: str) -> None:
    with pytest.raises(QuerySyntaxError) as info:
        search(corpus.index_dir, query)
    assert isinstance(info.value, SearchIndexError)
    assert str(info.value) and "Traceback" not in str(info.value)


@pytest.mark.parametrize("query", ["10:30", "a - b", "thi-đua", "C++", "100%", "«thi đua»", "&", "/", "--"])
def test_odd_but_valid_queries_do_not_raise(corpus: Corpus, query: str) -> None:
    search(corpus.index_dir, query)


def test_results_shape_and_hit_fields(corpus: Corpus) -> None:
    results = search(corpus.index_dir, "sơ kết")
    assert results.query == "sơ kết" and results.page == 1 and results.page_size == 10
    assert results.took_ms >= 0 and results.total == len(results.hits) == 1
    hit = results.hits[0]
    assert hit.document_id == corpus.ids["yb-soket-2014"]
    assert hit.url == "https://example.vn/yb-soket-2014"
    assert hit.province == "Yên Bái" and hit.bloc == "Khối thi đua các cơ quan tổng hợp"
    assert hit.event_types == ["so_ket"] and hit.year == 2014 and hit.event_date == "2014-04-07"
    assert hit.published_at == "2014-04-08" and hit.score > 0


def test_facets_count_the_whole_result_set(corpus: Corpus) -> None:
    results = search(corpus.index_dir, "thi đua", page_size=1)
    assert set(results.facets) == {"province", "province_new", "bloc", "year", "event_type", "directive", "award",
                                   "agency", "person"}
    assert dict(results.facets["province"]) == {"Yên Bái": 1, "Lào Cai": 1, "Hòa Bình": 1}
    assert dict(results.facets["province_new"]) == {"Lào Cai": 2}
    assert ("so_ket", 1) in results.facets["event_type"]
    assert dict(results.facets["directive"]) == {"34-CT/TW": 1, "5-CT/TU": 1}
    assert search(corpus.index_dir, "thi đua", facets=False).facets == {}


def test_snippet_is_html_safe_and_marks_matches(corpus: Corpus) -> None:
    hit = search(corpus.index_dir, "ký tự").hits[0]
    assert "<script>" not in hit.snippet_html and "&lt;script&gt;" in hit.snippet_html
    assert "<mark>ký</mark>" in hit.snippet_html and "&amp;" in hit.snippet_html


def test_snippet_marks_accentless_query_on_accented_text(corpus: Corpus) -> None:
    hit = search(corpus.index_dir, "chi thi 34").hits[0]
    assert "<mark>34-CT/TW</mark>" in hit.snippet_html and "<mark>Chỉ thị</mark>" in hit.snippet_html


def test_snippet_marks_whole_compounds_not_their_syllables() -> None:
    from index.query import Planner, make_snippet
    from index.syntax import parse

    text = "Khối thi đua các cơ quan thực hiện Chỉ thị số 34-CT/TW về thi đua."
    plan = Planner({}).plan(parse("chỉ thị"), [], "chỉ thị")
    html_ = make_snippet(text, plan.highlight)
    assert "<mark>Chỉ thị</mark>" in html_ and "<mark>thi</mark>" not in html_
    phrase = Planner({}).plan(parse('"khối thi đua các cơ quan"'), [], "")
    assert "<mark>Khối thi đua các cơ quan</mark>" in make_snippet(text, phrase.highlight)


def test_sort_by_date_and_paging(corpus: Corpus) -> None:
    newest = search(corpus.index_dir, "", sort="date_desc", page_size=3)
    oldest = search(corpus.index_dir, "", sort="date_asc", page_size=3)
    assert newest.total == oldest.total == len(CORPUS)
    assert corpus.keys_of(newest.hits)[0] == "ubnd-full" and corpus.keys_of(oldest.hits)[0] == "date-4"
    pages = [search(corpus.index_dir, "", sort="date_desc", page=p, page_size=3) for p in (1, 2, 3, 4)]
    seen = [h.document_id for page in pages for h in page.hits]
    assert len(seen) == len(set(seen)) == len(CORPUS)
    dates = [search(corpus.index_dir, "thi đua", sort="date_asc", page_size=50).hits]
    keys = [h.event_date or h.published_at for h in dates[0]]
    assert keys == sorted(keys)


def test_unknown_sort_is_a_syntax_error(corpus: Corpus) -> None:
    with pytest.raises(QuerySyntaxError, match="sort"):
        search(corpus.index_dir, "thi đua", sort="random")


def test_more_like_this_finds_related_and_excludes_itself(corpus: Corpus) -> None:
    similar = more_like_this(corpus.index_dir, corpus.ids["bl-exact"], limit=3)
    keys = corpus.keys_of(similar)
    assert corpus.ids["bl-exact"] not in [h.document_id for h in similar]
    assert keys and keys[0] == "bl-folded"
    assert more_like_this(corpus.index_dir, 999_999) == []


CACHE_MIX = ["thi đua", "sơ kết", "thi dua khen thuong", "chỉ thị 34", "UBND tỉnh", '"khối thi đua"',
             "sơ kết OR tổng kết", "thi đua NOT tổng kết", "hội nghị year:2014..2022"]


def _answers(index_dir, queries: list[str]) -> list[tuple]:
    out = []
    for q in queries:
        r = search(index_dir, q, page_size=3)
        out.append((q, r.total, [(h.document_id, h.score, h.snippet_html) for h in r.hits], r.facets))
    return out


def test_cached_posting_lists_give_the_same_answers_as_cold_searches(
    corpus: Corpus, monkeypatch: pytest.MonkeyPatch
) -> None:
    cold = []
    for q in CACHE_MIX:  # every search from scratch
        drop_query_caches()
        cold.extend(_answers(corpus.index_dir, [q]))
    assert _answers(corpus.index_dir, CACHE_MIX * 2) == cold * 2  # warm: later searches reuse earlier terms
    if corpus.engine == "whoosh":
        import index.engines.whoosh_engine as whoosh_engine

        monkeypatch.setattr(whoosh_engine, "HOT_POSTINGS", 3)  # a cache that evicts on nearly every term
        drop_query_caches()
        assert _answers(corpus.index_dir, CACHE_MIX) == cold
        reader = next(iter(index_query._READERS.values())).reader
        assert reader._hot_postings <= 3 and sum(len(ids) for ids, _ in reader._hot.values()) == reader._hot_postings


def test_whoosh_scoring_by_lookup_equals_scoring_by_walking_postings(monkeypatch: pytest.MonkeyPatch, tmp_path) -> None:
    import index.engines.whoosh_engine as whoosh_engine
    from index import build_index
    from index.query import close_readers
    from store.db import open_db
    from tests.index.conftest import store_corpus

    store_corpus(tmp_path / "khoi.db", CORPUS)
    build_index(open_db(tmp_path / "khoi.db"), tmp_path / "khoi.index", engine="whoosh", progress=False)
    try:
        answers = []
        for ratio in (0, 10**9):  # 0: every matched document looked up by binary search; 10**9: never
            monkeypatch.setattr(whoosh_engine, "SEEK_RATIO", ratio)
            drop_query_caches()
            answers.append(_answers(tmp_path / "khoi.index", CACHE_MIX))
        assert answers[0] == answers[1]
        assert any(hits for _, _, hits, _ in answers[0])
    finally:
        close_readers()
