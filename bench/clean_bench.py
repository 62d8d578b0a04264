"""Measure main-text extraction on the mock-portal article pages: ours (nlp.clean) vs trafilatura.

For each article page: chrome-free (no chrome snippet in the text) and complete (the article's
first and last sentence are both in the text). Run: .venv/bin/python bench/clean_bench.py
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from nlp import clean, encoding  # noqa: E402
from store.vntext import clean_text  # noqa: E402
from tests.crawler.mockportal import CHROME_SNIPPETS, start_portals  # noqa: E402


def score(text: str, article: object) -> tuple[bool, bool, list[str]]:
    """Return (chrome-free, first+last sentence kept, chrome found) for one extracted text."""
    found = [s for s in CHROME_SNIPPETS if s in text]
    first, last = clean_text(article.first_sentence), clean_text(article.last_sentence)  # type: ignore[attr-defined]
    complete = first in text and last in text
    return not found, complete, found


def main() -> int:
    """Print per-extractor chrome-free % and complete % over every mock article page."""
    import trafilatura

    portals = start_portals()
    results: dict[str, list[tuple[bool, bool]]] = {"ours": [], "trafilatura": []}
    failures: list[str] = []
    try:
        for site in portals.portal_sites():
            for post in site.posts:
                url = site.base + post.path
                page = site.routes[post.path]
                raw = page.body
                ctype = page.content_type.partition("charset=")[2] or None
                doc = clean.clean_html(raw, url, ctype)
                ok = score(doc.text, post.article)
                results["ours"].append(ok[:2])
                if not (ok[0] and ok[1]):
                    failures.append(f"ours {site.name} {post.path} {post.special}: chrome={ok[2]} complete={ok[1]}")
                html, _ = encoding.decode_bytes(raw, ctype)
                t = trafilatura.extract(html, url=url, include_comments=False) or ""
                results["trafilatura"].append(score(t, post.article)[:2])
    finally:
        portals.stop()
    for name, rows in results.items():
        n = len(rows)
        free = sum(a for a, _ in rows) / n * 100
        comp = sum(b for _, b in rows) / n * 100
        both = sum(a and b for a, b in rows) / n * 100
        print(f"{name:12s} pages={n} chrome-free={free:.1f}% complete={comp:.1f}% both={both:.1f}%")
    for line in failures:
        print("  ", line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
