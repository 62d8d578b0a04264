"""Split a member list into its items: commas, "A và B", a prefix shared by several places, one item per line."""

from __future__ import annotations

import re

from nlp.folding import UPPER
from nlp.places import departments, place_heads
from nlp.units import _head_pattern, clean_unit, is_unit_like, mask_name_commas

PLACE_NOUNS = {"huyện", "xã", "thị xã", "thị trấn", "thành phố", "quận", "phường", "tỉnh", "đặc khu"}  # "tỉnh": regional clusters
PLACE_ITEM = re.compile(r"^(?:huyện|quận|xã|phường|đặc khu|thị xã|thị trấn|thành phố|tỉnh|Tp\.|TP\.?|TX\.?|Tx\.)(?:\s+(?:(?:" + UPPER + r"|\d)[\w'’-]*))+")


_SHARED_NOUN = r"(?P<noun>huyện|quận|thị xã|thành phố|thị trấn|xã|phường|đặc khu|tỉnh)"
# "UBND các huyện Châu Thành A", "6 huyện Hoa Lư", "Sở Tư pháp các tỉnh Kon Tum": a prefix shared by the next items
_SHARED = re.compile(r"^(?P<pre>.*?)(?:(?<!\w)các|\b(?P<many>\d{1,2}))\s+" + _SHARED_NOUN + r"\s*:?\s+(?P<rest>(?:" + UPPER + r"|\d).*)$")
_NAMED_PLACE = re.compile(r"^(?P<pre>(?:UBND|Ủy ban nhân dân)\s+)?" + _SHARED_NOUN + r"\s+" + UPPER)
# "gồm 6 VKSND các huyện, thị xã, thành phố: A, B": several kinds of place after the plural, the agency alone is shared
SHARED_HEAD = re.compile(
    r"(?:gồm(?:\s+có)?|với|có)\s+(?:\d{1,2}\s+)?(?P<pre>\S.*?)\s+(?:các|(?P<many>\d{1,2}))\s+" + _SHARED_NOUN
    + r"(?P<kinds>(?:\s*,\s*(?:huyện|quận|thị xã|thành phố|thị trấn|xã|phường))*)\s*:\s*$"
)
# "các đồng chí Chủ tịch LĐLĐ các huyện:", "lãnh đạo Hội Nông dân các xã:": the prefix before a plural and a colon
_PLURAL_BEFORE_COLON = re.compile(r"(?P<pre>[^.;:\n]{1,80}?)\s+các\s+" + _SHARED_NOUN + r"\s*:\s*$")
_CLAUSE = re.compile(r"(?<!\w)(?:có|của|cùng|với|là|tại|dự|gồm|đồng chí|ông|bà)(?!\w)")


def shared_before(text: str, colon: int) -> tuple[str, str] | None:
    """The agency prefix shared by the items after the colon at ``colon`` ("Chủ tịch LĐLĐ các huyện:" -> LĐLĐ, huyện)."""
    m = _PLURAL_BEFORE_COLON.search(text, max(0, colon - 100), colon + 1)
    if m is None:
        return None
    pre = m.group("pre")
    for head in _head_pattern().finditer(pre):
        name = pre[head.start() :]
        # "Sở Giáo dục và Đào tạo" is one name; "Sở A và UBND" joins two units
        joins = any(_head_pattern().match(name, j.end()) for j in re.finditer(r"\s+và\s+", name))
        if name[:1].isupper() and not _CLAUSE.search(name) and not joins:
            return name.strip(), m.group("noun")
    return None


# a lower-case part after a comma that is no new unit continues the name: "Ban Quản lý Khu kinh tế, công nghiệp tỉnh"
_NOT_CONTINUATION = re.compile(r"(?:và|các|cùng|với|trong|gồm|đơn vị|cơ quan|đồng chí|ông|bà)(?!\w)|.*(?:trưởng|phó|khối|cụm)(?!\w)")
MAX_CONTINUATION_WORDS = 5
# "Ban Bảo vệ, chăm sóc sức khỏe cán bộ Tỉnh ủy": a continuation closed by the unit's level may run longer
_LEVEL_END = re.compile(r"(?<!\w)(?:tỉnh|huyện|thành phố|Tỉnh ủy|Tỉnh uỷ|Huyện ủy|Huyện uỷ|Thành ủy|Thành uỷ|Trung ương)$")
# a bulleted list: "- Hội Nông dân tỉnh;", "+ Sở Y tế", "1. Sở Tư pháp", one item per line
_BULLET = re.compile(r"(?:[-–—+•*▪●·]|\d{1,2}[.)])\s*")
MAX_LIST_LINE = 120  # a member line is a unit name; a longer line is prose


