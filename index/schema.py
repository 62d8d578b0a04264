"""What the index holds: the fields every engine implements, the indexed document, and query primitives.

Engines never analyse text: they receive the token streams of index.analysis and the
engine-neutral query tree below, and translate both into their own types.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from index.analysis import DocTokens

# Token streams (see index.analysis): the positional folded stream, then frequency-only ones.
FOLDED = "folded"
EXACT = "exact"
WORDS = "words"
TITLE = "title"
TEXT_FIELDS = (FOLDED, EXACT, WORDS, TITLE)

# Facets: keyword fields holding display values as written (NFC, tone placement unified).
FACETS = ("province", "province_new", "bloc", "year", "event_type", "directive", "award", "agency", "person")

FACET_PREFIX = "f_"


def facet_field(name: str) -> str:
    """Return the engine field of a facet."""
    return FACET_PREFIX + name


# Query-syntax names for facet filters; "type" is the short form of event_type.
FILTER_ALIASES = {
    "province": "province",
    "province_new": "province_new",
    "tinh": "province",
    "bloc": "bloc",
    "khoi": "bloc",
    "year": "year",
    "nam": "year",
    "type": "event_type",
    "event_type": "event_type",
    "directive": "directive",
    "award": "award",
    "agency": "agency",
    "person": "person",
}
DATE = "date"  # int yyyymmdd: event date, else publication date; 0 when unknown
DATE_FIELDS = {"date": DATE}


@dataclass
class IndexDoc:
    """One document as the engines index it."""

    doc_id: int
    url: str
    title: str
    text: str
    tokens: DocTokens
    date: int = 0
    facets: dict[str, list[str]] = field(default_factory=dict)
    meta: dict[str, Any] = field(default_factory=dict)  # stored for hits: dates, province, bloc, types, year
    # What an engine's ``prepare`` made of ``tokens`` in the analysis process (then ``tokens`` is empty).
    prepared: Any = None


# ---- engine-neutral query tree -------------------------------------------------------------


@dataclass(frozen=True)
class Q:
    """Base of query primitives."""


@dataclass(frozen=True)
class Term(Q):
    field: str
    text: str
    boost: float = 1.0


@dataclass(frozen=True)
class Phrase(Q):
    field: str
    terms: tuple[str, ...]
    boost: float = 1.0


@dataclass(frozen=True)
class Range(Q):
    """Inclusive integer range on DATE; None leaves a side open."""

    field: str
    low: int | None
    high: int | None


@dataclass(frozen=True)
class Bool(Q):
    """Every ``must`` matches, no ``must_not`` matches, and (when there is no must) one ``should``."""

    must: tuple[Q, ...] = ()
    should: tuple[Q, ...] = ()
    must_not: tuple[Q, ...] = ()
    boost: float = 1.0


@dataclass(frozen=True)
class All(Q):
    """Every document."""


@dataclass(frozen=True)
class Nothing(Q):
    """No document."""


@dataclass
class EngineHit:
    """One ranked document as an engine returns it."""

    doc_id: int
    score: float
    stored: dict[str, Any]


@dataclass
class EngineResult:
    """What an engine returns for one search."""

    total: int
    hits: list[EngineHit]
    facets: dict[str, list[tuple[str, int]]]
