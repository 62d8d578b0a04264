"""Lookups for the bloc extractors: provinces, districts, agency heads, department names.

Read once from data/gazetteers/{provinces,districts,agencies,departments}.tsv (built from
underthesea's 63->34 mapping by tools/build_province_gazetteer.py, plus hand-kept lists).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from nlp.folding import fold_word
from store.vntext import GAZETTEER_DIR, nfc


@dataclass(frozen=True)
class Province:
    short: str  # "Thái Nguyên"
    full: str  # "Tỉnh Thái Nguyên"
    folded: str  # "thai nguyen"
    slugs: tuple[str, ...]  # ("thainguyen",)
    new: str  # post-2025 province, short name


def _rows(name: str) -> list[list[str]]:
    out = []
    for line in (GAZETTEER_DIR / name).read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            out.append([nfc(c.strip()) for c in line.split("\t")])
    return out


@lru_cache(maxsize=1)
def provinces() -> tuple[Province, ...]:
    """Return the 63 pre-2025 provinces with their slugs and post-2025 province."""
    return tuple(
        Province(short=r[0], full=r[1], folded=r[2], slugs=tuple(r[3].split()), new=r[4]) for r in _rows("provinces.tsv")
    )


@lru_cache(maxsize=1)
def province_by_folded() -> dict[str, Province]:
    """Return folded short name ("thai nguyen") -> Province, plus common short forms (tphcm, huế)."""
    table = {p.folded: p for p in provinces()}
    aliases = {"hue": "thua thien hue", "tp hcm": "ho chi minh", "tphcm": "ho chi minh", "vung tau": "ba ria - vung tau"}
    for alias, name in aliases.items():
        if name in table:
            table[alias] = table[name]
    return table


@lru_cache(maxsize=1)
def province_name_pattern() -> re.Pattern[str]:
    """Folded-text pattern matching any province short name on word boundaries."""
    names = sorted(province_by_folded(), key=len, reverse=True)
    alts = "|".join(re.escape(n).replace(r"\ ", r"\s+").replace(r"\-", "[-–]?") for n in names)
    return re.compile(rf"(?<!\w)(?:{alts})(?!\w)")


@lru_cache(maxsize=1)
def districts() -> dict[str, str]:
    """Return folded district name -> province short name, for names unique to one province."""
    return {fold_word(r[0]): r[2] for r in _rows("districts.tsv")}


@lru_cache(maxsize=1)
def agency_heads() -> tuple[str, ...]:
    """Return the words that start an agency or place name ("Sở", "Hội", "huyện"), longest first."""
    return tuple(sorted({r[0] for r in _rows("agencies.tsv")}, key=len, reverse=True))


@lru_cache(maxsize=1)
def place_heads() -> frozenset[str]:
    """Return lower-case heads of place names (huyện, xã, thị xã, ...)."""
    return frozenset(r[0] for r in _rows("agencies.tsv") if r[1] == "place")


@lru_cache(maxsize=1)
def departments() -> tuple[str, ...]:
    """Return bare department names ("Giáo dục và Đào tạo"), longest first."""
    return tuple(sorted({r[0] for r in _rows("departments.tsv")}, key=len, reverse=True))
