"""Bloc leadership by year: which unit is head (Trưởng khối, Cụm trưởng) or deputy, and when.

Forms handled: "Sở Tư pháp (Trưởng khối)", "X làm Trưởng Khối, Y làm Phó Trưởng Khối",
"giao Sở Nội vụ làm Trưởng Khối ... năm 2021", "Phó Giám đốc Sở Xây dựng, Trưởng Khối ..."
(the unit, never the person), "Cụm trưởng xã X", and the "trpng khối" typo.
"""

from __future__ import annotations

import re

from nlp.blocs import BlocMention, find_mentions, same_bloc
from nlp.folding import UPPER
from nlp.lexicon import words
from nlp.other_blocs import inside, other_bloc_spans
from nlp.places import agency_heads
from nlp.prepare import PreparedText, Sentence
from nlp.units import PERSON_TITLE, mask_name_commas, unit_after, unit_before
from store.models import ArticleRecords, Leader
from store.vntext import unit_key

# "(trong khối năm 2023)" right after a unit is the "trpng khối" typo after a generic typo fixer made it "trong"
_ROLE = re.compile(
    r"(?<!\w)(?:(?P<d1>phó\s+)?(?:trưởng|trpng|trưỏng|(?<=\()trong)\s+(?:khối|cụm)|(?:khối|cụm)\s+(?:trưởng|(?P<d2>phó))"
    r"|(?P<d3>phó)\s+(?:khối|cụm))(?!\w)",
    re.IGNORECASE,
)
# "X là / làm / được bầu làm / đảm nhận cương vị [đơn vị] Trưởng khối"
_CUE_BEFORE = re.compile(
    r"(?:\s(?:là|làm|với\s+(?:vai trò|cương vị)|với\s+tư cách(?:\s+là)?|(?:hoàn thành|làm tốt|thực hiện tốt)(?:\s+(?:tốt|xuất sắc))?\s+(?:vai trò|nhiệm vụ)"
    r"|giữ(?:\s+(?:vai trò|cương vị|chức))?"
    # "X nhận cờ luân lưu, đảm nhiệm Cụm trưởng": taking the rotating flag, then the role
    r"|(?:nhận\s+cờ(?:\s+(?:luân\s+lưu|thi\s+đua))?\s*(?:,|\s+và)?\s+)?đảm (?:nhận|nhiệm)(?:\s+(?:vai trò|cương vị))?|được\s+(?:bầu|phân công|giao|chọn|suy tôn|công nhận|chỉ định|cử)(?:\s+(?:làm|là))?)"
    r"(?:\s+(?:đơn vị|cơ quan))?\s*|\(\s*(?:đơn vị\s+|làm\s+|là\s+)?|(?<=\w)\s?[-–—]\s*(?:đơn vị\s+)?|\s[-–—]\s*(?:đơn vị\s+)?"
    r"|,\s*(?:đại diện\s+)?(?:đơn vị\s+)?"
    # "X được UBND tỉnh chỉ định làm Trưởng khối": the agent between is no part of X
    r"|\s(?:được|do)\s+[^,;()]{1,40}?\s(?:chỉ định|phân công|giao|bầu|chọn|công nhận|suy tôn|cử)\s+(?:làm|là)\s*"
    # "X được Bộ phân công là đơn vị Cụm trưởng": "đơn vị" after the verb too
    r"(?:(?:đơn vị|cơ quan)\s+)?"
    r"|\sđại diện\s+(?:đơn vị\s+)?)$",
    re.IGNORECASE,
)
# "tân Cụm trưởng" (the new head) names no unit; a capitalised "Tân" ends a place ("huyện Phú Tân - đơn vị Cụm trưởng")
_NOT_A_UNIT_BEFORE = re.compile(r"(?<!\w)(?:bầu|thay đổi|công nhận|(?-i:tân)|các|và|về việc|đồng chí)\s*$", re.IGNORECASE)
_YEAR_AFTER = re.compile(r"^[^.;\n]{0,120}?(?<!\w)(năm học|giai đoạn|nhiệm kỳ|năm)\s+((?:19|20)\d{2})", re.IGNORECASE)
_YEAR_IN_PAREN = re.compile(r"^[^()]{0,30}?năm\s+((?:19|20)\d{2})", re.IGNORECASE)
_SENTENCE_YEAR = re.compile(r"^\W*(?:trong\s+)?năm\s+((?:19|20)\d{2})\s*,", re.IGNORECASE)
# "bàn giao nhiệm vụ Cụm trưởng [năm 2024] cho X": X holds the role in the stated (or the next) year
_HANDOVER_BEFORE = re.compile(
    r"(?:bàn giao|trao lại|chuyển giao|giao lại|trao\s+cờ(?:\s+(?:luân\s+lưu|thi\s+đua))?)"
    r"(?:\s+(?:lại\s+)?(?:nhiệm vụ|vai trò|chức|cương vị|trách nhiệm|chức danh))?"
    r"(?:\s+(?:đơn vị|là))?\s+$",
    re.IGNORECASE,
)
_ROLE_TAIL = (
    r"(?:\s+(?:khối|cụm)\s+thi\s+đua(?:\s+(?:số\s+)?\d+(?-i:\s+[A-ZĐ]{2,8}(?!\w))?)?)?"
    r"(?:\s+(?P<school>năm học|năm)\s+(?P<year>(?:19|20)\d{2})(?:\s*[-–]\s*(?:19|20)\d{2})?)?"
)
# "… cho Lãnh đạo Bộ Chỉ huy X": the receiving unit through its leaders
_HANDOVER_AFTER = re.compile(
    _ROLE_TAIL + r"\s+(?:lại\s+)?cho\s+(?:(?:lãnh đạo|đại diện(?:\s+lãnh đạo)?)\s+)?(?:đơn vị\s+)?", re.IGNORECASE
)
# "A trao cờ Cụm trưởng năm 2024 cho B": the unit opening the clause hands the role over, it held it the year before
_BEFORE_VERB = re.compile(r"\s+(?:(?:đã|vừa)\s+)?$", re.IGNORECASE)
# "Trưởng khối năm 2025 là Sở Y tế", "Cụm phó là huyện X"
_IS_AFTER = re.compile(_ROLE_TAIL + r"(?:\s+(?:là|thuộc về|do)\s+|\s*:\s*)(?:đơn vị\s+|cơ quan\s+)?", re.IGNORECASE)
# "do đơn vị trưởng khối (Công an huyện X) xây dựng": the head named in a bracket right after the role
_BRACKET_AFTER = re.compile(_ROLE_TAIL + r"\s*\(\s*(?:đơn vị\s+|cơ quan\s+|là\s+)?", re.IGNORECASE)
# "…, năm 2025 Ban Dân vận đảm nhận vai trò Trưởng khối": the year opens the unit's clause
_CLAUSE_YEAR = re.compile(
    r"(?:^|[,;:]|\s)\W*(?:trong\s+|từ\s+|sang\s+|đến\s+)?(?P<school>năm học|năm)\s+(?P<year>(?:19|20)\d{2})"
    r"(?:\s*[-–]\s*(?:19|20)\d{2})?\s*,?\s*$",
    re.IGNORECASE,
)
# "A và B lần lượt giữ vai trò Trưởng khối, Phó Trưởng khối": units and roles paired in order
_RESPECTIVELY = re.compile(
    r"\s+lần\s+lượt\s+(?:(?:là|làm|giữ|đảm nhận|đảm nhiệm|được bầu làm|được giao)\s+)?"
    r"(?:(?:các\s+)?(?:vai trò|cương vị|chức danh|chức|nhiệm vụ)\s+)?",
    re.IGNORECASE,
)
_SCHOOL_YEAR = re.compile(r"năm học\s+((?:19|20)\d{2}\s*[-–]\s*(?:19|20)\d{2})", re.IGNORECASE)
_ROLE_SEPARATOR = re.compile(r"^\s*(?:,|và|;)?\s*$")
_ELECTED = re.compile(r"(?<!\w)(?:bầu|giao|thống nhất|nhất trí|suy tôn|chọn|luân phiên|hiệp thương)(?!\w)", re.IGNORECASE)
# "Kết quả hiệp thương chọn Khối trưởng, Khối phó năm 2025:" over "Trưởng Khối: X" / "Phó Trưởng Khối: Y" lines
_TABLE_HEADING = re.compile(r"([^\n]{0,200}):[ \t]*\n[ \t]*$")
_TABLE_LINE = re.compile(r"[ \t]*[-–•+*]?[ \t]*(?:phó\s+)?(?:trưởng|khối|cụm)\s+(?:khối|cụm|trưởng|phó)[^\n]*\n", re.IGNORECASE)
_HEADING_YEAR = re.compile(r"(?<!\w)(năm học|năm)\s+((?:19|20)\d{2})", re.IGNORECASE)
# "UBND tỉnh X, Khối trưởng năm 2023, đã trao cờ …", "Đồng chí Chủ tịch UBND huyện X, Cụm trưởng, chủ trì …":
# the unit (or its official) opens the sentence and the role is set off by commas
# "Đại diện UBND xã X, Cụm trưởng năm 2025, cho biết": the unit speaks through its representative
_HONORIFIC = re.compile(r"^[\W\d]*(?:(?:đồng chí|đ/c|ông|bà|đại diện(?:\s+lãnh đạo)?)\s+)?", re.IGNORECASE)
_APPOSITION_AFTER = re.compile(
    r"(?:\s+(?:năm học|năm)\s+(?:19|20)\d{2}(?:\s*[-–]\s*(?:19|20)\d{2})?)?\s*,"
    # "A, Trưởng Khối năm 2022 đã bàn giao …": a stated year then the handing-over verb, no closing comma
    r"|\s+(?:năm học|năm)\s+(?:19|20)\d{2}(?:\s*[-–]\s*(?:19|20)\d{2})?\s+(?:đã\s+|vừa\s+)?"
    r"(?:bàn giao|trao|chuyển giao|giao lại)(?!\w)"
    # "Sở X, Khối trưởng [Khối thi đua Y | năm 2023] tổ chức hội nghị": the role (and its bloc) then the host's verb
    r"|(?:\s+(?:khối|cụm)\s+thi\s+đua[^,;.()\n]{0,80}?|\s+(?:năm học|năm)\s+(?:19|20)\d{2}(?:\s*[-–]\s*(?:19|20)\d{2})?)?"
    r"\s+(?:đã\s+|vừa\s+)?(?:tổ chức|chủ trì|đăng cai|phối hợp)(?!\w)",
    re.IGNORECASE,
)
# "Với vai trò Trưởng khối năm 2022, Công ty X đã …": the role leads, the unit follows the comma
_ROLE_LEADS = re.compile(r"(?<!\w)(?:với|trên)\s+(?:vai trò|cương vị|tư cách)(?:\s+(?:là|đơn vị))?\s*$", re.IGNORECASE)
_ROLE_LEADS_AFTER = re.compile(_ROLE_TAIL + r"\s*,\s*(?:đơn vị\s+|cơ quan\s+)?", re.IGNORECASE)
# A flattened table row "1 | Sở X | Trưởng khối" (tabs and bars come out as spaces): number, unit cell, role cell
_TABLE_ROW = re.compile(r"[ \t]*\d{1,3}[.)]?[ \t|]+(?=\S)")
_ROW_END = re.compile(r"[ \t|]*(?:\n|$)")
# Emulation councils and boards steer every bloc; an official's title naming one is not the unit leading the bloc
_COUNCIL = re.compile(r"^(?:Hội đồng|Ban|Phòng)\s+Thi\s+đua", re.IGNORECASE)
# "Chủ tịch UBND xã X cụm trưởng đã …": an official's title and unit glued to the role with no comma
_GLUED_TITLE = re.compile(r"(?:^|[,;:(]\s*|\s[-–—]\s*)(?P<title>(?:phó\s+)?(?:chủ tịch|giám đốc|bí thư|chánh án|viện trưởng|trưởng ban|trưởng phòng))\s[^,;:()\n]{3,80}\s$", re.IGNORECASE)
# "Tại hội nghị, A, Khối trưởng năm 2023, đã trao cờ …": a short adverbial lead-in before the unit that opens the clause
_LEAD_IN = re.compile(
    r"^(?:tại|trong|cũng tại|kết thúc|cuối|sau|sau đó|tiếp đó|dịp này|nhân dịp|mở đầu|sáng|chiều|tối|ngày|vừa qua|mới đây|gần đây)"
    r"(?:\s[^,;:()\n]{0,35})?,\s*",
    re.IGNORECASE,
)
# "… bàn giao nhiệm vụ cho B, Trưởng Khối năm 2023", "… trao cờ luân lưu cho B, Cụm trưởng năm 2024": the receiver
_HANDED_TO = re.compile(
    r"(?<!\w)(?:bàn giao|trao|chuyển giao|giao lại)(?!\w)[^.;:()\n]{0,60}?\scho\s+(?:đơn vị\s+|cơ quan\s+)?$",
    re.IGNORECASE,
)