def is_department(name: str) -> bool:
    """Is ``name`` a bare department name, whatever its dashes and case ("Lao động-Thương binh và Xã Hội")?"""
    key = _dash_fold(re.sub(r"^(?:Sở|sở)\s+", "", name))
    return any(key == _dash_fold(d) for d in departments())


def _dash_fold(s: str) -> str:
    return " ".join(re.sub(r"[-–—,]", " ", s.lower()).split())


# an office serving several elected bodies is one unit: "Văn phòng Đoàn ĐBQH và HĐND tỉnh", "Văn phòng HĐND và UBND huyện"
# (the office's name before "và" is bodies only, so "Văn phòng Tỉnh ủy và UBND huyện A" stays two units)
_BODY = r"(?:HĐND|Hội đồng nhân dân|UBND|Ủy ban nhân dân|Uỷ ban nhân dân|Đoàn ĐBQH|Đoàn Đại biểu Quốc hội|Đoàn đại biểu Quốc hội)(?!\w)"
_SERVED_BODY = re.compile(_BODY)
_SHARED_OFFICE = re.compile(r"(?:Văn phòng|VP)\s+" + _BODY + r"(?:\s*,\s*" + _BODY + ")*")


def _split_and(item: str, start: int, bare: bool) -> list[tuple[str, int]]:
    """Split "A và B" when B opens a new unit (or in a list of bare place names)."""
    if is_department(re.sub(r"\s*\([^()]*\)\s*$", "", item)):
        # "Lao động-Thương binh và Xã Hội": "Xã" here opens no commune; "Văn hóa, Thể thao và Du lịch (Khối phó)"
        return [(item, start)]
    plural = _SHARED.match(item)
    for m in re.finditer(r"\s+và\s+(?:các\s+)?", item):
        rest = item[m.end() :]
        inside = plural is not None and m.end() < plural.start("pre") + len(plural.group("pre").rstrip())
        if inside and not _head_pattern().match(rest):
            continue  # "Phòng Giáo dục và Đào tạo các huyện A, B": the "và" is inside the shared agency's name
        if _SHARED.match(item[m.end() - len("các ") if "các" in m.group(0) else m.end() :]) and (
            "các" in m.group(0) or re.match(r"\d", rest)
        ):
            # "Tp. Phủ Lý và các huyện Kim Bảng, ...": the plural opens the next items, it is kept for their prefix
            shared = m.end() - len("các ") if "các" in m.group(0) else m.end()
            return [(item[: m.start()], start)] + _split_and(item[shared:], start + shared, bare)
        if _SHARED_OFFICE.fullmatch(item[: m.start()]) and _SERVED_BODY.match(rest):
            continue  # "Văn phòng Đoàn ĐBQH và HĐND tỉnh": one office serving both bodies
        head = _head_pattern().match(rest)
        opens_unit = head is not None and (rest[:1].isupper() or head.group(0) in place_heads())
        if head is not None and head.group(0).lower() in place_heads():
            # "và huyện Ý Yên" opens a unit, "Thương binh và Xã hội" does not
            opens_unit = bool(re.match(r"\s+" + UPPER, rest[head.end() :])) and rest[head.end() + 1 : head.end() + 2].isupper()
        if opens_unit or (bare and rest[:1].isupper() and " và " not in rest):
            left = [(item[: m.start()], start)]
            if "các" in m.group(0):
                return left  # "Ngân hàng Nhà nước và các NH thương mại": the plural is no member
            return left + _split_and(rest, start + m.end(), bare)
    return [(item, start)]


