"""Server-rendered inline SVG charts (no script, no CDN). Labels are escaped here."""

from __future__ import annotations

from markupsafe import Markup, escape

# Colour-blind-safe palette (Okabe–Ito), one colour per series.
PALETTE = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000")
WIDTH = 640
BAR_AREA = 150
MAX_BAR_WIDTH = 48


def _axis(value: int) -> tuple[int, int]:
    """Return (step, top) of an integer axis with at most four steps covering ``value``."""
    for step in (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 2500, 5000, 10000, 20000, 50000):
        if value <= step * 4:
            return step, step * max(1, -(-value // step))
    return -(-value // 4), 4 * -(-value // 4)


def bar_chart(
    points: list[tuple[str, int]], *, title: str, links: dict[str, str] | None = None
) -> Markup:
    """Return an SVG bar chart of (label, value) points; bars link to ``links[label]`` if given."""
    return grouped_bar_chart([str(p[0]) for p in points], {"": [p[1] for p in points]}, title=title, links=links)


def grouped_bar_chart(
    labels: list[str],
    series: dict[str, list[int]],
    *,
    title: str,
    links: dict[str, str] | None = None,
) -> Markup:
    """Return an SVG chart with one group of bars per label and one bar per series (with a legend)."""
    if not labels or not series:
        return Markup("")
    names = list(series)
    step, top = _axis(max((max(v) if v else 0) for v in series.values()))
    left, bottom, legend_h = 36, 30, 22 if len(names) > 1 else 0
    height = BAR_AREA + bottom + 10 + legend_h
    plot_w = WIDTH - left - 8
    group_w = plot_w / len(labels)
    bar_w = min(MAX_BAR_WIDTH, max(2.0, (group_w - 4) / len(names)))
    parts: list[str] = [
        f'<svg class="chart" viewBox="0 0 {WIDTH} {height}" role="img" aria-label="{escape(title)}"'
        ' xmlns="http://www.w3.org/2000/svg">',
        f"<title>{escape(title)}</title>",
    ]
    y0 = 10 + legend_h
    for value in range(0, top + 1, step):
        y = y0 + BAR_AREA - BAR_AREA * value / top
        parts.append(f'<line x1="{left}" x2="{WIDTH - 8}" y1="{y:.1f}" y2="{y:.1f}" stroke="#e3e3e3"/>')
        parts.append(
            f'<text x="{left - 4}" y="{y + 4:.1f}" text-anchor="end" font-size="11" fill="#555">{value}</text>'
        )
    every = max(1, len(labels) // 16)  # thin the axis labels when there are many groups
    for gi, label in enumerate(labels):
        gx = left + gi * group_w + (group_w - bar_w * len(names)) / 2
        for si, name in enumerate(names):
            value = series[name][gi] if gi < len(series[name]) else 0
            h = BAR_AREA * value / top if top else 0
            x = gx + si * bar_w
            tip = f"{label}: {value}" if not name else f"{name} — {label}: {value}"
            rect = (
                f'<rect x="{x:.1f}" y="{y0 + BAR_AREA - h:.1f}" width="{max(bar_w - 2, 1):.1f}" height="{h:.1f}"'
                f' fill="{PALETTE[si % len(PALETTE)]}"><title>{escape(tip)}</title></rect>'
            )
            href = (links or {}).get(label)
            parts.append(f'<a href="{escape(href)}">{rect}</a>' if href else rect)
        if gi % every == 0:
            cx = left + gi * group_w + group_w / 2
            parts.append(
                f'<text x="{cx:.1f}" y="{y0 + BAR_AREA + 16}" text-anchor="middle" font-size="11" fill="#333">'
                f"{escape(label)}</text>"
            )
    if len(names) > 1:
        x = left
        for si, name in enumerate(names):
            parts.append(f'<rect x="{x}" y="4" width="12" height="12" fill="{PALETTE[si % len(PALETTE)]}"/>')
            parts.append(f'<text x="{x + 16}" y="14" font-size="12" fill="#222">{escape(name)}</text>')
            x += 24 + 8 * len(name)
    parts.append("</svg>")
    return Markup("".join(parts))
