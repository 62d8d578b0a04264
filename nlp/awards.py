"""Awards given, proposed or announced, with recipient and count.

Titles come from data/gazetteers/award_titles.tsv (Cờ thi đua, Bằng khen, Giấy khen, đơn vị xuất
sắc, giải nhất, …). The recipient is found from the verb around the title:

* receiving verbs look back: "Hội Nhà báo nhận Cờ thi đua", "bình chọn X là đơn vị xuất sắc";
* giving verbs look forward: "tặng cờ thi đua xuất sắc cho Trường ĐH Nha Trang", "trao bằng khen cho
  3 tập thể … gồm: A, B và C", "Giải nhì thuộc về Cục Hải quan tỉnh";
* a giving verb with no "cho" reuses the recipient named just before in the sentence ("bình chọn X
  là đơn vị xuất sắc … và đề nghị UBND tỉnh xét tặng Cờ thi đua" -> X);
* a results list: "- Cờ thi đua của UBND tỉnh: Sở A; - Bằng khen của Chủ tịch UBND tỉnh: Sở B, Sở C";
* a passive subject: "Kho bạc … được suy tôn dẫn đầu Khối, đề nghị UBND tỉnh tặng Cờ thi đua" -> Kho bạc;
  "04 tập thể và 06 cá nhân … được Thủ tướng Chính phủ tặng Bằng khen" -> counts;
* counts only: "khen thưởng 05 tập thể, 02 cá nhân" -> recipient "tập thể"/"cá nhân" with counts,
  the title taken from the sentence or, failing that, the last title named just before.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from nlp.lexicon import rows
from nlp.prepare import PreparedText, Sentence
from store.models import Award
from store.vntext import fold_key

# How many sentences back a count-only sentence may borrow its award title from (a caption
# "Trao Giấy khen cho các tập thể …" usually sits right above "khen thưởng 05 tập thể, 02 cá nhân").
TITLE_LOOKBACK_SENTENCES = 3
MAX_UNIT_WORDS = 14
MAX_COUNT_TO_VERB = 60  # "06 cá nhân thuộc Khối vinh dự được Thủ tướng Chính phủ tặng": count to title
VERB_WINDOW = 40  # characters before a title searched for its verb

# an upper-case first letter, Vietnamese included ("tỉnh Nghệ An", "tỉnh Đắk Lắk")
_CAPITAL = "[" + "".join(c for c in map(chr, range(0x41, 0x1EFA)) if c.isalpha() and c.isupper()) + "]"
# counts written as words ("hai tập thể và bốn cá nhân", "cho ba tập thể"), 1 to 19
_NUMBER_WORDS = {"một": 1, "hai": 2, "ba": 3, "bốn": 4, "năm": 5, "sáu": 6, "bảy": 7, "tám": 8, "chín": 9, "mười": 10}
_NUMBER = (
    r"\d{1,4}|(?i:mười\s+(?:một|hai|ba|bốn|lăm|năm|sáu|bảy|tám|chín)|một|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười)"
)
# a counted collective: "3 trường", "hai HTX" are counted as "tập thể" (heldout6 decision 9)
_COUNTED = r"tập thể|cá nhân|đơn vị|cơ quan|trường|HTX|hợp tác xã|doanh nghiệp|bệnh viện"
_UNIT_HEAD = re.compile(
    r"(?:Sở|sở|Ban|Văn phòng|VP|UBND|VKSND|VKS|Viện KSND|TAND|TA|CA|MTTQ|UBMTTQVN|MTTQVN|HLHPN|Hội LHPN|CCB|Ủy ban|Uỷ ban|UBMTTQ|Hội|Liên hiệp|Liên đoàn|Liên minh|Trường|ĐH|CĐ|TC|"
    r"Đại học|Cao đẳng|Trung cấp|Học viện|Cục|Chi cục|Kho bạc|Ngân hàng|NH|Công an|Bộ Chỉ huy|Bộ CHQS|Bộ đội|"
    r"Đài|Báo|Tỉnh đoàn|Thành đoàn|Huyện đoàn|Tỉnh Đoàn|Thành Đoàn|Huyện Đoàn|Đoàn|Đồn|Hải đội|Bộ Tư lệnh|Đặc khu|đặc khu|Viện|Tòa án|Toà án|Thanh tra|Bảo hiểm|BHXH|Trung tâm|"
    r"Công ty|Tổng công ty|Tổng Công ty|Chi nhánh|Huyện|huyện|Xã|xã|Phường|phường|Thị xã|thị xã|Thành phố|thành phố|TP\.|Tp\.|TX\.|Tx\.|TP|"
    r"Quận|quận|Thị trấn|thị trấn|Tạp chí|Phân hiệu|LĐLĐ|Thuế|Bệnh viện|Quỹ|Câu lạc bộ|Đảng ủy|Đảng uỷ|Huyện ủy|Thành ủy|Tỉnh ủy|Hợp tác xã|HTX|Mặt trận|Cơ quan|"
    r"Phòng|BQL|Nhà xuất bản|NXB|Điện lực|Công đoàn|Đảng bộ|Cảng vụ|Kiểm toán|Viễn thông|Bưu điện|Hải quan|"
    r"(?:Tỉnh|tỉnh)(?=\s+" + _CAPITAL + "))"
    r"(?![\wđ])(?!\s+(?:nghị|thao|thi|diễn|đồng thi đua|hội)\b)"
)
_UNIT_STOP = re.compile(
    r"\s+(?:được|nhận|đạt|là|có|đã|đang|sẽ|thuộc|với|tại|cho|vì|do|nhằm|đề nghị|xem xét|xét|làm|tặng|trao|"
    r"giành|đoạt|vinh dự|dẫn đầu|cùng|đồng thời|xếp|suy tôn|bình chọn|bầu chọn)(?![\wđ])"
    r"|\s*,(?!\s*(?i:thể thao|thương binh))|\s*[;:.()“”\"!?]"
    r"|\s+và\s+(?=(?i:cờ|bằng|giấy|giải|danh hiệu|các|những|nhiều)\b)"
    r"|\s+và\s+(?=(?:" + _NUMBER + r")\s+(?:" + _COUNTED + r")(?![\wđ]))"
)
_UNIT_STOP = re.compile(_UNIT_STOP.pattern + r"|\s+và\s+(?=" + _UNIT_HEAD.pattern + ")")
_RECEIVE = re.compile(
    r"(?:\bnhận|\bđạt|\blà|được\b[^,;:]{0,30}|\bgiành|\bđoạt|\bxứng đáng)\s*(?:các\s+)?(?:danh hiệu\s+)?[“\"‘«]?$",
    re.IGNORECASE,
)
_GIVE = re.compile(
    r"(?:\btặng|\btrao|\btrao tặng|\bxét tặng|\btặng thưởng|\bkhen thưởng|\bđề nghị|\bđề xuất|\btrình)"
    r"\s*(?:các\s+)?(?:danh hiệu\s+)?[“\"‘«]?$",
    re.IGNORECASE,
)
_COUNT = re.compile(r"(?<![\d.,\w])(" + _NUMBER + r")\s+(" + _COUNTED + r")(?![\wđ])")
_COUNT_CUE = re.compile(r"khen thưởng|tặng|trao|đề nghị|xét", re.IGNORECASE)
_LIST_INTRO = re.compile(r"(?:gồm|bao gồm|là|đó là|như)\s*:\s*|gồm\s+", re.IGNORECASE)
# "tặng Cờ thi đua cho 02 đơn vị: A; B": the count, a colon, then the units it counts
_COUNT_COLON = re.compile(r"\s*:\s*(?=\S)")
_GENERIC_GROUP = re.compile(r"^(?:các|những)\s+(tập thể|cá nhân|đơn vị)", re.IGNORECASE)
_SKIP_BEFORE_CHO = re.compile(
    r"^[”\"’»]?(?:\s*(?:xuất sắc|dẫn đầu|toàn (?:khối|cụm|đoàn)|của\s+[^,;.]{1,60}?|năm \d{4}|\(.*?\)))*\s*(?:cho|đến|tới)\s+(?:(?:khối|cụm)\s+(?:trưởng|phó)\s+là\s+)?",
    re.IGNORECASE,
)
# "… tặng Bằng khen cho đơn vị.": the unit named earlier in the sentence
_BACK_REFERENCE = re.compile(r"\s*(?:đơn vị|tập thể)(?:\s+(?:này|trên|đó|nói trên))?\s*(?:[.;]|$)", re.IGNORECASE)
_BELONGS = re.compile(r"^\s*(?:toàn khối\s+)?thuộc về\s+", re.IGNORECASE)
# "- Cờ thi đua của UBND tỉnh: Sở A; - Bằng khen của Chủ tịch UBND tỉnh: Sở B, Sở C": the title, an
# optional issuer, a colon, then the recipients.
_TITLE_COLON = re.compile(r"^\s*(?:xuất sắc\s*)?(?:(?:của|do)\s+[^:;\n]{1,60}?)?\s*(?:\(\s*\d+\s*\)\s*)?:\s*(?=\S)", re.IGNORECASE)
# A recipient without an agency head word, after "cho": a brand ("Agribank Bạc Liêu") or a person.
_LOOSE_NAME = re.compile(
    r"(?:(?:ông|bà|đồng chí|đ/c)\s+)?((?:[A-ZĐ][\w&'’\-]*|[À-Ỹ][\w'’\-]*)(?:\s+(?:[A-ZĐ][\w&'’\-]*|[À-Ỹ][\w'’\-]*)){1,5})"
)
_NOT_LOOSE = re.compile(r"^(?:Khối|Cụm|Hội nghị|Thủ tướng|Chủ tịch|Ban Thi đua|Năm|Ngày)(?!\w)")
# Abbreviations that end with a dot inside a unit name: the sentence splitter cuts "Tp. Ninh Bình".
_ABBREV_END = re.compile(r"(?<!\w)(?:Tp|TP|Tx|TX|TT|Q|P|TS|ThS|PGS|GS|BS)\.$")
_PASSIVE_SUBJECT = re.compile(
    r"\s+được\s+(?:[^,;:]{0,20}?\s)?(?:suy tôn|bình chọn|bình xét|công nhận|xếp|xếp hạng|đánh giá|bầu chọn)(?!\w)",
    re.IGNORECASE,
)
# "được (Chủ tịch) UBND tỉnh tặng": the unit after "được", or after its head's title, is the giver
_GIVER_BEFORE = re.compile(
    r"(?<!\w)được\s+(?:(?:Phó\s+)?(?:Chủ tịch|Giám đốc|Trưởng|Bộ trưởng|Thủ trưởng|Viện trưởng|Chánh án|Tổng\s+\w+)\s+)?$"
)
_NEEDS_RECIPIENT = {"đơn vị xuất sắc", "đơn vị dẫn đầu", "giải"}
_RANKING = {"đơn vị xuất sắc", "đơn vị dẫn đầu"}
# "Ban tổ chức trao giải nhất toàn đoàn cho A; giải nhì cho B": the overall prize
_OVERALL = re.compile(r"\s+toàn\s+(?:đoàn|khối|cụm)$", re.IGNORECASE)
# "tặng Cờ thi đua cho X, đơn vị dẫn đầu Cụm": the ranking in apposition to the recipient is a second award
_APPOSITION = re.compile(r"\s*,\s*$")
_RANKING_OF_BLOC = re.compile(r"\s+(?:khối|cụm)(?!\w)", re.IGNORECASE)
# "X xếp thứ nhất, được cụm đề nghị … tặng Cờ thi đua": the unit ranked first is the one proposed
_RANKED = re.compile(
    r"\s+(?:được\s+)?(?:xếp|đứng|đạt)\s+(?:thứ|hạng|vị trí)\s+(?:nhất|nhì|hai|ba|tư|\d+)(?!\w)", re.IGNORECASE
)
# a bloc's ranking decided by a vote ("suy tôn X là đơn vị dẫn đầu"), not a reason given after an award
_RANKING_VERB = re.compile(r"(?<!\w)(?:suy tôn|bình chọn|bầu chọn|bình xét|công nhận|xếp|xếp hạng|chọn)(?!\w)", re.IGNORECASE)
_FOR_RECIPIENT = re.compile(r"(?<!\w)(?:cho|đến|tới)\s", re.IGNORECASE)
# "3 đơn vị được đề nghị Chủ tịch UBND tỉnh tặng Bằng khen", "Sở A và Sở B được đề nghị tặng Cờ thi đua":
# the passive subject of a giving verb, which may sit further back than VERB_WINDOW
_PASSIVE_GIVEN = re.compile(
    r"\s+được\s+(?:đề nghị|đề xuất|xét|trình|tặng|trao|khen thưởng)(?!\w)(?=[^,;:]{0,45}$)", re.IGNORECASE
)
# "suy tôn đơn vị đứng đầu Cụm (có số điểm cao) là xã A": the vote, the ranking, then "là" and the unit
_ACTIVE_RANKING_END = re.compile(r"(?<!\w)(?:suy tôn|bình chọn|bầu chọn|bình xét)\s+$", re.IGNORECASE)
_NAMED_AFTER = re.compile(r"[^,;.:]{0,50}?\s(?:là|thuộc về)\s+", re.IGNORECASE)
# a results line: the unit, a dash, then its prize ("Sở A - giải nhất", "Ban B-giải nhì")
_RESULT_DASH = re.compile(r"(?<=\w)\s*[-–]\s*$")
# "suy tôn Sở A và Sở B đề nghị UBND tỉnh tặng Cờ thi đua": the units voted for, then the proposal
# "… được đề nghị tặng Cờ thi đua": a passive giving verb right before the title
_PASSIVE_GIVEN_VERB = re.compile(r"(?<!\w)được\s+(?:[^,;:]{0,30}?\s)?(?:tặng|trao|khen thưởng|đề nghị|đề xuất|trình)\s*$", re.IGNORECASE)
_ACTIVE_RANKING = re.compile(r"(?<!\w)(?:suy tôn|bình chọn|bầu chọn|bình xét)\s+", re.IGNORECASE)


# "Chi cục A huyện B, tỉnh C": a province after the unit's comma only says where the unit is
_PROVINCE_QUALIFIER = re.compile(r"(?:tỉnh|Tỉnh)\s+" + _CAPITAL + r"\S*(?:\s+" + _CAPITAL + r"\S*){0,3}$")
# "tất cả các đơn vị còn lại đều được … công nhận là Tập thể lao động tiên tiến": every other unit, uncounted
_ALL_GROUP_SUBJECT = re.compile(
    r"(?<!\w)(?:(?:tất cả|toàn bộ)\s+(?:các|những)\s+(tập thể|cá nhân|đơn vị)(?!\w)[^,;:]{0,60}?\s"
    r"|(?:các|những)\s+(tập thể|cá nhân|đơn vị)(?!\w)[^,;:]{0,60}?\sđều\s+)được(?!\w)",
    re.IGNORECASE,
)


@dataclass
class _Mention:
    award: str
    kind: str
    start: int
    end: int


@lru_cache(maxsize=1)
def _titles() -> tuple[re.Pattern[str], dict[str, str]]:
    entries = rows("award_titles", 2)
    pattern = re.compile("|".join(f"(?:{p})" for p, _k in entries), re.IGNORECASE)
    kinds = {p: k for p, k in entries}
    return pattern, kinds


def _kind(award: str) -> str:
    _pattern, kinds = _titles()
    for p, k in kinds.items():
        if re.fullmatch(p, award, re.IGNORECASE):
            return k
    return award


def _unit_at(text: str, pos: int) -> tuple[str, int, int] | None:
    """Return the unit name starting at ``pos`` (after optional "đơn vị"), or None."""
    lead = re.match(r"\s*(?:đơn vị\s+|các\s+)?", text[pos:])
    p = pos + (lead.end() if lead else 0)
    m = _UNIT_HEAD.match(text, p)
    if not m:
        return None
    stop = _UNIT_STOP.search(text, m.end())
    end = stop.start() if stop else len(text)
    name = re.sub(r"(?:\s+(?:và|cùng|hoặc))+$", "", text[p:end].strip())  # "cho huyện A và tặng ..."
    words = name.split()
    if len(words) > MAX_UNIT_WORDS:
        name = " ".join(words[:MAX_UNIT_WORDS])
    return (name, p, p + len(name)) if len(name) > 2 else None


def _passive_subject(sentence: str, pos: int) -> list[tuple[str, int, int]]:
    """Units the sentence opens with when they "được suy tôn/bình chọn/công nhận" before ``pos``.

    "Kho bạc Nhà nước tỉnh được suy tôn dẫn đầu Khối, đề nghị UBND tỉnh tặng Cờ thi đua" -> Kho bạc.
    """
    m = _PASSIVE_SUBJECT.search(sentence[:pos])
    if not m:
        return []
    return _units_before(sentence, 0, m.start())


def _loose_at(text: str, pos: int) -> tuple[str, int, int] | None:
    """A capitalised recipient with no agency head word at ``pos`` ("Agribank Bạc Liêu", "ông Lê Văn Tám")."""
    lead = re.match(r"\s*", text[pos:])
    m = _LOOSE_NAME.match(text, pos + (lead.end() if lead else 0))
    if not m or _NOT_LOOSE.match(m.group(1)):
        return None
    return m.group(1), m.start(1), m.end(1)


def _split_items(segment: str) -> list[tuple[int, str]]:
    """Split a list of units on commas, semicolons and "và" before a unit head; keep offsets."""
    items: list[tuple[int, str]] = []
    pos = 0
    for m in re.finditer(r"\s*,(?!\s*(?i:thể thao|thương binh))\s*|\s*[;:]\s*|\s+và\s+(?=" + _UNIT_HEAD.pattern + ")", segment):
        items.append((pos, segment[pos : m.start()]))
        pos = m.end()
    items.append((pos, segment[pos:]))
    return items


def _first_unit(sentence: str, start: int, item: str) -> tuple[str, int, int] | None:
    """The first unit named anywhere in ``item`` (which starts at ``start`` in ``sentence``)."""
    for m in _UNIT_HEAD.finditer(item):
        found = _unit_at(sentence, start + m.start())
        if found:
            return found
    return None


def _units_before(sentence: str, boundary: int, pos: int) -> list[tuple[str, int, int]]:
    """Units named as the subject right before ``pos`` (list walked backwards from the verb)."""
    segment = sentence[boundary:pos]
    items = _split_items(segment)
    out: list[tuple[str, int, int]] = []
    if len(items) > 1:  # "Chi cục A huyện B, tỉnh C được …": the province locates the unit, it is not a recipient
        last = _first_unit(sentence, boundary + items[-1][0], items[-1][1])
        if last and _PROVINCE_QUALIFIER.match(last[0]) and _first_unit(sentence, boundary + items[-2][0], items[-2][1]):
            items = items[:-1]
    for idx, (off, item) in enumerate(reversed(items)):
        if idx == 0:
            found = _first_unit(sentence, boundary + off, item)
        else:
            found = _unit_at(sentence, boundary + off)
        if not found:
            break
        out.append(found)
    out.reverse()
    return out


def _units_list(sentence: str, start: int, end: int | None = None) -> list[tuple[str, int, int]]:
    """Units opening the comma-separated items of a list that runs from ``start`` to ``end``."""
    out = []
    for off, _item in _split_items(sentence[start:end]):
        found = _unit_at(sentence, start + off)
        if found:
            out.append(found)
    return out


def _voted_for(sentence: str, boundary: int, pos: int) -> list[tuple[str, int, int]]:
    """Units voted for before a proposal: "suy tôn Sở A và Sở B đề nghị UBND tỉnh tặng" -> A, B."""
    votes = list(_ACTIVE_RANKING.finditer(sentence, boundary, pos))
    if not votes:
        return []
    return _units_list(sentence, votes[-1].end(), pos)


_NOT_A_COUNT = re.compile(r"(?<!\w)(?:trong|cả|của|mỗi|hàng|cuối|đầu|giữa|qua)\s+$", re.IGNORECASE)


def _number(word: str) -> int:
    """The value of a count written in digits or words ("05", "bốn", "mười lăm")."""
    if word.isdigit():
        return int(word)
    parts = word.lower().split()
    if len(parts) == 2:  # "mười hai", "mười lăm"
        return 10 + (5 if parts[1] == "lăm" else _NUMBER_WORDS[parts[1]])
    return _NUMBER_WORDS[parts[0]]


def _counts(sentence: str, start: int) -> list[tuple[str, int, int, int]]:
    """(recipient, count, start, end) for "05 tập thể, 02 cá nhân" at the start of ``sentence[start:]``."""
    out = []
    pos = start
    for m in _COUNT.finditer(sentence, start):
        if sentence[pos : m.start()].strip(" ,và") and m.start() - pos > 12:
            break
        if _NOT_A_COUNT.search(sentence, 0, m.start()) and m.group(1).lower() == "năm":
            continue  # "trong năm đơn vị đã …": the year, not five units
        group = m.group(2).lower()
        recipient = "cá nhân" if group == "cá nhân" else "tập thể"
        out.append((recipient, _number(m.group(1)), m.start(), m.end()))
        pos = m.end()
    return out


def _counts_before(sentence: str, boundary: int, pos: int) -> list[tuple[str, int, int, int]]:
    """Counts that are the subject of a receiving verb just before ``pos``: "03 tập thể được tặng …"."""
    segment = sentence[boundary:pos]
    found = list(_COUNT.finditer(segment))
    while found and len(segment) - found[-1].end() > MAX_COUNT_TO_VERB:
        found.pop()
    if not found:
        return []
    first = len(found) - 1
    while first and not segment[found[first - 1].end() : found[first].start()].strip(" ,và"):
        first -= 1  # "04 tập thể và 06 cá nhân"
    return _counts(sentence, boundary + found[first].start())


def _sentence_awards(sent: Sentence, last_title: str | None) -> tuple[list[Award], str | None]:
    text = sent.text
    pattern, _kinds = _titles()
    mentions = [_Mention(m.group(0), _kind(m.group(0)), m.start(), m.end()) for m in pattern.finditer(text)]
    out: list[Award] = []
    base = sent.start

    def emit(award: str, recipient: str | None, count: int | None, s: int, e: int, rule: str) -> None:
        out.append(Award(award=award, recipient=recipient, count=count, start=base + s, end=base + e, source=rule))

    if not mentions:
        if last_title and _COUNT_CUE.search(text):
            cue = _COUNT_CUE.search(text)
            assert cue is not None
            for recipient, count, s, e in _counts(text, cue.end()):
                emit(last_title, recipient, count, s, e, "rule:award_count_inherited")
        return out, last_title
    boundary = 0
    last_recipients: list[tuple[str, int, int]] = []
    for idx, m in enumerate(mentions):
        before = text[max(boundary, m.start - VERB_WINDOW) : m.start]
        after = text[m.end :]
        recipients: list[tuple[str, int, int]] = []
        counts: list[tuple[str, int, int, int]] = []
        rule = ""
        cho = _SKIP_BEFORE_CHO.match(after)
        belongs = _BELONGS.match(after)
        colon = _TITLE_COLON.match(after)
        if colon and not cho:
            stop = mentions[idx + 1].start if idx + 1 < len(mentions) else None  # "Cờ thi đua: A; Bằng khen: B"
            recipients = _units_list(text, m.end + colon.end(), stop)
            counts = [] if recipients else _counts(text, m.end + colon.end())
            rule = "rule:award_title_colon"
        dash = _RESULT_DASH.search(text[: m.start], boundary) if m.kind == "giải" else None
        if not rule and dash:  # "- Môn kéo co: Sở A - giải nhất, Sở B-giải nhì"
            recipients = _units_before(text[: dash.start()], boundary, dash.start())
            rule = "rule:award_result_dash" if recipients else ""
        if rule:
            pass
        elif (
            m.kind in _RANKING
            and last_recipients
            and _APPOSITION.fullmatch(text[last_recipients[-1][2] : m.start])
            and _RANKING_OF_BLOC.match(after)
        ):
            recipients = list(last_recipients)
            rule = "rule:award_ranking_apposition"
        elif cho or belongs:
            start = m.end + (cho or belongs).end()  # type: ignore[union-attr]
            generic = _GENERIC_GROUP.match(text, start)
            counts = _counts(text, start)
            if counts:
                intro = _LIST_INTRO.search(text, counts[-1][3]) or _COUNT_COLON.match(text, counts[-1][3])
                if intro:
                    recipients = _units_list(text, intro.end())
                    counts = []
                rule = "rule:award_for"
            elif generic:
                group = generic.group(1).lower()
                counts = [("cá nhân" if group == "cá nhân" else "tập thể", -1, generic.start(), generic.end())]
                rule = "rule:award_for_group"
            else:
                unit = _unit_at(text, start) or _loose_at(text, start)
                recipients = [unit] if unit else []
                while unit:  # "cho A và B", "cho A, B và C"
                    joint = re.match(r"\s*,\s*|\s+và\s+", text[unit[2] :])
                    unit = (_unit_at(text, unit[2] + joint.end()) or _loose_at(text, unit[2] + joint.end())) if joint else None
                    if unit:
                        recipients.append(unit)
                if recipients:  # "cho Sở A và 3 cá nhân": the units, then a count
                    joint = re.match(r"\s*,\s*|\s+và\s+", text[recipients[-1][2] :])
                    counts = _counts(text, recipients[-1][2] + joint.end()) if joint else []
                elif _BACK_REFERENCE.match(text, start):  # "suy tôn A là … và đề nghị tặng Bằng khen cho đơn vị"
                    recipients = list(last_recipients) or _passive_subject(text, m.start) or _voted_for(text, 0, m.start)
                rule = "rule:award_for"
        elif (
            m.kind in _RANKING
            and _FOR_RECIPIENT.search(text, boundary, m.start)
            and not _RANKING_VERB.search(text, boundary, m.start)
        ):
            rule = "rule:award_reason_only"  # "tặng Cờ thi đua cho X là đơn vị dẫn đầu": why, not a second award
        elif m.kind in _RANKING and _ACTIVE_RANKING_END.search(before) and _NAMED_AFTER.match(text, m.end):
            named = _NAMED_AFTER.match(text, m.end)
            assert named is not None
            unit = _unit_at(text, named.end())  # "suy tôn đơn vị dẫn đầu Cụm là xã A"
            recipients = [unit] if unit else []
            rule = "rule:award_ranking_named_after"
        elif _RECEIVE.search(before):
            recipients = _units_before(text, boundary, m.start)
            rule = "rule:award_received"
            agent = _GIVER_BEFORE.search(text[boundary : recipients[0][1]]) if recipients else None
            if agent:  # "03 tập thể được UBND tỉnh tặng Bằng khen", "Các đơn vị được UBND tỉnh tặng …": the giver
                recipients = []
            if not recipients:  # "Có 03 tập thể, 05 cá nhân được tặng Bằng khen"
                counts = _counts_before(text, boundary, m.start)
            if (
                not recipients
                and not counts
                and last_recipients
                and _PASSIVE_GIVEN_VERB.search(before)
                and ";" not in text[last_recipients[-1][2] : m.start]
            ):  # "A được suy tôn là đơn vị dẫn đầu, được đề nghị tặng Cờ thi đua": A again
                recipients = list(last_recipients)
                rule = "rule:award_received_same_subject"
            group = _ALL_GROUP_SUBJECT.search(text, boundary, m.start) if not recipients and not counts else None
            if group:
                kind = (group.group(1) or group.group(2)).lower()
                counts = [("cá nhân" if kind == "cá nhân" else "tập thể", -1, group.start(), group.end())]
                rule = "rule:award_received_all_units"
            if not recipients and not counts:
                intro = _LIST_INTRO.search(text, m.end)
                if intro and ";" in text[m.end : intro.start()]:
                    intro = None  # "… tặng Cờ thi đua của UBND tỉnh; 03 đơn vị gồm: …": the next clause's list
                if intro and (intro.start() - m.end < 60 or re.search(r"\d", text[max(0, m.start - 8) : m.start])):
                    recipients = _units_list(text, intro.end())
                    rule = "rule:award_list"
        elif _GIVE.search(before):
            clause = text[boundary : m.start]
            passive = _PASSIVE_GIVEN.search(clause)
            if passive:
                recipients = _units_before(text, boundary, boundary + passive.start())
                counts = [] if recipients else _counts_before(text, boundary, boundary + passive.start())
                rule = "rule:award_given_passive"
            ranked = list(_RANKED.finditer(clause))
            if not recipients and not counts and ranked:
                recipients = _units_before(text, boundary, boundary + ranked[-1].start())
                rule = "rule:award_given_ranked"
            if not recipients and not counts:
                recipients = list(last_recipients) or _passive_subject(text, m.start) or _voted_for(text, boundary, m.start)
                rule = "rule:award_given_same_recipient" if recipients else "rule:award_given"
        else:
            intro = _LIST_INTRO.search(text, m.end)
            if intro and intro.start() - m.end < 60 and re.search(r"\d", text[max(0, m.start - 8) : m.start]):
                recipients = _units_list(text, intro.end())
                rule = "rule:award_list"
        if recipients:
            for name, s, e in recipients:
                emit(m.award, name, None, min(s, m.start), max(e, m.end), rule)
            last_recipients = recipients
        if counts:
            for recipient, count, _s, e in counts:
                emit(m.award, recipient, None if count < 0 else count, m.start, e, rule)
        elif rule == "rule:award_given" and m.kind not in _NEEDS_RECIPIENT:
            emit(m.award, None, None, m.start, m.end, rule)
        if m.kind not in _NEEDS_RECIPIENT:
            last_title = m.award
        nxt = re.search(r"[,;]", text[m.end :])
        boundary = m.end + nxt.end() if nxt else m.end
        if idx + 1 < len(mentions) and boundary > mentions[idx + 1].start:
            boundary = m.end
    return out, last_title


def _sentences(doc: PreparedText) -> list[Sentence]:
    """The document's sentences, with a split after "Tp." / "TX." joined back ("cho huyện A và Tp. B")."""
    out: list[Sentence] = []
    for sent in doc.sentences:
        prev = out[-1] if out else None
        if prev is not None and _ABBREV_END.search(prev.text) and "\n" not in doc.text[prev.end : sent.start]:
            out[-1] = Sentence(prev.start, sent.end, doc.text[prev.start : sent.end])
        else:
            out.append(sent)
    return out