def _table_heading(text: str, line_start: int) -> str | None:
    """The heading line ("…năm 2025:") over a leader table whose line starts at ``line_start``, else None."""
    pos = line_start
    for _ in range(4):  # skip the table's earlier lines
        m = _TABLE_HEADING.search(text, max(0, pos - 220), pos)
        if m is not None and m.end() == pos:
            return m.group(1)
        prev = text.rfind("\n", 0, max(0, pos - 1)) + 1
        if pos == 0 or not _TABLE_LINE.match(text, prev) or text.find("\n", prev) + 1 != pos:
            return None
        pos = prev
    return None


def _opens_sentence(text: str, sent_start: int, unit_start: int) -> bool:
    """Does the unit open its sentence, maybe after an honorific and its official's title ("Đồng chí Chủ tịch")?"""
    prefix = text[sent_start:unit_start]
    lead = _LEAD_IN.match(prefix)
    if lead is not None:
        prefix = prefix[lead.end() :]
    prefix = prefix[_HONORIFIC.match(prefix).end() :]
    if not prefix.strip():
        return True
    title = PERSON_TITLE.match(prefix)
    return title is not None and not prefix[title.end() :].strip()


def _past_council(text: str, council_start: int, floor: int) -> tuple[str, int] | None:
    """The unit of the official's earlier title when the nearest one names an emulation council.

    "Chủ tịch Ủy ban X, Phó Chủ tịch Hội đồng Thi đua - Khen thưởng, Khối trưởng": the bloc is led by Ủy ban X.
    """
    comma = text.rfind(",", floor, council_start)
    if comma < 0:
        return None
    found = unit_before(text, comma, floor, require_title=True)
    if found is None or _COUNCIL.match(found[0]):
        return None
    return found


