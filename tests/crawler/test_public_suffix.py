"""Cookies never make the crawler download the Public Suffix List (an off-site request it did not choose)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

PROBE = """
import json, sys
import requests
attempts = []
def refuse(self, method, url, *args, **kwargs):
    attempts.append(url)
    raise requests.ConnectionError("no network in this test")
requests.sessions.Session.request = refuse
if sys.argv[1] == "khoi":
    import crawler.settings  # what every crawl loads first
from scrapy.downloadermiddlewares.cookies import _is_public_domain
answers = [_is_public_domain("gov.vn"), _is_public_domain("thainguyen.gov.vn"), _is_public_domain("com")]
print(json.dumps({"attempts": attempts, "answers": answers}))
"""


def _probe(mode: str, cache: Path) -> dict:
    env = {**os.environ, "TLDEXTRACT_CACHE": str(cache), "PYTHONPATH": str(ROOT)}
    out = subprocess.run([sys.executable, "-c", PROBE, mode], env=env, cwd=ROOT, capture_output=True, text=True,
                         timeout=60, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def test_cookie_domains_are_judged_from_the_bundled_suffix_list(tmp_path: Path) -> None:
    got = _probe("khoi", tmp_path / "empty-cache")
    assert got["attempts"] == []
    assert got["answers"] == [True, False, True]


def test_without_it_scrapy_would_fetch_the_list(tmp_path: Path) -> None:
    """The control: Scrapy's own extractor goes to the network when its cache is empty."""
    got = _probe("scrapy", tmp_path / "empty-cache")
    assert got["attempts"], "Scrapy no longer downloads the suffix list: crawler/public_suffix.py may go"
