"""Extraction throughput on one core: ``nlp.extract`` beside underthesea ``word_tokenize`` on the same text.

Each side runs in a fresh process (so one's loaded models do not count in the other's memory)
and prints articles/s, MB/s, the resident memory once its models are loaded, and the peak
resident memory over the run (VmHWM, so native allocations count too). The ratio of the
two rates is the issue's target (>= 0.3).

Usage: python bench/extract_bench.py [--articles N] [--seed S]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.synth import generate_articles  # noqa: E402

TARGET_RATIO = 0.3
SIDES = {"nlp.extract": "extract", "underthesea.word_tokenize": "word_tokenize"}


def _status_mb(key: str) -> float:
    """Return a memory figure of this process from /proc/self/status (VmRSS now, VmHWM peak) in MB."""
    with open("/proc/self/status", encoding="ascii") as fh:
        for line in fh:
            if line.startswith(key + ":"):
                return int(line.split()[1]) * 1024 / 1e6
    return float("nan")


def _function(side: str) -> Callable[[str], object]:
    if side == "extract":
        from nlp import extract

        return lambda t: extract(t)
    from underthesea import word_tokenize

    return word_tokenize


def _measure_here(side: str, articles: int, seed: int) -> dict[str, float]:
    """Measure one side in this process; return its figures."""
    texts = [str(a["text"]) for a in generate_articles(articles, seed)]
    fn = _function(side)
    fn(texts[0])  # warm-up: model and gazetteer loading is not throughput
    loaded = _status_mb("VmRSS")
    started = time.perf_counter()
    for text in texts:
        fn(text)
    elapsed = time.perf_counter() - started
    mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    return {"rate": len(texts) / elapsed, "mbps": mb / elapsed, "elapsed": elapsed,
            "loaded_mb": loaded, "peak_mb": _status_mb("VmHWM"), "size_mb": mb, "n": len(texts)}


def _measure_in_child(side: str, articles: int, seed: int) -> dict[str, float]:
    out = subprocess.run(
        [sys.executable, __file__, "--side", side, "--articles", str(articles), "--seed", str(seed)],
        cwd=ROOT, check=True, capture_output=True, text=True,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=int, default=2000)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--side", choices=sorted(SIDES.values()), help=argparse.SUPPRESS)
    args, _unknown = ap.parse_known_args(argv)
    if args.side:
        print(json.dumps(_measure_here(args.side, args.articles, args.seed)))
        return 0

    figures: dict[str, dict[str, float]] = {}
    for label, side in SIDES.items():
        f = figures[label] = _measure_in_child(side, args.articles, args.seed)
        if len(figures) == 1:
            print(f"{f['n']:.0f} synthetic articles, {f['size_mb']:.2f} MB, one core, a fresh process per side",
                  flush=True)
        print(f"{label:<28} {f['rate']:9.1f} art/s {f['mbps']:8.3f} MB/s   models loaded {f['loaded_mb']:6.0f} MB"
              f"   peak RSS {f['peak_mb']:6.0f} MB   ({f['elapsed']:.1f}s)", flush=True)
    rate, base = figures["nlp.extract"]["rate"], figures["underthesea.word_tokenize"]["rate"]
    ratio = rate / base if base else float("inf")
    verdict = "ok" if ratio >= TARGET_RATIO else "BELOW TARGET"
    print(f"ratio extract / word_tokenize = {ratio:.2f} (target >= {TARGET_RATIO}) {verdict}")
    return 0 if ratio >= TARGET_RATIO else 1


if __name__ == "__main__":
    raise SystemExit(main())