def _table_row_unit(text: str, role: re.Match[str]) -> tuple[str, int] | None:
    """The unit cell of a flattened table row "1 Agribank Chi nhánh X Trưởng khối" whose last cell is the role."""
    if not _ROW_END.match(text, role.end()):
        return None
    line = text.rfind("\n", 0, role.start()) + 1
    row = _TABLE_ROW.match(text, line, role.start())
    if row is None:
        return None
    end = role.start() - len(text[row.end() : role.start()]) + len(text[row.end() : role.start()].rstrip(" \t|"))
    found = unit_before(text, end, row.end())
    return found if found is not None and found[1] == row.end() else None


def _glued_title(text: str, role_start: int, floor: int) -> tuple[str, int] | None:
    """The unit in "chủ tịch UBND xã X cụm trưởng đã …": an official's title and unit run into the role."""
    seg = _GLUED_TITLE.search(text, max(floor, role_start - 120), role_start)
    if seg is None:
        return None
    t = seg.start("title")
    # a lower-case title ("chủ tịch") is still a title; capitalise it for the unit cutter without moving offsets
    shown = text[:t] + text[t].upper() + text[t + 1 : role_start]
    found = unit_before(shown, role_start - 1, max(floor, t), require_title=True)
    return None if found is None or _COUNCIL.match(found[0]) else found


