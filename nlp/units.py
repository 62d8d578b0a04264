"""Cut agency names out of running text: the unit before a "(Trưởng khối)", after "tại", in a list.

Vietnamese agency names mix capitalised and lower-case words ("Hội Liên hiệp Phụ nữ",
"Sở Giao thông vận tải"), so the cut points are punctuation and clause words, and the start
is pulled forward to the first agency head word ("Sở", "Hội", "huyện") or capitalised word.
"""

from __future__ import annotations

import re
from functools import lru_cache

from nlp.folding import UPPER
from nlp.lexicon import rows
from nlp.lexicon import words as words_of
from nlp.places import agency_heads, departments, place_heads

# A person's title in front of the unit they lead: "Phó Giám đốc Sở Xây dựng" -> "Sở Xây dựng".
PERSON_TITLE = re.compile(
    r"^(?:(?:Phó|Nguyên|Quyền)\s+)?(?:Tổng Giám đốc|Giám đốc|Chủ tịch|Chánh án|Chánh|Hiệu trưởng|Bí thư|Thủ trưởng"
    r"|Chỉ huy trưởng|Đồn trưởng|Chính trị viên|Hải đội trưởng|Trạm trưởng|Cục trưởng|Viện trưởng|Trưởng phòng|Trưởng ban|Trưởng|Chủ nhiệm|Tổng biên tập|Trưởng Ban"
    r"|Phó)(?:\s+Thường trực)?\s+",
)
# "giao" (assign) opens a clause; "giao thông", "giao dịch" are part of names ("Ban QLDA các công trình giao thông")
_CLAUSE_WORD = re.compile(
    r"(?<!\w)(?:do|với|giao(?!\s+(?:thông|dịch)(?!\w))|bầu|bầu chọn|chọn|là|làm|của|cho|tại|thống nhất|nhất trí|công nhận|phối hợp|đó|theo đó"
    r"|suy tôn|gồm|gồm có|bao gồm|và cả|đến|dự|có|thay mặt)(?!\w)",
    re.IGNORECASE,
)
_ROLE_WORD = re.compile(r"(?<!\w)(?:trưởng|phó)\s+(?:khối|cụm)|(?:khối|cụm)\s+(?:trưởng|phó)|^(?:trưởng|phó)$", re.I)
_BLOC_WORD = re.compile(r"(?:khối|cụm)(?!\w)", re.IGNORECASE)  # "các đơn vị trong Khối luân phiên …": the bloc is no unit
_PERSON_CUE = re.compile(r"^(?:đồng chí|đ/c|ông|bà|anh|chị|thầy|cô|tân|đại tá|thượng tá|trung tá)\s", re.IGNORECASE)
_AFTER_BLOC = re.compile(r"(?<!\w)(?:khối|cụm)(?!\w)[^,;]*?\s+và\s+", re.IGNORECASE)
_PAREN = re.compile(r"\s*\([^()]*\)")
# Adverbs between a unit and its verb ("huyện X đang giữ vai trò", "Sở Y tiếp tục làm"): no name ends with them.
_TRAILING_ADVERBS = re.compile(r"(?:\s+(?:đang|đã|sẽ|vẫn|tiếp tục|được|cũng|luôn|từng|hiện|chính thức|tiếp|luân phiên))+$")


def _clause_words(chunk: str):
    """Clause words in ``chunk``; a capitalised one inside the chunk is part of a name ("Sở Giao thông vận tải")."""
    lead = len(chunk) - len(chunk.lstrip())
    for m in _CLAUSE_WORD.finditer(chunk):
        if m.group(0)[:1].isupper() and m.start() > lead:
            continue
        yield m


# commas that join the parts of one name: "Báo và Phát thanh, Truyền hình Hưng Yên", "Đài Phát thanh, Truyền hình"
# "Ban Thi đua, Khen thưởng tỉnh": the office's name written with a comma for its usual dash
_NAME_COMMA = re.compile(r"(?i:(?<=Phát thanh),(?=\s*Truyền hình))|(?<=Thi đua),(?=\s*Khen thưởng)")


