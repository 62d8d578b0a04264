"""Event types, meeting date, reviewed period and venue of a bloc meeting report.

Only the sentences that describe the meeting count (title, lead, "Tại hội nghị ..."):
a sentence saying the bloc "đã phát động ... từ đầu năm" reports past activity, not this event.
"""

from __future__ import annotations

import datetime
import re

from nlp.dates import DateFact, parse_dates
from nlp.folding import fold_aligned
from nlp.places import departments
from nlp.prepare import PreparedText, Sentence
from store.models import ArticleRecords, Span

LEAD_SENTENCES = 3  # prose sentences after the header that form the lead
MIN_PROSE_WORDS = 8  # shorter lines are headings, captions, datelines
HEADER_CHARS = 400  # publication dates sit in the first lines of the page

_EVENT_SENTENCE = re.compile(
    r"hoi nghi|buoi le|le ky|dip nay|cung tai|ky ket|ki ket|giao uoc|so ket|tong ket|phat dong|hoi thao"
)
_PAST_ACTIVITY = re.compile(r"tu dau nam|ngay tu|trong nam qua|\d+ thang qua|trong \d+ thang|thoi gian qua|hang nam")
# what a review reviews: "sơ kết công tác ...", "tổng kết phong trào ...", "tổng kết năm 2020"
_REVIEW_OBJECT = r"(?:\s+(?:cong tac|phong trao|hoat dong|thi dua|nam|khoi|cum|\d|6 thang|cac|viec)|\s*$)"
# a meeting "đánh giá (kết quả) …" or "giao ban" is a review without the word sơ kết/tổng kết: of part of a
# year ("6 tháng đầu năm", "quý II") it is a so_ket, of a whole year ("công tác thi đua năm 2023") a tong_ket
_ASSESS = r"(?:hoi nghi|buoi hop|hop|to chuc) (?:danh gia|giao ban)"
_PART_OF_YEAR = r"(?:6|sau|9|chin) thang|quy (?:i|ii|iii|iv|\d)\b|giua (?:nam|nhiem ky)"
_TYPE_RULES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("so_ket", re.compile(
        r"(?<!\w)so\s*ket" + _REVIEW_OBJECT + r"|hoi nghi so ket"
        r"|" + _ASSESS + r"[^.;]{0,60}?(?:" + _PART_OF_YEAR + r")"
    )),
    ("tong_ket", re.compile(
        r"(?<!\w)tong\s*ket" + _REVIEW_OBJECT + r"|hoi nghi tong ket|(?<!\w)tong ket\s*,\s*(?:binh xet|danh gia)"
        r"|" + _ASSESS + r"(?:(?!" + _PART_OF_YEAR + r"|thang)[^.;]){0,60}?nam (?:hoc )?(?:19|20)\d\d(?!\s*[-–]\s*\d)"
        # the year's rating meeting: "(họp) bình xét thi đua năm 2023" (titles are awarded for a whole year)
        r"|(?<![,;] )(?<!va )(?<!\w)binh xet(?:,\s*suy ton)? (?:thi dua|danh hieu thi dua|khen thuong) nam (?:19|20)\d\d(?!\s*[-–]\s*\d)"
    )),
    ("giao_uoc", re.compile(r"(?<!dang )(?<!\w)(?:ky|ki)(?: ket)?(?: ban)?\s+(?:giao uoc|cam ket thi dua)|giao uoc thi dua")),
    # the meeting launches this year's emulation ("phát động thi đua năm 2021"), not "phong trào do tỉnh phát động"
    ("phat_dong", re.compile(
        r"(?<!ke hoach )(?<!chu de )(?<!\w)phat dong[^.;]{0,25}?thi dua[^.;]{0,40}?nam (?:19|20)\d\d"
        r"|trien khai ke hoach (?:hoat dong )?thi dua"
        r"|(?:hoi nghi|le|buoi le) phat dong (?:phong trao |dot |dot cao diem )?thi dua"
        # the meeting's list of purposes: "tổ chức hội nghị triển khai nhiệm vụ, phát động phong trào thi đua và ký …"
        r"|(?<!cac )(?<!nhieu )(?<!\w)hoi nghi [^.;]{0,60}?(?:,| va) phat dong (?:phong trao |dot )?thi dua"
        # the bloc launches a short campaign: "Khối … phát động đợt thi đua cao điểm" (not a task in a list)
        r"|(?<!\w)(?:khoi|cum)(?!\w)[^.;]{0,80}?\sphat dong (?:dot|chien dich) (?:thi dua )?(?:cao diem|nuoc rut|dac biet)"
        # the bloc itself launches ("Cụm số 3 thống nhất phát động phong trào thi đua với chủ đề …"), not "đã phát động"
        r"|(?<!\w)(?:khoi|cum)(?: thi dua)?(?: so [0-9ivx]+)?(?: thong nhat| cung| chinh thuc)? phat dong phong trao thi dua"
        # a step of the meeting: "Tại hội nghị, …; bầu Trưởng cụm và phát động phong trào thi đua (năm …)";
        # a search excerpt may cut the last word ("… phát động phong trào thi")
        r"|(?<!\w)tai hoi nghi\s*,[^.]{0,250}?(?:,|;| va) phat dong phong trao thi(?: dua|\s*$)"
        # launched together with the covenant signed at the meeting: "đã ký kết giao ước …, đồng thời phát động phong trào"
        r"|(?<!\w)(?:ky|ki)(?: ket)? (?:giao uoc|cam ket)[^.;]{0,120}?(?:,|;| va)\s*(?:dong thoi\s+)?phat dong (?:phong trao |dot )?thi dua"
    )),
)
# a review the meeting plans ("sẽ tổ chức tổng kết", "tổng kết Cụm vào tháng 12") is not this event
# "thông qua Kế hoạch kiểm tra và tổng kết … năm 2020": the plan for a later review, not this meeting
_PLANNED_BEFORE = re.compile(
    r"(?<!\w)(?:se|du kien|sap toi|chuan bi|tien toi)(?!\w)[^,;.]{0,40}$|(?<!\w)ke hoach(?: [a-z]+){0,3} $"
)
_PLANNED_AFTER = re.compile(
    r"^[^,;.]{0,30}?(?<!\w)vao (?:thang|cuoi nam|cuoi thang|dip|quy)(?!\w)(?![^,;.]{0,15}(?:vua qua|da qua|truoc))"
)
# a review listed among the year's tasks after a colon ("xác định một số nhiệm vụ trọng tâm: …; sơ kết thi đua 6 tháng
# đầu năm; …") is planned, not held
_TASK_LIST_BEFORE = re.compile(r"(?<!\w)(?:nhiem vu|xac dinh|phuong huong|ke hoach)(?!\w)[^.:;]{0,60}:[^.]*$")
# a covenant or launch urged or planned for later ("đề nghị Khối sớm ký giao ước", "sẽ ký kết giao ước") is not this event;
# "… trình hội nghị đầu năm sau xem xét trước khi ký kết giao ước": the covenant comes after this meeting
_URGED_BEFORE = re.compile(
    r"(?<!\w)(?:se|du kien|sap toi|chuan bi|tien toi|som|can|de nghi|yeu cau|truoc khi)(?!\w)[^,;.]{0,25}$"
)
# "sơ kết … kết hợp giao lưu thể thao": a second activity of the same meeting
_EXTRA_ACTIVITY = re.compile(
    r"(?:(?<!\w)(?:ket hop|kem theo|va|dong thoi)|,)\s+(?:to chuc\s+)?(?:giao luu|hoi thao|hoi dien)\s+(?:the thao|van nghe|van hoa)"
)
# "tổng kết 10 năm thực hiện Chỉ thị …": a review of a directive's decade, not the bloc's year-end review
_MULTI_YEAR_REVIEW_AFTER = re.compile(r"^\s+\d{1,2}\s+nam\s+(?:thuc hien|trien khai|thi hanh)(?!\w)")
# "các đơn vị đều (đã) (tổ chức) ký giao ước …": what every unit did on its own during the year, not this meeting
_EACH_UNIT_BEFORE = re.compile(r"(?<!\w)deu\s+(?:da\s+)?(?:to chuc\s+|thuc hien\s+)?[^.;]{0,40}$")
_PASSIVE_LAUNCH = re.compile(r"(?:do|cua)\s+(?:[^,.;]{0,40}?)phat dong")
_REGISTERED = re.compile(r"dang ky (?:noi dung )?giao uoc")
# a covenant signed earlier, now carried out or assessed: "thực hiện (hiệu quả các nội dung ký kết) giao ước",
# "theo giao ước thi đua đã đăng ký", "Giao ước thi đua được ký kết (đầu năm)"
_COVENANT_KEPT_BEFORE = re.compile(
    r"(?<!\w)noi dung cua\s+$|(?<!\w)(?:thuc hien|theo|can cu)\s+(?:(?:hieu qua|tot|nghiem tuc|day du)\s+)?(?:(?:cac|nhung)\s+)?"
    r"(?:(?:noi dung|tieu chi|chi tieu|muc tieu)\s+(?:cua\s+)?)?(?:(?:da|duoc)\s+)?(?:(?:ky ket|ki ket|dang ky)\s+)?$"
)
_COVENANT_KEPT_AFTER = re.compile(r"^(?:\s+thi dua)?(?:\s+(?:cum|khoi))?\s+(?:da|duoc)\s+(?:ky|ki|dang ky)(?!\w)")

