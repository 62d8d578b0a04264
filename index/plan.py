"""Turn a parsed query into the engine-neutral query tree (index.schema) plus non-scoring filters."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from index.analysis import (
    QueryUnit,
    analyze_query,
    concept_of,
    docnum_key,
    fold_token,
    has_diacritics,
    phrase_tokens,
)
from index.schema import (
    DATE,
    EXACT,
    FOLDED,
    TITLE,
    WORDS,
    All,
    Bool,
    Nothing,
    Phrase,
    Q,
    Range,
    Term,
    facet_field,
)
from index.syntax import AndNode, DateNode, Empty, FieldNode, Node, NotNode, OrNode, PhraseNode, Text
from store.vntext import abbreviations, fold_key

EXACT_BOOST = 1.5  # a query typed with diacritics ranks exact-diacritic matches above folded ones
TITLE_BOOST = 2.0
MAX_FACET_VALUES = 200  # values one loose facet filter may expand to


@dataclass
class Plan:
    """A query ready for an engine: the scoring part, filters, and the terms to highlight."""

    query: Q
    filters: list[Q] = field(default_factory=list)
    highlight: set[str] = field(default_factory=set)
    has_text: bool = False


def facet_key(value: str) -> str:
    """Return the loose comparison key of a facet value (case, diacritics, punctuation folded)."""
    return re.sub(r"[\s_\-–—,.;:()\"'/]+", " ", fold_key(value)).strip()


_PROVINCE_PREFIX = re.compile(r"^(?:tinh|thanh pho|tp)\s+")


def resolve_facet(name: str, value: str, vocab: dict[str, list[str]]) -> list[str]:
    """Return the indexed values a user-typed facet value stands for (loose match, exact first)."""
    values = vocab.get(name, [])
    if name == "directive":
        key = docnum_key(value)
        return [v for v in values if docnum_key(v) == key] or [value.upper()]
    key = facet_key(value)
    if name in ("province", "province_new"):
        key = _PROVINCE_PREFIX.sub("", key)
    exact = [v for v in values if facet_key(v) == key]
    if exact or name in ("year", "event_type"):
        return exact or [value]
    padded = f" {key} "
    loose = [v for v in values if padded in f" {facet_key(v)} "]
    return loose[:MAX_FACET_VALUES] or [value]


class Planner:
    """Builds a Plan; ``vocab`` lists the indexed values of each facet (for loose filter matching)."""

    def __init__(self, vocab: dict[str, list[str]]) -> None:
        self.vocab = vocab
        self.highlight: set[str] = set()
        self.diacritics = False
        self.has_text = False

    def plan(self, node: Node, extra_filters: list[Q], raw: str) -> Plan:
        self.diacritics = has_diacritics(raw)
        filters = list(extra_filters)
        items = list(node.items) if isinstance(node, AndNode) else [node]
        scoring = []
        for item in items:  # top-level facet and date filters narrow without scoring (and are cached)
            if isinstance(item, FieldNode | DateNode):
                filters.append(self.node(item))
            else:
                scoring.append(item)
        if not scoring:
            q: Q = All()
        elif len(scoring) == 1:
            q = self.node(scoring[0])
        else:
            q = self.node(AndNode(tuple(scoring)))
        return Plan(query=q, filters=filters, highlight=self.highlight, has_text=self.has_text)

    def node(self, node: Node) -> Q:
        if isinstance(node, Empty):
            return All()
        if isinstance(node, Text):
            return self.text(node.text)
        if isinstance(node, PhraseNode):
            return self.phrase(node.text)
        if isinstance(node, FieldNode):
            return self.facet(node)
        if isinstance(node, DateNode):
            return Range(DATE, node.low, node.high)
        if isinstance(node, OrNode):
            return Bool(should=tuple(self.node(x) for x in node.items))
        if isinstance(node, NotNode):
            return Bool(must=(All(),), must_not=(self.node(node.item),))
        if isinstance(node, AndNode):
            must = [self.node(x) for x in node.items if not isinstance(x, NotNode)]
            must_not = [self.node(x.item) for x in node.items if isinstance(x, NotNode)]
            return Bool(must=tuple(must or [All()]), must_not=tuple(must_not))
        raise TypeError(node)

    def facet(self, node: FieldNode) -> Q:
        if node.name == "year" and node.high is not None:
            low, high = int(node.value), int(node.high)
            known = [v for v in self.vocab.get("year", []) if v.isdigit() and low <= int(v) <= high]
            return _any([Term(facet_field("year"), v) for v in known])
        values = resolve_facet(node.name, node.value, self.vocab)
        clauses: list[Q] = [Term(facet_field(node.name), v) for v in values]
        if node.name == "directive":  # also documents that cite it but were not extracted yet
            clauses.append(Term(FOLDED, docnum_key(node.value)))
        if node.name == "event_type":
            clauses = [Term(facet_field("event_type"), facet_key(v).replace(" ", "_")) for v in values]
        return _any(clauses)

    def text(self, text: str) -> Q:
        units = analyze_query(text)
        if not units:
            return All()
        kept = [u for u in units if not u.stop] or units
        self.has_text = True
        return _all([self.unit(u) for u in kept])

    def unit(self, u: QueryUnit) -> Q:
        """One query word or compound: the clause that must match, plus clauses that only add to the score.

        The title and exact-diacritic streams hold a subset of the documents of the stream the
        match is made on (index.analysis puts every title token in ``folded`` or ``words`` too,
        and every exact syllable's folded form in ``folded``), so they are optional clauses:
        the same documents match as with an OR of all three, and engines read fewer postings
        to find them.
        """
        must: Q
        score_only: list[Q] = []
        if u.kind == "syl":
            must = Term(FOLDED, u.folded)
            score_only = [Term(TITLE, u.folded, TITLE_BOOST)]
            if self.diacritics and u.exact:
                score_only.append(Term(EXACT, u.exact, EXACT_BOOST))
            self.highlight.add(u.folded)
        elif u.kind == "compound":
            must = Term(WORDS, u.folded)
            score_only = [Term(TITLE, u.folded, TITLE_BOOST)]
            if self.diacritics and u.exact:
                # The compound must match; its exact-diacritic syllables only add to the score.
                score_only.extend(Term(EXACT, x, EXACT_BOOST) for x in u.exact.split("_") if fold_token(x) != x)
            self.highlight.add(u.folded)  # the whole compound: "chỉ thị" must not mark "thi" in "thi đua"
            self.highlight.update(_abbrs_of(u.folded))
        elif u.kind == "abbr":
            must = Term(FOLDED, u.folded, EXACT_BOOST)
            concept = concept_of(u.folded)
            if concept:
                must = Bool(should=(must, Term(WORDS, concept)))  # "UBND" finds the written-out form too
                self.highlight.add(concept)
                self.highlight.update(_abbrs_of(concept))
            score_only = [Term(TITLE, u.folded, TITLE_BOOST)]
            self.highlight.add(u.folded)
        elif u.kind == "doc":
            must = Term(FOLDED, u.folded)
            score_only = [Term(TITLE, u.folded, TITLE_BOOST)]
            self.highlight.add(u.folded)
        else:
            raise ValueError(f"unknown query unit kind {u.kind!r}")
        return Bool(must=(must,), should=tuple(score_only))

    def phrase(self, text: str) -> Q:
        tokens = phrase_tokens(text)
        if not tokens:
            return All()
        self.has_text = True
        units = analyze_query(text)
        if len(tokens) == 1 or (len(units) == 1 and units[0].kind == "compound"):
            return self.text(text)  # a one-word phrase ("thi đua") is a term lookup, not a position scan
        self.highlight.add("_".join(tokens))  # the phrase as a whole
        phrase = Phrase(FOLDED, tuple(tokens))
        if not (self.diacritics and has_diacritics(text)):
            return phrase
        exact = [u.exact for u in analyze_query(text) if u.kind == "syl" and u.exact]
        return Bool(must=(phrase,), should=tuple(Term(EXACT, x, EXACT_BOOST) for x in exact))


def _any(clauses: list[Q]) -> Q:
    if not clauses:
        return Nothing()
    return clauses[0] if len(clauses) == 1 else Bool(should=tuple(clauses))


def _all(clauses: list[Q]) -> Q:
    return clauses[0] if len(clauses) == 1 else Bool(must=tuple(clauses))


def _abbrs_of(concept: str) -> set[str]:
    """Return the abbreviation tokens whose expansion is ``concept`` (to highlight "UBND" for "ủy ban nhân dân")."""
    out = set()
    for abbr, _full in abbreviations():
        if concept_of(abbr) == concept:
            out.add(re.sub(r"[^0-9a-z]", "", fold_token(abbr)))
    return out
