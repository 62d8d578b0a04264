"""Bytes -> NFC Unicode for Vietnamese pages and files, legacy encodings included.

Order of evidence: BOM, the declared (HTTP header) charset, ``<meta charset>``, strict
UTF-8, windows-1258 (its combining tone marks give it away), then charset-normalizer.
Text typed in the pre-Unicode TCVN3 (ABC, ".VnTime" fonts) or VNI fonts survives decoding
as odd Latin-1 letters ("Khèi thi ®ua", "Khoái thi ñua"); such lines are converted back.
"""

from __future__ import annotations

import codecs
import re
import unicodedata

from charset_normalizer import from_bytes

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([a-zA-Z0-9_.:-]+)""", re.IGNORECASE)
_XML_DECL = re.compile(rb"""^\s*<\?xml[^>]+encoding\s*=\s*["']([a-zA-Z0-9_.:-]+)""", re.IGNORECASE)
# Servers that send no charset often default to one of these; a <meta> naming another wins.
_WEAK_DECLARATIONS = frozenset({"iso8859-1", "latin-1", "cp1252", "ascii"})
_TONE_MARKS = re.compile("[\u0300\u0301\u0303\u0309\u0323]")
MIN_CP1258_MARKS = 3
_CP1258_VOWELS = frozenset("aeiouyâêôơưă")  # fewer combining tones than this is not evidence of windows-1258

# TCVN3 (TCVN 5712:1993 VN3) as it appears after a Latin-1/cp1252 decode: one byte per letter.
_TCVN3_PAIRS = (
    "¡Ă ¢Â £Ê ¤Ô ¥Ơ ¦Ư §Đ ¨ă ©â ªê «ô ¬ơ \u00adư ®đ "
    "µà ¶ả ·ã ¸á ¹ạ »ằ ¼ẳ ½ẵ ¾ắ Æặ Çầ Èẩ Éẫ Êấ Ëậ "
    "Ìè Îẻ Ïẽ Ðé Ñẹ Òề Óể Ôễ Õế Öệ ×ì Øỉ Üĩ Ýí Þị "
    "ßò áỏ âõ ãó äọ åồ æổ çỗ èố éộ êờ ëở ìỡ íớ îợ "
    "ïù ñủ òũ óú ôụ õừ öử ÷ữ øứ ùự úỳ ûỷ üỹ ýý þỵ"
)
TCVN3_MAP = {pair[0]: pair[1] for pair in _TCVN3_PAIRS.split()}
# Characters that TCVN3 text has and real Vietnamese (in Latin-1 range) never uses.
_TCVN3_SIGNS = frozenset(TCVN3_MAP) - frozenset("àáâãèéêìíòóôõùúýÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝ")

# VNI: a base letter followed by one mark character. Marks for lower and upper case.
_VNI_TONES = {"ù": "\u0301", "ø": "\u0300", "û": "\u0309", "õ": "\u0303", "ï": "\u0323"}
_VNI_HAT = {"â": "", "á": "\u0301", "à": "\u0300", "å": "\u0309", "ã": "\u0303", "ä": "\u0323"}  # circumflex
_VNI_BREVE = {"ê": "", "é": "\u0301", "è": "\u0300", "ú": "\u0309", "ü": "\u0303", "ë": "\u0323"}
_VNI_SINGLE = {
    "ñ": "đ", "Ñ": "Đ", "ô": "ơ", "Ô": "Ơ", "ö": "ư", "Ö": "Ư",
    "æ": "ỉ", "Æ": "Ỉ", "ó": "ĩ", "Ó": "Ĩ", "ò": "ị", "Ò": "Ị", "î": "ỵ", "Î": "Ỵ",
}


def _build_vni() -> dict[str, str]:
    table: dict[str, str] = {}
    for mark_map, bases, combining in (
        (_VNI_TONES, "aeiouyAEIOUYôöÔÖ", None),
        (_VNI_HAT, "aeoAEO", "\u0302"),
        (_VNI_BREVE, "aA", "\u0306"),
    ):
        for mark, tone in mark_map.items():
            for base in bases:
                letter = _VNI_SINGLE.get(base, base)
                for m in {mark, mark.upper()}:
                    composed = unicodedata.normalize("NFC", letter + (combining or "") + tone)
                    table[base + m] = composed
    return table