_DAY_CUE = re.compile(r"(?:sang|chieu|toi|trua|ngay|nay|qua|\d+h\d*)\s*,?\s*(?:ngay\s*)?$")
_DOC_BEFORE = re.compile(r"(?:so\s+\S+/\S+|/[a-z]{2,}[-\w]*|nghi dinh|quyet dinh|ke hoach|huong dan|cong van|luat)\s*,?\s*(?:ngay\s*)?$")
_DOC_AFTER = re.compile(r"^\s*(?:cua|ve viec|quy dinh|ban hanh)")
# whole words only: "trên địa bàn tỉnh" folds to "tren dia ban tinh", which holds "ban tin"
_PUB_CUE = re.compile(
    r"(?<!\w)(?:ngay dang|dang luc|dang vao|dang ngay|cap nhat|xuat ban|gmt|luot xem|ban tin)(?!\w)|\||^\s*nguon(?!\w)"
)
_URL_MONTH = re.compile(r"/(20\d{2}|19\d{2})[/-]?(0[1-9]|1[0-2])(?:[/-]|\d{2}/)")

_H1 = re.compile(r"6 thang dau nam(?:\s+(\d{4}))?")
_H2 = re.compile(r"6 thang cuoi nam(?:\s+(\d{4}))?")
_SCHOOL_YEAR = re.compile(r"nam hoc\s+(\d{4})\s*[-–]\s*(\d{4})")
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")
_H2_AHEAD = re.compile(r"(?<!\w)(?:tiep tuc|phan dau|se|tap trung|day manh)(?!\w)")
_YEAR_AFTER = re.compile(r"nam\s+((?:19|20)\d{2})(?!\d)")

