"""Extraction throughput on one core: ``nlp.extract`` beside underthesea ``word_tokenize`` on the same text.

Prints articles/s, MB/s and peak memory (tracemalloc) for both, and their ratio (target >= 0.3).
Usage: python bench/extract_bench.py [--articles N] [--seed S]
"""

from __future__ import annotations

import argparse
import gc
import sys
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.synth import generate_articles  # noqa: E402

TARGET_RATIO = 0.3


def _measure(label: str, texts: list[str], fn: Callable[[str], object]) -> tuple[float, float, float]:
    """Run ``fn`` over ``texts``; return (articles/s, MB/s, peak MB) and print them."""
    fn(texts[0])  # warm-up: model and gazetteer loading is not throughput
    gc.collect()
    tracemalloc.start()
    started = time.perf_counter()
    for text in texts:
        fn(text)
    elapsed = time.perf_counter() - started
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    rate, mbps, peak_mb = len(texts) / elapsed, mb / elapsed, peak / 1e6
    print(f"{label:<28} {rate:9.1f} art/s {mbps:8.3f} MB/s   peak {peak_mb:7.1f} MB   ({elapsed:.1f}s)", flush=True)
    return rate, mbps, peak_mb


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--articles", type=int, default=2000)
    ap.add_argument("--seed", type=int, default=7)
    args, _unknown = ap.parse_known_args(argv)

    from underthesea import word_tokenize

    from nlp import extract

    articles = generate_articles(args.articles, args.seed)
    texts = [str(a["text"]) for a in articles]
    size = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    print(f"{len(texts)} synthetic articles, {size:.2f} MB, one core", flush=True)
    rate, _mbps, _peak = _measure("nlp.extract", texts, lambda t: extract(t))
    base, _bmbps, _bpeak = _measure("underthesea.word_tokenize", texts, word_tokenize)
    ratio = rate / base if base else float("inf")
    verdict = "ok" if ratio >= TARGET_RATIO else "BELOW TARGET"
    print(f"ratio extract / word_tokenize = {ratio:.2f} (target >= {TARGET_RATIO}) {verdict}")
    return 0 if ratio >= TARGET_RATIO else 1


if __name__ == "__main__":
    raise SystemExit(main())
