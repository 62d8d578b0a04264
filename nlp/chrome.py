"""Remove page chrome left in article plain text, and fix a few known typos.

Chrome is recognised line by line from data/gazetteers/chrome.tsv: visitor counters, menus,
weather widgets, image file names, share buttons, footers. A "more news" heading ("Các tin
khác") after the article body cuts everything below it. Article sentences are long, so
only short lines are ever dropped: the first and last sentence and the byline survive.
"""

from __future__ import annotations

import re
from functools import lru_cache

from nlp.lexicon import rows

# A "more news" heading cuts the rest of the page only once this much article text precedes
# it; a menu at the top of a page can carry the same words.
MIN_BODY_BEFORE_TAIL = 200
# Chrome lines are short; an article paragraph is never dropped by a line rule.
MAX_CHROME_LINE = 160

_BULLET = re.compile(r"^[\s•●▪·*]+")
# "…năm 2021./.        Ngọc Pháp": a byline pushed to the right on the last paragraph's line.
_FLUSH_RIGHT = re.compile(r"(\./\.|[.!?…])[ \t]{5,}(?=\S)")
_SPACES = re.compile(r"[ \t]+")
_BLANKS = re.compile(r"\n{3,}")


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str] | None]:
    by_kind: dict[str, list[str]] = {"tail": [], "line": [], "inline": []}
    for kind, pattern in rows("chrome", 2):
        by_kind.setdefault(kind, []).append(pattern)
    tail = re.compile("(?:" + "|".join(by_kind["tail"]) + r")\s*:?", re.IGNORECASE)
    line = re.compile("(?:" + "|".join(by_kind["line"]) + r")\s*", re.IGNORECASE)
    inline = re.compile("|".join(by_kind["inline"])) if by_kind["inline"] else None
    return tail, line, inline


def _is_ascii_alt_text(line: str) -> bool:
    """Image alt text / slugs: a lower-case ASCII line such as "khoi mttq va cac doan the"."""
    if not line.isascii() or any(c in line for c in ".,;:!?()\"'"):
        return False
    letters = re.sub(r"[\s\-_0-9]", "", line)
    return bool(letters) and letters.islower() and (" " in line or "-" in line or "_" in line)


def _is_breadcrumb(line: str) -> bool:
    return len(line) < MAX_CHROME_LINE and (">>" in line or line.count(" > ") >= 1 or "›" in line)


def strip_chrome(text: str) -> str:
    """Return ``text`` without page chrome lines; idempotent."""
    tail, line_pat, inline = _patterns()
    if inline is not None:
        text = inline.sub("", text)
    text = _FLUSH_RIGHT.sub(lambda m: m.group(1) + "\n", text)
    kept: list[str] = []
    body_chars = 0
    for raw in text.split("\n"):
        line = _SPACES.sub(" ", raw).strip()
        if not line:
            kept.append("")
            continue
        bare = _BULLET.sub("", line).strip()
        if len(bare) < MAX_CHROME_LINE:
            if tail.fullmatch(bare):
                if body_chars >= MIN_BODY_BEFORE_TAIL:
                    break
                continue
            if not bare or line_pat.fullmatch(bare) or _is_ascii_alt_text(bare) or _is_breadcrumb(bare):
                continue
        kept.append(line)
        body_chars += len(line)
    out = _BLANKS.sub("\n\n", "\n".join(kept)).strip()
    return out


@lru_cache(maxsize=1)
def _typo_table() -> tuple[re.Pattern[str], dict[str, str]] | None:
    table = {wrong: right for wrong, right in rows("typos", 2)}
    if not table:
        return None
    alternatives = "|".join(re.escape(w) for w in sorted(table, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)"), table


def fix_typos(text: str) -> str:
    """Return ``text`` with the known typos of data/gazetteers/typos.tsv corrected."""
    compiled = _typo_table()
    if compiled is None:
        return text
    pattern, table = compiled
    return pattern.sub(lambda m: table[m.group(0)], text)
