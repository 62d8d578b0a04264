"""Run every benchmark in turn and print its figures: `make bench`.

Each benchmark is its own script (so one's memory does not colour another's figures);
a failing one is reported and the rest still run.
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
BENCHES = [
    ("extraction", "extract_bench.py"),
    ("crawler", "crawl_bench.py"),
    ("search index", "index_bench.py"),
    ("web app load", "app_bench.py"),
]


def main() -> int:
    failed = []
    for title, script in BENCHES:
        path = HERE / script
        print(f"\n=== {title} ({script}) ===", flush=True)
        if not path.exists():
            print(f"missing: {path}", flush=True)
            failed.append(script)
            continue
        started = time.perf_counter()
        code = subprocess.call([sys.executable, str(path), *sys.argv[1:]], cwd=HERE.parent)
        print(f"--- {script}: exit {code} in {time.perf_counter() - started:.1f}s", flush=True)
        if code != 0:
            failed.append(script)
    if failed:
        print(f"\nfailed: {', '.join(failed)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
