"""Member units of the bloc ("gồm 7 cơ quan, đơn vị: Sở Tư pháp, ...") and the stated member count."""

from __future__ import annotations

import re
from collections import Counter

from nlp.folding import UPPER
from nlp.member_lists import (
    PLACE_ITEM,
    PLACE_NOUNS,
    PROVINCE_LEVEL,
    SHARED_HEAD,
    bullet_items,
    is_department,
    list_items,
    shared_before,
)
from nlp.member_tables import scored_members, spaced_table_members, table_members
from nlp.other_blocs import inside, other_bloc_spans
from nlp.places import departments, place_heads
from nlp.prepare import PreparedText, ends_with_abbreviation
from nlp.units import _head_pattern, clean_unit, is_unit_like, unit_before
from store.models import ArticleRecords, Member, Span
from store.vntext import fold_key, unit_key

# "Huyện Đoàn X", "Huyện ủy X", "Tỉnh Đoàn" open an agency's name, not a list of places
_NOT_AGENCY = r"(?!\s+(?:đoàn|ủy|uỷ)(?!\w))"
_NOUN = (
    r"(?:đơn vị thành viên|thành viên|cơ quan,?\s*đơn vị|cơ quan|đơn vị|trường|hội,?\s*đơn vị|tổ chức hội|hội"
    r"|sở,?\s*ngành|sở|huyện đoàn|quận đoàn|huyện" + _NOT_AGENCY + r"|thị xã|thị trấn|thành phố|xã|quận" + _NOT_AGENCY
    + r"|phường|địa phương|doanh nghiệp|ngân hàng|công đoàn"
    # sector branches and enterprises: "8 tổng công ty", "12 HTX thành viên", "5 chi cục thuế", "4 LĐLĐ huyện"
    r"|tỉnh hội|huyện hội|tổng công ty|tập đoàn|hợp tác xã|HTX|chi cục thuế|chi cục|cục thuế|kho bạc|LĐLĐ|liên đoàn lao động"
    r"|ban quản lý dự án|ban QLDA|trung tâm"
    r"|bệnh viện|công ty|chi nhánh|tổ chức tín dụng"
    # "09 tổ chức: A, B" (central mass organisations); the verb "tổ chức hội nghị" counts nothing
    r"|tổ chức(?!\s+(?:hội nghị|hội thi|hội thao|lễ|thực hiện|triển khai|ký|kí|sơ kết|tổng kết)(?!\w))|tỉnh" + _NOT_AGENCY
    + r"|đặc khu|đồn,\s*trạm(?:\s+biên phòng)?|đồn biên phòng|đồn)"
)
# a count written in words: "Cụm gồm năm huyện: …" (small totals only; "mười hai" before "mười")
_NUMBER_WORDS = {
    "hai": 2, "ba": 3, "bốn": 4, "năm": 5, "sáu": 6, "bảy": 7, "tám": 8, "chín": 9, "mười": 10,
    "mười một": 11, "mười hai": 12, "mười ba": 13, "mười bốn": 14, "mười lăm": 15,
}
_NUMBER_WORD = r"(?:" + "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True)) + r")"


def count_value(raw: str) -> int:
    """The number a count is written with: digits ("05") or words ("năm")."""
    raw = " ".join(raw.lower().split())
    return int(raw) if raw.isdigit() else _NUMBER_WORDS[raw]


