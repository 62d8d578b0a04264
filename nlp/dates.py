"""Day-first Vietnamese date parsing: "ngày 5 tháng 3 năm 2024", "05/3/2024", "5-3-2024", "Chiều 16-7".

``parse_dates`` finds every date mention with its span; a mention without a year keeps
``year=None`` and the caller decides the year from context (events.py does).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from nlp.folding import fold_aligned


@dataclass(frozen=True)
class DateFact:
    """One date mention: ``year`` is None when the text gives only day and month."""

    start: int
    end: int
    day: int
    month: int
    year: int | None
    text: str

    def iso(self, year: int | None = None) -> str | None:
        """Return "YYYY-MM-DD" using ``year`` when the mention has none; None if invalid."""
        y = self.year if self.year is not None else year
        if y is None:
            return None
        try:
            return dt.date(y, self.month, self.day).isoformat()
        except ValueError:
            return None


# "ngày 29 tháng 2 năm 2012", "19 tháng 9 năm 2017", "ngày 20 tháng 03 năm 2024" (matched on folded text)
_WORDY = re.compile(r"(?<!\d)(\d{1,2})\s+thang\s+(\d{1,2})(?:\s*(?:nam|,)\s*(\d{4}))?(?!\d)")
# "22/6/2017", "5-3-2024", "13.1.2021", "23 và 24/8/2014", "các ngày 04, 05/4/2024" (a two-day event: its first day)
_NUMERIC_Y = re.compile(r"(?<![\d/.,-])(\d{1,2})(?:\s*(?:va|,)\s*\d{1,2})?\s?[/.-]\s?(\d{1,2})\s?[/.-]\s?(\d{4})(?![\d/])")
# "2022-12-30"
_ISO = re.compile(r"(?<![\d/.-])(\d{4})-(\d{2})-(\d{2})(?![\d])")
# "4/8", "26-12", "9.2" (only after a day word, see _DAY_CUE)
_NUMERIC_DM = re.compile(r"(?<![\d/.,-])(\d{1,2})(?:\s+va\s+\d{1,2})?[/.-](\d{1,2})(?![\d]|[/.-]\d|,\d)")
# words that announce a day: "ngày", "sáng", "chiều", "tối", "trưa", "hôm nay", "sáng nay", "chiều qua", "đêm",
# and a weekday: "Sáng thứ Sáu (12/7)", "Chiều thứ Năm, 18/1", "Chủ nhật 7/4"
# (a weekday only when capitalised as one: "thứ ba" is also "third")
_DAY_CUE = re.compile(
    r"(?:ngay|sang|chieu|toi|trua|dem|nay|hom|qua|thu (?P<wd>hai|ba|tu|nam|sau|bay)|chu nhat)\s*[,(]?\s*$"
)


def _valid(day: int, month: int, year: int | None) -> bool:
    if not (1 <= day <= 31 and 1 <= month <= 12):
        return False
    if year is None:
        return True
    if not 1945 <= year <= 2100:
        return False
    try:
        dt.date(year, month, day)
    except ValueError:
        return False
    return True


def parse_dates(text: str) -> list[DateFact]:
    """Return every date mention in ``text`` (day-first), in text order."""
    folded = fold_aligned(text)
    facts: list[DateFact] = []
    taken: list[tuple[int, int]] = []

    def add(start: int, end: int, day: int, month: int, year: int | None) -> None:
        if year is not None and 2100 < year < 10000:
            year = None  # "ngày 21 tháng 12 năm 2107": a typed year no page can have; the context gives it
        if any(s < end and start < e for s, e in taken) or not _valid(day, month, year):
            return
        taken.append((start, end))
        facts.append(DateFact(start, end, day, month, year, text[start:end]))

    for m in _ISO.finditer(folded):
        add(m.start(), m.end(), int(m.group(3)), int(m.group(2)), int(m.group(1)))
    for m in _WORDY.finditer(folded):
        add(m.start(), m.end(), int(m.group(1)), int(m.group(2)), int(m.group(3)) if m.group(3) else None)
    for m in _NUMERIC_Y.finditer(folded):
        add(m.start(), m.end(), int(m.group(1)), int(m.group(2)), int(m.group(3)))
    for m in _NUMERIC_DM.finditer(folded):
        lo = max(0, m.start() - 12)
        cue = _DAY_CUE.search(folded[lo : m.start()])
        if cue and (cue.group("wd") is None or text[lo + cue.start("wd")].isupper()):
            add(m.start(), m.end(), int(m.group(1)), int(m.group(2)), None)
    facts.sort(key=lambda f: f.start)
    return facts