_VENUE = re.compile(r"(?<!\w)[Tt]ại\s+")
_VENUE_SKIP = re.compile(
    r"(?:hội nghị|buổi|lễ|địa phương|đơn vị|cơ sở(?!\s+\d)|đây|các|mỗi|từng|kỳ họp|phiên|chỗ|hiện trường|thời điểm|nhiều)(?!\w)",
    re.IGNORECASE,
)
_VENUE_PREFIX = re.compile(
    r"^(?:(?:trụ sở|hội trường|phòng họp|cơ quan|điểm cầu(?: chính)?)\s+(?:của\s+)?)+",
    re.IGNORECASE,
)
# "tại Hội trường trung tâm X Công an tỉnh": after the building's word, a facility written in lower case, then its name
_FACILITY_LOWER = re.compile(r"(?:trung tâm|nhà văn hóa|nhà văn hoá|nhà khách|bảo tàng|khách sạn)\s+[A-ZĐÀ-Ỹ]")
# "tại Hội trường A, Trường X", "tại cơ sở 2 của Sở Y": a building's label, then the host agency
_VENUE_LABEL = re.compile(
    r"(?:hội trường|phòng họp|phòng|nhà|tòa nhà|toà nhà|cơ sở|trụ sở|tầng)\s+(?:số\s+)?(?:[A-Z]\d{0,2}|\d{1,3}[A-Z]?)"
    r"(?:\s*,\s*|\s+(?:của|thuộc)\s+)(?=[A-ZĐ])",
    re.IGNORECASE,
)
_VENUE_STOP = re.compile(
    r"\s+(?:đã|đang|vừa|diễn ra|tổ chức|Khối|Cụm|khối thi đua|cụm thi đua|với|long trọng|chính thức|sáng|chiều|tối"
    r"|ngày|Ban Thường vụ|Đảng ủy|các đơn vị|lãnh đạo|và trực tuyến|và kết nối|kết hợp|kết nối|ở|nhằm)(?!\w).*$"
)


def _prose(doc: PreparedText) -> list[Sentence]:
    return [s for s in doc.sentences if len(s.text.split()) >= MIN_PROSE_WORDS]


# "▶ Khối thi đua X ký giao ước thi đua 2023": a headline in a related-news list, not this meeting
_HEADLINE_LINE = re.compile(r"^[ \t]*[▶▸►»>→][ \t]*", re.MULTILINE)
# "Video liên quan", "Clip liên quan": a related-items heading; the lines under it are other articles
_RELATED_HEADING = re.compile(
    r"^[ \t]*(?:video|clip|ảnh|phóng sự|tin|bài|tin bài|bài viết)(?: \w+)? (?:liên quan|cùng chuyên mục|khác)[ \t]*:?[ \t]*$",
    re.MULTILINE | re.IGNORECASE,
)


def _related_spans(text: str) -> list[tuple[int, int]]:
    """Spans of related-news headlines: arrow-bulleted lines, and everything under a related-items heading."""
    spans = [(m.start(), text.find("\n", m.end()) % (len(text) + 1)) for m in _HEADLINE_LINE.finditer(text)]
    heading = _RELATED_HEADING.search(text)
    if heading is not None:
        spans.append((heading.start(), len(text)))
    return spans