# "Tổng Kiểm toán Nhà nước Lê Văn A - Khối trưởng": an official titled "Tổng <agency>" heads that agency
_TONG_TITLE = re.compile(r"(?:^|[\s,;:(])Tổng\s+(?P<unit>" + UPPER + r"[^,;:()\n\d]{2,60}?)\s*$")
_NAME_AT_END = re.compile(r"\s(?P<name>" + UPPER + r"\w*(?:\s+" + UPPER + r"\w*){1,3})\s*$")
# "đồng chí Trần Văn A- Giám đốc Sở X, Khối phó": a dash glued to the person's name opens the title
_GLUED_DASH = re.compile(r"(?<=\w)[-–—]\s*")


def _official_named(text: str, end: int, floor: int) -> tuple[str, int] | None:
    """The unit of "<title> <unit> <Person Name>" ending at ``end`` ("Giám đốc Sở X Lê Văn A - Trưởng khối")."""
    m = _NAME_AT_END.search(text, max(floor, end - 40), end)
    if m is None or m.group("name").split()[0] not in words("surnames"):
        return None
    stop = m.start()
    found = unit_before(text, stop, floor, require_title=True)
    if found is not None:
        return found
    t = _TONG_TITLE.search(text, max(floor, stop - 80), stop)
    return (t.group("unit").strip(), t.start("unit")) if t is not None else None


def _after_glued_dash(text: str, end: int, floor: int) -> tuple[str, int] | None:
    """The titled unit after a dash glued to a name ("Trần Văn A- Giám đốc Sở X"), read from the dash on."""
    last = None
    for d in _GLUED_DASH.finditer(text, max(floor, end - 120), end):
        last = d
    if last is None or re.search(r"[,;:(]", text[last.end() : end]):
        return None
    return unit_before(text, end, last.end(), require_title=True)


# "Đồng chí Khối trưởng Trần Văn A, Ủy viên Tỉnh ủy, Giám đốc Sở X chủ trì": the role stands before the person,
# whose head-of-unit title among the following appositions names the unit
_PERSON_AFTER = re.compile(r"\s+(?P<name>" + UPPER + r"\w*(?:\s+" + UPPER + r"\w*){1,3})\s*,")
_HEAD_TITLE = re.compile(
    r"\s*(?:phó\s+)?(?:giám đốc|chủ tịch|trưởng ban|chánh án|viện trưởng|cục trưởng|hiệu trưởng|trưởng phòng)\s+(?=" + UPPER + r")",
    re.IGNORECASE,
)

# the person's verb closes the unit read off the title ("… Giám đốc Sở X phát biểu khai mạc")
_SPEAKS = re.compile(r"\s+(?:phát biểu|chủ trì|cho biết|khai mạc|báo cáo|trình bày|điều hành|tổ chức|nhấn mạnh)(?!\w)")


