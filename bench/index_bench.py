"""Search-index benchmark: Whoosh and tantivy through index.build_index/index.search, beside SQLite FTS5.

Indexing docs/s (store read + analysis + engine), index size, peak RSS (ru_maxrss of a fresh
process per engine, so native memory counts), and p50/p95 latency over a fixed mix of queries
with facet counts. Every run also measures Whoosh's default set-up (StandardAnalyzer on title
and text, QueryParser, KEYWORD facets counted with groupedby) at 10k documents, and prints each
engine's ratio to it.

    python bench/index_bench.py                  # 10k documents, all engines (a few minutes)
    python bench/index_bench.py --docs 100000    # the issue's 100k targets (long: run it in the background)
    python bench/index_bench.py --docs 100000 --baseline-docs 100000   # default set-up at the same size too
    python bench/index_bench.py --docs 2000 --engines tantivy,fts5 --no-baseline
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import re
import resource
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

REPEATS = 3  # timed runs of each query after one warm-up run

# (label, query, filters): terms, compounds, accent-less, phrases, document numbers, facets, year/date ranges.
QUERIES: list[tuple[str, str, dict[str, list[str]] | None]] = [
    ("term", "thi đua", None),
    ("term", "khen thưởng", None),
    ("term", "hội nghị sơ kết", None),
    ("term", "giao ước", None),
    ("term", "Sở Nội vụ", None),
    ("term", "Trưởng khối", None),
    ("term", "đơn vị xuất sắc", None),
    ("term", "Cờ thi đua", None),
    ("accentless", "thi dua", None),
    ("accentless", "chi thi 05", None),
    ("accentless", "so ket 6 thang dau nam", None),
    ("accentless", "khoi thi dua cac co quan noi chinh", None),
    ("accentless", "yen bai", None),
    ("phrase", '"phong trào thi đua"', None),
    ("phrase", '"Khối thi đua số 8"', None),
    ("phrase", '"6 tháng đầu năm"', None),
    ("phrase", '"Ban Thi đua - Khen thưởng"', None),
    ("docnum", "34-CT/TW", None),
    ("docnum", "05-CT/TU", None),
    ("docnum", "5-ct-tu", None),
    ("docnum", "chỉ thị 34-CT/TW", None),
    ("abbr", "UBND tỉnh", None),
    ("abbr", "KH&CN", None),
    ("facet", "thi đua", {"province": ["Yên Bái"]}),
    ("facet", "tổng kết", {"year": ["2021"]}),
    ("facet", 'province:"Lào Cai" khen thưởng', None),
    ("facet", "type:tong_ket", None),
    ("facet", 'bloc:"Khối thi đua số 3"', None),
    ("range", "thi đua year:2018..2021", None),
    ("range", "hội nghị date:2020-01-01..2020-12-31", None),
    ("range", "giao ước year:2015..2016", None),
    ("bool", "sơ kết OR tổng kết", None),
    ("bool", "thi đua NOT tổng kết", None),
    ("browse", "", {"province": ["Hà Tĩnh"]}),
]

_FOLD_DOCNUM = re.compile(r"[/-]")


def make_store(db_path: Path, n: int, seed: int) -> None:
    """Write ``n`` synthetic articles and light records (bulk inserts) into a fresh store."""
    from bench.synth import generate_articles
    from store.db import content_hash, now_iso, open_db

    articles = generate_articles(n, seed)
    db = open_db(db_path)
    now = now_iso()
    docs, meetings, directives = [], [], []
    for i, a in enumerate(articles, 1):
        text, title = str(a["text"]), str(a["title"])
        docs.append({"id": i, "url": a["url"], "title": title, "text": text, "province": a["province"],
                     "published_at": f"{a['year']}-06-15", "content_hash": content_hash(text), "ingested_at": now,
                     "extracted_at": now, "extractor_version": "bench"})
        bloc = re.match(r"((?:Khối|Cụm) thi đua .*?) (?:sơ kết|tổng kết|ký kết|phát động|tổ chức)", title)
        kind = "so_ket" if "sơ kết" in title else "tong_ket" if "tổng kết" in title else "giao_uoc" if "giao ước" in title else "other"
        m = re.search(r"ngày (\d{1,2})/(\d{1,2})/(\d{4})", text)
        event_date = f"{m.group(3)}-{int(m.group(2)):02d}-{int(m.group(1)):02d}" if m else None
        meetings.append({"document_id": i, "relevant": 1, "province": a["province"], "bloc": bloc.group(1) if bloc else None,
                         "event_types": json.dumps([kind]), "event_date": event_date, "year": a["year"]})
        for num in re.findall(r"số (\d+[-/][A-Za-z]+[-/][A-Za-z]+)", text):
            directives.append({"document_id": i, "number": num, "canonical": _FOLD_DOCNUM.sub("-", num.lower().lstrip("0")),
                               "start": 0, "end": 0})
    db["documents"].insert_all(docs, batch_size=1000)
    db["meetings"].insert_all(meetings, batch_size=1000)
    db["directives"].insert_all(directives, batch_size=1000)
    db.close()


def _dir_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def _percentiles(samples: list[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    p95 = ordered[min(len(ordered) - 1, int(round(0.95 * (len(ordered) - 1))))]
    return statistics.median(ordered), p95


def run_engine(engine: str, db_path: str, work: str, out: Any) -> None:
    """Build with one engine and time the query mix (runs in a fresh process)."""
    from index import build_index, drop_query_caches, search
    from store.db import open_db

    index_dir = Path(work) / f"{engine}.index"
    db = open_db(db_path)
    n = db.execute("SELECT count(*) FROM documents").fetchone()[0]
    t0 = time.perf_counter()
    build_index(db, index_dir, engine=engine, rebuild=True, progress=False)
    build_s = time.perf_counter() - t0
    build_peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    # The largest of the build's worker processes (they are reaped by then), so their memory counts too.
    workers_peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    samples: list[float] = []
    by_label: dict[str, list[float]] = {}
    totals = []
    warm: list[float] = []
    for label, q, filters in QUERIES:
        search(index_dir, q, filters=filters, facets=True)  # warm-up (first open, per-reader facet sets and norms)
        for _ in range(REPEATS):
            drop_query_caches()  # timed cold: no posting list decoded by an earlier search
            t = time.perf_counter()
            r = search(index_dir, q, filters=filters, facets=True)
            ms = (time.perf_counter() - t) * 1000
            samples.append(ms)
            by_label.setdefault(label, []).append(ms)
        t = time.perf_counter()
        search(index_dir, q, filters=filters, facets=True)  # the same query again, its terms' postings cached
        warm.append((time.perf_counter() - t) * 1000)
        totals.append(r.total)
    p50, p95 = _percentiles(samples)
    out.put({
        "engine": engine, "docs": n, "build_s": build_s, "docs_per_s": n / build_s,
        "size_mb": _dir_size(index_dir) / 1e6, "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "p50": p50, "p95": p95, "worst": max(samples),
        "by_label": {k: _percentiles(v)[1] for k, v in by_label.items()}, "totals": totals,
        "build_peak_mb": build_peak, "workers_peak_mb": workers_peak, "warm": _percentiles(warm),
    })


def _fts_query(q: str) -> str:
    """Translate the mix to FTS5 syntax (its unicode61 tokenizer splits document numbers)."""
    q = re.sub(r"\b\w+:\"[^\"]*\"|\b\w+:\S+", " ", q)
    q = q.replace("-", " ").replace("/", " ").replace("&", " ")
    phrases = re.findall(r'"[^"]*"', q)
    rest = re.sub(r'"[^"]*"', " ", q)
    words = [w for w in re.findall(r"\w+|\bOR\b|\bNOT\b", rest)]
    parts = [f'"{w}"' if w not in ("OR", "NOT") else w for w in words]
    return " ".join(phrases + parts).strip()


def run_fts5(db_path: str, work: str, out: Any) -> None:
    """Index the same documents in SQLite FTS5 and time the same mix, with province/year counts."""
    fts_path = Path(work) / "fts5.db"
    src = sqlite3.connect(db_path)
    conn = sqlite3.connect(fts_path)
    conn.execute("CREATE VIRTUAL TABLE fts USING fts5(title, text, tokenize='unicode61 remove_diacritics 2')")
    conn.execute("CREATE TABLE meta (rowid INTEGER PRIMARY KEY, province TEXT, year INTEGER, date TEXT)")
    rows = src.execute(
        "SELECT d.id, d.title, d.text, m.province, m.year, m.event_date FROM documents d "
        "LEFT JOIN meetings m ON m.document_id = d.id"
    ).fetchall()
    t0 = time.perf_counter()
    with conn:
        conn.executemany("INSERT INTO fts(rowid, title, text) VALUES (?, ?, ?)", [(r[0], r[1], r[2]) for r in rows])
        conn.executemany("INSERT INTO meta VALUES (?, ?, ?, ?)", [(r[0], r[3], r[4], r[5]) for r in rows])
        conn.execute("CREATE INDEX meta_province ON meta(province)")
        conn.execute("CREATE INDEX meta_year ON meta(year)")
    build_s = time.perf_counter() - t0
    samples: list[float] = []
    for _label, q, filters in QUERIES:
        match = _fts_query(q)
        where, params = [], []
        if match:
            where.append("rowid IN (SELECT rowid FROM fts WHERE fts MATCH ?)")
            params.append(match)
        if filters and "province" in filters:
            where.append("province = ?")
            params.append(filters["province"][0])
        sql_where = " WHERE " + " AND ".join(where) if where else ""
        for i in range(REPEATS + 1):
            t = time.perf_counter()
            conn.execute(f"SELECT count(*) FROM meta{sql_where}", params).fetchone()
            if match:
                conn.execute(
                    "SELECT rowid, snippet(fts, 1, '<mark>', '</mark>', '…', 20) FROM fts WHERE fts MATCH ? "
                    "ORDER BY rank LIMIT 10", [match]
                ).fetchall()
            conn.execute(f"SELECT province, count(*) FROM meta{sql_where} GROUP BY province", params).fetchall()
            conn.execute(f"SELECT year, count(*) FROM meta{sql_where} GROUP BY year", params).fetchall()
            if i:
                samples.append((time.perf_counter() - t) * 1000)
    p50, p95 = _percentiles(samples)
    out.put({
        "engine": "fts5", "docs": len(rows), "build_s": build_s, "docs_per_s": len(rows) / build_s,
        "size_mb": fts_path.stat().st_size / 1e6, "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "p50": p50, "p95": p95, "worst": max(samples), "by_label": {}, "totals": [],
    })


BASELINE_DOCS = 10_000


def run_whoosh_default(db_path: str, work: str, out: Any) -> None:
    """Whoosh as it comes: StandardAnalyzer text fields, QueryParser, facets counted with groupedby."""
    from whoosh import fields, index, sorting
    from whoosh import query as wq
    from whoosh.qparser import MultifieldParser

    src = sqlite3.connect(db_path)
    rows = src.execute(
        "SELECT d.id, d.title, d.text, m.province, m.year, m.event_types FROM documents d "
        "LEFT JOIN meetings m ON m.document_id = d.id"
    ).fetchall()
    schema = fields.Schema(
        id=fields.ID(stored=True, unique=True), title=fields.TEXT(stored=True), text=fields.TEXT(stored=True),
        province=fields.KEYWORD(stored=True, sortable=True), year=fields.NUMERIC(int, stored=True, sortable=True),
        type=fields.KEYWORD(sortable=True),
    )
    path = Path(work) / "whoosh-default.index"
    path.mkdir()
    ix = index.create_in(str(path), schema)
    t0 = time.perf_counter()
    writer = ix.writer(limitmb=256)
    for r in rows:
        writer.add_document(id=str(r[0]), title=r[1], text=r[2], province=r[3] or "", year=r[4] or 0,
                            type=" ".join(json.loads(r[5] or "[]")))
    writer.commit()
    build_s = time.perf_counter() - t0
    parser = MultifieldParser(["title", "text"], schema)
    facets = sorting.Facets().add_field("province").add_field("year")
    samples: list[float] = []
    with ix.searcher() as searcher:
        for _label, q, filters in QUERIES:
            terms: list[wq.Query] = []
            for m in re.finditer(r'(\w+):(?:"([^"]*)"|(\S+))', q):
                name, value = m.group(1), m.group(2) or m.group(3)
                if name == "year" and ".." in value:
                    low, high = value.split("..")
                    terms.append(wq.NumericRange("year", int(low), int(high)))
                elif name in ("year", "date"):
                    terms.append(wq.NumericRange("year", int(value[:4]), int(value.split("..")[-1][:4])))
                elif name in ("province", "type"):
                    terms.append(wq.Term(name, value))
            for name, values in (filters or {}).items():
                terms.append(wq.Term(name, values[0]) if name == "province" else wq.Term("year", int(values[0])))
            text = re.sub(r'\w+:(?:"[^"]*"|\S+)', " ", q).strip()
            parsed = parser.parse(text) if text else wq.Every()
            flt = wq.And(terms) if terms else None
            for i in range(REPEATS + 1):
                t = time.perf_counter()
                results = searcher.search(parsed, limit=10, filter=flt, groupedby=facets)
                for hit in results[:10]:
                    hit.highlights("text")
                for name in ("province", "year"):
                    results.groups(name)
                if i:
                    samples.append((time.perf_counter() - t) * 1000)
    p50, p95 = _percentiles(samples)
    out.put({
        "engine": "whoosh-default", "docs": len(rows), "build_s": build_s, "docs_per_s": len(rows) / build_s,
        "size_mb": _dir_size(path) / 1e6, "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "p50": p50, "p95": p95, "worst": max(samples), "by_label": {}, "totals": [],
    })


def _in_child(target: Any, *args: Any) -> dict[str, Any]:
    ctx = multiprocessing.get_context("spawn")
    out = ctx.Queue()
    proc = ctx.Process(target=target, args=(*args, out))
    proc.start()
    result = out.get()
    proc.join()
    return dict(result)


def _row(r: dict[str, Any], base: dict[str, Any] | None) -> str:
    ratio = ""
    if base and r["engine"] != "whoosh-default":
        ratio = f"{r['docs_per_s'] / base['docs_per_s']:>7.1f}x {base['p95'] / r['p95']:>7.1f}x"
    return (f"{r['engine']:<15} {r['docs']:>8,} {r['docs_per_s']:>8,.0f} {r['build_s']:>8.1f} {r['size_mb']:>8.1f} "
            f"{r['peak_mb']:>8.0f} {r['p50']:>8.1f} {r['p95']:>8.1f} {r['worst']:>8.1f} {ratio}")


HEADER = (f"{'engine':<15} {'docs':>8} {'docs/s':>8} {'build s':>8} {'size MB':>8} {'peak MB':>8} "
          f"{'p50 ms':>8} {'p95 ms':>8} {'max ms':>8} {'docs/s':>8} {'p95':>8}\n"
          f"{'':<15} {'':>8} {'':>8} {'':>8} {'':>8} {'':>8} {'':>8} {'':>8} {'':>8} {'vs Whoosh default':>17}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--docs", type=int, default=10_000, help="corpus size (default 10000; 100000 for the targets)")
    parser.add_argument("--engines", default="whoosh,tantivy,fts5", help="comma-separated: whoosh,tantivy,fts5")
    parser.add_argument("--no-baseline", action="store_true", help="skip Whoosh's default set-up")
    parser.add_argument("--baseline-docs", type=int, default=BASELINE_DOCS,
                        help="corpus size for Whoosh's default set-up (default 10000; give --docs's value to "
                             "compare at the same size: at 100k it takes ~10 minutes)")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    engines = [e.strip() for e in args.engines.split(",") if e.strip()]
    print(f"index bench: {len(QUERIES)} queries x {REPEATS} timed runs, facet counts on; engines {engines}; "
          f"{args.docs:,} documents", flush=True)
    base: dict[str, Any] | None = None
    if not args.no_baseline:
        with tempfile.TemporaryDirectory(prefix="khoi-index-bench-") as work:
            db_path = str(Path(work) / "bench.db")
            make_store(Path(db_path), args.baseline_docs, args.seed)
            base = _in_child(run_whoosh_default, db_path, work)
        print(f"\nWhoosh default set-up at {args.baseline_docs:,} documents:\n{HEADER}\n{_row(base, None)}", flush=True)
    with tempfile.TemporaryDirectory(prefix="khoi-index-bench-") as work:
        db_path = str(Path(work) / "bench.db")
        t = time.perf_counter()
        make_store(Path(db_path), args.docs, args.seed)
        print(f"\n{args.docs:,} synthetic articles stored in {time.perf_counter() - t:.1f}s\n{HEADER}", flush=True)
        for engine in engines:
            if engine == "fts5":
                r = _in_child(run_fts5, db_path, work)
            else:
                r = _in_child(run_engine, engine, db_path, work)
            print(_row(r, base), flush=True)
            if r["by_label"]:
                print("    p95 by kind: " + ", ".join(f"{k} {v:.1f}" for k, v in r["by_label"].items()), flush=True)
            if r.get("warm") and engine == "whoosh":  # the only engine with a cross-search posting cache
                print(f"    repeated with cached posting lists: p50 {r['warm'][0]:.1f}, p95 {r['warm'][1]:.1f} ms "
                      "(the table's figures are cold: caches dropped before every timed run)", flush=True)
            if "build_peak_mb" in r:
                print(f"    peak RSS after the build: {r['build_peak_mb']:.0f} MB; largest build worker "
                      f"{r['workers_peak_mb']:.0f} MB", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