def extract_awards(doc: PreparedText) -> list[Award]:
    """Return the awards of ``doc``, one per (award, recipient); a count fills in a missing one."""
    found: dict[tuple[str, str], Award] = {}
    last_title: str | None = None
    since_title = 0
    for sent in _sentences(doc):
        had = last_title
        awards, last_title = _sentence_awards(sent, last_title if since_title < TITLE_LOOKBACK_SENTENCES else None)
        since_title = 0 if last_title != had or awards else since_title + 1
        if last_title is None:
            last_title = had
        for a in awards:
            key = (fold_key(a.award), fold_key(a.recipient or ""))
            old = found.get(key)
            if old is None:
                found[key] = a
            elif old.count is None and a.count is not None:
                old.count = a.count
    _name_overall_prizes(list(found.values()))
    return sorted(found.values(), key=lambda a: a.start)


def _name_overall_prizes(awards: list[Award]) -> None:
    """Keep "toàn đoàn" on overall prizes only where the article also gives that prize per event.

    "giải nhất thuộc về A (môn kéo co) … trao giải nhất toàn đoàn cho B" needs the qualifier to tell the two
    apart; "trao giải nhất toàn đoàn cho A; giải nhì cho B" names plain ranks.
    """
    overall = [a for a in awards if _OVERALL.search(a.award)]
    plain = {fold_key(a.award) for a in awards if _kind(a.award) == "giải" and not _OVERALL.search(a.award)}
    if not plain:  # "A đạt giải nhất toàn đoàn, B đạt giải nhì toàn đoàn": every rank is named as overall
        return
    if any(fold_key(_OVERALL.sub("", a.award)) in plain for a in overall):
        return
    for a in overall:
        a.award = _OVERALL.sub("", a.award)