VNI_MAP = _build_vni()
_VNI_PATTERN = re.compile("|".join(sorted((re.escape(k) for k in VNI_MAP), key=len, reverse=True)))
_VNI_SINGLE_PATTERN = re.compile("[" + "".join(_VNI_SINGLE) + "]")
_VNI_SIGN = re.compile(r"[aeouyAEOUY][ùøûõïÙØÛÕÏ]|[aeoAEO][âÂ]|[aA][êÊ]|[oO]ä|e[äå]|ñ|Ñ")
# Letters only Unicode Vietnamese has (outside Latin-1): their presence means the text is fine.
_UNICODE_VIETNAMESE = re.compile("[ăĂđĐơƠưƯĩĨũŨ\u1ea0-\u1ef9]")
_VOWELS = frozenset("aeiouyAEIOUYôöÔÖ")
# Double-encoded UTF-8: a lead byte (U+00C2-U+00F4 as a Latin-1 letter) and 1-3 continuation bytes,
# each 0x80-0xBF read as windows-1252 (bytes it leaves undefined stay as C1 controls).
_CP1252_BYTE = {bytes([b]).decode("cp1252"): b for b in range(0x80, 0xC0) if b not in (0x81, 0x8D, 0x8F, 0x90, 0x9D)}
_CONT = "".join(sorted({*_CP1252_BYTE, "\x81", "\x8d", "\x8f", "\x90", "\x9d"}))
_DOUBLE_UTF8 = re.compile(f"[\u00c2-\u00f4][{re.escape(_CONT)}]{{1,3}}")
MIN_DOUBLE_UTF8 = 3
MIN_LEGACY_SIGNS = 2  # one stray "®" or "ñ" is not enough to rewrite a line


def decode_bytes(raw: bytes, declared: str | None = None) -> tuple[str, str]:
    """Return (NFC text, encoding used) for page or file bytes; never raises on bad bytes."""
    encoding = detect_encoding(raw, declared)
    text = raw.decode(encoding, errors="replace")
    if encoding.startswith("utf-8"):
        text = text.removeprefix("\ufeff")
    text = unicodedata.normalize("NFC", text)
    name = _display_name(encoding)
    if encoding.startswith("utf-8"):
        text, repaired = fix_double_utf8(text)
        if repaired:
            name += "+double-utf-8"
    fixed, legacy = fix_legacy_vietnamese(text)
    return fixed, f"{name}+{legacy}" if legacy else name


def fix_double_utf8(text: str) -> tuple[str, bool]:
    """Return ``text`` with UTF-8 read as windows-1252 and encoded again ("Khá»‘i thi Ä‘ua") undone.

    A CMS that stored UTF-8 into a Latin-1 column serves each non-ASCII letter as 2-3 Latin-1/cp1252
    characters. A run is turned back into its bytes and decoded only when it is valid UTF-8 and gives
    a Latin or Vietnamese letter; nothing changes unless the text holds MIN_DOUBLE_UTF8 such runs.
    """
    runs = [m for m in _DOUBLE_UTF8.finditer(text) if _undo_run(m.group(0)) is not None]
    if len(runs) < MIN_DOUBLE_UTF8:
        return text, False
    fixed = _DOUBLE_UTF8.sub(lambda m: _undo_run(m.group(0)) or m.group(0), text)
    return unicodedata.normalize("NFC", fixed), True


def _undo_run(run: str) -> str | None:
    try:
        out = bytes(_CP1252_BYTE[c] if c in _CP1252_BYTE else ord(c) for c in run).decode("utf-8")
    except (UnicodeDecodeError, ValueError):
        return None
    return out if all(0xC0 <= ord(c) <= 0x24F or 0x1E00 <= ord(c) <= 0x1EFF or 0x300 <= ord(c) <= 0x323
                      or 0x2010 <= ord(c) <= 0x2026 for c in out) else None