def event_sentences(doc: PreparedText) -> list[Sentence]:
    """Return the sentences that describe the meeting itself (lead + meeting sentences)."""
    related = _related_spans(doc.text)
    prose = [s for s in _prose(doc) if not any(a <= s.start < b for a, b in related)]
    lead = prose[:LEAD_SENTENCES]
    # The meeting's day comes from lead sentences about an event, not from a page stamp among them
    # ("Cập nhật lúc 16:25, Thứ Tư, 19/01/2022" above "Ngày 18.1, … tổ chức hội nghị …").
    lead_days = _days(" ".join(x.text for x in lead if _EVENT_SENTENCE.search(x.folded)))
    out = list(lead)
    for s in doc.sentences:
        if s in lead:
            continue
        f = s.folded
        if any(a <= s.start < b for a, b in related):
            continue
        if _EVENT_SENTENCE.search(f) and not _PAST_ACTIVITY.search(f) and not _other_day(s, lead_days):
            out.append(s)
    return sorted(out, key=lambda s: s.start)


def _days(text: str) -> set[tuple[int, int]]:
    """Days and months of the dates in ``text`` that are not a cited document's date."""
    folded = fold_aligned(text)
    return {
        (f.day, f.month)
        for f in parse_dates(text)
        if not _DOC_BEFORE.search(folded[max(0, f.start - 20) : f.start]) and not _DOC_AFTER.match(folded[f.end :])
    }


def _other_day(s: Sentence, lead_days: set[tuple[int, int]]) -> bool:
    """Does a later sentence date its event on another day than the lead ("Tại Hội nghị “Tổng kết … và phát
    động …” diễn ra ngày 14/4, …" under a lead dated 23/4)? It recalls another meeting."""
    days = _days(s.text)
    return bool(lead_days and days and not days & lead_days)


_DOC_SUBJECT_BEFORE = re.compile(r"(?<!\w)ve viec\s*$")


def event_types(doc: PreparedText, sentences: list[Sentence]) -> list[str]:
    """Return the event types the title and meeting sentences state, "other" when none."""
    texts = [fold_aligned(doc.title or "")] + [s.folded for s in sentences if not _PAST_ACTIVITY.search(s.folded)]
    found: list[str] = []
    for name, pattern in _TYPE_RULES:
        for t in texts:
            for m in pattern.finditer(t):
                if name == "phat_dong" and _PASSIVE_LAUNCH.search(t, max(0, m.start() - 50), m.end()):
                    continue
                if name == "giao_uoc" and _REGISTERED.search(t, max(0, m.start() - 10), m.end()):
                    continue
                if name == "giao_uoc" and (
                    _COVENANT_KEPT_BEFORE.search(t[max(0, m.start() - 60) : m.start()])
                    or _COVENANT_KEPT_AFTER.match(t[m.end() :])
                ):
                    continue  # a covenant signed before, now carried out or assessed
                if name in ("giao_uoc", "phat_dong") and _URGED_BEFORE.search(t[max(0, m.start() - 40) : m.start()]):
                    continue
                if name in ("giao_uoc", "phat_dong") and _EACH_UNIT_BEFORE.search(t[max(0, m.start() - 60) : m.start()]):
                    continue
                word = re.search(r"tong\s*ket", m.group()) if name == "tong_ket" else None
                if word is not None and _MULTI_YEAR_REVIEW_AFTER.match(t[m.start() + word.end() :]):
                    continue
                if _DOC_SUBJECT_BEFORE.search(t[max(0, m.start() - 12) : m.start()]):
                    continue  # "Kế hoạch số 12/KH-… về việc phát động …": the subject of a cited document
                if name in ("so_ket", "tong_ket") and (
                    _PLANNED_BEFORE.search(t[max(0, m.start() - 60) : m.start()])
                    or _PLANNED_AFTER.match(t[m.end() :])
                    or _TASK_LIST_BEFORE.search(t, 0, m.start())
                ):
                    continue
                found.append(name)
                break
            if name in found:
                break
    if found and any(
        not _PLANNED_AFTER.match(t[m.end() :]) for t in texts[:LEAD_SENTENCES + 1] for m in _EXTRA_ACTIVITY.finditer(t)
    ):
        found.append("other")
    return found or ["other"]


def _pub_dates(doc: PreparedText, facts: list[DateFact]) -> list[DateFact]:
    """Dates that are publication stamps: full dates in the page header or the title."""
    out = []
    for f in facts:
        if f.year is None:
            continue
        line_start = doc.text.rfind("\n", 0, f.start) + 1
        line_end = doc.text.find("\n", f.end)
        line = doc.text[line_start : line_end if line_end >= 0 else len(doc.text)]
        if f.start >= HEADER_CHARS:
            continue
        # a prose line is a stamp only with its cue before the date ("Ngày đăng: 31/01/2024 …"); a cue word
        # later in the line ("Sáng 31/01/2024, tại trụ sở Nhà xuất bản X, …") belongs to the sentence
        cue_zone = line if len(line.split()) < MIN_PROSE_WORDS else doc.text[line_start : f.start]
        if len(line.split()) < MIN_PROSE_WORDS or _PUB_CUE.search(fold_aligned(cue_zone)):
            out.append(f)
    return out


