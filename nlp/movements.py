"""Quoted names of emulation movements and campaigns: phong trào thi đua “…”, cuộc vận động "…", chiến dịch "…".

Quotes may be "…", “…”, «…», ‘…’ or '…'. A quotation is a movement when a cue word (phong trào, cuộc vận động, chủ đề, khẩu hiệu, …)
stands just before it, when it continues a list of such quotations, or when it is one of the
national movements listed in data/gazetteers/movements.tsv ("Người tốt, việc tốt"), and not when a
noun such as "chương trình" or "cuộc thi" names it. A capitalised name written without quotes right
after "phong trào (thi đua)" or "cuộc vận động" counts too, up to the end of its clause.
"""

from __future__ import annotations

import re
from functools import lru_cache

from nlp.lexicon import rows
from nlp.prepare import PreparedText
from store.models import Movement
from store.vntext import fold_key

_CUE = re.compile(
    r"(?:phong trào|cuộc vận động|vận động|chiến dịch|chủ đề|khẩu hiệu|phương châm|phát động|hưởng ứng|chủ đề hành động)"
    r"(?:\s+thi đua)?\s*(?:là|với|như|:)?\s*:?\s*$",
    re.IGNORECASE,
)
# Cue-to-quote distance: "chủ đề hành động năm 2021 của Chính phủ là “…”" is ~40 characters.
MAX_CUE_GAP = 60
# Gap between two quotations of one list: "“A” và của Ban Thường vụ Tỉnh ủy “B”".
MAX_LIST_GAP = 45
MIN_WORDS, MAX_WORDS = 2, 40
# "thể hiện tinh thần "Hợp tác - Gắn kết - Phát triển"": a motto of capitalised words joined by dashes
_SPIRIT = re.compile(r"(?<!\w)tinh thần\s*:?\s*$", re.IGNORECASE)
_MOTTO = re.compile(r"[A-ZĐÀ-Ỹ][\w ]{1,30}?(?:\s*[-–—]\s*[A-ZĐÀ-Ỹ][\w ]{1,30}?){2,4}")
# A year's theme or motto ("chủ đề thi đua năm 2025: “…”") strings several slogans and runs longer.
MAX_THEME_WORDS = 70
_THEME_CUE = re.compile(r"(?:chủ đề|khẩu hiệu|phương châm)[^.!?“”\"\n]{0,40}$", re.IGNORECASE)
_DOC_TITLE = re.compile(r"(?:\bvề|\bvề việc|V/v|\btheo|\bcủa)\s*$", re.IGNORECASE)
_NOT_MOVEMENT = re.compile(r"^(?:hội thi|cuộc thi|giải|hội thao|hội diễn|liên hoan|ảnh)\b", re.IGNORECASE)
_LIST_GAP = re.compile(r"^[\s,;:.…]*(?:và|cùng|hay|hoặc)?[\s\w,;:()\-–]*$")
# A quotation named as something else: "chương trình “Kết nối yêu thương”", "cuộc thi “Tìm hiểu …”",
# a fund ("ủng hộ Quỹ “Vì người nghèo”").
_OTHER_NOUN = re.compile(
    r"(?<!\w)(?:chương trình|đề án|dự án|kế hoạch|cuộc thi|hội thi|giải|mô hình|tác phẩm|bài hát|chuyên mục|"
    r"chuyên đề|câu lạc bộ|CLB|tọa đàm|toạ đàm|hội thảo|diễn đàn|ngày hội|lễ hội|cuốn sách|bộ phim|ứng dụng|"
    r"phần mềm|nền tảng|trang|website|tên gọi|tên|quỹ)\s*:?\s*$",
    re.IGNORECASE,
)
# A quoted utterance: "phát biểu phát động: “Mỗi cơ quan chọn …”" is what the speaker said, not a name;
# a naming noun between the speech verb and the colon ("phát biểu, nêu rõ chủ đề: “…”") keeps it a movement.
_SPEECH = re.compile(
    r"(?<!\w)(?:phát biểu|nhấn mạnh|chia sẻ|cho biết|khẳng định|nói)(?!\w)"
    r"(?:(?!phong trào|cuộc vận động|chiến dịch|chủ đề|khẩu hiệu|phương châm)[^.!?“”\"\n]){0,40}:\s*$",
    re.IGNORECASE,
)
# Two quotations with only separators between them: "“A”, “B” và “C”".
_BARE_LIST_GAP = re.compile(r"^[\s,;:.…]*(?:(?:và|cùng|hay|hoặc)(?!\w))?[\s,]*$")
_FUND = re.compile(r"(?<!\w)quỹ\s*$", re.IGNORECASE)
# a thing built or given named by a quotation: "xây tặng 17 căn nhà “Nghĩa tình đồng đội”", "trao 50 phần quà “…”"
# names the houses or gifts, even when a movement shares the name
_GIFT = re.compile(
    r"(?<!\w)(?:nhà|căn nhà|ngôi nhà|mái ấm|công trình|phần quà|suất quà|sổ tiết kiệm|con đường|tuyến đường)\s*$",
    re.IGNORECASE,
)
# An unquoted name after its cue: "phong trào thi đua Hậu Giang chung sức xây dựng nông thôn mới."
# The cue and the name share a line: a headline ending "… các phong trào thi đua" is not followed by a name
# on the next line ("Kinh tế 05/03/2021 - 04:17" is the portal's section and time stamp).
_UNQUOTED_CUE = re.compile(r"(?<!\w)(?:phong trào(?:[ \t]+thi đua)?|cuộc vận động)[ \t]+(?![“\"«‘'])", re.IGNORECASE)
# ... which runs to the end of the clause; the first word must be capitalised (a proper name or a slogan):
# gold leaves out lower-case descriptions, even of a listed movement ("phong trào toàn dân bảo vệ an ninh …").
_UNQUOTED_NAME = re.compile(r"[^\W\d_][^,.;:()\[\]\n“”\"«»!?]*")
# ... and stops before the verb or link word that continues the sentence.
_UNQUOTED_STOP = re.compile(
    r"\s+(?:gắn với|gắn liền|được|đã|đang|sẽ|trong|nhằm|do|tại|theo|cùng với|cùng|góp phần|tiếp tục|ngày càng|đạt|"
    r"mang lại|có|từ|đến|là|thu hút|bước đầu|thực sự|lan tỏa|lan toả|với (?:chủ đề|khẩu hiệu|nội dung|mục tiêu)|"
    r"(?:năm|giai đoạn|nhiệm kỳ)\s+\d{4}|"
    r"và\s+(?:phong trào|cuộc vận động|các|những|phát động|triển khai|thực hiện|đẩy mạnh))(?!\w)"
)
MAX_UNQUOTED_WORDS = 15
# Capitalised openings that are not a movement name: the bloc, an agency, a date, a document.
_NOT_UNQUOTED = re.compile(
    r"^(?:Khối|Cụm|Sở|Ban|UBND|Ủy ban|Hội|Tỉnh|Thành|Huyện|Đảng|Nhà nước|Chính phủ|Thủ tướng|Chủ tịch|Trung ương|"
    r"Năm|Tháng|Ngày|Quý|Nghị|Chỉ thị|Quyết định|Kế hoạch|Thông tư|Luật|Hướng dẫn|Công văn|Đại hội|Tết)(?!\w)",
)


