"""Member units of the bloc ("gồm 7 cơ quan, đơn vị: Sở Tư pháp, ...") and the stated member count."""

from __future__ import annotations

import re
from collections import Counter

from nlp.places import departments, place_heads
from nlp.prepare import PreparedText
from nlp.units import _head_pattern, clean_unit, is_unit_like, mask_name_commas, unit_before
from store.models import ArticleRecords, Member, Span
from store.vntext import unit_key

_NOUN = (
    r"(?:đơn vị thành viên|thành viên|cơ quan,?\s*đơn vị|cơ quan|đơn vị|trường|hội,?\s*đơn vị|tổ chức hội|hội"
    r"|sở,?\s*ngành|sở|huyện|thị xã|thị trấn|thành phố|xã|quận|phường|địa phương|doanh nghiệp|ngân hàng|công đoàn)"
)
# "gồm 7 cơ quan, đơn vị:", "gồm các huyện:", "có 10 trường, gồm:", "bao gồm các địa phương:", "thành viên trong Khối:"
_LIST_HEAD = re.compile(
    r"(?:(?:bao\s+)?gồm(?:\s+có)?|với)\s*[:;]?\s*(?:các\s+)?(?:(?P<n>\d+)(?:/\d+)?\s+)?(?P<noun>" + _NOUN + r")?"
    r"[^:;.()\n]{0,40}?(?:\s+(?:bao\s+)?gồm(?:\s+có)?)?\s*[:;]\s*"
    r"|(?:(?:bao\s+)?gồm(?:\s+có)?)\s+(?:các\s+)?(?:(?P<n2>\d+)\s+)?(?P<noun2>huyện|đơn vị|cơ quan)?\s*(?=[A-ZĐÀ-Ỹ])"
    r"|(?:trong|thuộc)\s+(?:khối|cụm)(?:\s+thi\s+đua)?\s*(?P<paren>\()"
    r"|(?:trong|thuộc)\s+(?:khối|cụm)\s+thi\s+đua(?:\s+(?:bao\s+)?gồm)?\s*:\s*",
    re.IGNORECASE,
)
_BLOC_CONTEXT = re.compile(r"khối|cụm|thành viên", re.IGNORECASE)
_LIST_END = re.compile(
    r"\s(?-i:đã|vừa\s+(?:tổ chức|qua|diễn ra)|tổ chức|tiến hành|cùng|ký|là\s+(?:trưởng|phó)"
    r"|[-–—]\s*(?:trưởng|phó|đơn vị))(?!\w)|[.!?\n]|;\s+(?-i:(?=[a-zđ]))|\s[-–—]\s+(?-i:(?=[a-zđ]))",
    re.IGNORECASE,
)
_MEMBER_OF = re.compile(r"\s+là\s+(?:đơn vị\s+)?thành viên\s+(?:của|trong)\s+(?:khối|cụm)", re.IGNORECASE)
_COUNT = re.compile(r"(?<![\d/.,])(?P<n>\d{1,3})(?:/\d{1,3})?\s+(?P<noun>" + _NOUN + r")(?!\w)", re.IGNORECASE)
_COUNT_AFTER = re.compile(r"^[^.;:]{0,12}?(?:trong|thuộc|của)\s+(?:khối|cụm)|^\s+(?:thành viên|thi đua\s+(?:khối|cụm))", re.I)
_COUNT_BEFORE = re.compile(r"(?:khối|cụm)[^.;]{0,80}?(?:gồm|có|gồm có|với|hiện có)\s*$|(?:với|lãnh đạo)\s*$", re.I)
_PLACE_NOUNS = {"huyện", "xã", "thị xã", "thị trấn", "thành phố", "quận", "phường"}
# a member list ends where a verb clause starts: "..., huyện B và huyện C tham gia thi đấu ..."
_VERB_CLAUSE = re.compile(
    r"\s(?-i:tham gia|tham dự|tranh tài|thi đấu|đăng cai|tranh giải|biểu diễn|thực hiện|triển khai|cùng nhau|đều|luôn|đạt)(?!\w)"
)
# the name after a place head is capitalised words: "huyện An Phú" ends before "tranh tài"
_PLACE_ITEM = re.compile(r"^(?:huyện|quận|xã|phường|thị xã|thị trấn|thành phố)(?:\s+(?:[A-ZĐÀ-Ỹ0-9][\w'’-]*))+", re.UNICODE)


def _split_and(item: str, start: int, bare: bool) -> list[tuple[str, int]]:
    """Split "A và B" when B opens a new unit (or in a list of bare place names)."""
    for m in re.finditer(r"\s+và\s+(?:các\s+)?", item):
        rest = item[m.end() :]
        head = _head_pattern().match(rest)
        opens_unit = head is not None and (rest[:1].isupper() or head.group(0) in place_heads())
        if head is not None and head.group(0).lower() in place_heads():
            # "và huyện Ý Yên" opens a unit, "Thương binh và Xã hội" does not
            opens_unit = bool(re.match(r"\s+[A-ZĐÀ-Ỹ]", rest[head.end() :])) and rest[head.end() + 1 : head.end() + 2].isupper()
        if opens_unit or (bare and rest[:1].isupper() and " và " not in rest):
            left = [(item[: m.start()], start)]
            if "các" in m.group(0):
                return left  # "Ngân hàng Nhà nước và các NH thương mại": the plural is no member
            return left + _split_and(rest, start + m.end(), bare)
    return [(item, start)]