def _infer_year(fact: DateFact, pubs: list[DateFact], url: str | None, context_years: list[int], types: list[str]) -> int | None:
    for pub in pubs:
        y = pub.year or 0
        if (fact.month, fact.day) <= (pub.month, pub.day):
            return y
        if fact.month - pub.month >= 6:  # "26-12" published in January
            return y - 1
    if url:
        m = _URL_MONTH.search(url)
        if m:
            y, month = int(m.group(1)), int(m.group(2))
            return y if fact.month <= month else y - 1
    if not context_years:
        return None
    year = context_years[0]
    if "tong_ket" in types and fact.month <= 6 and year + 1 not in context_years:
        return year + 1  # a year-end review held early the next year
    if "tong_ket" in types and fact.month <= 6:
        return year + 1
    return max(context_years) if fact.month <= 6 and "tong_ket" in types else year


def _score_date(doc: PreparedText, folded: str, f: DateFact, lead_end: int) -> float:
    before = folded[max(0, f.start - 20) : f.start]
    after = folded[f.end : f.end + 20]
    score = 0.0
    if _DAY_CUE.search(before):
        score += 2
    if _DOC_BEFORE.search(before) or _DOC_AFTER.match(after):
        score -= 5
    sent_start = max(doc.text.rfind("\n", 0, f.start), doc.text.rfind(". ", 0, f.start), doc.text.rfind("; ", 0, f.start))
    if f.start - sent_start <= 25:
        score += 1
    if f.start < lead_end:
        score += 1
    line_start = doc.text.rfind("\n", 0, f.start) + 1
    if _PUB_CUE.search(folded[max(line_start, f.start - 25) : f.start]):
        score -= 5  # "Nguồn: Bản tin cuối ngày 26/1/2024"
    window = folded[f.start : f.start + 250]
    if re.search(r"khoi|cum|hoi nghi|to chuc|dien ra|ky ket|hoi thao", window):
        score += 1
    return score


def meeting_date(doc: PreparedText, types: list[str], period_year: int | None) -> tuple[str, Span] | None:
    """Return the ISO date the meeting was held and its span, or None."""
    facts = parse_dates(doc.text)
    if not facts:
        return _title_date(doc)
    pubs = _pub_dates(doc, facts)
    pub_ids = {id(p) for p in pubs}
    folded = fold_aligned(doc.text)
    prose = _prose(doc)
    lead_end = prose[min(len(prose), LEAD_SENTENCES) - 1].end if prose else len(doc.text)
    best: tuple[float, DateFact] | None = None
    for f in facts:
        if id(f) in pub_ids or f.start > lead_end + 1500:
            continue
        s = _score_date(doc, folded, f, lead_end)
        if best is None or s > best[0]:
            best = (s, f)
    if best is None or best[0] < 2:
        # a repeated title is page chrome, not the lead
        lead = [s for s in prose if not doc.title or s.text.strip() != doc.title.strip()][:LEAD_SENTENCES]
        return _title_date(doc) or _today_date(doc, pubs, lead)
    fact = best[1]
    year = fact.year
    source = "rule:event_date"
    if year is None:
        sent = next((s for s in doc.sentences if s.start <= fact.start < s.end), None)
        ctx = [int(y) for y in _YEAR.findall(sent.text if sent else "")]
        ctx += [int(y) for y in _YEAR.findall(doc.title or "")]
        if period_year and period_year not in ctx:
            ctx.append(period_year)
        year = _infer_year(fact, pubs, doc.url, ctx, types)
        source = "rule:event_date+context_year"
    iso = fact.iso(year)
    if iso is None:
        return None
    return iso, Span(start=fact.start, end=fact.end, source=source)


# "Sáng nay" is the header's day; "Hôm qua", "Chiều qua" the day before it
_TODAY = re.compile(r"(?<!\w)(?:sang|chieu|toi|trua|hom) (?P<when>nay|qua)(?!\w)")


def _today_date(doc: PreparedText, pubs: list[DateFact], lead: list[Sentence]) -> tuple[str, Span] | None:
    """ "Sáng nay / Hôm qua, Khối … tổ chức hội nghị" with no date in the text: the page's header date (minus a day)."""
    found = next(((s, m) for s in lead for m in [_TODAY.search(s.folded)] if m), None)
    if found is None or not pubs:
        return None
    sent, today = found
    iso = pubs[0].iso(pubs[0].year)
    if iso and today.group("when") == "qua":
        iso = (datetime.date.fromisoformat(iso) - datetime.timedelta(days=1)).isoformat()
    # the evidence is the day word, so the venue is looked for in its sentence ("Hôm qua, tại Công ty X, …")
    span = Span(start=sent.start + today.start(), end=sent.start + today.end(), source="rule:event_date_today")
    return (iso, span) if iso else None


