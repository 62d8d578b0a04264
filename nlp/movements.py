"""Quoted names of emulation movements and campaigns: phong trào thi đua “…”, cuộc vận động "…".

A quotation is a movement when a cue word (phong trào, cuộc vận động, chủ đề, khẩu hiệu, …)
stands just before it, when it continues a list of such quotations, or when it is one of the
national movements listed in data/gazetteers/movements.tsv ("Người tốt, việc tốt").
"""

from __future__ import annotations

import re
from functools import lru_cache

from nlp.lexicon import rows
from nlp.prepare import PreparedText
from store.models import Movement
from store.vntext import fold_key

_CUE = re.compile(
    r"(?:phong trào|cuộc vận động|vận động|chủ đề|khẩu hiệu|phương châm|phát động|hưởng ứng|chủ đề hành động)"
    r"(?:\s+thi đua)?\s*(?:là|với|như|:)?\s*:?\s*$",
    re.IGNORECASE,
)
# Cue-to-quote distance: "chủ đề hành động năm 2021 của Chính phủ là “…”" is ~40 characters.
MAX_CUE_GAP = 60
# Gap between two quotations of one list: "“A” và của Ban Thường vụ Tỉnh ủy “B”".
MAX_LIST_GAP = 45
MIN_WORDS, MAX_WORDS = 2, 40
_DOC_TITLE = re.compile(r"(?:\bvề|\bvề việc|V/v|\btheo|\bcủa)\s*$", re.IGNORECASE)
_NOT_MOVEMENT = re.compile(r"^(?:hội thi|cuộc thi|giải|hội thao|hội diễn|liên hoan|ảnh)\b", re.IGNORECASE)
_LIST_GAP = re.compile(r"^[\s,;:.…]*(?:và|cùng|hay|hoặc)?[\s\w,;:()\-–]*$")


@lru_cache(maxsize=1)
def _known() -> tuple[str, ...]:
    return tuple(fold_key(name) for (name,) in rows("movements", 1))


def _is_known(name: str) -> bool:
    key = fold_key(name)
    return any(key == k or (key.startswith(k) and len(k) > 12) for k in _known())


def _quotes(text: str) -> list[tuple[int, int]]:
    """Return (start, end) of each quotation's content; an unclosed “ ends before the next “."""
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
        if MIN_WORDS <= len(words) <= MAX_WORDS and not _NOT_MOVEMENT.match(name):
            line_start = text.rfind("\n", 0, start) + 1
            before = text[max(line_start, start - 1 - MAX_CUE_GAP - 40) : start - 1]
            if _is_known(name):
                accepted = True
            elif not _DOC_TITLE.search(before):
                cue_window = before[-(MAX_CUE_GAP + 25):]
                if _cue_near(cue_window):
                    accepted = True
                elif prev_end >= 0 and 0 <= start - 1 - prev_end <= MAX_LIST_GAP + 1:
                    gap = text[prev_end + 1 : start - 1]
                    accepted = "\n" not in gap and bool(_LIST_GAP.match(gap))
        if accepted:
            key = fold_key(name)
            if key not in seen:
                seen.add(key)
                s = start + max(lead, 0)
                out.append(Movement(name=name, start=s, end=s + len(name), source="rule:quoted_movement"))
            prev_end = end
        else:
            prev_end = -1
    return out


def _cue_near(window: str) -> bool:
    """True when a cue word ends within MAX_CUE_GAP characters of the quotation."""
    lower = window.lower()
    for cue in ("phong trào", "cuộc vận động", "vận động", "chủ đề", "khẩu hiệu", "phương châm", "phát động", "hưởng ứng"):
        pos = lower.rfind(cue)
        if pos >= 0:
            gap = lower[pos + len(cue) :]
            if len(gap) <= MAX_CUE_GAP and not re.search(r"[.!?]\s", gap):
                return True
    return bool(_CUE.search(window))