def _items(text: str, begin: int, end: int, noun: str | None) -> list[tuple[str, int]]:
    masked = mask_name_commas(text[begin:end])
    out: list[tuple[str, int]] = []
    bare_list = noun is not None and (noun.lower() in _PLACE_NOUNS or noun.lower() == "địa phương")
    pos = 0
    for part in re.split(r"[,;]", masked):
        raw = text[begin + pos : begin + pos + len(part)]
        lead = len(raw) - len(raw.lstrip())
        for piece, s in _split_and(raw.strip(), begin + pos + lead, bare_list):
            out.append((piece, s))
        pos += len(part) + 1
    return out


def _dash_fold(s: str) -> str:
    return re.sub(r"\s*[-–—,]\s*", " ", s.lower())


def _normalise(item: str, noun: str | None) -> str | None:
    name = clean_unit(re.sub(r"^(?:và|các)\s+", "", item.strip()))
    if not name:
        return None
    place = _PLACE_ITEM.match(name)
    if place:
        name = place.group(0)
    low_noun = (noun or "").lower()
    if low_noun in _PLACE_NOUNS and not _head_pattern().match(name) and name[:1].isupper():
        return f"{low_noun} {name}"
    if low_noun.startswith("sở") and any(_dash_fold(name) == _dash_fold(d) for d in departments()):
        return f"Sở {name}"
    if is_unit_like(name) or re.match(r"(?i)(?:sở|ban|hội|đài|bảo hiểm)\s", name):
        return name
    if (low_noun in _PLACE_NOUNS or low_noun == "địa phương") and name[:1].isupper() and len(name.split()) <= 4:
        return name
    return None


def extract_members(doc: PreparedText) -> list[Member]:
    """Return the member units named in lists about the bloc."""
    text = doc.text
    found: list[Member] = []
    seen: set[str] = set()
    for m in _LIST_HEAD.finditer(text):
        context = text[max(0, m.start() - 160) : m.end()]
        if not _BLOC_CONTEXT.search(context):
            continue
        noun = m.group("noun") or m.group("noun2")
        if noun is None:  # "09 Sở, ngành thuộc Khối thi đua, gồm: ..."
            prior = list(_COUNT.finditer(text, max(0, m.start() - 80), m.start()))
            noun = prior[-1].group("noun") if prior else None
        if m.group("paren"):
            close = text.find(")", m.end())
            end = close if close > 0 else m.end()
        else:
            stop = _LIST_END.search(text, m.end())
            end = stop.start() if stop else len(text)
            verb = _VERB_CLAUSE.search(text, m.end(), end)
            end = verb.start() if verb else end
            # a list opened with "(" closes with it: "Cụm thi đua 1 (gồm 4 huyện: A, B và C)"
            opened = text.rfind("(", max(0, m.start() - 40), m.start())
            if opened >= 0 and text.rfind(")", opened, m.start()) < 0:
                close = text.find(")", m.end(), end + 1)
                end = close if close > 0 else end
        items = []
        for raw, start in _items(text, m.end(), end, noun):
            name = _normalise(raw, noun)
            if name:
                items.append(Member(unit=name, start=start, end=start + len(raw), source="rule:member_list"))
        if len(items) < 2:
            continue
        for it in items:
            k = unit_key(it.unit)
            if k not in seen:
                seen.add(k)
                found.append(it)
    for m in _MEMBER_OF.finditer(text):
        got = unit_before(text, m.start(), max(0, m.start() - 150))
        if got and unit_key(got[0]) not in seen:
            seen.add(unit_key(got[0]))
            found.append(Member(unit=got[0], start=got[1], end=m.start(), source="rule:member_of"))
    return found


def member_count(doc: PreparedText, members: list[Member]) -> tuple[int, Span] | None:
    """Return the number of members the article states and its span."""
    text = doc.text
    votes: Counter[int] = Counter()
    first: dict[int, Span] = {}
    for m in _COUNT.finditer(text):
        n = int(m.group("n"))
        noun = m.group("noun").lower()
        if n < 2 or n > 200:
            continue
        after = text[m.end() : m.end() + 40]
        before = text[max(0, m.start() - 120) : m.start()]
        if not (_COUNT_AFTER.match(after) or _COUNT_BEFORE.search(before) or noun.endswith("thành viên")):
            continue
        if noun in _PLACE_NOUNS:
            listed = [x for x in members if x.start >= m.end() and x.start - m.end() < 400]
            if listed and len(listed) != n:
                continue  # "gồm 04 huyện A, B, C, D và thị xã E": the count is of huyện only
        votes[n] += 1
        first.setdefault(n, Span(start=m.start(), end=m.end(), source="rule:member_count"))
    if not votes:
        return None
    n = max(votes, key=lambda k: (votes[k], -first[k].start))
    return n, first[n]


def fill(doc: PreparedText, records: ArticleRecords) -> None:
    """Set ``records.members`` (plus the leaders when a list is given) and ``records.member_count``."""
    members = extract_members(doc)
    if members:
        keys = {unit_key(x.unit) for x in members}
        for leader in records.leaders:
            k = unit_key(leader.unit)
            if not any(k in x or x in k for x in keys):
                keys.add(k)
                members.append(Member(unit=leader.unit, start=leader.start, end=leader.end, source="rule:member_leader"))
    records.members = members
    count = member_count(doc, members)
    if count is not None:
        records.member_count, records.evidence["member_count"] = count