def detect_encoding(raw: bytes, declared: str | None = None) -> str:
    """Return the Python codec name that decodes ``raw`` (see module docstring for the order)."""
    for bom, name in _BOMS:
        if raw.startswith(bom):
            return name
    # The <meta> may follow kilobytes of inline CSS/JS: read the whole <head> (at most 64 KB), not 4 KB.
    head = raw[:65536]
    body_at = re.search(rb"<body[\s>]", head, re.IGNORECASE)
    head = head[: max(4096, body_at.start())] if body_at else head
    meta = _META_CHARSET.search(head) or _XML_DECL.search(head)
    candidates: list[str] = []
    declared_codec = _codec(declared)
    meta_codec = _codec(meta.group(1).decode("ascii", "ignore")) if meta else None
    if declared_codec and not (declared_codec in _WEAK_DECLARATIONS and meta_codec):
        candidates.append(declared_codec)
    if meta_codec:
        candidates.append(meta_codec)
    for codec in candidates:
        if codec == "utf-8":
            if _decodes(raw, "utf-8"):
                return "utf-8"
            continue  # a lie: many portals declare utf-8 over windows-1258 bytes
        if codec in _WEAK_DECLARATIONS and _decodes(raw, "utf-8") and not raw.isascii():
            return "utf-8"
        if codec in _WEAK_DECLARATIONS and _looks_cp1258(raw):
            return "cp1258"
        return codec
    if _decodes(raw, "utf-8"):
        return "utf-8"
    if _looks_cp1258(raw):
        return "cp1258"
    if fix_legacy_vietnamese(raw[:65536].decode("cp1252", errors="replace"))[1]:
        return "cp1252"  # TCVN3/VNI font text: the bytes are Latin-1 glyph codes
    best = from_bytes(raw[:65536]).best()
    return _codec(best.encoding) if best is not None and _codec(best.encoding) else "cp1252"


def fix_legacy_vietnamese(text: str) -> tuple[str, str | None]:
    """Return ``text`` with TCVN3/VNI-typed lines converted to NFC Unicode, and which legacy font was found."""
    found: str | None = None
    out: list[str] = []
    for line in text.splitlines(keepends=True):
        kind = legacy_kind(line)
        if kind == "tcvn3":
            line = "".join(TCVN3_MAP.get(ch, ch) for ch in line)
        elif kind == "vni":
            line = _VNI_PATTERN.sub(lambda m: VNI_MAP[m.group(0)], line)
            line = _VNI_SINGLE_PATTERN.sub(lambda m: _VNI_SINGLE[m.group(0)], line)
        found = found or kind
        out.append(line)
    return unicodedata.normalize("NFC", "".join(out)), found


def legacy_kind(line: str) -> str | None:
    """Return "tcvn3" or "vni" when ``line`` reads as text typed in that legacy font, else None."""
    if _UNICODE_VIETNAMESE.search(line):
        return None
    # A TCVN3 letter stands for a whole vowel, so it follows a consonant; a VNI mark follows a vowel.
    tcvn = sum(1 for i, ch in enumerate(line) if ch in _TCVN3_SIGNS and (i == 0 or line[i - 1] not in _VOWELS))
    vni = len(_VNI_SIGN.findall(line))
    if max(tcvn, vni) < MIN_LEGACY_SIGNS:
        return None
    return "vni" if vni > tcvn else "tcvn3"


def clean_text_file(raw: bytes) -> tuple[str, str]:
    """Return (NFC text, encoding) of a plain-text file, line endings unified."""
    text, encoding = decode_bytes(raw)
    return text.replace("\r\n", "\n").replace("\r", "\n"), encoding


def _looks_cp1258(raw: bytes) -> bool:
    """Return whether ``raw`` reads as windows-1258: its tone marks follow vowels.

    The same bytes in TCVN3 text are whole letters, which mostly follow consonants.
    """
    text = raw.decode("cp1258", errors="replace")
    marks = [m.start() for m in _TONE_MARKS.finditer(text)]
    after_vowel = sum(1 for i in marks if i > 0 and text[i - 1].lower() in _CP1258_VOWELS)
    return len(marks) >= MIN_CP1258_MARKS and after_vowel >= 0.8 * len(marks)


def _decodes(raw: bytes, codec: str) -> bool:
    try:
        raw.decode(codec)
    except (UnicodeDecodeError, LookupError):
        return False
    return True


def _codec(name: str | None) -> str | None:
    if not name:
        return None
    try:
        codec = codecs.lookup(name.strip().strip("\"'").lower()).name
    except LookupError:
        return None
    # Browsers read "iso-8859-1" as windows-1252; so do we.
    return {"latin-1": "cp1252", "iso8859-1": "cp1252", "ascii": "cp1252"}.get(codec, codec)


def _display_name(codec: str) -> str:
    return {"cp1258": "windows-1258", "cp1252": "windows-1252", "utf-8-sig": "utf-8"}.get(codec, codec)