# where the listed places lie, after the count: "4 đơn vị thuộc khu vực tỉnh X trước đây: A, B" (post-2025 clusters)
_PLACE_NOUN = r"(?:huyện|quận|thị xã|thành phố|thị trấn|xã|phường|đặc khu)"
_WHERE_FROM = r"(?:\s+thuộc\s+(?!(?:khối|cụm)(?!\w))[^,;:.()\n]{1,70}?)?"
# "gồm 7 cơ quan, đơn vị:", "gồm các huyện:", "có 10 trường, gồm:", "bao gồm các địa phương:", "thành viên trong Khối:"
_LIST_HEAD = re.compile(
    r"(?:(?:bao\s+)?gồm(?:\s+có)?|với)\s*[:;]?\s*(?:các\s+)?(?:(?P<n>\d+|" + _NUMBER_WORD + r")(?:/\d+)?\s+)?(?P<noun>" + _NOUN + r")?"
    # a colon after a short description, which may hold a bracket ("7 xã thuộc … (địa bàn tỉnh X trước đây):");
    # a ";" only right after the noun ("gồm 4 huyện A, B; năm 2021 …" is no list head at the ";")
    r"(?:(?:[^:;.()\n]|\([^()\n]{0,60}\)){0,80}?(?:\s+(?:bao\s+)?gồm(?:\s+có)?)?\s*:|\s*;)\s*"
    # "gồm 5 địa phương là các huyện A, B", "có 12 hội là thành viên, trong đó có Hội A, Hội B"
    # "có 8 xã thuộc khu vực tỉnh X trước đây, trong đó có các xã A, B", "với 07 đơn vị thành viên như Sở A, Sở B"
    r"|(?:(?:bao\s+)?gồm(?:\s+có)?|(?<!\w)có|(?<!\w)với)\s+(?:(?P<n4>\d+)\s+)(?P<noun4>" + _NOUN + r")(?:\s+thành viên)?"
    + _WHERE_FROM
    + r"(?:\s+là\s+thành viên\s*,?\s*(?:trong đó\s+)?(?:có|gồm|như)|\s+là|\s+như|\s*,\s*trong đó\s+(?:có|gồm))\s+"
    # "…, trong đó có các thành viên như A, B": the plural before the example marker opens no item
    r"(?:(?:các\s+)?(?:" + _NOUN + r")(?:\s+thành viên)?\s+(?:như|là)\s+)?(?=(?:các\s+)?(?:" + UPPER + "|" + _NOUN + r"\s))"
    r"|(?:(?:bao\s+)?gồm(?:\s+có)?)\s+(?:các\s+)?(?:(?P<n2>\d+)\s+)?(?P<noun2>huyện" + _NOT_AGENCY + r"|đơn vị|cơ quan)?"
    r"(?:\s+(?:ngoại thành|nội thành|miền núi|vùng cao|biên giới|đồng bằng|ven biển))?\s*(?=" + UPPER + ")"
    # "Nhiều thành viên của Khối như A, B, C đạt …"
    r"|thành viên\s+(?:của|trong)\s+(?:khối|cụm)(?:\s+thi\s+đua)?\s+(?:như|là|gồm)\s+(?=" + UPPER + ")"
    # "các đơn vị trong cụm thi đua số 02 (A, B và C)": the bloc's number may come before the bracket
    r"|(?:trong|thuộc)\s+(?:khối|cụm)(?:\s+thi\s+đua)?(?:\s+số\s+(?:\d{1,2}|[IVX]{1,5})(?!\w))?\s*(?P<paren>\()"
    # "Cụm thi đua số 12 (các phường A, B và C) tổ chức …": the bloc's places in a bracket after its name
    r"|(?<!\w)(?:khối|cụm)\s+thi\s+đua[^()\n.;:]{0,60}?\s*(?P<paren2>\()(?=\s*các\s+" + _PLACE_NOUN + r"\s+" + UPPER + ")"
    r"|(?:trong|thuộc)\s+(?:khối|cụm)\s+thi\s+đua(?:\s+(?:bao\s+)?gồm)?\s*:\s*"
    # "Khối hiện có 6 đơn vị: A, B", "Khối có 6 bệnh viện: ..."
    # "thu hút sự tham gia của 9 đơn vị: A, B"
    r"|(?<!\w)(?:có|còn|(?:tham gia|tham dự|góp mặt)\s+của)\s+(?P<n3>\d+)\s+(?P<noun3>" + _NOUN + r")(?:\s+(?:thành viên|nhà nước|[A-ZĐ]{2,5}))?"
    r"(?:\s+(?:trong|thuộc|của)\s+(?:khối|cụm)(?:\s+thi\s+đua)?)?" + _WHERE_FROM + r"\s*,?\s*(?:(?:bao\s+)?gồm|là|trong đó(?:\s+(?:có|gồm))?)?\s*:\s*"
    # "lãnh đạo 4 đồn biên phòng trong cụm: A, B", "11 doanh nghiệp trong Khối, trong đó có A, B"
    r"|(?<![\d/.,])(?P<n5>\d+)\s+(?P<noun5>" + _NOUN + r")(?:\s+thành viên)?\s+(?:trong|thuộc|của)\s+(?:khối|cụm)(?!\w)"
    r"(?:\s+thi\s+đua)?\s*(?::|,\s*(?:trong đó\s+)?(?:có|gồm)(?:\s+có)?\s*:?)\s*"
    # "lãnh đạo các đơn vị thành viên: A, B"
    r"|(?:đơn vị|cơ quan)(?:,\s*đơn vị)?\s+thành viên(?:\s+(?:(?:trong|của|thuộc)\s+)?(?:khối|cụm)(?:\s+thi\s+đua)?)?\s*:\s*"
    # "có đại diện lãnh đạo các đơn vị: A, B", "đoàn viên của các đơn vị trong Khối: A, B"
    # "đại diện các Sở: A, B (Khối trưởng), C": the departments' head written once before the colon
    r"|(?<=\s)các\s+(?-i:Sở)\s*:\s*"
    r"|(?<=\s)các\s+(?:cơ quan,?\s*)?(?:đơn vị|(?P<noun6>sở,\s*ngành))(?:\s+(?:trong|của|thuộc)\s+(?:khối|cụm)(?:\s+thi\s+đua)?)?\s*:\s*",
    re.IGNORECASE,
)
# "gồm các Trường THPT: A, B, C": a plural agency head before the colon, shared by the bare names after it
_PLURAL_LEAD = re.compile(r"(?<!\w)các\s+(?P<pre>(?-i:[A-ZĐ])[^:;,.()\n]{1,30}?)\s*:\s*$")
# a school named by its level alone after a school item: "Trường THPT A, THPT B và THCS C"
_SCHOOL_LEVEL = re.compile(r"(?:THPT|THCS|PTDTNT|PTDTBT|PTTH|TH|Tiểu học|Trung học cơ sở|Trung học phổ thông)\s+(?:" + UPPER + r"|\d)")
# "Công an các tỉnh trong Cụm thi đua số 2 gồm: A, B": province-level agencies named before the bloc, listed by province
_AGENCY_OF_PROVINCES = re.compile(
    r"(?P<pre>(?-i:[A-ZĐ])\w*(?:\s+\w+)?)\s+các\s+tỉnh(?:,\s*thành phố)?\s+(?:trong|thuộc|của)\s+(?:khối|cụm)[^.;:\n]{0,60}$",
    re.IGNORECASE,
)
_BLOC_CONTEXT = re.compile(r"khối|cụm|thành viên", re.IGNORECASE)
_LIST_END = re.compile(
    r"\s(?-i:đã|vừa\s+(?:tổ chức|qua|diễn ra)|(?<!các\s)tổ chức|tiến hành|cùng|ký|là\s+(?i:trưởng|phó|khối|cụm)"
    r"|[-–—]\s*(?:trưởng|phó|đơn vị)(?![^,;.()\n]{0,25}[,;]\s*(?-i:[A-ZĐÀ-Ỹ])))(?!\w)"
    # "A, B và đại diện Ban Thi đua - Khen thưởng tỉnh": a guest after the members ends the list
    r"|\svà\s+(?-i:đại diện|lãnh đạo)\s|[.!?\n]"
    # "…, phường J; Các đồng chí trong Ban Thường vụ …": the attendees after the member list, capitalised or not
    r"|;\s+(?=(?:các|những)\s+(?!(?:huyện|quận|xã|phường|thị xã|thị trấn|thành phố|đặc khu)\s))"
    r"|;\s+(?-i:(?=[a-zđ]))(?!(?:các\s+)?(?:huyện|quận|xã|phường|thị xã|thị trấn|thành phố|đặc khu)\s)|\s[-–—]\s+(?-i:(?=[a-zđ]))"
    # "A - trưởng khối, B, C": a role written after one item, the list goes on
    r"(?!(?:(?:trưởng|phó)\s+(?:khối|cụm)|(?:khối|cụm)\s+(?:trưởng|phó))\s*[,;]\s*(?-i:[A-ZĐÀ-Ỹ]))",
    re.IGNORECASE,
)
# "… được suy tôn / đề nghị tặng / được tặng …": the list before it names the units honoured
_AWARDED = re.compile(r"\s*(?:đã\s+)?được\s+(?:suy tôn|đề nghị|tặng|trao|khen|bình chọn|xét tặng|công nhận)(?!\w)")
_MEMBER_OF = re.compile(r"\s+là\s+(?:đơn vị\s+)?thành viên\s+(?:của|trong)\s+(?:khối|cụm)", re.IGNORECASE)
# "A, B và C là những thành viên có đóng góp lớn của Khối": a list that ends in its membership
_MEMBERS_OF = re.compile(
    r"\s+là\s+(?:những|các)\s+(?:đơn vị\s+)?thành viên(?:\s+[^,;.]{0,40}?)?\s+(?:của|trong)\s+(?:khối|cụm)(?!\w)",
    re.IGNORECASE,
)
# "lãnh đạo UBND các xã A, B, C cùng các xã thành viên khác": the named ones are members too
_OTHER_MEMBERS = re.compile(
    r"\s+(?:cùng(?:\s+với)?|và)\s+(?:các|những)\s+(?:(?:" + _NOUN + r")\s+)?thành viên\s+(?:khác|còn lại)(?!\w)",
    re.IGNORECASE,
)
# the plural that opens such a list in an attendance sentence: "lãnh đạo UBND các xã A, B"
_PLURAL_PLACES = re.compile(r"(?:(?:UBND|Ủy ban nhân dân|Uỷ ban nhân dân)\s+)?các\s+" + _PLACE_NOUN + r"\s+(?=" + UPPER + ")")
# "A, B và C - các đơn vị trong Cụm - phát biểu", "A, B và C (4 đơn vị của cụm)": a list named in apposition
_APPOSITION = re.compile(
    r"\s*(?:\s[-–—]|\()\s*(?:là\s+)?(?:các|những|\d{1,3})\s+(?:" + _NOUN + r")(?:\s+thành viên)?"
    r"\s+(?:(?:trong|của|thuộc)\s+)?(?:khối|cụm)(?!\w)",
    re.IGNORECASE,
)
_COUNT = re.compile(
    r"(?<![\d/.,])(?:(?P<n>\d{1,3})(?:/\d{1,3})?|(?<!\w)(?P<w>" + _NUMBER_WORD + r"))\s+(?P<noun>" + _NOUN
    # "gồm 6 VKSND các huyện, thị xã: …": an agency's abbreviation before the plural of its places
    + r"|(?-i:[A-ZĐ]{3,8})(?=\s+các\s+" + _PLACE_NOUN + r"(?!\w)))(?!\w)",
    re.IGNORECASE,
)
# "07 sở, ngành là thành viên thuộc khối": "là" before the membership
_COUNT_AFTER = re.compile(
    r"^[^.;:]{0,12}?(?:trong|thuộc|của)\s+(?:khối|cụm)|^\s+(?:là\s+)?(?:thành viên|thi đua\s+(?:khối|cụm))"
    # "Công an 5 tỉnh Cụm thi đua số 7 ký kết …": the count of the bloc's units written before its name
    r"|^\s+(?:khối|cụm)\s+thi\s+đua(?!\w)", re.I
)
_COUNT_BEFORE = re.compile(
    r"(?:khối|cụm)(?:[^.;]|(?<=Tp|TP|Tx|TX)\.){0,80}?(?:gồm|có|gồm có|với|hiện có|còn)\s*$|(?:với|lãnh đạo)\s*$"
    r"|(?:khối|cụm)[^.;]{0,200}?(?:sự|có)\s+(?:tham gia|góp mặt)\s+của\s*$", re.I
)
# "Cụm thi đua Mặt trận 5 thành phố trực thuộc trung ương gồm: A, B": a count in the bloc's name, its list after
_LISTED_AFTER = re.compile(r"^[^.;:()]{0,30}?\s(?:bao\s+)?gồm\s*:")
_BLOC_JUST_BEFORE = re.compile(r"(?:khối|cụm)(?:\s+thi\s+đua)?[^.;:()]{0,30}$", re.I)
# "11 Chi cục Thuế các huyện đã thống nhất ký kết giao ước thi đua khối …": the units signing the bloc's covenant
_SIGNED_AFTER = re.compile(
    r"[^.;:\n]{0,60}?\s(?:đã\s+)?(?:cùng\s+|thống nhất\s+)?(?:ký|kí)\s+kết\s+(?:bản\s+)?giao ước thi đua\s+(?:(?:trong|của)\s+)?(?:khối|cụm)(?!\w)",
    re.I,
)
_STATISTIC_AFTER = re.compile(r"\s+(?:đạt|được công nhận|hoàn thành|về đích)(?!\w)")
# a member list ends where a verb clause starts: "..., huyện B và huyện C tham gia thi đấu ..."
_VERB_CLAUSE = re.compile(
    r"\s(?-i:tham gia|tham dự|tranh tài|thi đấu|đăng cai|tranh giải|biểu diễn|thực hiện|triển khai|cùng nhau|đều|luôn|đạt"
    r"|thống nhất|nhất trí|cam kết|hưởng ứng|phối hợp|chủ trì|ký kết|kí kết|bầu|đề nghị|đề xuất|phát động|hoàn thành"
    r"|được|sẽ|vẫn|tiếp tục|sơ kết|tổng kết|họp|báo cáo|chung tay|quyết tâm|phấn đấu"
    # manner words before the verb: "…, C và D long trọng tổ chức lễ ký kết"
    r"|long trọng|trang trọng|đồng loạt)(?!\w)"
)
# the name after a place head is capitalised words: "huyện An Phú" ends before "tranh tài"