_TITLE_DATE_CUE = re.compile(r"^\W*(?:(?:sang|chieu|toi|trua)\s*(?:ngay\s*)?|ngay\s*)$")


def _title_date(doc: PreparedText) -> tuple[str, Span] | None:
    """A dated title ("Ngày 27/7/2023: Khối thi đua ... sơ kết") when the body only says "Vừa qua"."""
    if not doc.title:
        return None
    folded = fold_aligned(doc.title)
    for f in parse_dates(doc.title):
        if f.year is not None and _TITLE_DATE_CUE.match(folded[: f.start]):
            iso = f.iso(f.year)
            if iso is not None:
                return iso, Span(start=0, end=0, source="rule:event_date_title")
    return None


def period(doc: PreparedText, sentences: list[Sentence], types: list[str]) -> tuple[str, Span] | None:
    """Return the reviewed or covenanted period ("2017-H1", "2020", "2010-2011") and its span."""
    cands: list[tuple[str, Sentence | None]] = [(fold_aligned(doc.title or ""), None)]
    cands += [(s.folded, s) for s in sentences if s.folded not in cands[0][0]]

    def span(s: Sentence | None, m: re.Match[str]) -> Span:
        if s is None:
            return Span(start=0, end=0, source="rule:period_title")
        return Span(start=s.start + m.start(), end=s.start + m.end(), source="rule:period")

    for text, s in cands[:3]:  # "năm học 2017 - 2018" names the period only in the title or lead
        m = _SCHOOL_YEAR.search(text)
        if m:
            return f"{m.group(1)}-{m.group(2)}", span(s, m)
    if types == ["other"]:
        return None
    if "so_ket" in types and "tong_ket" not in types:
        for text, s in cands:
            m = _H1.search(text)
            if m:
                year = m.group(1)
                if not year:
                    h2 = _H2.search(text)
                    year = h2.group(1) if h2 else None
                if not year:
                    ym = _YEAR_AFTER.search(text)
                    year = ym.group(1) if ym else None
                if year:
                    return f"{year}-H1", span(s, m)
                # a title "Sơ kết … 6 tháng đầu năm" without the year: the lead or body gives it
                year = _h1_year(cands)
                if year:
                    return f"{year}-H1", span(s, m)
                return "?-H1", span(s, m)
        for text, s in cands:  # "sơ kết … 6 tháng cuối năm 2025": the first review of a bloc formed mid-year
            for a in re.finditer(r"so\s*ket", text):
                m = _H2.search(text, a.end(), a.end() + 80)
                if m and m.group(1):
                    return f"{m.group(1)}-H2", span(s, m)
        # "6 tháng cuối năm 2024, các đơn vị tiếp tục …": the tasks ahead name the half to come, so the review is of H1
        for sent in doc.sentences:
            m = _H2.search(sent.folded)
            if m and m.group(1) and _H2_AHEAD.search(sent.folded, m.end(), m.end() + 120):
                return f"{m.group(1)}-H1", span(sent, m)
    if "so_ket" not in types and "tong_ket" not in types:  # "ký kết giao ước thi đua 6 tháng cuối năm 2025"
        for text, s in cands:
            for a in re.finditer(r"giao uoc|phat dong", text):
                m = _H2.search(text, a.end(), a.end() + 60)
                if m and m.group(1):
                    return f"{m.group(1)}-H2", span(s, m)
    anchor = "tong ket" if "tong_ket" in types else r"giao uoc|phat dong|ke hoach|trien khai"
    for text, s in cands:
        for a in re.finditer(anchor, text):
            m = _YEAR_AFTER.search(text, a.end(), a.end() + 140)
            if m:
                return m.group(1), span(s, m)
    for text, s in cands:
        m = _YEAR_AFTER.search(text)
        if m:
            return m.group(1), span(s, m)
    if "phat_dong" in types:  # a short campaign "kéo dài … đến ngày 30/4/2025": that year
        for text, s in cands:
            m = _CAMPAIGN_END.search(text)
            if m:
                return m.group(1), span(s, m)
    return None


def _h1_year(cands: list[tuple[str, Sentence | None]]) -> str | None:
    """Return the year of the first half named with its year elsewhere ("6 tháng đầu/cuối năm 2019")."""
    for text, _ in cands:
        for rx in (_H1, _H2):
            m = rx.search(text)
            if m and m.group(1):
                return m.group(1)
    return None


_CAMPAIGN_END = re.compile(r"(?<!\w)(?:den|toi)(?: het)?(?: ngay)? \d{1,2}\s*[/-]\s*\d{1,2}\s*[/-]\s*((?:19|20)\d{2})(?!\d)")