def _comma_parts(text: str, begin: int, end: int) -> list[tuple[str, int]]:
    """The comma-separated parts of a list, a lower-case continuation joined to the name before it."""
    masked = mask_name_commas(text[begin:end])
    parts: list[tuple[str, int]] = []
    pos = 0
    for part in re.split(r"[,;]", masked):
        raw = text[begin + pos : begin + pos + len(part)]
        lead = len(raw) - len(raw.lstrip())
        piece, s = raw.strip(), begin + pos + lead
        pos += len(part) + 1
        if parts and piece[:1].islower() and _continues(parts[-1][0], piece):
            prev, ps = parts[-1]
            parts[-1] = (text[ps : s + len(piece)], ps)
            continue
        parts.append((piece, s))
    return parts


def _continues(prev: str, piece: str) -> bool:
    """Is the lower-case ``piece`` after a comma the rest of the name ``prev`` ("Khu kinh tế, công nghiệp tỉnh")?"""
    if _NOT_CONTINUATION.match(piece):
        return False
    limit = MAX_CONTINUATION_WORDS + (3 if _LEVEL_END.search(piece) else 0)
    if len(piece.split()) > limit:
        return False
    if _head_pattern().match(piece[:1].upper() + piece[1:]) or not _head_pattern().match(prev):
        return False  # "sở TT&TT", "ban Dân tộc": a new unit written in lower case
    return not PLACE_ITEM.match(prev) and prev.lower().split()[0] not in place_heads()


def list_items(
    text: str, begin: int, end: int, noun: str | None, shared: tuple[str, ...] | None = None
) -> list[tuple[str, int, int]]:
    """The list's items as (name, start, end), a prefix shared by several items written out on each."""
    out: list[tuple[str, int, int]] = []
    bare_list = noun is not None and (noun.lower() in PLACE_NOUNS or noun.lower() == "địa phương")
    for part, part_start in _comma_parts(text, begin, end):
        bare = bare_list or shared is not None or bool(_SHARED.match(part))
        for piece, s in _split_numbers(_split_and(part, part_start, bare)):
            carried = _agency_of(out[-1][0]) if out and shared is None else None
            numbered = _NUMBERED_UNIT.match(out[-1][0]) if out and _BARE_NUMBER.fullmatch(piece) else None
            if numbered:  # "Hải đoàn 18, 28 và 38": a bare number after a numbered unit takes its noun
                out.append((f"{numbered.group('noun')} {piece}", s, s + len(piece)))
                continue
            name, shared = _share_prefix(piece, shared, carried)
            out.append((name, s, s + len(piece)))
    return out


_BARE_NUMBER = re.compile(r"\d{1,3}")
_NUMBERED_UNIT = re.compile(r"(?P<noun>" + UPPER + r"[^\d,;]*?)\s+\d{1,3}$")


_NUMBER_PAIR = re.compile(r"(?P<left>(?:" + UPPER + r"[^\d,;]*?\s+)?\d{1,3})\s+và\s+(?P<right>\d{1,3})")


def _split_numbers(pieces: list[tuple[str, int]]) -> list[tuple[str, int]]:
    """ "Hải đoàn 38 và 48", "38 và 48": two numbered units joined by "và" are two items."""
    out: list[tuple[str, int]] = []
    for piece, start in pieces:
        m = _NUMBER_PAIR.fullmatch(piece)
        if m is None:
            out.append((piece, start))
            continue
        out += [(m.group("left"), start), (m.group("right"), start + m.start("right"))]
    return out


# "Viện kiểm sát nhân dân thành phố A và các huyện B, C": the agency written on the first place goes on over the plural
_AGENCY_ON_PLACE = re.compile(r"^(?P<agency>.+?)\s+(?:huyện|quận|thị xã|thành phố|thị trấn|xã|phường|tỉnh)\s+" + UPPER)


def _agency_of(prev: str) -> str | None:
    """The agency of the item before ("VKSND thành phố A" -> VKSND), a prefix for a bare plural after it, or None."""
    m = _AGENCY_ON_PLACE.match(prev)
    if m is None or not _head_pattern().match(m.group("agency")) or m.group("agency").lower() in place_heads():
        return None
    return m.group("agency")