def _person_after(text: str, end: int, sent_end: int) -> tuple[str, int] | None:
    """The unit headed by the person named right after the role, read off the person's head-of-unit title."""
    m = _PERSON_AFTER.match(text, end)
    if m is None or m.group("name").split()[0] not in words("surnames"):
        return None
    pos = m.end()
    for _ in range(3):  # the titles are comma-separated appositions; the head title is seldom later than third
        t = _HEAD_TITLE.match(text, pos)
        if t is not None:
            after = unit_after(text, t.end())
            if after is None or _COUNCIL.match(after[0]):
                return None
            unit = _SPEAKS.split(after[0], maxsplit=1)[0].strip()
            return (unit, t.end()) if unit else None
        comma = text.find(",", pos, min(sent_end, pos + 80))
        if comma < 0:
            return None
        pos = comma + 1
    return None


def _lower_head(text: str, found: tuple[str, int], floor: int) -> tuple[str, int]:
    """Take back a lower-case "trường" before a capitalised school name ("đại diện trường Cao đẳng X")."""
    unit, start = found
    m = re.search(r"(?<!\w)trường\s+$", text[max(floor, start - 10) : start])
    if m is None or not unit[:1].isupper():
        return found
    return text[start - len(m.group(0)) : start] + unit, start - len(m.group(0))


def _default_year(records: ArticleRecords, elected: bool) -> int | None:
    period = records.period or ""
    if re.fullmatch(r"\d{4}-\d{4}", period):
        return None
    m = re.match(r"(\d{4})", period)
    if m:
        year = int(m.group(1))
        return year + 1 if elected and "tong_ket" in records.event_types else year
    if records.event_date:
        return int(records.event_date[:4])
    return None


_NO_YEAR = object()


def _explicit_year(text: str, role_start: int, role_end: int, sent_start: int) -> object:
    """The year the sentence states for the role at ``role_start`` (None: a school year), or _NO_YEAR."""
    after = text[role_end:]
    if text[role_start - 1 : role_start] == "(" or text.rfind("(", max(0, role_start - 20), role_start) > text.rfind(
        ")", max(0, role_start - 20), role_start
    ):
        m = _YEAR_IN_PAREN.match(after)
        if m:
            return int(m.group(1))
    m = _YEAR_AFTER.match(after)
    if m:
        return None if m.group(1).lower() != "năm" else int(m.group(2))
    sm = _SENTENCE_YEAR.match(text[sent_start:role_start])
    if sm:
        return int(sm.group(1))
    if re.search(r"năm học|giai đoạn", text[sent_start:role_end], re.IGNORECASE):
        return None
    return _NO_YEAR


def _year_for(text: str, role_start: int, role_end: int, sent_start: int, records: ArticleRecords) -> int | None:
    year = _explicit_year(text, role_start, role_end, sent_start)
    if year is not _NO_YEAR:
        return year  # type: ignore[return-value]
    elected = bool(_ELECTED.search(text, sent_start, role_start))
    return _default_year(records, elected)


def _stated_year(m: re.Match[str], records: ArticleRecords, elected: bool) -> object:
    if m.group("school"):
        return None if m.group("school").lower() != "năm" else int(m.group("year"))
    return _default_year(records, elected) if elected else _NO_YEAR


# A mention that names a bloc: "Khối thi đua Kinh tế", "Cụm thi đua số 2", "khối thi đua các sở ngành"; not
# "Khối thi đua và Bộ Chỉ huy ..." or "Trưởng khối thi đua nhấn mạnh" (a clause after the role).
_NAMED = re.compile(r"\S+\s+\S+\s+\S+\s+(?:" + UPPER + r"|\d|các\s|số\s)")


def _other_bloc(sent: Sentence, role: re.Match[str], ours: BlocMention | None) -> bool:
    """Is the role at ``role`` another bloc's ("Khối thi đua Y đã bầu Sở X làm Trưởng khối", "Trưởng Khối thi đua Y")?"""
    if ours is None:
        return False
    start, end = role.start() - sent.start, role.end() - sent.start
    mentions = [x for x in find_mentions(sent.text) if _NAMED.match(x.surface)]
    own = [x for x in mentions if start <= x.start <= end + 1]  # "Trưởng Khối thi đua Y": the role names its bloc
    before = [x for x in mentions if x.end <= start]
    nearest = own[0] if own else (before[-1] if before else None)
    return nearest is not None and same_bloc(nearest, ours) is False


def _our_bloc(records: ArticleRecords) -> BlocMention | None:
    found = find_mentions(records.bloc) if records.bloc else []
    return found[0] if found else None


_PEOPLES_COMMITTEE = re.compile(r"^(?:UBND|Ủy ban nhân dân|Uỷ ban nhân dân)\s+(?=\w)", re.IGNORECASE)


def _merge_committee_forms(leaders: list[Leader]) -> list[Leader]:
    """One leader per (place, role, year): "UBND quận X" (read off "Chủ tịch UBND quận X") and "quận X" are one."""
    bare = {(unit_key(x.unit), x.role, x.year) for x in leaders if not _PEOPLES_COMMITTEE.match(x.unit)}
    return [
        x for x in leaders
        if not (_PEOPLES_COMMITTEE.match(x.unit) and (unit_key(_PEOPLES_COMMITTEE.sub("", x.unit)), x.role, x.year) in bare)
    ]


