"""Offset-preserving folding: lower-case, diacritics off, one output char per input char.

Extractors match their patterns on the folded text and cut values from the original
text at the same offsets, so every fact keeps an exact span.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache


def _upper_letters() -> str:
    """Every upper-case Latin letter a Vietnamese name can start with (A-Z, Đ, Á, Ầ, Ỹ, ...)."""
    return "".join(
        c for c in map(chr, range(0x41, 0x1EFA)) if c.isupper() and unicodedata.normalize("NFD", c)[0].isascii()
    ) + "Đ"


# A regex character class of upper-case letters. "[A-ZĐÀ-Ỹ]" is not one: the range À-Ỹ holds the
# lower-case letters too (ế, ộ), so "biết" would look capitalised.
UPPER = "[" + _upper_letters() + "]"


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
