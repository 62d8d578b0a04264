"""Where an article turns to another bloc ("Cùng ngày, Khối thi đua Y cũng tổ chức …"), so that bloc's facts stay out."""

from __future__ import annotations

import re

from nlp.blocs import find_mentions, same_bloc
from nlp.folding import UPPER

# a mention that names a bloc ("Khối thi đua các tổ chức chính trị - xã hội", "Cụm thi đua số 3"), not
# "Khối trưởng Khối thi đua và Bộ Chỉ huy Quân sự tỉnh làm khối phó" (the bloc, then the next unit)
_NAMED = re.compile(r"\S+\s+\S+\s+\S+\s+(?:" + UPPER + r"|\d|các\s|số\s)")


_SENTENCE_END = re.compile(r"[.!?](?:\s+|$)")


def other_bloc_spans(text: str, bloc: str | None) -> list[tuple[int, int]]:
    """Spans of ``text`` about another bloc, from its mention to the end of its sentence, or of its paragraph where
    the paragraph opens on it ("Cùng ngày, Khối thi đua Y …"), or to our bloc's next mention."""
    ours = find_mentions(bloc)[:1] if bloc else []
    if not ours:
        return []
    mentions = find_mentions(text)
    spans: list[tuple[int, int]] = []
    for m in mentions:
        if not _NAMED.match(m.surface) or same_bloc(m, ours[0]) is not False:
            continue
        if spans and spans[-1][0] <= m.start < spans[-1][1]:
            continue
        end = text.find("\n", m.end)
        end = len(text) if end < 0 else end
        if _SENTENCE_END.search(text, text.rfind("\n", 0, m.start) + 1, m.start):
            # named inside a paragraph about our bloc: only its own sentence is the other bloc's
            stop = _SENTENCE_END.search(text, m.end, end)
            end = stop.start() + 1 if stop else end
        back = next((x.start for x in mentions if m.end <= x.start < end and same_bloc(x, ours[0])), None)
        spans.append((m.start, back if back is not None else end))
    return spans


def inside(spans: list[tuple[int, int]], pos: int) -> bool:
    """Is ``pos`` inside one of ``spans``?"""
    return any(s <= pos < e for s, e in spans)