def mask_name_commas(text: str) -> str:
    """Return ``text`` (same length) with commas inside department names and brackets blanked.

    "Sở Văn hóa, Thể thao và Du lịch" is one unit; a list or clause splits on the other commas.
    """
    chars = list(text)
    for m in _NAME_COMMA.finditer(text):
        chars[m.start()] = "\x00"
    for name in departments():
        if "," not in name:
            continue
        for m in re.finditer(re.escape(name), text, re.IGNORECASE):
            for i in range(m.start(), m.end()):
                if chars[i] == ",":
                    chars[i] = "\x00"
    depth = 0
    for i, c in enumerate(chars):
        if c == "(":
            depth += 1
        elif c == ")":
            depth = max(0, depth - 1)
        elif depth and c in ",;":
            chars[i] = "\x00"
    return "".join(chars)


@lru_cache(maxsize=1)
def _head_pattern() -> re.Pattern[str]:
    heads = set(agency_heads())
    heads |= {h[:1].upper() + h[1:] for h in place_heads()}  # "Huyện Lục Ngạn" opening a sentence
    alts = "|".join(re.escape(h) for h in sorted(heads, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alts})(?!\w)")


def is_unit_like(name: str) -> bool:
    """Does ``name`` look like an agency or place (not a person, not a clause)?"""
    if not name or _PERSON_CUE.match(name) or _ROLE_WORD.search(name) or _BLOC_WORD.match(name):
        return False
    words = name.split()
    if len(words) > 16 or name.lower() in place_heads():  # a bare "tỉnh" / "huyện" names no unit
        return False
    if _head_pattern().match(name):
        return True
    if len(words) == 1:
        return name[:1].isupper()
    return False


_BARE_TITLE = re.compile(r"(?:Phó|Trưởng|Chánh)\s+$")


def title_prefix(name: str) -> re.Match[str] | None:
    """The person's title that opens ``name``, if any.

    A bare "Phó", "Trưởng" or "Chánh" is a title only before an agency or lower-case word ("Phó Ban Dân vận",
    "Chánh Văn phòng"); before a capitalised name it opens a place ("xã Phó Bảng", "Trưởng Xuân", "phường Chánh Mỹ").
    """
    m = PERSON_TITLE.match(name)
    if m is None or not _BARE_TITLE.fullmatch(m.group(0)):
        return m
    rest = name[m.end() :]
    if rest[:1].islower() or _head_pattern().match(rest):
        return m
    return None


def clean_unit(name: str) -> str:
    """Return ``name`` without glosses in brackets, person titles and stray punctuation."""
    name = _PAREN.sub("", name).strip()
    titled = title_prefix(name)
    name = name[titled.end() :] if titled else name
    name = re.sub(r"^(?:đơn vị|cơ quan)\s+(?=" + UPPER + r"|huyện|xã|thị xã|thành phố)", "", name)
    generic = re.match(r"(?:Đơn vị|Cơ quan)\s+", name)
    # "Cơ quan Tỉnh Đoàn là Trưởng khối": the sentence's first word; "Cơ quan Thanh tra, giám sát …" (a compound
    # office name carried on past a comma) keeps its own first word
    if generic and _head_pattern().match(name, generic.end()) and "," not in name:
        name = name[generic.end() :]
    name = " ".join(name.strip(" ,;:.-–—\"“”'").split())
    name = _TRAILING_ADVERBS.sub("", name)
    # "Huyện Lục Ngạn" opening a sentence is the place "huyện Lục Ngạn"; "Huyện đoàn", "Tỉnh Ủy" stay agencies
    head = re.match(r"(?:Huyện|Xã|Thị xã|Phường|Quận|Thị trấn|Tỉnh|Đặc khu)(?=\s+(?!Đoàn|Ủy|Uỷ)(?:" + UPPER + r"|\d))", name)
    return name[: head.end()].lower() + name[head.end() :] if head else name