# "… và Cục Thống kê TP. Năm 2024, …": after an abbreviation's dot, a word and a number open a new sentence
_NEW_SENTENCE = re.compile(r"\s+" + UPPER + r"\w*\s+\d")


# a line broken inside the list (capture wraps): after a comma, or before "và" and the next unit
_WRAPPED_AFTER = re.compile(r"[,;]\s*$")
_WRAPPED_BEFORE = re.compile(r"\s*và\s+(?=\S)")


def _wrapped(text: str, nl: int) -> bool:
    """Is the newline at ``nl`` a capture wrap inside a list ("gồm: A,\nB và C") rather than its end?"""
    if _WRAPPED_AFTER.search(text, max(0, nl - 3), nl):
        return bool(text[nl + 1 : nl + 2].strip()) and not _BULLET_LINE.match(text, nl + 1)
    before = _WRAPPED_BEFORE.match(text, nl + 1)
    return before is not None and bool(_head_pattern().match(text, before.end()))


_BULLET_LINE = re.compile(r"\s*(?:[-–—+•*▪●·›✓]|\d{1,2}[.)])\s")


def _list_end(text: str, start: int) -> int:
    """Where a run-on list that starts at ``start`` ends ("Tp." inside it is no end, nor a wrapped line)."""
    for stop in _LIST_END.finditer(text, start):
        if stop.group(0) == "." and ends_with_abbreviation(text, stop.start()) and not _NEW_SENTENCE.match(text, stop.end()):
            continue
        if stop.group(0) == "\n" and _wrapped(text, stop.start()):
            continue
        return stop.start()
    return len(text)


