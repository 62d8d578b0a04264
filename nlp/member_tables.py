"""Members read off the bloc's own tables and score lists.

Two shapes reach us flattened from HTML: a table whose rows keep their cells apart with "|" or tabs
("STT | Đơn vị | Người ký" then "1 | UBND thị xã X | Chủ tịch UBND thị xã"), and a list of scores
("Kết quả chấm điểm: phường A 97,2 điểm; phường B 96,4 điểm", "1. Sở X: 98,5 điểm").
"""

from __future__ import annotations

import re

from nlp.member_lists import PLACE_ITEM
from nlp.units import clean_unit, is_unit_like

# the column that names the units: "Đơn vị", "Tên đơn vị", "Cơ quan, đơn vị", "Địa phương"
_UNIT_COLUMN = re.compile(r"^(?:tên\s+)?(?:đơn vị|cơ quan(?:,\s*đơn vị)?|địa phương|doanh nghiệp)$", re.IGNORECASE)
_ROW_NUMBER = re.compile(r"^\s*\d{1,3}\s*$")
# the bloc, or its members ("8 đơn vị thành viên … Kết quả chấm điểm:"), named in the paragraph before the table
_BLOC_WORD = re.compile(r"(?<!\w)(?:khối|cụm|thành viên)(?!\w)", re.IGNORECASE)
BLOC_CONTEXT_CHARS = 400  # the table or list sits in the paragraph after the bloc is named
# "phường A 97,2 điểm", "Sở X: 98,5 điểm", "huyện B đạt 95 điểm"
_SCORED = re.compile(
    r"^\s*(?:\d{1,2}[.)]\s+)?(?P<unit>[^\n]+?)\s*(?:[:–—-]\s*|\s+đạt\s+)?(?<![\d,.])\d{1,3}(?:[.,]\d{1,2})?\s+điểm\s*[.]?\s*$",
    re.IGNORECASE,
)


def _about_the_bloc(text: str, pos: int) -> bool:
    return bool(_BLOC_WORD.search(text, max(0, pos - BLOC_CONTEXT_CHARS), pos))


def _unit(raw: str) -> str | None:
    name = clean_unit(raw)
    if PLACE_ITEM.match(name) or is_unit_like(name):
        return name
    return None


def table_members(text: str) -> list[tuple[str, int, int]]:
    """The units in the unit column of "|" tables about the bloc, as (name, start, end)."""
    out: list[tuple[str, int, int]] = []
    pos = 0
    for line in text.split("\n"):
        line_start, pos = pos, pos + len(line) + 1
        sep = "|" if "|" in line else "\t"
        cells = [c.strip() for c in line.split(sep)]
        if len(cells) < 2 or not _about_the_bloc(text, line_start):
            continue
        column = next((i for i, c in enumerate(cells) if _UNIT_COLUMN.match(c)), None)
        if column is None:
            continue
        out.extend(_column_cells(text, pos, column, len(cells), sep))
    return out


# the same table after its tabs were squeezed to spaces: "TT Đơn vị Vai trò trong Khối" then "1 Sở A Trưởng khối"
_SPACED_HEADER = re.compile(
    r"^\s*S?TT\s+(?:tên\s+)?(?:đơn vị|cơ quan(?:,\s*đơn vị)?|địa phương|doanh nghiệp)(?P<more>\s+\S.*)?$", re.IGNORECASE
)
# the cells after the unit: its role in the bloc ("Phó Trưởng khối", "Thành viên") or its scores ("98,5 1")
_SPACED_TAIL = re.compile(
    r"\s+(?:(?:Phó\s+)?(?:Trưởng|trưởng)\s+(?:khối|Khối|cụm|Cụm)|(?:Khối|Cụm|khối|cụm)\s+(?:trưởng|phó)|Thành viên|thành viên"
    r"|\d{1,3}(?:[.,]\d{1,2})?(?:\s+\d{1,3}(?:[.,]\d{1,2})?)*)\s*$"
)
_SPACED_ROW = re.compile(r"^\s*\d{1,3}\s+(?=\S)")


def spaced_table_members(text: str) -> list[tuple[str, int, int]]:
    """The units of a numbered table about the bloc whose cells were squeezed to single spaces, as (name, start, end).

    With more columns after the unit, each row must end in a role or score cell that can be cut off.
    """
    out: list[tuple[str, int, int]] = []
    pos = 0
    lines = text.split("\n")
    starts = []
    for line in lines:
        starts.append(pos)
        pos += len(line) + 1
    for i, line in enumerate(lines):
        header = _SPACED_HEADER.match(line)
        if header is None or not _about_the_bloc(text, starts[i]):
            continue
        for j in range(i + 1, len(lines)):
            row = _SPACED_ROW.match(lines[j])
            if row is None:
                break
            cell = lines[j][row.end() :]
            tail = _SPACED_TAIL.search(cell)
            if header.group("more") and tail is None:
                break
            cell = cell[: tail.start()] if tail else cell.rstrip()
            name = _unit(cell)
            if name is None:
                break
            begin = starts[j] + row.end()
            out.append((name, begin, begin + len(cell)))
    return out


def _column_cells(text: str, pos: int, column: int, width: int, sep: str = "|") -> list[tuple[str, int, int]]:
    """The ``column`` cells of the numbered rows that start at ``pos`` (the table ends at its first other line)."""
    out: list[tuple[str, int, int]] = []
    while pos < len(text):
        end = text.find("\n", pos)
        end = len(text) if end < 0 else end
        cells = text[pos:end].split(sep)
        if len(cells) != width or not _ROW_NUMBER.match(cells[0]):
            break
        offset = pos + sum(len(c) + 1 for c in cells[:column])
        raw = cells[column]
        name = _unit(raw)
        if name:
            lead = len(raw) - len(raw.lstrip())
            out.append((name, offset + lead, offset + lead + len(raw.strip())))
        pos = end + 1
    return out


def scored_members(text: str) -> list[tuple[str, int, int]]:
    """The units of a run of two or more "unit N điểm" items about the bloc, as (name, start, end)."""
    out: list[tuple[str, int, int]] = []
    run: list[tuple[str, int, int]] = []
    pos = 0
    for piece in re.split(r"([;\n])", text):
        start, pos = pos, pos + len(piece)
        if piece in (";", "\n"):
            continue
        m = _SCORED.match(piece)
        raw = m.group("unit") if m else ""
        colon = max(raw.rfind(":"), raw.rfind(". "))  # the unit opens after the lead-in "Kết quả như sau:"
        unit_start = start + (m.start("unit") if m else 0) + colon + 1
        raw = raw[colon + 1 :]
        name = _unit(raw) if m else None
        if name is None:
            out.extend(run if len(run) >= 2 else [])
            run = []
            continue
        lead = len(raw) - len(raw.lstrip())
        if run or _about_the_bloc(text, unit_start):
            run.append((name, unit_start + lead, unit_start + lead + len(raw.strip())))
    out.extend(run if len(run) >= 2 else [])
    return out
