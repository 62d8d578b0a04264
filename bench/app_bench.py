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

from bench.app_synth import AGENCIES, BLOCS, DIRECTIVES, PROVINCES, build_synth_db  # noqa: E402

TARGET_P95_MS = 200.0
# Popular queries (the head of the query distribution: repeated by many users, so a result
# cache serves most of them after the first request).
QUERIES = [
    "sơ kết", "so ket", "tổng kết thi đua", "tong ket thi dua", "giao ước", "giao uoc", "Sở Nội vụ", "so noi vu",
    "khối thi đua", "khoi thi dua", "cụm thi đua số 3", "34-CT/TW", "phong trào thi đua", "khen thưởng",
    "\"tham mưu tổng hợp\"", "Cờ thi đua", "chuyển đổi số", "Thanh Hóa", "thanh hoa",
]
# Pieces of the long tail: each tail query combines one to three of these (some folded), so
# tail queries rarely repeat and are answered by the index, not a cache.
TAIL_TERMS = [
    "hội nghị", "sơ kết 6 tháng", "tổng kết năm", "ký kết giao ước", "phát động phong trào", "cải cách hành chính",
    "chuyển đổi số", "khen thưởng kịp thời", "nhiệm vụ chính trị", "kinh nghiệm", "chỉ tiêu cụ thể",
    "đơn vị thành viên", "Trưởng khối", "Phó trưởng khối", "Bằng khen", "Cờ thi đua", "lao động xuất sắc",
    "Nguyễn Văn An", "Trần Thị Bình", "Lê Quốc Cường", "Phạm Thị Dung", "Hoàng Minh Đức", "Giám đốc Sở",
    "Sở Y tế", "Sở Tài chính", "Sở Tư pháp", "Sở Xây dựng", "Sở Công Thương", "Thanh tra tỉnh",
    "Văn phòng UBND tỉnh", "Sở Giáo dục và Đào tạo", "doanh nghiệp", "huyện miền núi", "văn hóa - xã hội",
    "kinh tế", "tham mưu tổng hợp", "05-CT/TW", "18-CT/TU", "1238/QĐ-UBND", "Nghệ An", "Yên Bái", "Cần Thơ",
    "Quảng Nam", "Bình Định", "Sóc Trăng", "Hà Giang", "2015", "2018", "2020", "2022", "2024",
    "bão lũ", "giải ngân", "nông thôn mới",  # words the archive does not have: empty results happen
]
HEAD_SHARE = 0.5  # share of searches drawn from QUERIES; the rest are long-tail combinations
EVENT_TYPES = ("so_ket", "tong_ket", "giao_uoc", "phat_dong")
MIX = [  # (route, share of requests)
    ("search", 0.35), ("search+facet", 0.15), ("api/search", 0.10), ("article", 0.15),
    ("bloc", 0.10), ("compare", 0.05), ("directive", 0.05), ("agency", 0.05),
]


def _fold(text: str) -> str:
    from store.vntext import fold_key

    return fold_key(text)


def pick_query(rng: random.Random, head_share: float = HEAD_SHARE) -> str:
    """Return a search query: a popular one (Zipf-like weights) or a long-tail combination."""
    if rng.random() < head_share:
        return QUERIES[min(int(rng.paretovariate(1.0)) - 1, len(QUERIES) - 1)]
    words = [rng.choice(TAIL_TERMS) for _ in range(rng.choice((1, 2, 2, 3)))]
    query = " ".join(dict.fromkeys(words))
    return _fold(query) if rng.random() < 0.3 else query


def describe_mix(head_share: float = HEAD_SHARE) -> str:
    """Return a one-paragraph description of the workload make_urls builds."""
    shares = ", ".join(f"{name} {share:.0%}" for name, share in MIX)
    return (f"mix: {shares}; searches: {head_share:.0%} from {len(QUERIES)} popular queries (Zipf-like), "
            f"{1 - head_share:.0%} long-tail combinations of 1-3 of {len(TAIL_TERMS)} phrases (30% without "
            "diacritics, a few with no match); pages 1-3, all three sorts on the API; facet filters on "
            "province (old or new name), year, event type or bloc; articles uniformly over all ids; "
            "directives and agencies in several spellings; compare 2-3 provinces")


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


