"""Crawl throughput: pages/s of `khoi crawl` on a generated local site, beside `scrapy bench`.

Politeness is off for this local run only (no delay, no AutoThrottle, 16 requests per host).
Our crawl does more per page than `scrapy bench` (SQLite frontier, cleaning, relevance,
storage), so the ratio says what that work costs. Run: .venv/bin/python bench/crawl_bench.py
"""

from __future__ import annotations

import argparse
import random
import re
import subprocess
import sys
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from crawler.run import run_crawl  # noqa: E402

PARAGRAPH = ("Khối thi đua các cơ quan tham mưu tổng hợp tổ chức hội nghị sơ kết công tác thi đua, khen thưởng "
             "6 tháng đầu năm, đánh giá kết quả thực hiện giao ước thi đua và thống nhất phương hướng nhiệm vụ "
             "6 tháng cuối năm của các đơn vị thành viên trong Khối. ")
PER_LISTING = 20
WORDS = PARAGRAPH.replace(",", "").replace(".", "").split()


def article_text(seed: int) -> str:
    """Return a distinct paragraph (shuffled bloc-meeting words), so no two articles are near-duplicates."""
    rng = random.Random(seed)
    words = [rng.choice(WORDS) for _ in range(90)]
    return "Khối thi đua " + " ".join(words) + "."
FAST = {"DOWNLOAD_DELAY": 0, "AUTOTHROTTLE_ENABLED": False, "CONCURRENT_REQUESTS": 32,
        "CONCURRENT_REQUESTS_PER_DOMAIN": 16, "ROBOTSTXT_OBEY": False, "LOG_LEVEL": "WARNING"}


def serve_site(n_articles: int) -> ThreadingHTTPServer:
    """Start a generated portal: listing pages /tin-tuc?page=N, articles /bai-N.html."""
    listings = -(-n_articles // PER_LISTING)

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args: object) -> None:
            pass

        def do_GET(self) -> None:  # noqa: N802
            m = re.match(r"^/bai-(\d+)\.html$", self.path)
            if m:
                i = int(m.group(1))
                body = (f"<html><head><title>Hội nghị khối thi đua số {i}</title></head><body><div class='menu'>"
                        f"<a href='/'>Trang chủ</a></div><div class='content'><h1>Hội nghị khối thi đua số {i}</h1>"
                        + "".join(f"<p>{article_text(i * 3 + k)}</p>" for k in range(3)) + "</div></body></html>")
            elif self.path == "/" or self.path.startswith("/tin-tuc"):
                m = re.search(r"page=(\d+)", self.path)
                k = int(m.group(1)) if m else 1
                items = "".join(f"<li><a href='/bai-{i}.html'>Khối thi đua tổ chức hội nghị sơ kết, bài số {i}</a></li>"
                                for i in range((k - 1) * PER_LISTING, min(n_articles, k * PER_LISTING)))
                nav = "".join(f"<a href='/tin-tuc?page={j}'>{j}</a> " for j in range(max(1, k - 3), min(listings, k + 3) + 1))
                body = f"<html><body><ul>{items}</ul><div class='paging'>{nav}</div></body></html>"
            else:
                self.send_response(404)
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            data = body.encode()
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def scrapy_bench_rate(seconds: int) -> float:
    """Return the pages/s `scrapy bench` reports on this machine (mean of its per-minute lines)."""
    proc = subprocess.run([sys.executable, "-m", "scrapy", "bench", "-s", f"CLOSESPIDER_TIMEOUT={seconds}",
                           "-s", "LOGSTATS_INTERVAL=2"], capture_output=True, text=True, cwd=tempfile.gettempdir(),
                          check=False)
    rates = [int(x) for x in re.findall(r"Crawled \d+ pages \(at (\d+) pages/min\)", proc.stderr)]
    rates = [r for r in rates if r > 0]
    if not rates:
        raise RuntimeError(f"could not read scrapy bench output:\n{proc.stderr[-2000:]}")
    return sum(rates) / len(rates) / 60


def main() -> int:
    """Print our pages/s, scrapy bench's pages/s and their ratio."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", type=int, default=1500)
    parser.add_argument("--bench-seconds", type=int, default=12)
    args = parser.parse_args()
    server = serve_site(args.articles)
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    with tempfile.TemporaryDirectory() as tmp:
        start = time.monotonic()
        report = run_crawl(Path(tmp) / "bench.db", site=None, url=base, max_pages=args.articles * 2, resume=False,
                           progress=False, settings=FAST)
        wall = time.monotonic() - start
    server.shutdown()
    pages = report.total("pages")
    ours = pages / report.seconds
    theirs = scrapy_bench_rate(args.bench_seconds)
    print(f"khoi crawl : {pages} pages ({report.total('relevant')} judged relevant and stored) in {report.seconds:.1f}s crawl "
          f"({wall:.1f}s with process start) = {ours:.1f} pages/s")
    print(f"scrapy bench: {theirs:.1f} pages/s")
    print(f"ratio khoi/scrapy-bench: {ours / theirs:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