MAX_VENUE_WORDS = 16  # "Ngân hàng Nông nghiệp và Phát triển Nông thôn Việt Nam chi nhánh tỉnh An Giang" is 16
FOLLOW_SENTENCES = 2  # "Ngày 28-7, Khối … tổ chức hội nghị …. Hội nghị diễn ra tại Sở …": the host comes next
# in a sentence after the dated one, "tại" names the host only after a meeting verb or subject
_HOST_CUE = re.compile(
    r"(?:hoi nghi|buoi le|le ky|chuong trinh|diem cau|dien ra|to chuc|dang cai|duoc dat|tien hanh)[^.;]{0,80}$"
)


# "Phân hiệu Trường Đại học X tại Ninh Thuận", "Chi nhánh Ngân hàng Y tại Bình Định": a branch's name says where
# the branch is; that "tại" names a member, not the place of the meeting
_BRANCH_BEFORE = re.compile(
    r"(?<!\w)(?:phan hieu|chi nhanh|van phong dai dien|co quan (?:dai dien|thuong tru)|van phong thuong tru)"
    r"(?:(?!(?<!\w)(?:tai|to chuc|da|vua|hop)(?!\w))[^,;:()]){0,80}$"
)


def venue(doc: PreparedText, date_span: Span | None = None) -> tuple[str, Span] | None:
    """Return the host of the meeting ("tại Sở Xây dựng" -> "Sở Xây dựng") and its span."""
    title_key = fold_aligned(doc.title or "")
    sentences = _joined_sentences(doc)
    lead = [s for s in sentences if len(s.text.split()) >= MIN_PROSE_WORDS and s.folded not in title_key][:2]
    cands: list[tuple[Sentence, bool]] = []
    if date_span is not None:
        dated = [i for i, s in enumerate(sentences) if s.start <= date_span.start < s.end]
        if dated:
            i = dated[0]
            cands.append((sentences[i], False))
            after = [s for s in sentences[i + 1 :] if len(s.text.split()) >= MIN_PROSE_WORDS][:FOLLOW_SENTENCES]
            cands += [(s, True) for s in after]
    cands += [(s, i > 0) for i, s in enumerate(lead)]
    for s, needs_cue in cands:
        for m in _VENUE.finditer(s.text):
            rest = s.text[m.end() :]
            if _VENUE_SKIP.match(rest) or _BRANCH_BEFORE.search(s.folded[: m.start()]):
                continue
            if needs_cue and not _HOST_CUE.search(s.folded[: m.start()]):
                continue
            label = _VENUE_LABEL.match(rest)
            skip = label.end() if label else 0
            rest = rest[skip:]
            cut = _venue_cut(rest)
            wrapped = _wrapped_venue(doc.text, s, cut, rest)
            if wrapped is not None:
                return wrapped
            # the building's word first: "tại Hội trường Đảng ủy các cơ quan Đảng tỉnh" is hosted by that Đảng ủy,
            # while "tại Hội trường tỉnh Đảng ủy Khối … tổ chức" is cut before the organiser
            prefix = _VENUE_PREFIX.match(cut)
            offset = prefix.end() if prefix else 0
            name = _VENUE_STOP.sub("", cut[offset:]).strip()
            facility = prefix is not None and _FACILITY_LOWER.match(name) is not None
            if not name or not (name[0].isupper() or facility or name.split()[0].lower() in ("tỉnh", "huyện", "xã", "thị", "thành", "phường", "quận")):
                continue
            if len(name.split()) > MAX_VENUE_WORDS:
                continue
            start = s.start + m.end() + skip + offset
            return name, Span(start=start, end=start + len(name), source="rule:venue_tai")
    return _host_venue([s for s, _cue in cands])


_BUILDING_ONLY = re.compile(r"(?:trụ sở|hội trường|phòng họp)(?:\s+(?:của|thuộc))?", re.IGNORECASE)


def _wrapped_venue(text: str, s: Sentence, cut: str, rest: str) -> tuple[str, Span] | None:
    """ "tại Hội trường⏎VKSND tỉnh, Khối …": a line wrap right after the building's word; the host is on the next line."""
    if not _BUILDING_ONLY.fullmatch(cut.strip()) or rest.strip() != cut.strip() or text[s.end : s.end + 1] != "\n":
        return None
    nxt = s.end + 1
    line = text[nxt : text.find("\n", nxt) if "\n" in text[nxt:] else len(text)]
    name = _VENUE_STOP.sub("", _venue_cut(line)).strip()
    if not name or not name[0].isupper() or len(name.split()) > MAX_VENUE_WORDS:
        return None
    start = nxt + line.find(name)
    return name, Span(start=start, end=start + len(name), source="rule:venue_tai")


