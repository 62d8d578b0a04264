"""Load the extraction word lists in data/gazetteers/ once (surnames, titles, award titles, document types, chrome).

Each file is UTF-8 NFC, one entry per line, ``#`` comments, and a trailing source column.
"""

from __future__ import annotations

from functools import cache

from store.vntext import GAZETTEER_DIR, nfc


class LexiconError(Exception):
    """A word-list file is missing or malformed."""


@cache
def rows(name: str, columns: int = 2) -> tuple[tuple[str, ...], ...]:
    """Return the rows of data/gazetteers/<name>.tsv, each cut to ``columns`` NFC fields."""
    path = GAZETTEER_DIR / f"{name}.tsv"
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise LexiconError(f"{path}: cannot read word list ({exc})") from exc
    out: list[tuple[str, ...]] = []
    for lineno, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) < columns:
            raise LexiconError(f"{path}:{lineno}: expected {columns} tab-separated columns, got {len(parts)}")
        out.append(tuple(nfc(p.strip()) for p in parts[:columns]))
    return tuple(out)


@cache
def words(name: str) -> frozenset[str]:
    """Return the first column of data/gazetteers/<name>.tsv as a set."""
    return frozenset(r[0] for r in rows(name, 1))