def _dash_fold(s: str) -> str:
    return re.sub(r"\s*[-–—,]\s*", " ", s.lower())


# "…, Hội C và một số hội khác", "… cùng các đơn vị khác", "… và 9 doanh nghiệp khác": the rest of the bloc, no unit
_OTHERS_TAIL = re.compile(r"\s+(?:và|cùng)\s+(?:một số|các|nhiều|những|\d{1,3})\s+(?:\S+\s+){0,2}?khác$")
# "Sở A là đơn vị Khối trưởng": a clause after the unit; no agency name holds "là"
_CLAUSE_TAIL = re.compile(r"\s+là\s.*$")
# "(gồm: Công đoàn A - trưởng khối, Công đoàn B, …)": the item's role in the bloc, no part of its name
_ROLE_TAIL = re.compile(r"\s*(?:[-–—]\s*|\(\s*)(?:trưởng|phó)\s+(?:khối|cụm)\)?$|\s*(?:[-–—]\s*|\(\s*)(?:khối|cụm)\s+(?:trưởng|phó)\)?$", re.I)
# "các xã Thị trấn A, B": a place of another kind written after the plural keeps its own noun
_OWN_PLACE_NOUN = re.compile(r"^(?:huyện|quận|xã|phường)\s+(?=(?:Thị trấn|Thị xã|Phường|Xã|Thành phố)\s+" + UPPER + ")")


