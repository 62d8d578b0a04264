"""Is an article the report of a Khối/Cụm thi đua meeting or event? A cheap gate, then a few rules.

The crawler calls ``classify`` on every page, so the keyword gate runs first and costs one
``str.lower`` and a few substring tests; the bloc-name scan runs only on pages that pass it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from nlp.blocs import BlocMention, find_mentions
from nlp.folding import fold_aligned
from nlp.prepare import PreparedText
from store.models import Span

OBJECT_WINDOW = 20  # "thành viên của " before a mention
LEAD_CHARS = 900  # the lead (title, dateline, first paragraph) of the real reports fits in this
THRESHOLD = 2.5  # on the dev set positives score >= 3.5 and hard negatives <= 1; a lone bloc mention is 2

_EVENT = re.compile(
    r"(?<!\w)(?:hoi nghi|so ket|tong ket|ky ket|ki ket|giao uoc|phat dong|hoi thao|giao luu|trien khai"
    r"|hop mat|gap mat|le ky|ra quan|hoat dong chung|binh xet|cham diem|giao ban|kiem tra cheo|toa dam|ban giao"
    r"|hoc tap kinh nghiem|ve nguon|trao co|cuoc hop|hop (?:khoi|cum|dinh ky|thuong ky)"
    r"|ra mat|(?:cong bo|trao) quyet dinh thanh lap)(?!\w)"
)
_OVERVIEW = re.compile(r"\d+\s+cum\s*(?:,|va)\s*\d+\s+khoi|\d+\s+khoi\s*(?:,|va)\s*\d+\s+cum|co\s+\d+\s+(?:cum|khoi) thi dua")
_LEGAL = re.compile(
    r"(?:^|\n)\s*(?:quyet dinh\s*:|dieu\s+\d+\s*\.|can cu\s+(?:luat|nghi dinh))|ve viec ban hanh quy (?:che|dinh)"
    r"|(?:^|\n)\s*cong hoa xa hoi chu nghia viet nam"
)
# "dẫn đầu Khối thi đua X", "thuộc Khối ...", "xã tham gia Cụm thi đua số 5", "là thành viên Khối …" (an agency's or a
# commune's own news naming its bloc in passing): the bloc is only the frame of another subject's news.
# ("các đơn vị thuộc Khối thi đua X đã ký kết …" names the bloc's own units as the actors: not an object)
_OBJECT_BEFORE = re.compile(r"(?:dan dau|(?<!cac don vi )(?<!cac co quan )thuoc|cho|vao|nhat|tham gia|(?<!don vi )thanh vien(?: cua)?)\s*$")
_MILITARY = re.compile(r"thi dua quyet thang")
# "các đơn vị cụm thi đua tuyến biển ký kết giao ước": an army cluster's units sign their covenant, so the
# "thi đua quyết thắng" movement frames a bloc's own event
# "Cụm thi đua số 3 Bộ đội Biên phòng tổng kết phong trào Thi đua Quyết thắng": a numbered cluster of an armed
# force's provincial commands reviews its movement together; a single unit's own review names no numbered bloc
_NUMBERED_FORMAL = re.compile(r"(?:khoi|cum) thi dua so\s+\w")
# "Cụm thi đua số 8 … gồm 4 đơn vị: …": the lead presents the bloc's members, the subject of the report
_MEMBERS_AFTER = re.compile(r"[^.;:\n]{0,40}?(?<!\w)(?:bao )?gom\s*(?::|\d+\s+(?:don vi|co quan|dia phuong|tinh)|\()")
_BLOC_COVENANT = re.compile(r"(?:khoi|cum) thi dua[^.;\n]{0,60}?(?<!\w)(?:ky|ki)(?: ket)? giao uoc")
# "… tổ chức lễ ký kết giao ước thi đua giữa 2 đơn vị (thuộc Cụm thi đua số 1 …)": the bracket names the bloc of the
# units holding the event
_BRACKET_OF = re.compile(r"\(\s*thuoc\s*$")
_COUNCIL = re.compile(r"hoi dong thi dua[\s,-]*khen thuong (?:tinh|thanh pho)[^.\n]{0,40}(?:hop|phien hop|ky hop)")
# "ký kết giao ước thi đua giữa các cụm nông trường", "thi đua giữa 3 cụm thi đua của công ty": an organisation's
# internal emulation between its own groups, not the meeting of a bloc of agencies
_BETWEEN_GROUPS = re.compile(
    r"(?:thi dua|giao uoc)[^.;\n]{0,40}?(?<!\w)giua (?:cac|\d+|hai|ba|bon|nam) (?:cum|khoi)(?!\w)"
)
# a work schedule ("Lịch công tác tuần 51 của Lãnh đạo Sở", time-slot lines "- 14h30: … dự Hội nghị tổng kết Khối …"):
# it announces meetings among many other items and reports none
_SCHEDULE_TITLE = re.compile(r"^\s*(?:lich (?:cong tac|lam viec|hop)|chuong trinh cong tac (?:tuan|thang))(?!\w)")
_TIME_SLOT_LINE = re.compile(r"(?:^|\n)[ \t]*[-–•+*]?[ \t]*\d{1,2}\s*(?:h|g|giờ|:)\s*\d{0,2}\s*(?:\([^)\n]{0,20}\))?\s*:")
MIN_TIME_SLOTS = 4
# a search, tag or paged listing ("/s/<query>?page=2", "/tag/…", "/tim-kiem?…"): teasers of many pages, not an article
# ("?p=596734" is a WordPress post's permalink, not a page number: a listing's page is short)
_LIST_URL = re.compile(r"[?&](?:page|trang)=\d|[?&]p=\d{1,3}(?!\d)|/(?:s|tag|tags|search|tim-kiem|timkiem|tu-khoa)(?:/|\?|$)", re.IGNORECASE)
# "Lễ ký kết giao ước thi đua khối ngân hàng II": the bloc named after its event, in lower case, in the title
_TITLE_EVENT_OF_BLOC = re.compile(
    r"(?:giao uoc|phat dong|so ket|tong ket)(?: cong tac)? thi dua (?:cua )?(?:khoi|cum)\s+(?!lop\b)\w"
)
# "các bệnh viện trong Khối", "các đơn vị trong cụm": the lead's subject is the members of a bloc, named elsewhere
_BLOC_ANAPHORA = re.compile(r"(?<!\w)cac (?:\w+ ){1,3}trong (?:khoi|cum)(?! thi dua)(?!\w)")
MIN_ANAPHORA = 1
_CONGRESS = re.compile(r"dai hoi thi dua yeu nuoc|dai hoi dai bieu thi dua|hoi nghi dien hinh tien tien|dai hoi dien hinh")


@dataclass
class Verdict:
    """The relevance decision, its score and the evidence span (a bloc mention) if any."""

    relevant: bool
    score: float
    span: Span | None = None


def _gate(text: str) -> bool:
    low = text.lower()
    if "khối" not in low and "cụm" not in low and "khoi" not in low and "cum" not in low:
        return False
    return "thi đua" in low or "thi dua" in low


def classify(doc: PreparedText) -> Verdict:
    """Return whether ``doc`` reports a meeting or event of a Khối/Cụm thi đua."""
    title = doc.title or ""
    if not _gate(title + "\n" + doc.text[:20000]):
        return Verdict(False, 0.0)
    text = doc.text
    folded = fold_aligned(text)
    ftitle = fold_aligned(title)
    lead_end = _lead_end(text)
    mentions = find_mentions(text)
    title_mentions = find_mentions(title) if title else []
    title_bloc_event = bool(_TITLE_EVENT_OF_BLOC.search(ftitle))
    if not mentions and not title_mentions and not title_bloc_event:
        informal = _informal_bloc_event(text, lead_end)
        if informal is not None:
            return Verdict(True, THRESHOLD, informal)
        return Verdict(False, 0.5)

    score = 0.0
    # "đơn vị dẫn đầu Khối thi đua X": the bloc only frames another subject's news
    lead_mentions = [
        m
        for m in mentions
        if m.start < lead_end
        and (not _OBJECT_BEFORE.search(folded, max(0, m.start - OBJECT_WINDOW), m.start) or _bracket_event(folded, m))
        and not _in_caption(text, m.start)
    ]
    head = ftitle + "\n" + folded[:lead_end]
    if title_mentions or lead_mentions or title_bloc_event:
        score += 1.5
    if any(m.formal for m in title_mentions + lead_mentions):
        score += 0.5
    # the bloc is the subject of an event in the title or lead
    if (_EVENT.search(ftitle) and title_mentions) or title_bloc_event:
        score += 1.5
    if any(_event_near(folded, m) for m in lead_mentions):
        score += 1.5
    elif title_mentions and _EVENT.search(folded, 0, lead_end):
        score += 1.0  # "Khối thi đua X: đoàn kết, sáng tạo" over a lead that reports the meeting
    elif _EVENT.search(ftitle) and lead_mentions and len(_BLOC_ANAPHORA.findall(folded, 0, lead_end)) >= MIN_ANAPHORA:
        score += 1.0  # "Tổng kết công tác thi đua năm 2023" over a lead about "các bệnh viện trong Khối"
    elif any(_MEMBERS_AFTER.match(folded, m.end) for m in lead_mentions) and _EVENT.search(folded, 0, lead_end):
        score += 1.0  # "Cụm thi đua số 8 gồm 4 đơn vị: …" in a lead that reports a meeting
    if len(mentions) >= 3:
        score += 0.5
    if _EVENT.search(folded[:lead_end]) and not lead_mentions and not title_mentions and not title_bloc_event:
        score -= 0.5
    if _enumerated_blocs(text, mentions) >= MIN_ENUMERATED_BLOCS:
        score -= 2.0  # "1. Cụm thi đua A: …\n2. Khối thi đua B: …": a decision or roundup over many blocs
    if _OVERVIEW.search(head):
        score -= 3.0
    if _LEGAL.search(folded[:3000]):
        score -= 3.0
    numbered = any(_NUMBERED_FORMAL.match(folded, m.start) for m in lead_mentions) or any(
        _NUMBERED_FORMAL.match(fold_aligned(m.surface)) for m in title_mentions
    )
    if _MILITARY.search(head) and not (lead_mentions and (_BLOC_COVENANT.search(head) or numbered)):
        score -= 2.0
    if _COUNCIL.search(head) or _CONGRESS.search(head):
        score -= 2.0
    if _BETWEEN_GROUPS.search(head):
        score -= 2.0
    if doc.url and _LIST_URL.search(doc.url):
        score -= 3.0
    if _SCHEDULE_TITLE.search(ftitle) or len(_TIME_SLOT_LINE.findall(text[:20000])) >= MIN_TIME_SLOTS:
        score -= 3.0
    evidence = (lead_mentions or mentions or [None])[0]
    span = Span(start=evidence.start, end=evidence.end, source="rule:relevance") if evidence else None
    return Verdict(score >= THRESHOLD, round(score, 2), span)


MIN_ENUMERATED_BLOCS = 3  # a roundup lists every bloc of the province; a meeting report names one or two
_LINE_OPEN = re.compile(r"(?:^|\n)[ \t]*(?:\d{1,2}[.)]|[-–+•*])?[ \t]*$")


def _enumerated_blocs(text: str, mentions: list[BlocMention]) -> int:
    """How many different blocs open a line of their own, each followed by a colon ("2. Khối thi đua B: Sở X")."""
    keys = set()
    for m in mentions:
        line_end = text.find("\n", m.end)
        if _LINE_OPEN.search(text, max(0, m.start - 8), m.start) and ":" in text[m.end : line_end if line_end >= 0 else None]:
            keys.add("#" + m.number if m.number else m.key)
    return len(keys)


# A photo caption: unpunctuated short lines opening with a person ("Ông A - Giám đốc Sở X phát biểu tại" /
# "Hội nghị tổng kết Khối thi đua …") or a picture word. An agency's own report shows its head at a bloc's
# meeting in a photo; the bloc is not the news.
_CAPTION_OPEN = re.compile(r"(?:Ông|Bà|Đồng chí|Đ/c|Ảnh|Quang cảnh|Toàn cảnh|Lãnh đạo|Các đại biểu|Đại biểu)(?!\w)")
_SENTENCE_END = re.compile(r"[.!?:;…\"”)]\s*$")
CAPTION_LINES = 3
CAPTION_CHARS = 250


def _in_caption(text: str, pos: int) -> bool:
    """Is ``pos`` inside a photo caption (see ``_CAPTION_OPEN``)?"""
    line_start = text.rfind("\n", 0, pos) + 1
    line_end = text.find("\n", pos)
    line = text[line_start : line_end if line_end >= 0 else None]
    if _SENTENCE_END.search(line) or len(line) > CAPTION_CHARS:
        return False
    lines = [line]
    before = text[:line_start].rstrip("\n ").split("\n")
    for prev in reversed(before[-CAPTION_LINES:]):
        prev = prev.strip()
        if not prev or _SENTENCE_END.search(prev) or len(prev) > CAPTION_CHARS:
            break
        lines.insert(0, prev)
    return any(_CAPTION_OPEN.match(x.strip()) for x in lines)


def _lead_end(text: str) -> int:
    """Return the offset where the lead ends: LEAD_CHARS of prose after any short chrome lines."""
    pos = 0
    for line in text.split("\n"):
        if len(line) > 80:
            break
        pos += len(line) + 1
    return min(len(text), pos + LEAD_CHARS)


def _bracket_event(folded: str, m: BlocMention) -> bool:
    """Is ``m`` a bracketed "(thuộc Cụm …)" after an event held by the bloc's units in the same sentence?"""
    if not _BRACKET_OF.search(folded, max(0, m.start - OBJECT_WINDOW), m.start):
        return False
    start = max(folded.rfind("\n", 0, m.start), folded.rfind(". ", 0, m.start), m.start - 200, 0)
    return bool(_EVENT.search(folded, start, m.start))


