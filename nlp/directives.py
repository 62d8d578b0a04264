"""Cited documents: number-symbol (số ký hiệu), type, date and issuer.

"Chỉ thị số 34-CT/TW ngày 07/4/2014 của Bộ Chính trị" -> Directive(number="34-CT/TW",
canonical="34-ct-tw", doc_type="Chỉ thị", date="2014-04-07", issuer="Bộ Chính trị").
A document cited without a symbol ("Chương trình hành động số 18 của Tỉnh ủy") is left out:
the number alone does not identify it.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from nlp.lexicon import rows
from nlp.prepare import PreparedText
from store.models import Directive

# One symbol token: upper-case first ("CT", "CTr", "TTg", "HĐTĐKT", "QH11"), then a word boundary.
_TOKEN = r"[A-ZĐ][A-Za-zĐđ&]{0,11}\d{0,2}(?![\w&])"
# The number touches its first separator ("05/CT", "83/2020/NQ"); later separators may carry
# stray spaces as typed on portals ("231/QĐ - UBND", "65/2014/NĐ- CP").
_NUMBER = re.compile(
    rf"(?<![\w/.,-])(?P<num>\d{{1,5}})(?P<year>/(?:19|20)\d\d)?[/-](?P<sym>{_TOKEN}(?:[ ]?[/-][ ]?{_TOKEN}){{0,4}})"
)
_DATE_AFTER = re.compile(
    r"\s*,?\s*(?:ban hành\s+)?ngày\s*(\d{1,2})\s*(?:/|-|\.|\s+tháng\s+)\s*(\d{1,2})\s*(?:/|-|\.|\s+năm\s+)\s*(\d{4})",
    re.IGNORECASE,
)
_ISSUER_AFTER = re.compile(
    r"\s*,?\s*của\s+(?P<issuer>[^,;.()“”\"\n]{2,90}?)"
    r"(?=\s+(?:về|Về|V/v|v/v|quy định|hướng dẫn|ban hành|triển khai|thực hiện|nhằm|đã|được|năm)\b|[,;.()“”\"\n]|$)"
)
_ISSUER_LOWER = frozenset(
    "tỉnh huyện thành phố xã phường thị nhân dân ủy uỷ bộ ban đồng chấp hành thường vụ trực khen thưởng thi đua "
    "các và quốc hội chính phủ trung ương đảng tổ việt nam mặt trận trị cấp lãnh đạo quản lý khu kinh tế nghị".split()
)
MAX_ISSUER_WORDS = 10  # "Ban Chấp hành Đảng bộ tỉnh ..." is the longest seen; longer means a runaway match


@lru_cache(maxsize=1)
def _types() -> tuple[re.Pattern[str], dict[str, str], dict[str, str]]:
    names = {name.lower(): name for name, _code in rows("document_types", 2)}
    codes: dict[str, str] = {}
    for name, code in rows("document_types", 2):
        if code and code not in codes:
            codes[code] = name
    alternatives = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    before = re.compile(rf"(?<!\w)({alternatives})(?:\s+số)?\s*:?\s*$", re.IGNORECASE)
    return before, names, codes


@lru_cache(maxsize=1)
def _issuers() -> dict[str, str]:
    return {suffix: issuer for suffix, issuer in rows("issuers", 2)}


def canonical_directive_id(text: str) -> str:
    """Return one id for a number-symbol however written: "05/CT-TU", "5-CT/TU", "số 05 - CT/TU" -> "5-ct-tu"."""
    t = unicodedata.normalize("NFC", text or "").strip()
    t = re.sub(r"^(?:số|so|Số|SỐ)\s*:?\s*", "", t)
    t = re.sub(r"[‐-―−–—]", "-", t)
    parts = [p for p in re.split(r"[\s/\-_.]+", t) if p]
    if parts and parts[0].isdigit():
        parts[0] = str(int(parts[0]))
    return "-".join(parts).lower()


def _symbol_tokens(symbol: str) -> list[str]:
    return [p for p in re.split(r"[ /\-]+", symbol) if p]


def _type_from_symbol(tokens: list[str]) -> str | None:
    _before, _names, codes = _types()
    if not tokens:
        return None
    head = tokens[0]
    if re.fullmatch(r"QH\d*", head):
        return "Luật"
    if head in codes:
        return codes[head]
    return "Công văn"  # "238/UBND-KGVX": the issuer's code comes first, no type code


def _issuer_from_symbol(tokens: list[str]) -> str | None:
    _before, _names, codes = _types()
    table = _issuers()
    for tok in reversed(tokens) if tokens and tokens[0] in codes else tokens:
        if tok in table:
            return table[tok]
    return None


def _iso(day: str, month: str, year: str) -> str | None:
    d, m, y = int(day), int(month), int(year)
    if not (1 <= d <= 31 and 1 <= m <= 12 and 1900 <= y <= 2100):
        return None
    return f"{y:04d}-{m:02d}-{d:02d}"


def _trim_issuer(raw: str) -> str | None:
    """Keep the issuer's name words: capitalised words, abbreviations, and the lower-case words of agency names."""
    kept: list[str] = []
    for word in raw.split():
        if word[:1].isupper() or word in {"-", "–", "&"} or word.lower() in _ISSUER_LOWER:
            kept.append(word)
        else:
            break
    while kept and (kept[-1] in {"-", "–", "&", "và", "các"}):
        kept.pop()
    return " ".join(kept) or None


def extract_directives(doc: PreparedText) -> list[Directive]:
    """Return every cited document with a number-symbol, one per canonical id, in text order."""
    text = doc.text
    before_type, names, _codes = _types()
    found: dict[str, Directive] = {}
    for m in _NUMBER.finditer(text):
        symbol = m.group("sym")
        letters = sum(c.isalpha() for c in symbol)
        if letters < 2:
            continue
        number = re.sub(r"\s+", "", m.group(0))
        canonical = canonical_directive_id(number)
        start, end = m.start(), m.end()
        tokens = _symbol_tokens(symbol)
        window = text[max(0, start - 48) : start]
        tm = before_type.search(window)
        if tm:
            doc_type = names[tm.group(1).lower()]
            start = start - len(window) + tm.start()
        else:
            doc_type = _type_from_symbol(tokens)
        rest = text[end : end + 200]
        date = None
        dm = _DATE_AFTER.match(rest)
        if dm:
            date = _iso(dm.group(1), dm.group(2), dm.group(3))
            rest_offset = dm.end()
        else:
            rest_offset = 0
        issuer = None
        im = _ISSUER_AFTER.match(rest, rest_offset)
        if im and len(im.group("issuer").split()) <= MAX_ISSUER_WORDS:
            issuer = _trim_issuer(im.group("issuer"))
            if issuer:
                end = end + im.start("issuer") + len(issuer)
        elif dm:
            end = end + dm.end()
        if issuer is None:
            issuer = _issuer_from_symbol(tokens)
        old = found.get(canonical)
        if old is None:
            found[canonical] = Directive(
                number=number, canonical=canonical, doc_type=doc_type, date=date, issuer=issuer,
                start=start, end=end, source="rule:directive_number",
            )
        else:
            old.date = old.date or date
            old.doc_type = old.doc_type or doc_type
            old.issuer = old.issuer or issuer
    return list(found.values())