_CHAPTER = re.compile(r"(?:Tỉnh hội|Huyện hội|Thành hội)(?=\s+" + UPPER + ")")


def _proper_place(name: str) -> bool:
    """Is ``name`` a place name whose first syllable is also an agency head ("Hội An Tây", "Trường Sơn", "Đoàn Kết")?

    Every syllable of a place name is capitalised; an agency name goes on in lower case ("Hội Nông dân").
    """
    words = name.split()
    return (
        2 <= len(words) <= 4
        and all(w[:1].isupper() and (len(w) == 1 or w[1:].islower()) for w in words)
        and words[0].lower() not in place_heads()
        and not PLACE_ITEM.match(name)
    )


_NUMBERED_PLACES = {"quận", "phường"}


def _normalise(item: str, noun: str | None) -> str | None:
    item = _ROLE_TAIL.sub("", _OWN_PLACE_NOUN.sub("", item.strip()))
    item = re.sub(r"^(?:và\s+)?các\s+sở\s+(?=" + UPPER + ")", "Sở ", item)  # "các sở Nội vụ, Tài chính": a plural head
    name = clean_unit(_OTHERS_TAIL.sub("", _CLAUSE_TAIL.sub("", re.sub(r"^(?:và|các)\s+", "", item))))
    if not name:
        return None
    place = PLACE_ITEM.match(name)
    if place:
        name = place.group(0)
    low_noun = (noun or "").lower()
    if low_noun in PLACE_NOUNS and (not _head_pattern().match(name) or _proper_place(name)) and name[:1].isupper():
        return f"{low_noun} {name}"
    if low_noun in _NUMBERED_PLACES and re.fullmatch(r"\d{1,2}", name):
        return f"{low_noun} {name}"  # "các quận: 3, 10, Tân Bình": urban districts and wards go by number
    if low_noun.startswith("sở") and any(_dash_fold(name) == _dash_fold(d) for d in departments()):
        return f"Sở {name}"
    if is_unit_like(name) or re.match(r"(?i)(?:sở|ban|hội|đài|bảo hiểm)\s", name):
        return name
    if (low_noun in PLACE_NOUNS or low_noun == "địa phương") and name[:1].isupper() and len(name.split()) <= 4:
        return name
    return None


# "Cụm thi đua tuyến biển gồm Hải đội 2 và 6 đồn biên phòng": the named unit, then the rest of the bloc by count only
_COUNTED_REST = re.compile(r"\s+(?:và|cùng)\s+(?:\d{1,3}|" + _NUMBER_WORD + r")\s+(?:" + _NOUN + r")(?!\w).*$", re.IGNORECASE)
TIE_CHARS = 200  # "…: A, B, C. Như vậy, Khối còn 03 cơ quan": the total follows the list closely


def _bloc_total_follows(text: str, end: int, n: int) -> bool:
    """Does a total of ``n`` members of the bloc follow the list that ends at ``end``, in the next sentence or so?"""
    for m in _COUNT.finditer(text, end, min(len(text), end + TIE_CHARS)):
        if count_value(m.group("n") or m.group("w")) != n:
            continue
        sentence = text[max(text.rfind(".", end, m.start()), end) : m.start()]
        if _COUNT_BEFORE.search(sentence) or _COUNT_AFTER.match(text[m.end() : m.end() + 40]):
            return True
    return False