def _clause_year(text: str, sent_start: int, unit_start: int) -> object:
    """The year opening the unit's clause ("…, năm 2025 Ban X làm …"; None for a school year), or _NO_YEAR."""
    m = _CLAUSE_YEAR.search(text, max(sent_start, unit_start - 40), unit_start)
    if m is None:
        return _NO_YEAR
    return None if m.group("school").lower() != "năm" else int(m.group("year"))


def _split_units(name: str, offset: int) -> list[tuple[str, int]]:
    """Split "A và B" / "A, B" into units, cut only where the next part opens with an agency or place head word."""
    head = re.compile(r"(?:" + "|".join(re.escape(h) for h in agency_heads()) + r")(?!\w)")
    parts, start = [], 0
    for c in re.finditer(r"\s*,\s*|\s+và\s+", name):
        if head.match(name, c.end()):
            parts.append((name[start : c.start()].strip(), offset + start))
            start = c.end()
    parts.append((name[start:].strip(), offset + start))
    return [p for p in parts if p[0]]


def _units_ending_at(text: str, end: int, floor: int, n: int) -> list[tuple[str, int]] | None:
    """The ``n`` units listed ("A, B và C") right before ``end``, in order, else None."""
    units: list[tuple[str, int]] = []
    while len(units) < n:
        found = unit_before(text, end, floor)
        if found is None:
            return None
        units[:0] = _split_units(found[0], found[1])
        sep = re.search(r"(?:\s*,|\s+và)\s*$", text[max(floor, found[1] - 6) : found[1]])
        if sep is None:
            break
        end = found[1] - len(sep.group(0))
    return units if len(units) == n else None


def _respective(text: str, sent: Sentence, role: re.Match[str]) -> tuple[str, int] | None:
    """The unit paired with ``role`` in "A và B lần lượt giữ vai trò Trưởng khối, Phó Trưởng khối", else None."""
    lt = None
    for m in _RESPECTIVELY.finditer(text, sent.start, role.start()):
        lt = m
    if lt is None:
        return None
    roles = []
    pos = lt.end()
    for r in _ROLE.finditer(text, lt.end(), sent.end):
        if not _ROLE_SEPARATOR.match(text[pos : r.start()]):
            break
        roles.append(r)
        pos = r.end()
        pos += len(re.match(r"(?:\s+(?:khối|cụm)\s+thi\s+đua)?", text[pos:], re.IGNORECASE).group(0))
    starts = [r.start() for r in roles]
    if len(roles) < 2 or role.start() not in starts:
        return None
    units = _units_ending_at(text, lt.start(), sent.start, len(roles))
    return None if units is None else units[starts.index(role.start())]


def _giver(text: str, sent_start: int, verb_start: int) -> tuple[str, int] | None:
    """The unit opening the clause before a handover verb at ``verb_start`` ("Lãnh đạo A trao cờ …"), else None."""
    gap = _BEFORE_VERB.search(text, sent_start, verb_start)
    end = gap.start() if gap else verb_start
    found = unit_before(text, end, sent_start)
    if found is None:
        return None
    opened = text[sent_start : found[1]]
    lead = _LEAD_IN.match(opened)
    rest = opened[lead.end() if lead else 0 :]
    if re.sub(r"^[\W\d]*(?:(?:lãnh đạo|đại diện(?:\s+lãnh đạo)?|đồng chí)\s+)?", "", rest, flags=re.IGNORECASE).strip():
        return None
    return found


# "các Sở: A, B (Khối trưởng), C": the head noun said once before a colon, the list's items bare
_HEAD_THEN_COLON = re.compile(r"(?<!\w)các\s+(Sở|Ban|Hội|Phòng|Trường|Cục|Chi cục)\s*:\s*")


def _listed_under_head(text: str, floor: int, role_start: int) -> tuple[str, int] | None:
    """The bare list item just before "(Khối trưởng)" with the shared head noun put back ("Sở A"), else None."""
    heads = list(_HEAD_THEN_COLON.finditer(text, floor, role_start))
    head = heads[-1] if heads else None
    if head is None:
        return None
    seg_start = head.end()
    end = text.rfind("(", seg_start, role_start + 1)
    end = end if end >= 0 else role_start
    masked = mask_name_commas(text[seg_start:end])
    cut = max(masked.rfind(c) for c in ",;)")
    item_start = seg_start + cut + 1 if cut >= 0 else seg_start
    item = text[item_start:end].strip()
    if not item or not item[0].isupper() or item.split()[0] == head.group(1) or len(item.split()) > 10:
        return None
    return f"{head.group(1)} {item}", item_start + (len(text[item_start:end]) - len(text[item_start:end].lstrip()))