_LIST_VERB = re.compile(r"(?<!\w)(?:bao\s+)?gồm(?:\s+có)?(?!\w)")
PROVINCE_LEVEL = {"tỉnh", "thành phố"}
_CITY_ABBREVIATION = re.compile(r"(?:TP|Tp)\.\s?" + UPPER)


def _share_prefix(
    piece: str, shared: tuple[str, ...] | None, carried: str | None = None
) -> tuple[str, tuple[str, ...] | None]:
    """Return the item with the shared prefix written out, and the prefix in force for the next items.

    The prefix is (agency, place noun), plus a third mark when it was written on an item rather than spread
    by a plural ("UBND huyện A, B" vs "UBND các huyện A, B").
    """
    piece = re.sub(r"^và\s+", "", piece)
    m = _SHARED.match(piece)
    verb = _LIST_VERB.search(m.group("pre")) if m else None
    if verb:  # "đoàn số 02 gồm các tỉnh A, B": a group and its verb before the plural, no agency to share
        m = _SHARED.match(piece[verb.end() :].lstrip())
    if m and (not m.group("pre") or _head_pattern().match(m.group("pre"))):
        pre, place = m.group("pre").strip(), m.group("noun").lower()
        pre = pre or carried or ""
        if pre and m.group("many") and place in PROVINCE_LEVEL:
            # "Công an 5 thành phố: A, TP.HCM, B": province-level units go by agency and name ("Công an A")
            return f"{pre} {m.group('rest')}", (pre, "")
        return " ".join(filter(None, (pre, place, m.group("rest")))), (pre, place)
    if shared is not None and shared[0] and _CITY_ABBREVIATION.match(piece):
        return f"{shared[0]} {piece}", shared  # "…, TP.HCM, …" under a shared agency
    # "các Trường THPT: Lê Lợi, Trường Sơn": a proper name whose first syllable is a head is still a bare name
    lead_in = shared is not None and len(shared) == 2 and not shared[1] and shared[0]
    if shared is not None and piece[:1].isupper() and len(piece.split()) <= 4 and (
        not _head_pattern().match(piece) or (lead_in and _capitalised_name(piece) and not piece.startswith(shared[0].split()[0] + " " + shared[0].split()[-1]))
    ):
        return " ".join(filter(None, (shared[0], shared[1], piece))), shared
    place = _NAMED_PLACE.match(piece)
    if place and not place.group("pre") and shared is not None and shared[0] and len(shared) == 2:
        # "Ủy ban MTTQ các huyện A, B và thị xã C": the agency goes on over the next kind of place
        return f"{shared[0]} {piece}", (shared[0], place.group("noun"))
    if place and (not place.group("pre") or _head_pattern().match(place.group("pre"))):
        # "quận Hải Châu, Thanh Khê": quận goes on
        return piece, ((place.group("pre") or "").strip(), place.group("noun"), "written")
    return piece, None if _head_pattern().match(piece) else shared


def _capitalised_name(piece: str) -> bool:
    """Is every syllable of ``piece`` capitalised, as in a person's or place name ("Trường Chinh")?"""
    words = piece.split()
    return len(words) >= 2 and all(w[:1].isupper() and (len(w) == 1 or w[1:].islower()) for w in words)


def bullet_items(text: str, begin: int) -> list[tuple[str, int, int]]:
    """The items of a list written one per line ("- Hội Nông dân tỉnh;") as (name, start, end)."""
    out: list[tuple[str, int, int]] = []
    pos = begin
    marked: bool | None = None
    while pos < len(text):
        nl = text.find("\n", pos)
        line_end = nl if nl >= 0 else len(text)
        line = text[pos:line_end]
        bullet = _BULLET.match(line)
        if marked is None:
            marked = bullet is not None
        if not line.strip() or len(line) > MAX_LIST_LINE or (marked and bullet is None):
            break
        s = pos + (bullet.end() if bullet else 0)
        item = text[s:line_end].rstrip(" ;,.")
        if not marked and not is_unit_like(clean_unit(item)):
            break
        out.append((item, s, s + len(item)))
        pos = line_end + 1
    return out