def extract_members(doc: PreparedText, bloc: str | None = None) -> list[Member]:
    """Return the member units named in lists about the bloc (not in a paragraph about another bloc)."""
    text = doc.text
    found: list[Member] = []
    seen: set[str] = set()
    others = other_bloc_spans(text, bloc)
    for m in _LIST_HEAD.finditer(text):
        context = text[max(0, m.start() - 160) : m.end()]
        if inside(others, m.start()):
            continue
        untied = not _BLOC_CONTEXT.search(context)  # attendees' units: members only if a bloc total matches them
        noun = next((m.group(g) for g in ("noun", "noun2", "noun3", "noun4", "noun5", "noun6") if m.group(g)), None)
        if noun is None:  # "09 Sở, ngành thuộc Khối thi đua, gồm: ..."
            prior = list(_COUNT.finditer(text, max(0, m.start() - 80), m.start()))
            noun = prior[-1].group("noun") if prior else None
        head = SHARED_HEAD.search(m.group(0))
        shared = None
        leading: list[tuple[str, int, int]] = []
        if head:
            pre, pre_start = head.group("pre"), m.start() + head.start("pre")
            # "gồm UBND thị trấn X và UBND các xã: A, B": the units before the last "và" are items of their own
            joint = list(re.finditer(r"\s+và\s+|\s*,\s*", pre))
            if joint and _head_pattern().match(pre, joint[-1].end()) and _head_pattern().match(pre):
                leading = list_items(text, pre_start, pre_start + joint[-1].start(), noun)
                pre = pre[joint[-1].end() :]
            pre = pre[:1].upper() + pre[1:] if _head_pattern().match(pre[:1].upper() + pre[1:]) else pre  # "công an 6 tỉnh"
            if _head_pattern().match(pre):  # "gồm UBND các huyện: A, B"
                kind = "" if head.group("kinds") else head.group("noun").lower()
                # "gồm Công an 5 thành phố: A, B": province-level units go by agency and name ("Công an A")
                shared = (pre, "" if head.group("many") and kind in PROVINCE_LEVEL else kind)
            else:
                leading = []
        before = _AGENCY_OF_PROVINCES.search(text, max(0, m.start() - 120), m.start()) if shared is None else None
        if before and _head_pattern().match(before.group("pre")) and m.group(0).rstrip().endswith(":"):
            shared = (before.group("pre"), "")  # "Công an các tỉnh trong Cụm thi đua số 2 gồm: A, B" -> "Công an A"
        lead = _PLURAL_LEAD.search(m.group(0)) if shared is None else None
        if lead and _head_pattern().match(lead.group("pre")) and lead.group("pre").lower() not in place_heads():
            shared = (lead.group("pre"), "")  # "gồm các Trường THPT: A, B": the agency's kind written once
        if "\n" in m.group(0)[m.group(0).rfind(":") + 1 :]:  # "gồm các đơn vị:" then one unit per line
            raws = bullet_items(text, m.end())
        elif m.group("paren") or m.group("paren2"):
            close = text.find(")", m.end())
            raws = list_items(text, m.end(), close if close > 0 else m.end(), noun, shared)
        else:
            end = _list_end(text, m.end())
            verb = _VERB_CLAUSE.search(text, m.end(), end)
            end = verb.start() if verb else end
            # a list opened with "(" closes with it: "Cụm thi đua 1 (gồm 4 huyện: A, B và C)"
            opened = text.rfind("(", max(0, m.start() - 40), m.start())
            if opened >= 0 and text.rfind(")", opened, m.start()) < 0:
                close = text.find(")", m.end(), end + 1)
                end = close if close > 0 else end
            # "gồm 7 xã, phường thuộc địa bàn huyện A, huyện B trước đây: …": the words before a colon describe the list
            colon = text.rfind(":", m.end(), end)
            if _AWARDED.match(text, end) and not _BLOC_CONTEXT.search(m.group(0)):
                continue  # "03 đơn vị gồm: A, B và C được suy tôn …": the units honoured, not the bloc
            raws = list_items(text, colon + 1 if colon >= 0 else m.end(), end, noun, shared)
        raws = leading + raws
        items = []
        counted = False
        for raw, start, stop in raws:
            rest = _COUNTED_REST.search(raw)
            if rest:
                raw, stop, counted = raw[: rest.start()], start + rest.start(), True
            if ":" in raw:  # "…, phường thuộc khu vực … trước đây: phường A": a lead-in before a colon names no unit
                cut = raw.rfind(":") + 1
                start += cut + len(raw[cut:]) - len(raw[cut:].lstrip())
                raw = raw[cut:].strip()
            name = _normalise(raw, noun)
            if items and items[-1].unit.startswith("Sở ") and raw[:1].isupper() and raw[:3] != "Sở " and is_department(raw):
                name = f"Sở {raw.strip()}"  # "Sở Giáo dục và Đào tạo, Y tế, Nội vụ": the head written once
            elif items and items[-1].unit.startswith("Trường ") and _SCHOOL_LEVEL.match(raw.strip()):
                name = f"Trường {raw.strip()}"  # "Trường THPT A, THPT B": the school noun written once
            elif items and _CHAPTER.match(items[0].unit) and _proper_place(raw.strip()):
                # "gồm 6 Tỉnh hội A, B, C": the chapter noun written once goes on over the bare place names
                name = f"{_CHAPTER.match(items[0].unit).group(0)} {raw.strip()}"
            if name:
                items.append(Member(unit=name, start=start, end=stop, source="rule:member_list"))
        if len(items) < (1 if counted else 2) or (untied and not _bloc_total_follows(text, items[-1].end, len(items))):
            continue
        for it in items:
            k = _member_key(it.unit)
            if k not in seen:
                seen.add(k)
                found.append(it)
    tails = list(_MEMBERS_OF.finditer(text)) + list(_APPOSITION.finditer(text)) + list(_OTHER_MEMBERS.finditer(text))
    for m in tails:
        if inside(others, m.start()):
            continue
        source = {_MEMBERS_OF: "rule:members_of", _APPOSITION: "rule:member_apposition"}.get(m.re, "rule:other_members")
        for it in _items_before(text, m.start(), source):
            if _member_key(it.unit) not in seen:
                seen.add(_member_key(it.unit))
                found.append(it)
    bare = {_bare_key(x.unit) for x in found}
    for name, start, stop in table_members(text) + spaced_table_members(text) + scored_members(text):
        # a unit already listed keeps the list's form ("huyện X", not also "UBND huyện X" from the score table)
        if _bare_key(name) not in bare and _member_key(name) not in seen and not inside(others, start):
            bare.add(_bare_key(name))
            seen.add(_member_key(name))
            found.append(Member(unit=name, start=start, end=stop, source="rule:member_table"))
    for name, start, stop in grouped_members(text):
        if _member_key(name) not in seen and not inside(others, start):
            seen.add(_member_key(name))
            found.append(Member(unit=name, start=start, end=stop, source="rule:member_groups"))
    for m in _MEMBER_OF.finditer(text):
        if inside(others, m.start()):
            continue
        got = unit_before(text, m.start(), max(0, m.start() - 150))
        if got and _member_key(got[0]) not in seen:
            seen.add(_member_key(got[0]))
            found.append(Member(unit=got[0], start=got[1], end=m.start(), source="rule:member_of"))
    return found


