"""Offset-preserving folding: lower-case, diacritics off, one output char per input char.

Extractors match their patterns on the folded text and cut values from the original
text at the same offsets, so every fact keeps an exact span.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache


@lru_cache(maxsize=4096)
def _fold_char(ch: str) -> str:
    if ch in "đĐ":
        return "d"
    low = ch.lower()
    if len(low) != 1:
        low = ch
    decomposed = unicodedata.normalize("NFD", low)
    if len(decomposed) > 1 and all(unicodedata.combining(c) for c in decomposed[1:]):
        return decomposed[0]
    return low if len(decomposed) == 1 else low


def fold_aligned(text: str) -> str:
    """Return ``text`` lower-cased and without diacritics, with exactly the same length."""
    if text.isascii():
        return text.lower()
    return "".join([_fold_char(c) for c in text])


def fold_word(text: str) -> str:
    """Return a folded, single-spaced key for a short string (a name, a slug)."""
    return " ".join(fold_aligned(text).split())