def make_urls(
    base: str, docs: int, bloc_ids: list[int], rng: random.Random, n: int = 24_000, head_share: float = HEAD_SHARE
) -> list[tuple[str, str]]:
    """Return a shuffled workload of (route name, URL): pages and API calls in the proportions of MIX."""
    urls: list[tuple[str, str]] = []
    provinces = sorted({p for pair in PROVINCES for p in pair})
    names, weights = zip(*MIX, strict=True)
    directive_spellings = [s for number, canonical, _, _ in DIRECTIVES
                           for s in (number, number.replace("-", "/"), canonical)]
    # Folded spellings only where no "tỉnh" ends the name: a folded "tinh" is not dropped by unit_key.
    agency_spellings = [*AGENCIES, *(_fold(a) for a in AGENCIES if "tỉnh" not in a), "Sở KH&CN", "sở nội vụ"]
    page = lambda: rng.choice((1, 1, 1, 1, 2, 2, 3))  # noqa: E731
    for name in rng.choices(names, weights, k=n):
        if name == "search":
            urls.append((name, "/search?" + urlencode({"q": pick_query(rng, head_share), "page": page()})))
        elif name == "search+facet":
            facet = rng.choice(("province", "province_new", "year", "event_type", "bloc"))
            value = {"province": lambda: rng.choice(PROVINCES)[0], "province_new": lambda: rng.choice(PROVINCES)[1],
                     "year": lambda: str(rng.randint(2012, 2025)), "event_type": lambda: rng.choice(EVENT_TYPES),
                     "bloc": lambda: rng.choice(BLOCS)}[facet]()
            query = [("q", pick_query(rng, head_share)), (facet, value), ("page", str(page()))]
            if rng.random() < 0.25:
                query.append(("year", str(rng.randint(2012, 2025))))
            urls.append((name, "/search?" + urlencode(query)))
        elif name == "api/search":
            query = {"q": pick_query(rng, head_share), "sort": rng.choice(("relevance", "date_desc", "date_asc")), "page": page()}
            urls.append((name, "/api/search?" + urlencode(query)))
        elif name == "article":
            urls.append((name, f"/article/{rng.randint(1, docs)}"))
        elif name == "bloc":
            urls.append((name, f"/bloc/{rng.choice(bloc_ids)}"))
        elif name == "compare":
            chosen = rng.sample(provinces, rng.choice((2, 2, 3)))
            urls.append((name, "/compare?" + urlencode([("p", p) for p in chosen])))
        elif name == "directive":
            urls.append((name, "/directive?" + urlencode({"n": rng.choice(directive_spellings)})))
        else:
            urls.append((name, "/agency?" + urlencode({"name": rng.choice(agency_spellings)})))
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
        i = k * len(urls) // clients  # disjoint stretches of the workload: clients do not echo each other
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
        filters = {k: v for k, v in params.items() if k not in ("q", "page", "sort")} or None
        started = time.perf_counter()
        search(index_dir, params.get("q", [""])[0], filters=filters, page=int(params.get("page", ["1"])[0]),
               sort=params.get("sort", ["relevance"])[0])
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
    parser.add_argument("--head-share", type=float, default=HEAD_SHARE,
                        help="share of searches drawn from the popular queries (the rest: long tail)")
    args, _ = parser.parse_known_args(argv)

    db_path, index_dir = build_archive(args.workdir, args.docs, args.seed, args.engine)
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server = start_server(db_path, index_dir, port, args.workers)
    try:
        blocs = httpx.get(f"{base}/api/blocs?page_size=200", timeout=30).json()["blocs"]
        bloc_ids = [b["id"] for b in blocs]
        urls = make_urls(base, args.docs, bloc_ids, random.Random(args.seed), head_share=args.head_share)
        # Warm code paths and index readers with a workload of another seed (no head start for result caches
        # beyond what any running server would have).
        run_load(base, make_urls(base, args.docs, bloc_ids, random.Random(args.seed + 1000), n=400,
                                 head_share=args.head_share),
                 min(4, args.clients), 2.0)
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
    print(f"  {describe_mix(args.head_share)}")
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
