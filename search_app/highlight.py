"""Render an article's text with every extracted fact highlighted at its evidence span."""

from __future__ import annotations

import re
from dataclasses import dataclass

from markupsafe import Markup, escape

_HL = re.compile(r"^(\d{1,7})-(\d{1,7})$")


@dataclass(frozen=True)
class Mark:
    """One fact span to highlight: [start, end) in the text, a CSS kind, a tooltip and an anchor id."""

    start: int
    end: int
    kind: str
    label: str
    anchor: str


def parse_hl(value: str | None) -> tuple[int, int] | None:
    """Return (start, end) from an ``?hl=START-END`` parameter, or None when absent or malformed."""
    if not value:
        return None
    m = _HL.match(value)
    if not m:
        return None
    start, end = int(m.group(1)), int(m.group(2))
    return (start, end) if start < end else None


def highlight_text(text: str, marks: list[Mark], focus: tuple[int, int] | None = None) -> Markup:
    """Return escaped ``text`` with <mark> around fact spans, anchors at their starts, and the focus span.

    Overlapping spans are split into flat segments, each carrying the classes of every
    fact covering it, so the markup stays well nested.
    """
    n = len(text)
    valid = [m for m in marks if 0 <= m.start < m.end <= n]
    cuts = {0, n}
    for m in valid:
        cuts.update((m.start, m.end))
    if focus is not None:
        focus = (max(0, min(focus[0], n)), max(0, min(focus[1], n)))
        if focus[0] >= focus[1]:
            focus = None
        else:
            cuts.update(focus)
    anchors: dict[int, list[str]] = {}
    for m in valid:
        anchors.setdefault(m.start, []).append(m.anchor)
    if focus is not None:
        anchors.setdefault(focus[0], []).insert(0, "hl")
    bounds = sorted(cuts)
    out: list[str] = []
    for a, b in zip(bounds, bounds[1:], strict=False):
        for anchor in anchors.get(a, ()):
            out.append(f'<span class="anchor" id="{escape(anchor)}"></span>')
        piece = str(escape(text[a:b]))
        covering = [m for m in valid if m.start <= a and m.end >= b]
        focused = focus is not None and focus[0] <= a and focus[1] >= b
        if not covering and not focused:
            out.append(piece)
            continue
        classes = sorted({f"k-{m.kind}" for m in covering})
        if focused:
            classes.append("focus")
        title = "; ".join(dict.fromkeys(m.label for m in covering))
        out.append(f'<mark class="{" ".join(classes)}" title="{escape(title)}">{piece}</mark>')
    return Markup("".join(out))