# one group of a grouped list: "…, trong đó có 3 công ty … là A, B và C; 2 đơn vị … là D và E"
_GROUP = re.compile(
    r"(?:trong đó\s+(?:có|gồm)\s+|;\s*(?:có\s+)?)(?P<n>\d{1,2})\s+(?P<noun>" + _NOUN + r")(?!\w)[^;:.()\n]{0,80}?\s+là\s+",
    re.IGNORECASE,
)
_GROUP_SEPARATOR = re.compile(r"\s*,\s*|\s+(?:và|cùng với|cùng)\s+")
_NUMBERED_NAME = re.compile(r"^(?P<head>.*\S)\s+\d{1,4}$")


def _group_items(text: str, begin: int, end: int) -> list[tuple[str, int, int]]:
    """The units of one group; a bare number or name after "Công ty cà phê 704" takes its head ("…, 734 và Đăk Uy")."""
    out: list[tuple[str, int, int]] = []
    head = None
    pos = begin
    for sep in [*_GROUP_SEPARATOR.finditer(text, begin, end), None]:
        stop = sep.start() if sep else end
        raw = text[pos:stop]
        lead = len(raw) - len(raw.lstrip())
        item = clean_unit(raw)
        s = pos + lead
        pos = sep.end() if sep else end
        if not item or not (item[:1].isupper() or item[:1].isdigit()):
            return []  # a lower-case part: no list of names
        numbered = _NUMBERED_NAME.match(item)
        if head and (item.isdigit() or not _head_pattern().match(item)):
            item = f"{head} {item}"
        elif item.isdigit():
            return []
        else:
            head = numbered.group("head") if numbered and _head_pattern().match(item) else None
        out.append((item, s, s + len(raw.strip())))
    return out


def _group_end(text: str, start: int) -> int:
    """Where a group's list ends: as a run-on list, but "cùng với" joins two more of its units."""
    pos = start
    while True:
        end = _list_end(text, pos)
        if not text.startswith(" cùng", end):
            return end
        pos = end + len(" cùng")


def grouped_members(text: str) -> list[tuple[str, int, int]]:
    """Members listed by groups in one sentence about the bloc, as (name, start, end).

    "Khối gồm 11 đơn vị, trong đó có 3 công ty … là A (khối trưởng), B và C; 2 đơn vị … là D và E": each group
    runs from its "là" to the next ";" or the sentence's end; two or more groups make the list.
    """
    groups = list(_GROUP.finditer(text))
    out: list[tuple[str, int, int]] = []
    for i, m in enumerate(groups):
        sentence = max(text.rfind(c, 0, m.start()) for c in ".\n") + 1
        if not _BLOC_CONTEXT.search(text, sentence, m.start()):
            continue
        chained = (i > 0 and groups[i - 1].start() >= sentence) or (
            i + 1 < len(groups) and groups[i + 1].start() < _list_end(text, m.end())
        )
        if not chained:
            continue
        stop = min(x for x in (text.find(";", m.end()), _group_end(text, m.end())) if x >= 0)
        out.extend(_group_items(text, m.end(), stop))
    return out


# words before the first unit of a list in running text: "đại diện Sở A, …", "cùng Ban Thường vụ Huyện Đoàn A, …"
_LEAD_IN = re.compile(r"(?:[^\W\d_][a-zđà-ỹ]*\s+)(?:[a-zđà-ỹ]+\s+)*")
_BODY_OF = re.compile(r"(?:Ban Thường vụ|Ban Chấp hành|Thường trực|Lãnh đạo|Đại diện)\s+", re.IGNORECASE)


def _strip_lead_in(raw: str) -> tuple[str, int]:
    """Return the item without lower-case lead-in words or a governing body before its unit, and the cut length."""
    cut = 0
    lead = None if _head_pattern().match(raw) else _LEAD_IN.match(raw)
    if lead and _head_pattern().match(raw, lead.end()):
        cut = lead.end()
    body = _BODY_OF.match(raw, cut)
    if body and _head_pattern().match(raw, body.end()):
        cut = body.end()
    return raw[cut:], cut


def _items_before(text: str, end: int, source: str = "rule:members_of") -> list[Member]:
    """The units listed right before ``end`` in the same sentence, back to the first part that is no unit.

    The first unit may follow lead-in words ("đại diện Sở A, Sở B - các đơn vị trong Khối"), which end the list.
    """
    begin = max(text.rfind(c, 0, end) for c in ".:\n") + 1
    shared = shared_before(text, begin - 1) if begin and text[begin - 1] == ":" else None
    plural = max(_PLURAL_PLACES.finditer(text, begin, end), key=lambda p: p.start(), default=None)
    if source == "rule:other_members" and plural is not None and shared is None:
        begin = plural.start()  # "… Sở Nội vụ và lãnh đạo UBND các xã A, B cùng các xã thành viên khác": the list opens at the plural
    items: list[Member] = []
    for raw, start, stop in reversed(list_items(text, begin, end, None, shared)):
        bare, cut = _strip_lead_in(raw)
        name = _normalise(bare, None)
        if not name or not _head_pattern().match(name):
            break
        items.insert(0, Member(unit=name, start=start + cut, end=stop, source=source))
        if cut and not _head_pattern().match(raw):
            break
    return items if len(items) >= 2 else []


