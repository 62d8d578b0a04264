"""Small builders shared by the extractor tests."""

from __future__ import annotations

from nlp.events import fill as fill_events
from nlp.prepare import PreparedText, prepare
from store.models import ArticleRecords


def doc(text: str, title: str | None = None, url: str | None = None) -> PreparedText:
    return prepare(text, title=title, url=url)


def records_after_events(d: PreparedText) -> ArticleRecords:
    r = ArticleRecords(relevant=True)
    fill_events(d, r)
    return r
