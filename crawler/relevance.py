"""Ask ``nlp`` whether a page is a bloc-meeting article: the same classifier `khoi predict` uses."""

from __future__ import annotations

from dataclasses import dataclass

from nlp import relevance
from nlp.prepare import prepare


@dataclass(frozen=True)
class Judgement:
    relevant: bool
    score: float


def judge(text: str, title: str | None, url: str | None) -> Judgement:
    """Return whether the article is relevant, with the classifier's score."""
    verdict = relevance.classify(prepare(text, title, url))
    return Judgement(bool(verdict.relevant), float(verdict.score))