def _event_near(folded: str, m: BlocMention) -> bool:
    """Is the bloc the actor of an event near mention ``m`` (not "dẫn đầu Khối ...")?"""
    if _OBJECT_BEFORE.search(folded, max(0, m.start - OBJECT_WINDOW), m.start) and not _bracket_event(folded, m):
        return False
    start = max(folded.rfind("\n", 0, m.start), m.start - 150, 0)
    end = folded.find("\n", m.end)
    end = m.end + 200 if end < 0 else min(end, m.end + 200)
    return bool(_EVENT.search(folded, start, end))


# "khối Công an các huyện đã ký giao ước thi đua": a bloc written lower case without "thi đua", named by a
# capitalised sector word and the subject of a covenant or review in the same clause of the lead
_INFORMAL_BLOC = re.compile(
    r"(?<!\w)(?:khối|cụm)[ \t]+(?P<word>\w+)[^.;\n]{0,120}?"
    r"(?:(?:ký|ki)(?:\s+kết)?\s+giao\s+ước|(?:sơ|tổng)\s+kết\s+(?:công\s+tác\s+|phong\s+trào\s+)?thi\s+đua)(?!\w)"
)


def _informal_bloc_event(text: str, lead_end: int) -> Span | None:
    """The evidence span of a lower-case bloc holding a covenant or review in the lead, or None."""
    for m in _INFORMAL_BLOC.finditer(text, 0, lead_end):
        word = m.group("word")
        if word[0].isupper() and word.lower() != "thi" and not _in_caption(text, m.start()):
            return Span(start=m.start(), end=m.end(), source="rule:relevance_informal")
    return None
