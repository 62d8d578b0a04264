"""Vietnamese text helpers shared by every stage: NFC, tone placement, folding, keys.

Everything here is pure and cheap; the heavier linguistics live in ``nlp``.
"""

from __future__ import annotations

import html
import re
import unicodedata
from functools import lru_cache
from pathlib import Path

GAZETTEER_DIR = Path(__file__).resolve().parent.parent / "data" / "gazetteers"

_COMBINING_TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}  # grave acute tilde hook dot
_D_MAP = str.maketrans({"đ": "d", "Đ": "D"})

# Old-style placement ("hoà", "thuỷ", "khoẻ") puts the tone on the second vowel of
# oa/oe/uy in an open syllable; we normalise to the common modern placement on the
# first vowel ("hòa", "thủy", "khỏe"). "qu" is a consonant, so "quý" is left alone.
_OPEN_GLIDE = re.compile(r"(?<![qQ])([oOuU])([aAeEyY])([\u0300\u0301\u0303\u0309\u0323])(?![^\W\d_]|[\u0300-\u036f])")


def nfc(text: str) -> str:
    """Return ``text`` in Unicode NFC."""
    return unicodedata.normalize("NFC", text)


def normalize_tone_placement(text: str) -> str:
    """Return NFC text with old-style tone placement (hoà, thuỷ) moved to hòa, thủy."""
    decomposed = unicodedata.normalize("NFD", text)
    # In NFD a vowel with a circumflex/breve keeps its own combining mark first; the
    # pattern only matches plain o/u + a/e/y + tone, exactly the ambiguous cases.
    moved = _OPEN_GLIDE.sub(lambda m: m.group(1) + m.group(3) + m.group(2), decomposed)
    return unicodedata.normalize("NFC", moved)


def clean_text(text: str) -> str:
    """Return text that later stages can trust: NFC, entities decoded, tone placement unified.

    Character offsets are *not* preserved against the input; spans are always taken on
    the output of this function.
    """
    text = html.unescape(text) if "&" in text else text
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " ")
    text = text.replace("\ufeff", "").replace("\u200b", "")
    return normalize_tone_placement(nfc(text))


def fold_diacritics(text: str) -> str:
    """Return ``text`` without Vietnamese diacritics ("Chỉ thị Đảng" -> "Chi thi Dang").

    Same result as decomposing to NFD and dropping every combining mark, character by character
    in C through one translation table (``_fold_table``) instead of a Python step per character.
    """
    return text.translate(_fold_table())


@lru_cache(maxsize=1)
def _fold_table() -> dict[int, str | None]:
    """Map each character whose NFD has combining marks to what is left without them; marks to None.

    Canonical reordering only moves combining marks, which are dropped anyway, so folding the
    characters one by one equals folding the whole NFD string. No character above U+2FFFF has a
    decomposition or a non-zero combining class. Built once (~0.1 s).
    """
    table: dict[int, str | None] = {ord("đ"): "d", ord("Đ"): "D"}
    for cp in range(0x30000):
        ch = chr(cp)
        if unicodedata.combining(ch):
            table[cp] = None
            continue
        decomposed = unicodedata.normalize("NFD", ch)
        if decomposed != ch:
            kept = "".join(c for c in decomposed if not unicodedata.combining(c))
            if kept != ch:
                table[cp] = kept.translate(_D_MAP)
    return table


# Vietnamese alphabetical order: ă, â, đ, ê, ô, ơ, ư are letters of their own (a < ă < â < b … d < đ),
# tones only break ties (none < huyền < hỏi < ngã < sắc < nặng, the usual dictionary order).
_LETTER_MARKS = {"\u0306": "\x01", "\u0302": "\x02", "\u031b": "\x03"}  # breve, circumflex, horn
_TONE_RANK = {"\u0300": "1", "\u0309": "2", "\u0303": "3", "\u0301": "4", "\u0323": "5"}


@lru_cache(maxsize=16_384)  # SQLite's COLLATE vi calls it for both sides of every comparison in a sort
def vi_sort_key(text: str) -> tuple[str, str, str]:
    """Sort key for Vietnamese names: letters, then tones, then the text itself.

    Code-point order puts "Bình Dương" before "Bạc Liêu" and "Cà Mau" after "Cao Bằng"; this gives
    An Giang, Bà Rịa, Bạc Liêu, Bắc Giang, Bến Tre, Bình Dương, Cao Bằng, Cà Mau, Đà Nẵng.
    """
    letters: list[str] = []
    tones: list[str] = []
    for ch in normalize_tone_placement(nfc(text)).lower():
        if ch == "đ":
            letters.append("d\x04")
            tones.append("0")
            continue
        base, *marks = unicodedata.normalize("NFD", ch)
        letters.append(base + "".join(_LETTER_MARKS.get(m, "") for m in marks) + "\x00")
        tones.append("".join(_TONE_RANK.get(m, "") for m in marks) or "0")
    return "".join(letters), "".join(tones), text


def fold_key(text: str) -> str:
    """Return a lower-case, diacritic-free, single-spaced key for loose comparison."""
    return " ".join(fold_diacritics(text).lower().split())


@lru_cache(maxsize=1)
def abbreviations() -> list[tuple[str, str]]:
    """Return (abbreviation, expansion) pairs from data/gazetteers/abbreviations.tsv, longest first."""
    pairs: list[tuple[str, str]] = []
    path = GAZETTEER_DIR / "abbreviations.tsv"
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) >= 2:
            pairs.append((nfc(parts[0].strip()), nfc(parts[1].strip())))
    pairs.sort(key=lambda p: -len(p[0]))
    return pairs


@lru_cache(maxsize=1)
def _abbreviation_pattern() -> tuple[re.Pattern[str], dict[str, str]]:
    table = {abbr.lower(): full for abbr, full in abbreviations()}
    alternatives = "|".join(re.escape(a) for a in sorted(table, key=len, reverse=True))
    pattern = re.compile(rf"(?<![\w&])(?:{alternatives})(?![\w&])", re.IGNORECASE)
    return pattern, table


def expand_abbreviations(text: str) -> str:
    """Return ``text`` with agency abbreviations written out (UBND -> Ủy ban nhân dân)."""
    pattern, table = _abbreviation_pattern()
    return pattern.sub(lambda m: table[m.group(0).lower()], text)


_TAIL_WORDS = r"(?:\s+[^\s,;.()]+(?:\s+[^\s,;.()]+){0,2})?\s*$"
_PROVINCE_TAIL = re.compile(r"\s+(?:tỉnh|thành phố|tp\.?)" + _TAIL_WORDS)
# A name typed without diacritics ("van phong ubnd tinh"): a closing bare "tinh" stands for "tỉnh";
# "tinh X" is left alone, since "tình", "tính" are other words ("hoi tinh nguyen").
_FOLDED_PROVINCE_TAIL = re.compile(r"\s+(?:tinh|thanh pho|tp\.?)\s*$")
_PUNCT = re.compile(r"[\s\-–—_,.;:()\"'“”/]+")


def unit_key(name: str) -> str:
    """Return the matching key of an agency name: expanded, tone-unified, folded, without "tỉnh X".

    "Sở KH&CN tỉnh Thái Nguyên" and "Sở Khoa học và Công nghệ" share one key.
    """
    text = normalize_tone_placement(nfc(name)).strip().lower()
    tail = _FOLDED_PROVINCE_TAIL if fold_diacritics(text) == text else _PROVINCE_TAIL
    text = expand_abbreviations(text).lower()
    return _PUNCT.sub(" ", fold_diacritics(tail.sub("", text))).strip()