_IS_NAMED = re.compile(_ROLE_TAIL + r"\s+là\s+(?:đơn vị\s+|cơ quan\s+)?", re.IGNORECASE)


def _names_after(text: str, end: int) -> bool:
    """Does "là" and a unit follow the role ending at ``end`` ("Cụm phó là Công an tỉnh Y")?"""
    tail = _IS_NAMED.match(text, end)
    return tail is not None and unit_after(text, tail.end()) is not None


def extract_leaders(doc: PreparedText, records: ArticleRecords) -> list[Leader]:
    """Return head/deputy units with their year, one per (unit, role, year)."""
    text = doc.text
    out: list[Leader] = []
    seen: set[tuple[str, str, int | None]] = set()
    ours = _our_bloc(records)
    others = other_bloc_spans(text, records.bloc)
    school_years: dict[int, str | None] = {}
    for sent in doc.sentences:
        carried: object = _NO_YEAR  # an explicit year stated for an earlier role of the same sentence
        for m in _ROLE.finditer(text, sent.start, sent.end):
            if _other_bloc(sent, m, ours) or inside(others, m.start()):
                continue
            role = "deputy" if (m.group("d1") or m.group("d2") or m.group("d3")) else "head"
            found = None
            stated: object = _NO_YEAR
            before = text[max(sent.start, m.start() - 60) : m.start()]
            handover = _HANDOVER_BEFORE.search(before)
            respective = None if handover else _respective(text, sent, m)
            if respective is not None:
                found, source, handover = respective, "rule:leader_respectively", None
            elif handover:
                tail = _HANDOVER_AFTER.match(text, m.end())
                after = unit_after(text, tail.end()) if tail else None
                if tail is None or after is None:
                    continue  # "bàn giao nhiệm vụ Trưởng khối" with no receiver: the giver is elsewhere
                found = (after[0], tail.end())
                source = "rule:leader_handover"
                stated = _stated_year(tail, records, elected=True)
                giver = _giver(text, sent.start, m.start() - len(before) + handover.start())
                giver = giver if re.match(r"trao\s+cờ", handover.group(0), re.IGNORECASE) else None
                if giver is not None and isinstance(stated, int) and tail.group("year"):
                    gkey = (unit_key(giver[0]), role, stated - 1)
                    if gkey not in seen:
                        seen.add(gkey)
                        out.append(
                            Leader(unit=giver[0], role=role, year=stated - 1, start=giver[1], end=m.end(), source="rule:leader_handover")
                        )
            cue = None if handover or respective else _CUE_BEFORE.search(before)
            listed = _listed_under_head(text, sent.start, m.start()) if cue and cue.group(0).lstrip().startswith("(") else None
            if listed is not None:
                found, source, cue = listed, "rule:leader_before", None
            if cue and cue.group(0).lstrip().startswith(",") and _names_after(text, m.end()):
                cue = None  # "…, đơn vị Cụm phó là Y": the role's own "là" names its unit, not the clause before
            if cue and not _NOT_A_UNIT_BEFORE.search(before[: cue.start()]):
                end = m.start() - (len(before) - cue.start())
                # "A, Trưởng khối ...": A must be a person's title + unit ("Giám đốc Sở Tư pháp")
                comma = cue.group(0).lstrip().startswith(",")
                # "huyện X, đơn vị Cụm trưởng …": an apposition names the unit itself, no person's title needed
                apposition = comma and cue.group(0).rstrip().endswith("đơn vị")
                found = unit_before(text, end, sent.start, require_title=comma and not apposition)
                source = "rule:leader_title" if comma else "rule:leader_before"
                if found is not None and comma and _COUNCIL.match(found[0]):
                    found = _past_council(text, found[1], sent.start)
                if found is None and comma and not apposition and _APPOSITION_AFTER.match(text, m.end()):
                    bare = unit_before(text, end, sent.start)
                    if bare is not None and _opens_sentence(text, sent.start, bare[1]):
                        found = bare
                        lead = _LEAD_IN.match(text[sent.start : bare[1]])
                        opened = sent.start + (lead.end() if lead else 0)
                        opened += _HONORIFIC.match(text[opened : bare[1]]).end()
                        # read off an official's title, the unit yields to a stated leader of the same slot
                        source = "rule:leader_title" if bare[1] > opened else "rule:leader_before"
                if found is None and comma and not apposition:
                    found = _after_glued_dash(text, end, sent.start)
                if found is None and cue.group(0).strip()[:1] in ",-–—":
                    found = _official_named(text, end, sent.start)
                    source = "rule:leader_title"
                if found is None and comma and not apposition:
                    bare = unit_before(text, end, sent.start)
                    if bare is not None and _HANDED_TO.search(text, max(sent.start, bare[1] - 80), bare[1]):
                        found, source = bare, "rule:leader_handover"
                        stated = _explicit_year(text, m.start(), m.end(), sent.start)
                        if stated is _NO_YEAR:  # "… cho B, Cụm trưởng mới": B leads the next year
                            stated = _default_year(records, elected=True)
            if found is None and not handover and not respective:
                found = _table_row_unit(text, m)
                source = "rule:leader_before"
            if found is None and not handover and not respective and _ROLE_LEADS.search(before):
                tail = _ROLE_LEADS_AFTER.match(text, m.end())
                after = unit_after(text, tail.end()) if tail else None
                if tail and after:
                    found, source = (after[0], tail.end()), "rule:leader_is"
                    stated = _stated_year(tail, records, elected=False)
            if found is None and not handover and not respective:
                found = _glued_title(text, m.start(), sent.start)
                source = "rule:leader_title"
            if found is None and not handover and not respective:
                found = _person_after(text, m.end(), sent.end)
                source = "rule:leader_title"
            if found is None:
                tail = _IS_AFTER.match(text, m.end())
                after = unit_after(text, tail.end()) if tail else None
                if tail and after:
                    found = (after[0], tail.end())
                    source = "rule:leader_is"
                    stated = _stated_year(tail, records, elected=False)
            if found is None:
                tail = _BRACKET_AFTER.match(text, m.end())
                after = unit_after(text, tail.end()) if tail else None
                if tail and after and re.match(r"\s*\)", text[after[1] :]):
                    found = (after[0], tail.end())
                    source = "rule:leader_is"
                    stated = _stated_year(tail, records, elected=False)
            if found is None:
                after = unit_after(text, m.end() + 1) if text[m.end() : m.end() + 1] == " " else None
                if after and not re.match(r"\s*(?:khối|cụm|thi đua|năm)", text[m.end() : m.end() + 12], re.IGNORECASE):
                    found = (after[0], m.end() + 1)
                    source = "rule:leader_after"
            if found is None:
                continue
            unit, ustart = _lower_head(text, found, sent.start)
            if stated is _NO_YEAR:
                stated = _explicit_year(text, m.start(), m.end(), sent.start)
            if stated is _NO_YEAR and source != "rule:leader_title":
                stated = _clause_year(text, sent.start, ustart)
            if stated is _NO_YEAR:
                stated = carried
            heading = _table_heading(text, text.rfind("\n", 0, m.start()) + 1) if stated is _NO_YEAR else None
            if heading is not None:
                hy = _HEADING_YEAR.search(heading)
                if hy is not None:
                    stated = None if hy.group(1).lower() != "năm" else int(hy.group(2))
            if stated is _NO_YEAR and heading is not None and _ELECTED.search(heading):
                year = _default_year(records, elected=True)
            elif stated is _NO_YEAR:
                year = _year_for(text, m.start(), m.end(), sent.start, records)
            else:
                year = stated  # type: ignore[assignment]
                carried = stated
            key = (unit_key(unit), role, year)
            if key in seen:
                continue
            seen.add(key)
            out.append(Leader(unit=unit, role=role, year=year, start=min(ustart, m.start()), end=m.end(), source=source))
            if year is None:  # a school year: "năm học 2023-2024" and "năm học 2024-2025" are different slots
                school = _SCHOOL_YEAR.search(text, sent.start, sent.end)
                school_years[id(out[-1])] = school.group(1) if school else None
    # "Cụm trưởng năm 2022 là huyện X" wins over the unit read off a person's title ("Chủ tịch UBND huyện X, Cụm trưởng")

    def slot(x: Leader) -> tuple[str, object]:
        return x.role, x.year if x.year is not None else school_years.get(id(x))

    stated_slots = {slot(x) for x in out if x.source != "rule:leader_title"}
    out = [x for x in out if x.source != "rule:leader_title" or slot(x) not in stated_slots]
    return _bare_places_like_the_rest(_merge_committee_forms(out))


_BARE_PLACE = re.compile(r"^(?:huyện|quận|thị xã|thành phố|xã|phường|thị trấn|Tp\.|TP\.?)\s+" + UPPER)


def _bare_places_like_the_rest(leaders: list[Leader]) -> list[Leader]:
    """ "UBND huyện X" read off a person's title becomes "huyện X" when the article names its other leaders bare."""
    stated = [x for x in leaders if x.source != "rule:leader_title"]
    if not stated or not all(_BARE_PLACE.match(x.unit) for x in stated):
        return leaders
    for x in leaders:
        if x.source == "rule:leader_title" and _PEOPLES_COMMITTEE.match(x.unit):
            bare = _PEOPLES_COMMITTEE.sub("", x.unit)
            if _BARE_PLACE.match(bare):
                x.unit = bare
    return leaders


def fill(doc: PreparedText, records: ArticleRecords) -> None:
    """Set ``records.leaders`` (needs period/event_date already filled for the default year)."""
    records.leaders = extract_leaders(doc, records)