@lru_cache(maxsize=1)
def _known() -> tuple[str, ...]:
    return tuple(fold_key(name) for (name,) in rows("movements", 1))


def _is_known(name: str) -> bool:
    key = fold_key(name)
    return any(key == k or (key.startswith(k) and len(k) > 12) for k in _known())


# Other quotation pairs of the genre: «…» (portals that typeset French-style), ‘…’ and '…'. A closing
# ’ or ' followed by a letter is an apostrophe inside a name (H’Loan, M'Đrắk), not the end of a quote.
_PAIRED = re.compile(
    r"«(?P<g>[^«»\n]{2,300})»"
    r"|‘(?P<s>[^‘\n]{2,300}?)’(?!\w)"
    r"|(?<![\w'])'(?=[^\W\d_])(?P<a>[^\n]{2,300}?)(?<=[^\s'])'(?!\w)"
)


def _quotes(text: str) -> list[tuple[int, int]]:
    """Return (start, end) of each quotation's content, in text order.

    "…" and “…” as written (an unclosed “ ends before the next “), plus «…», ‘…’ and '…'.
    """
    spans = _double_quotes(text)
    taken = [(s - 1, e + 1) for s, e in spans]
    for m in _PAIRED.finditer(text):
        group = next(g for g in ("g", "s", "a") if m.group(g) is not None)
        s, e = m.span(group)
        if any(a <= s < b or a < e <= b for a, b in taken):
            continue
        spans.append((s, e))
    return sorted(spans)


def _double_quotes(text: str) -> list[tuple[int, int]]:
    """Return (start, end) of each “…” and "…" quotation's content; an unclosed “ ends before the next “."""
    spans: list[tuple[int, int]] = []
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch == "“":
            close = text.find("”", i + 1)
            reopen = text.find("“", i + 1)
            line_end = text.find("\n", i + 1)
            line_end = n if line_end < 0 else line_end
            if close < 0 or close > line_end or (0 <= reopen < close):
                stop = min(x for x in (reopen, line_end, n) if x >= 0)
                chunk = text[i + 1 : stop]
                cut = chunk.rfind(";")
                end = i + 1 + (cut if cut > 0 else len(chunk.rstrip()))
                spans.append((i + 1, end))
                i = stop
                continue
            spans.append((i + 1, close))
            i = close + 1
        elif ch == '"':
            close = text.find('"', i + 1)
            line_end = text.find("\n", i + 1)
            if close < 0 or (0 <= line_end < close):
                i += 1
                continue
            spans.append((i + 1, close))
            i = close + 1
        else:
            i += 1
    return spans


