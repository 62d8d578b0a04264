"""Ask ``nlp`` whether a page is a bloc-meeting article (the classifier `khoi predict` uses).

While ``nlp.relevance`` is not importable, a keyword rule stands in and the crawl stats say
so ("relevance/fallback"), so a crawl never silently uses the stand-in.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from dataclasses import dataclass

from crawler.nlpload import import_nlp
from store.vntext import fold_key

logger = logging.getLogger(__name__)
_BLOC = re.compile(r"\b(khoi|cum) thi dua\b")


@dataclass(frozen=True)
class Judgement:
    relevant: bool
    score: float
    fallback: bool


def _load() -> Callable[[str, str | None, str | None], tuple[bool, float]] | None:
    try:
        relevance = import_nlp("relevance")
        prepare = import_nlp("prepare")
    except ImportError as exc:
        logger.warning("nlp.relevance unavailable (%s); using the keyword stand-in", exc)
        return None

    def judge(text: str, title: str | None, url: str | None) -> tuple[bool, float]:
        verdict = relevance.classify(prepare.prepare(text, title, url))
        return bool(verdict.relevant), float(verdict.score)

    return judge


_JUDGE: Callable[[str, str | None, str | None], tuple[bool, float]] | None = None
_LOADED = False


def judge(text: str, title: str | None, url: str | None) -> Judgement:
    """Return whether the article is relevant, with the classifier's score."""
    global _JUDGE, _LOADED
    if not _LOADED:
        _JUDGE, _LOADED = _load(), True
    if _JUDGE is not None:
        relevant, score = _JUDGE(text, title, url)
        return Judgement(relevant, score, False)
    hits = len(_BLOC.findall(fold_key(f"{title or ''}\n{text}")))
    return Judgement(hits > 0, min(1.0, hits / 3), True)
