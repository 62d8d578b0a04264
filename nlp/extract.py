"""Run every extractor over one article and assemble its ArticleRecords (pure, no I/O)."""

from __future__ import annotations

from nlp import (
    awards,
    blocs,
    byline,
    directives,
    events,
    leaders,
    members,
    movements,
    people,
    provinces,
    relevance,
)
from nlp.prepare import PreparedText, prepare
from store.models import ArticleRecords

# Bump when extraction output changes, so `khoi extract` re-runs over stored documents.
EXTRACTOR_VERSION = "0.2"


def extract(text: str, url: str | None = None, title: str | None = None) -> ArticleRecords:
    """Return the bloc-meeting records found in one article's text."""
    doc = prepare(text, title=title, url=url)
    return extract_prepared(doc)


def extract_prepared(doc: PreparedText) -> ArticleRecords:
    """Return records for an already prepared text (offsets point into ``doc.text``)."""
    verdict = relevance.classify(doc)
    records = ArticleRecords(relevant=verdict.relevant, relevance_score=verdict.score)
    if verdict.span is not None:
        records.evidence["relevant"] = verdict.span
    if not verdict.relevant:
        return records
    # order matters: leaders default their year from the period/event date, members add the leaders
    blocs.fill(doc, records)  # bloc name
    events.fill(doc, records)  # event types, event date, period, venue
    provinces.fill(doc, records)  # province (+ post-2025 name; a renamed province by the event's year)
    leaders.fill(doc, records)  # leaders by year
    members.fill(doc, records)  # members and member_count
    records.directives = directives.extract_directives(doc)
    records.awards = awards.extract_awards(doc)
    records.people = people.extract_people(doc)
    records.movements = movements.extract_movements(doc)
    author = byline.extract_byline(doc)
    if author is not None:
        records.author, records.evidence["author"] = author
    return records
