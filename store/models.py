"""Dataclasses every stage shares: raw pages, documents, and the extracted records.

A record's ``start``/``end`` are character offsets into ``Document.text`` (the cleaned,
NFC text), and ``source`` names the rule or model that produced it, so every fact can
be traced back to the sentence that states it.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

EVENT_TYPES = ("so_ket", "tong_ket", "giao_uoc", "phat_dong", "other")
ROLES = ("head", "deputy")


@dataclass(kw_only=True)
class RawPage:
    """One fetched page as the crawler saw it (bytes untouched)."""

    url: str
    body: bytes
    site: str | None = None
    status: int = 200
    encoding: str | None = None
    content_type: str | None = None
    fetched_at: str | None = None
    etag: str | None = None
    last_modified: str | None = None


@dataclass(kw_only=True)
class Document:
    """A cleaned article: NFC text with page chrome removed, plus its metadata."""

    url: str
    text: str
    title: str | None = None
    site: str | None = None
    province: str | None = None  # as the portal/registry states it, not extracted
    published_at: str | None = None  # ISO date or datetime
    author: str | None = None
    raw: bytes | None = None  # original bytes, stored compressed
    encoding: str | None = None
    fetched_at: str | None = None
    external_id: str | None = None  # e.g. the FORMAT.md "id" of an imported line
    id: int | None = None


@dataclass(kw_only=True)
class Span:
    """Evidence of one fact: where it is in the document text and what found it."""

    start: int
    end: int
    source: str = "rule"


@dataclass(kw_only=True)
class Leader:
    unit: str
    role: str  # "head" | "deputy"
    year: int | None
    start: int
    end: int
    source: str = "rule"


@dataclass(kw_only=True)
class Member:
    unit: str
    start: int
    end: int
    source: str = "rule"


@dataclass(kw_only=True)
class Directive:
    number: str  # number-symbol as written, e.g. "05/CT-TU"
    canonical: str  # one id however written, e.g. "5-ct/tu"
    doc_type: str | None  # "Chỉ thị", "Nghị quyết", "Kế hoạch", ...
    date: str | None  # ISO date of the document, if cited
    issuer: str | None  # "Bộ Chính trị", "Tỉnh ủy", ...
    start: int
    end: int
    source: str = "rule"


@dataclass(kw_only=True)
class Award:
    award: str
    recipient: str | None
    count: int | None
    start: int
    end: int
    source: str = "rule"


@dataclass(kw_only=True)
class Person:
    name: str
    title: str | None
    start: int
    end: int
    source: str = "rule"


@dataclass(kw_only=True)
class Movement:
    name: str
    start: int
    end: int
    source: str = "rule"


@dataclass(kw_only=True)
class ArticleRecords:
    """Everything ``nlp.extract`` finds in one article.

    Scalar facts keep their evidence in ``evidence`` keyed by field name
    ("bloc", "event_date", "venue", "province", "period", "member_count", "author", "relevant").
    """

    relevant: bool
    relevance_score: float = 0.0
    province: str | None = None
    province_new: str | None = None  # the post-2025 (34-province) name
    bloc: str | None = None
    event_types: list[str] = field(default_factory=list)
    event_date: str | None = None
    period: str | None = None
    venue: str | None = None
    member_count: int | None = None
    author: str | None = None
    leaders: list[Leader] = field(default_factory=list)
    members: list[Member] = field(default_factory=list)
    directives: list[Directive] = field(default_factory=list)
    awards: list[Award] = field(default_factory=list)
    people: list[Person] = field(default_factory=list)
    movements: list[Movement] = field(default_factory=list)
    evidence: dict[str, Span] = field(default_factory=dict)

    def to_prediction(self) -> dict[str, Any]:
        """Return the record in the FORMAT.md shape (the value of a line's "pred")."""
        return {
            "relevant": self.relevant,
            "province": self.province,
            "bloc": self.bloc,
            "event_types": list(self.event_types),
            "event_date": self.event_date,
            "period": self.period,
            "venue": self.venue,
            "leaders": [{"unit": x.unit, "role": x.role, "year": x.year} for x in self.leaders],
            "members": [x.unit for x in self.members],
            "member_count": self.member_count,
            "directives": [x.number for x in self.directives],
            "awards": [{"award": x.award, "recipient": x.recipient, "count": x.count} for x in self.awards],
            "people": [{"name": x.name, "title": x.title} for x in self.people],
            "author": self.author,
            "movements": [x.name for x in self.movements],
        }

    def to_dict(self) -> dict[str, Any]:
        """Return every field, evidence included, as plain JSON-able data."""
        return asdict(self)