def unit_before(text: str, end: int, floor: int = 0, require_title: bool = False) -> tuple[str, int] | None:
    """Return (unit, start) of the agency name that ends at ``end`` (e.g. before "(Trưởng khối)").

    With ``require_title`` the name must follow a person's title ("Giám đốc Sở Tư pháp, Trưởng khối").
    """
    gloss = re.search(r"\s*\([^()]{1,80}\)\s*$", text[max(floor, end - 120) : end])
    if gloss:  # "quận Phú Xuân (khi đó là thành phố Huế) giữ vai trò …": the unit is before its gloss
        end -= len(gloss.group(0))
    start = max(floor, end - 200)
    chunk = text[start:end]
    masked = mask_name_commas(chunk)
    cut = max(masked.rfind(c) for c in ",;:\n(")
    if cut >= 0:
        start += cut + 1
        chunk = chunk[cut + 1 :]
    for dash in (" – ", " - ", " — "):
        i = chunk.rfind(dash)
        if i >= 0 and title_prefix(chunk[i + 3 :].lstrip()):
            start += i + 3
            chunk = chunk[i + 3 :]
    bloc_then = None
    for m in _AFTER_BLOC.finditer(chunk):
        if not _CLAUSE_WORD.search(m.group(0)):  # "Khối đã bầu Sở A và B": the bloc is the subject, "và" is in the name
            bloc_then = m
    if bloc_then is not None:  # "Sở A làm Khối trưởng Khối thi đua và Bộ B": B starts after "và"
        start += bloc_then.end()
        chunk = chunk[bloc_then.end() :]
    last = None
    for m in _clause_words(chunk):
        last = m
    if last is not None:
        start += last.end()
        chunk = chunk[last.end() :]
    lead = len(chunk) - len(chunk.lstrip())
    start += lead
    chunk = chunk.strip()
    titled = title_prefix(chunk)
    if require_title and not titled:
        return None
    if titled:
        start += titled.end()
        chunk = chunk[titled.end() :]
    m = _head_pattern().search(chunk)
    if m is None:
        cap = re.search(UPPER, chunk)
        if cap is None:
            return None
        m_start = cap.start()
    else:
        m_start = m.start()
        cap = re.search(UPPER, chunk)
        if cap is not None and cap.start() < m_start and not re.search(r"\s", chunk[cap.start() : m_start].strip()):
            m_start = cap.start()
    name = clean_unit(chunk[m_start:])
    if titled:
        name = drop_trailing_person(name)  # "Phó Chủ tịch UBND huyện X Lê Văn A": title, unit, then the person
    if not is_unit_like(name):
        return None
    return name, start + m_start


_PLACE_WORD_BEFORE_NAME = {"phố", "tỉnh", "huyện", "quận", "xã", "phường", "trấn", "tp", "tp.", "tx", "tx."}


def drop_trailing_person(name: str) -> str:
    """Return ``name`` without a person's full name glued after the unit ("UBND TX An Nhơn Võ Thanh Sơn" -> "UBND TX An Nhơn").

    The person is a surname and one or two more capitalised words at the very end; the unit before keeps a
    capitalised name of its own, so "huyện Trần Văn Thời" and "thành phố Hồ Chí Minh" stay whole, or is a state
    agency ending in lower case ("Giám đốc Sở Nội vụ Lê Văn A"; "Trường THCS Lê Quý Đôn" keeps its namesake).
    """
    words = name.split()
    for k in range(len(words) - 3, max(1, len(words) - 4), -1):
        rest = words[k:]
        if words[k] not in words_of("surnames") or not all(w[:1].isupper() for w in rest):
            continue
        before = words[k - 1]
        if len(words[:k]) < 2 or before.lower() in _PLACE_WORD_BEFORE_NAME:
            continue
        if before[:1].isupper() or _state_agency(words[0]):
            return " ".join(words[:k])
    return name


@lru_cache(maxsize=1)
def _state_agency_heads() -> frozenset[str]:
    """Heads of state, party and mass bodies (agencies.tsv), whose names never end in a person's name."""
    return frozenset(r[0] for r in rows("agencies", 2) if r[1] in {"agency", "party", "association"} and r[0][:1].isupper())


def _state_agency(first: str) -> bool:
    """Does a unit opening with ``first`` belong to the state ("Sở Nội vụ")? A school or firm may bear a person's name."""
    return first in _state_agency_heads()


def unit_after(text: str, start: int) -> tuple[str, int] | None:
    """Return (unit, end) of the agency name that starts at ``start`` ("Cụm trưởng xã X phối hợp ...")."""
    chunk = text[start : start + 160]
    chunk = re.split(r"[,;:.()\n]|\s[-–—]\s", chunk, maxsplit=1)[0]
    m = next(_clause_words(chunk), None)
    if m:
        chunk = chunk[: m.start()]
    stop = re.search(
        r"\s(?:phối hợp|tổ chức|đã|vừa|chủ trì|trao|tặng|năm\s+\d|đảm nhận|đảm nhiệm|giữ|nắm giữ|phụ trách|chịu trách nhiệm"
        r"|điều hành|thực hiện|sẽ|tiếp tục)(?!\w)",
        chunk,
    )
    if stop:
        chunk = chunk[: stop.start()]
    name = clean_unit(chunk)
    if not is_unit_like(name):
        return None
    return name, start + len(chunk.rstrip())
