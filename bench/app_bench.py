"""Web-app load bench: N concurrent clients on loopback for a fixed time against a 10k-document archive.

Builds (or reuses) a synthetic archive under bench-out/app/, starts `uvicorn` serving
search_app in a child process on 127.0.0.1, runs a mixed page/API workload and prints
requests/s, p50/p95/p99 latency and the error count. Exits 1 on any error.

Example: python bench/app_bench.py --clients 20 --seconds 20 --docs 10000
"""

from __future__ import annotations

import argparse
import http.client
import json
import random
import socket
import subprocess
import sys
import threading
import time
from collections import defaultdict
from pathlib import Path
from urllib.parse import urlencode, urlsplit

import httpx

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.app_synth import AGENCIES, DIRECTIVES, PROVINCES, build_synth_db  # noqa: E402

TARGET_P95_MS = 200.0
QUERIES = [
    "sơ kết", "so ket", "tổng kết thi đua", "tong ket thi dua", "giao ước", "giao uoc", "Sở Nội vụ", "so noi vu",
    "khối thi đua", "khoi thi dua", "cụm thi đua số 3", "34-CT/TW", "phong trào thi đua", "khen thưởng",
    "\"tham mưu tổng hợp\"", "Cờ thi đua", "chuyển đổi số", "Thanh Hóa", "thanh hoa",
]


def build_archive(workdir: Path, docs: int, seed: int, engine: str) -> tuple[Path, Path]:
    """Return (db, index) for ``docs`` synthetic articles, building them unless already present."""
    from index import build_index
    from store.db import open_db

    workdir.mkdir(parents=True, exist_ok=True)
    db_path, stamp = workdir / "khoi.db", workdir / "archive.json"
    index_dir = workdir / f"khoi.index-{engine}"
    want = {"docs": docs, "seed": seed}
    if not (stamp.exists() and json.loads(stamp.read_text()) == want and db_path.exists()):
        for path in (db_path, Path(f"{db_path}-wal"), Path(f"{db_path}-shm"), stamp):
            path.unlink(missing_ok=True)
        started = time.perf_counter()
        build_synth_db(db_path, docs, seed)
        print(f"archive: {docs} documents written in {time.perf_counter() - started:.1f}s", flush=True)
        stamp.write_text(json.dumps(want))
    started = time.perf_counter()
    db = open_db(db_path)
    report = build_index(db, index_dir, engine=engine, progress=False)  # an update is a no-op when current
    db.conn.close()
    if report.mode == "rebuild" or report.indexed:
        print(f"archive: {engine} index built in {time.perf_counter() - started:.1f}s", flush=True)
    return db_path, index_dir


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start_server(db_path: Path, index_dir: Path, port: int, workers: int = 1) -> subprocess.Popen[bytes]:
    """Start `khoi serve` on 127.0.0.1:port in a child process; wait until it answers."""
    cmd = [
        sys.executable, "-c", "from khoi.cli import main; main()", "serve", "--db", str(db_path),
        "--index", str(index_dir), "--host", "127.0.0.1", "--port", str(port), "--workers", str(workers),
    ]
    proc = subprocess.Popen(cmd, cwd=ROOT, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=1).status_code == 200:
                return proc
        except httpx.HTTPError:
            time.sleep(0.2)
    proc.kill()
    raise SystemExit("server did not start within 60 s")


def make_urls(base: str, docs: int, bloc_ids: list[int], rng: random.Random) -> list[tuple[str, str]]:
    """Return a shuffled workload of (route name, URL): pages and API calls in realistic proportions."""
    urls: list[tuple[str, str]] = []
    provinces = sorted({p for pair in PROVINCES for p in pair})
    for _ in range(4000):
        roll = rng.random()
        if roll < 0.35:
            urls.append(("search", "/search?" + urlencode({"q": rng.choice(QUERIES), "page": rng.choice((1, 1, 2))})))
        elif roll < 0.50:
            q = {"q": rng.choice(QUERIES), "province": rng.choice(PROVINCES)[0]}
            urls.append(("search+facet", "/search?" + urlencode(q)))
        elif roll < 0.60:
            urls.append(("api/search", "/api/search?" + urlencode({"q": rng.choice(QUERIES), "sort": "date_desc"})))
        elif roll < 0.75:
            urls.append(("article", f"/article/{rng.randint(1, docs)}"))
        elif roll < 0.85:
            urls.append(("bloc", f"/bloc/{rng.choice(bloc_ids)}"))
        elif roll < 0.90:
            pair = rng.sample(provinces, 2)
            urls.append(("compare", "/compare?" + urlencode([("p", pair[0]), ("p", pair[1])])))
        elif roll < 0.95:
            urls.append(("directive", "/directive?" + urlencode({"n": rng.choice(DIRECTIVES)[0]})))
        else:
            urls.append(("agency", "/agency?" + urlencode({"name": rng.choice(AGENCIES)})))
    return [(name, base + url) for name, url in urls]