def extract_movements(doc: PreparedText) -> list[Movement]:
    """Return quoted movement and campaign names, without the quotes, one per name."""
    text = doc.text
    out: list[Movement] = []
    seen: set[str] = set()
    prev_end = -1
    for start, end in _quotes(text):
        raw = text[start:end]
        name = raw.strip(" \t.,;:…!")
        lead = raw.find(name) if name else 0
        words = name.split()
        accepted = False
        line_start = text.rfind("\n", 0, start) + 1
        before = text[max(line_start, start - 1 - MAX_CUE_GAP - 40) : start - 1]
        most = MAX_THEME_WORDS if _THEME_CUE.search(before) else MAX_WORDS
        if MIN_WORDS <= len(words) <= most and not _NOT_MOVEMENT.match(name):
            if _FUND.search(before) or _GIFT.search(before):
                accepted = False  # "ủng hộ Quỹ “Vì người nghèo”": the fund, even when a movement shares its name
            elif _is_known(name):
                accepted = True
            elif _SPIRIT.search(before) and _MOTTO.fullmatch(name):
                accepted = True
            elif not _DOC_TITLE.search(before) and not _OTHER_NOUN.search(before):
                cue_window = before[-(MAX_CUE_GAP + 25):]
                if _cue_near(cue_window):
                    accepted = not _SPEECH.search(before)
                elif prev_end >= 0 and 0 <= start - 1 - prev_end <= MAX_LIST_GAP + 1:
                    gap = text[prev_end + 1 : start - 1]
                    accepted = "\n" not in gap and bool(_LIST_GAP.match(gap))
                    if accepted and name[:1].islower() and not _BARE_LIST_GAP.match(gap):
                        accepted = False  # "… phong trào “A”, không để giao ước rồi “cất tủ”": a colloquial phrase
        if accepted:
            key = fold_key(name)
            if key not in seen:
                seen.add(key)
                s = start + max(lead, 0)
                out.append(Movement(name=name, start=s, end=s + len(name), source="rule:quoted_movement"))
            prev_end = end
        else:
            prev_end = -1
    for m in _unquoted(text):
        key = fold_key(m.name)
        if key not in seen:
            seen.add(key)
            out.append(m)
    out = [m for m in out if not any(_abbreviates(m.name, o.name) for o in out if o is not m)]
    return sorted(out, key=lambda m: m.start)


def _initials(name: str, keep_caps: bool) -> str:
    """First letters of the words; with ``keep_caps`` an all-capital abbreviation keeps all its letters."""
    words = re.findall(r"\w+", fold_key(name) if not keep_caps else name)
    out = [w.lower() if keep_caps and len(w) > 1 and w.isupper() else w[0].lower() for w in words]
    return fold_key("".join(out))


def _abbreviates(short: str, long: str) -> bool:
    """Is ``short`` ("Vì ANTQ") an abbreviated writing of ``long`` ("Vì An ninh Tổ quốc")?"""
    caps = any(len(w) > 1 and w.isupper() for w in re.findall(r"\w+", short))
    return caps and len(short) < len(long) and _initials(short, True) == _initials(long, False)


@lru_cache(maxsize=1)
def _known_pattern() -> re.Pattern[str]:
    """The listed movements as one pattern whose words may be separated by spaces, commas or dashes."""
    names = sorted((name for (name,) in rows("movements", 1)), key=len, reverse=True)
    alts = ["[\\s,\\-–—]+".join(re.escape(w) for w in re.findall(r"\w+", n)) for n in names]
    return re.compile(r"(?:" + "|".join(alts) + r")(?!\w)", re.IGNORECASE)


def _unquoted(text: str) -> list[Movement]:
    """Movement names written without quotes right after "phong trào (thi đua)" or "cuộc vận động"."""
    out: list[Movement] = []
    for cue in _UNQUOTED_CUE.finditer(text):
        if not text[cue.end() : cue.end() + 1].isupper():  # lower case: a description, not a name
            continue
        known = _known_pattern().match(text, cue.end())
        if known:
            out.append(Movement(name=known.group(0), start=known.start(), end=known.end(), source="rule:unquoted_movement"))
            continue
        m = _UNQUOTED_NAME.match(text, cue.end())
        if not m or _NOT_UNQUOTED.match(m.group(0)):
            continue
        stop = _UNQUOTED_STOP.search(m.group(0))
        name = (m.group(0)[: stop.start()] if stop else m.group(0)).strip()
        words = name.split()
        if not 3 <= len(words) <= MAX_UNQUOTED_WORDS or words[0].isupper() or _NOT_MOVEMENT.match(name):
            continue
        out.append(Movement(name=name, start=m.start(), end=m.start() + len(name), source="rule:unquoted_movement"))
    return out


def _cue_near(window: str) -> bool:
    """True when a cue word ends within MAX_CUE_GAP characters of the quotation."""
    lower = window.lower()
    for cue in ("phong trào", "cuộc vận động", "vận động", "chiến dịch", "chủ đề", "khẩu hiệu", "phương châm", "phát động", "hưởng ứng"):
        pos = lower.rfind(cue)
        if pos >= 0:
            gap = lower[pos + len(cue) :]
            if len(gap) <= MAX_CUE_GAP and not re.search(r"[.!?]\s", gap):
                return True
    return bool(_CUE.search(window))