def member_count(doc: PreparedText, members: list[Member]) -> tuple[int, Span] | None:
    """Return the number of members the article states and its span."""
    text = doc.text
    votes: Counter[int] = Counter()
    first: dict[int, Span] = {}
    for m in _COUNT.finditer(text):
        n = count_value(m.group("n") or m.group("w"))
        noun = m.group("noun").lower()
        if n < 2 or n > 200:
            continue
        after = text[m.end() : m.end() + 40]
        signed = _SIGNED_AFTER.match(text, m.end(), m.end() + 140) is not None
        if _STATISTIC_AFTER.match(after):
            continue  # "Toàn Cụm có 48/48 xã đạt chuẩn nông thôn mới": a result, not the members
        before = text[max(0, m.start() - 120) : m.start()]
        named = _LISTED_AFTER.match(after) and _BLOC_JUST_BEFORE.search(before)
        # "sự tham gia của 9 đơn vị: A, B, …": the member list right after the colon is as long as the count
        colon_list = after.startswith(":") and sum(1 for x in members if 0 <= x.start - m.end() < 600) == n
        if not (_COUNT_AFTER.match(after) or _COUNT_BEFORE.search(before) or noun.endswith("thành viên") or named or colon_list or signed):
            continue
        if noun in PLACE_NOUNS:
            listed = [x for x in members if x.start >= m.end() and x.start - m.end() < 400]
            first_listed = min((x.start for x in listed), default=0)
            partial = bool(listed) and bool(_PARTIAL.search(text, max(m.end(), first_listed - 60), first_listed))
            if listed and len(listed) != n and not partial:
                continue  # "gồm 04 huyện A, B, C, D và thị xã E": the count is of huyện only ("có 8 xã, trong đó có A, B" is whole)
        votes[n] += 1
        first.setdefault(n, Span(start=m.start(), end=m.end(), source="rule:member_count"))
    if not votes:
        return None
    n = max(votes, key=lambda k: (votes[k], -first[k].start))
    return n, first[n]


_PEOPLES_COMMITTEE = re.compile(r"^(?:UBND|Ủy ban nhân dân|Uỷ ban nhân dân)\s+(?=\w)", re.IGNORECASE)


def _member_key(unit: str) -> str:
    """The key that tells two members apart: "Sở Tư pháp tỉnh Gia Lai" and "… tỉnh Kon Tum" are two units."""
    named = re.search(r"\s(?:tỉnh|thành phố|TP\.?|Tp\.)\s+(" + UPPER + r"[^,;()]*)$", unit)
    return unit_key(unit) + ("|" + fold_key(named.group(1)) if named else "")


def _bare_key(unit: str) -> str:
    """The key of a place member with or without its people's committee: "UBND Tp. Vinh" ~ "Tp. Vinh"."""
    return unit_key(_PEOPLES_COMMITTEE.sub("", unit))


def _placeless(key: str) -> str:
    """A unit key without its place nouns: "VKSND huyện A" written in a list as "VKSND A" is one unit."""
    return re.sub(r"(?<!\S)(?:huyen|quan|thi xa|thanh pho|thi tran|xa|phuong) ", "", fold_key(key))


# "thành viên của Khối như A, B", "gồm 12 đơn vị, trong đó có A, B": some members by way of example
_PARTIAL = re.compile(r"(?<!\w)(?:như|trong đó(?:\s+có)?|tiêu biểu là)(?!\w)[^.;\n]{0,30}$", re.IGNORECASE)


def _partial_list(text: str, members: list[Member]) -> bool:
    """Does the article name its members only by way of example (so a leader is not added as one more)?"""
    if all(x.source == "rule:member_apposition" for x in members):
        return True  # "đại diện A, B - các đơn vị trong Khối - phát biểu": the speakers, not the whole bloc
    first = min(x.start for x in members)
    return bool(_PARTIAL.search(text, max(0, first - 60), first))


def fill(doc: PreparedText, records: ArticleRecords) -> None:
    """Set ``records.members`` (plus the leaders when a list is given) and ``records.member_count``."""
    members = extract_members(doc, records.bloc)
    count = member_count(doc, members)
    # a list as long as the stated total is whole: a head of an earlier year outside it has left (merged away, say)
    whole = count is not None and count[0] == len({_member_key(x.unit) for x in members})
    latest = max((x.year for x in records.leaders if x.year), default=None)
    if members and not _partial_list(doc.text, members):
        keys = {_bare_key(x.unit) for x in members}
        for leader in records.leaders:
            if whole and leader.year and latest and leader.year < latest:
                continue
            k = _bare_key(leader.unit)
            if not any(k in x or x in k or _placeless(k) == _placeless(x) for x in keys):
                keys.add(k)
                members.append(Member(unit=leader.unit, start=leader.start, end=leader.end, source="rule:member_leader"))
    records.members = members
    if count is not None:
        records.member_count, records.evidence["member_count"] = count