def run_load(base: str, urls: list[tuple[str, str]], clients: int, seconds: float) -> dict[str, list[float]]:
    """Run ``clients`` threads issuing requests until ``seconds`` pass; return latencies (ms) by route.

    Errors are recorded under the route "ERROR <route> <status or exception>".
    """
    results: dict[str, list[float]] = defaultdict(list)
    lock = threading.Lock()
    deadline = time.monotonic() + seconds

    split = urlsplit(base)

    def client(k: int) -> None:
        # http.client (keep-alive) rather than httpx: the client shares the CPU with the server,
        # and the stdlib client costs a fraction of httpx per request.
        local: dict[str, list[float]] = defaultdict(list)
        i = k * 997
        conn = http.client.HTTPConnection(split.hostname or "127.0.0.1", split.port, timeout=10)
        while time.monotonic() < deadline:
            name, url = urls[i % len(urls)]
            i += 1
            started = time.perf_counter()
            status: int | str
            try:
                conn.request("GET", url[len(base):], headers={"Accept-Encoding": "identity"})
                resp = conn.getresponse()
                resp.read()
                status = resp.status
            except (OSError, http.client.HTTPException) as exc:
                status = type(exc).__name__
                conn.close()
                conn = http.client.HTTPConnection(split.hostname or "127.0.0.1", split.port, timeout=10)
            elapsed = (time.perf_counter() - started) * 1000
            local[name if status == 200 else f"ERROR {name} {status}"].append(elapsed)
        conn.close()
        with lock:
            for key, values in local.items():
                results[key].extend(values)

    threads = [threading.Thread(target=client, args=(k,)) for k in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return results


def index_latency(index_dir: Path, urls: list[tuple[str, str]], limit: int = 40) -> list[float]:
    """Return direct index.search latencies (ms, facets on) for the workload's first distinct searches."""
    from urllib.parse import parse_qs

    from index import search

    seen: set[str] = set()
    times: list[float] = []
    for name, url in urls:
        if not name.startswith(("search", "api/search")) or url in seen or len(times) >= limit:
            continue
        seen.add(url)
        params = parse_qs(urlsplit(url).query)
        filters = {"province": params["province"]} if "province" in params else None
        started = time.perf_counter()
        search(index_dir, params.get("q", [""])[0], filters=filters, page=int(params.get("page", ["1"])[0]))
        times.append((time.perf_counter() - started) * 1000)
    return times


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))] if ordered else 0.0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=20.0)
    parser.add_argument("--docs", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--engine", choices=("whoosh", "tantivy"), default="whoosh")
    parser.add_argument("--workers", type=int, default=2, help="server processes (one per core)")
    parser.add_argument("--workdir", type=Path, default=ROOT / "bench-out" / "app")
    args, _ = parser.parse_known_args(argv)

    db_path, index_dir = build_archive(args.workdir, args.docs, args.seed, args.engine)
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server = start_server(db_path, index_dir, port, args.workers)
    try:
        blocs = httpx.get(f"{base}/api/blocs?page_size=200", timeout=30).json()["blocs"]
        urls = make_urls(base, args.docs, [b["id"] for b in blocs], random.Random(args.seed))
        run_load(base, urls[:200], min(4, args.clients), 2.0)  # warm caches and index readers
        started = time.perf_counter()
        results = run_load(base, urls, args.clients, args.seconds)
        wall = time.perf_counter() - started
    finally:
        server.terminate()
        server.wait(timeout=10)

    everything = [v for values in results.values() for v in values]
    errors = sum(len(v) for k, v in results.items() if k.startswith("ERROR"))
    p95 = percentile(everything, 95)
    print(f"web app load: {args.clients} clients, {wall:.1f}s, {args.docs} documents, {args.engine} index, "
          f"{args.workers} server workers, loopback")
    print(f"  requests: {len(everything)}  ({len(everything) / wall:.1f} req/s)  errors: {errors}")
    print(f"  latency ms: p50 {percentile(everything, 50):.1f}  p95 {p95:.1f}  p99 {percentile(everything, 99):.1f}"
          f"  max {max(everything, default=0):.1f}")
    print(f"  {'route':<28}{'n':>7}{'p50':>9}{'p95':>9}{'p99':>9}")
    for name in sorted(results):
        v = results[name]
        print(f"  {name:<28}{len(v):>7}{percentile(v, 50):>9.1f}{percentile(v, 95):>9.1f}{percentile(v, 99):>9.1f}")
    direct = index_latency(index_dir, urls)
    print(f"  index.search alone (this process, {len(direct)} distinct queries, one at a time): "
          f"p50 {percentile(direct, 50):.1f}  p95 {percentile(direct, 95):.1f} ms")
    verdict = "met" if errors == 0 and p95 <= TARGET_P95_MS else "NOT met"
    print(f"  target (0 errors, p95 <= {TARGET_P95_MS:.0f} ms): {verdict}")
    return 1 if errors else 0


if __name__ == "__main__":
    raise SystemExit(main())
