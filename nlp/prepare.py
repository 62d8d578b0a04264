"""Turn article text into the shared input of every extractor: clean text plus sentences with offsets."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property

from nlp.chrome import fix_typos, strip_chrome
from store.vntext import clean_text, fold_key


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    text: str

    @cached_property
    def folded(self) -> str:
        """The sentence lower-cased without diacritics (computed once: extractors ask often)."""
        return fold_key(self.text)


@dataclass
class PreparedText:
    """The text every extractor reads. All offsets point into ``text``."""

    text: str
    title: str | None = None
    url: str | None = None
    sentences: list[Sentence] = field(default_factory=list)


# A sentence ends at . ! ? or a line break followed by a capital (a dot inside a number is no end).
_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+(?=[\"“(]?[A-ZĐÀ-Ỹ0-9])|\n+")
# Abbreviations whose dot is followed by a capitalised name: "Tp. Tam Điệp", "TX. Duy Tiên", "TS. Lê An".
ABBREVIATION_DOT = re.compile(
    r"(?<![\w.])(?:Tp|TP|Tx|TX|TT|Q|P|TS|ThS|Ths|PGS|GS|BS|KS)\.$"
)


def ends_with_abbreviation(text: str, dot: int) -> bool:
    """Is the dot at ``text[dot]`` the end of an abbreviation such as "Tp." rather than of a sentence?"""
    return text[dot : dot + 1] == "." and bool(ABBREVIATION_DOT.search(text, max(0, dot - 8), dot + 1))


def split_sentences(text: str) -> list[Sentence]:
    """Return the sentences of ``text`` with their character offsets."""
    sentences: list[Sentence] = []
    pos = 0
    for match in _SENTENCE_END.finditer(text):
        if match.group(0)[:1] != "\n" and ends_with_abbreviation(text, match.start() - 1):
            continue  # "tại Tp. Tam Điệp": the name goes on
        _add(sentences, text, pos, match.start())
        pos = match.end()
    _add(sentences, text, pos, len(text))
    return sentences


def _add(out: list[Sentence], text: str, start: int, end: int) -> None:
    chunk = text[start:end]
    stripped = chunk.strip()
    if not stripped:
        return
    lead = len(chunk) - len(chunk.lstrip())
    s = start + lead
    out.append(Sentence(s, s + len(stripped), stripped))


def prepare(text: str, title: str | None = None, url: str | None = None) -> PreparedText:
    """Return cleaned text (NFC, unified tone marks, chrome and known typos removed) split into sentences."""
    clean = strip_chrome(fix_typos(clean_text(text or "")))
    return PreparedText(text=clean, title=clean_text(title) if title else None, url=url, sentences=split_sentences(clean))
