"""What every held-out set of mock portals shares: its articles spread over the sites, the running set, its registry.

Each set module (heldout3_portals, heldout4_portals, heldout5_portals) builds its own kinds of site; this
module only lays out the posts (relevant bloc meetings and other items, 2 of every 5 others hard negatives),
stops the servers, and writes one registry file per site with its base URL alone.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tests.crawler.heldout_portals import Article, Outside, Post

RELEVANT_PER_SITE = 10
OTHER_PER_SITE = 5  # 3 plain off-topic, 2 hard negatives


@dataclass
class HeldoutSet:
    """Five running mock portals, the off-site recorder, and the relevant articles by key."""

    sites: dict[str, Any]
    outside: Outside
    articles: dict[str, Article]  # key -> relevant article

    def stop(self) -> None:
        for s in self.sites.values():
            s.stop()
        self.outside.stop()


def lay_out_posts(
    names: list[str],
    bloc_article: Callable[[int], Article],
    other_article: Callable[..., Article],
    *,
    ident: Callable[[int, int], int],
    first_relevant: int = 0,
    first_other: int = 0,
) -> tuple[dict[str, list[Post]], dict[str, Article]]:
    """Give each site 10 relevant and 5 other posts (every third post other); ``ident(site_no, j)`` numbers them."""
    posts: dict[str, list[Post]] = {}
    articles: dict[str, Article] = {}
    k_rel, k_other = first_relevant, first_other
    for n, name in enumerate(names):
        posts[name] = []
        for j in range(RELEVANT_PER_SITE + OTHER_PER_SITE):
            if j % 3 == 1:
                art = other_article(k_other, hard=j in (4, 10))
                k_other += 1
            else:
                art = bloc_article(k_rel)
                articles[art.key] = art
                k_rel += 1
            posts[name].append(Post(art, ident(n, j)))
    return posts, articles


def write_registry(directory: str, held: HeldoutSet, province: str) -> None:
    """One TOML per site with only its base URL."""
    for name, site in held.sites.items():
        Path(directory, f"{name}.toml").write_text(
            f'name = "{name}"\nprovince = "{province}"\nbase_url = "{site.base}/"\nverified = true\n', encoding="utf-8")