# "Hội nghị do Agribank chi nhánh tỉnh Bạc Liêu đăng cai", "Huyện A - đơn vị Cụm trưởng đăng cai tổ chức":
# with no "tại" anywhere, the unit that hosts (đăng cai) is the venue
_HOST_BY = re.compile(
    r"(?:(?<!\w)do\s+|^)(?P<name>[^,;.()\n]{3,160}?)(?:\s+[-–]\s+(?:là\s+)?đơn vị[^,;.]{0,60}?|\s*,\s*(?:là\s+)?đơn vị[^,;.]{0,60}?,?)?"
    r"\s+(?:là đơn vị\s+)?đăng cai(?!\w)"
)


def _host_venue(sentences: list[Sentence]) -> tuple[str, Span] | None:
    for s in sentences:
        for m in _HOST_BY.finditer(s.text):
            name = m.group("name").strip()
            if m.start() == 0 and re.search(r"(?<!\w)do\s", name):
                name_start = s.text.rfind(" do ", 0, m.end("name")) + 4
                name = s.text[name_start : m.end("name")].strip()
            words = name.split()
            if not words or not (name[0].isupper() or words[0].lower() in ("huyện", "xã", "thị", "thành", "phường", "quận")):
                continue
            if len(words) > MAX_VENUE_WORDS or re.match(r"(?:Hội nghị|Chương trình|Buổi|Lễ)(?!\w)", name):
                continue
            start = s.start + s.text.find(name, m.start())
            return name, Span(start=start, end=start + len(name), source="rule:venue_host")
    return None


# The name ends at punctuation; the dot of "Tp." / "TX." / "Q." is part of it.
_VENUE_END = re.compile(r"[,;:(\n]|(?<!\bTp)(?<!\bTP)(?<!\bTx)(?<!\bTX)(?<!\bQ)(?<!\bP)\.")
_MILITARY_PARENT = re.compile(r",\s*(?:Quân khu|Quân đoàn|Binh đoàn|Vùng)\s+\d+(?!\w)")
_ABBREV_END = re.compile(r"(?<!\w)(?:Tp|TP|Tx|TX|Q|P)\.$")


def _joined_sentences(doc: PreparedText) -> list[Sentence]:
    """The sentences, with a split after "Tp." / "TX." joined back ("tại Tp. Tam Điệp, Cụm …")."""
    out: list[Sentence] = []
    for sent in doc.sentences:
        prev = out[-1] if out else None
        if prev is not None and _ABBREV_END.search(prev.text) and "\n" not in doc.text[prev.end : sent.start]:
            out[-1] = Sentence(prev.start, sent.end, doc.text[prev.start : sent.end])
        else:
            out.append(sent)
    return out


_VENUE_DASH_ROLE = re.compile(r"(?:Trưởng|Phó|Khối|Cụm|Đơn vị|Nơi)(?!\w)")


def _comma_department(rest: str, cut: str) -> str:
    """ "tại Sở Lao động, Thương binh và Xã hội, Cụm …": a department whose own name has a comma is not cut at it."""
    head = re.match(r"[Ss]ở\s+", rest)
    if head is None or "," in cut:
        return cut
    tail = rest[head.end() :]
    for name in departments():
        if "," in name and tail.lower().startswith(name.lower()) and not tail[len(name) : len(name) + 1].isalnum():
            return rest[: head.end() + len(name)]
    return cut


def _venue_cut(rest: str) -> str:
    """The text after "tại" up to the end of the name: "Đài Phát thanh - Truyền hình X" keeps its dash,
    "Sở Tư pháp - đơn vị Trưởng khối" ends at it."""
    cut = _VENUE_END.split(rest, maxsplit=1)[0]
    cut = _comma_department(rest, cut)
    parent = _MILITARY_PARENT.match(rest, len(cut))
    if parent is not None:  # "tại Lữ đoàn 604, Quân khu 2, …": a unit is named with its military region
        cut = rest[: parent.end()]
    for dash in re.finditer(r"\s[-–]\s+", cut):
        nxt = cut[dash.end() :]
        if not nxt[:1].isupper() or _VENUE_DASH_ROLE.match(nxt):
            return cut[: dash.start()]
    return cut


def fill(doc: PreparedText, records: ArticleRecords) -> None:
    """Set event types, event date, period and venue (with evidence) on ``records``."""
    sentences = event_sentences(doc)
    types = event_types(doc, sentences)
    records.event_types = types
    per = period(doc, sentences, types)
    period_year = None
    if per is not None:
        m = _YEAR.search(per[0])
        period_year = int(m.group(0)) if m else None
    date = meeting_date(doc, types, period_year)
    if date is not None:
        records.event_date, records.evidence["event_date"] = date
    if per is not None:
        value, sp = per
        if value.startswith("?"):
            value = f"{records.event_date[:4]}{value[1:]}" if records.event_date else None
        if value:
            records.period, records.evidence["period"] = value, sp
    v = venue(doc, records.evidence.get("event_date"))
    if v is not None:
        records.venue, records.evidence["venue"] = v
