"""Run one crawl and report on it: the function behind ``khoi crawl``.

The crawl runs in a child process (``python -m crawler.run``) because Twisted's reactor
cannot be restarted in-process; the child prints the live progress line to stderr and
writes a JSON report that becomes the CrawlReport returned here.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from crawler.errors import CrawlError, SiteConfigError
from crawler.sites import get_site, load_sites, site_for_url


@dataclass
class SiteReport:
    """Counters of one site in one crawl."""

    pages: int = 0
    articles: int = 0
    relevant: int = 0
    errors: int = 0
    stored: dict[str, int] = field(default_factory=dict)  # new / changed / unchanged / duplicate / near_duplicate
    not_modified: int = 0


@dataclass
class CrawlReport:
    """What a crawl did, per site; ``failed`` is true when any page could not be fetched."""

    reason: str
    seconds: float
    sites: dict[str, SiteReport]
    requests: int = 0
    log_file: str | None = None

    @property
    def failed(self) -> bool:
        return any(s.errors for s in self.sites.values()) or self.reason not in ("finished", "closespider_pagecount")

    def total(self, name: str) -> int:
        """Return the sum of counter ``name`` over sites."""
        return sum(int(getattr(s, name)) for s in self.sites.values())

    def summary(self) -> str:
        """Return the end report as a few human-readable lines."""
        lines = [f"crawl {self.reason} in {self.seconds:.0f}s, {self.requests} requests"]
        for name, s in sorted(self.sites.items()):
            stored = ", ".join(f"{v} {k.replace('_', ' ')}" for k, v in sorted(s.stored.items())) or "nothing stored"
            lines.append(f"  {name}: {s.pages} pages ({s.not_modified} not modified), {s.articles} articles, "
                         f"{s.relevant} relevant ({stored}), {s.errors} errors")
        if self.log_file and self.failed:
            lines.append(f"  details of failures: {self.log_file}")
        return "\n".join(lines)


def run_crawl(db_path: str | Path, *, site: str | None, url: str | None, max_pages: int | None, resume: bool,
              progress: bool = True, redis_url: str | None = None, sites_dir: str | Path | None = None,
              settings: dict[str, Any] | None = None) -> CrawlReport:
    """Crawl one registry site, every site (neither given) or a bare URL; return the report.

    ``resume`` keeps Scrapy's JOBDIR queue of the previous crawl; the ``pages`` table
    frontier and seen-URL set are used by every crawl.
    """
    if site and url:
        raise CrawlError("give --site or --url, not both")
    if url:
        site_for_url(url)
    elif site:
        for name in site.split(","):
            get_site(name, sites_dir)
    elif not load_sites(sites_dir):
        raise SiteConfigError("the site registry is empty; add data/sites/*.toml or pass --url")
    db_path = Path(db_path)
    db_path.parent.mkdir(parents=True, exist_ok=True)
    work = Path(str(db_path) + ".crawl")
    work.mkdir(exist_ok=True)
    key = (site or (url and site_for_url(url).name) or "all").replace(",", "+")
    jobdir = work / "jobs" / key
    if not resume and jobdir.exists():
        shutil.rmtree(jobdir)
    log_file = work / f"{key}.log"
    with tempfile.TemporaryDirectory() as tmp:
        report_file = Path(tmp) / "report.json"
        cmd = [sys.executable, "-m", "crawler.run", "--db", str(db_path), "--report", str(report_file),
               "--jobdir", str(jobdir), "--log-file", str(log_file)]
        cmd += ["--site", site] if site else []
        cmd += ["--url", url] if url else []
        cmd += ["--max-pages", str(max_pages)] if max_pages else []
        cmd += ["--sites-dir", str(sites_dir)] if sites_dir else []
        cmd += ["--progress"] if progress else []
        for name, value in (settings or {}).items():
            cmd += ["--set", f"{name}={json.dumps(value)}"]
        env = dict(os.environ)
        if redis_url:
            env["KHOI_REDIS_URL"] = redis_url
        try:
            proc = subprocess.run(cmd, env=env, cwd=Path(__file__).resolve().parent.parent, check=False)
        except KeyboardInterrupt:  # the child got the same SIGINT and is shutting down cleanly
            proc = None
        if not report_file.exists():
            tail = log_file.read_text(encoding="utf-8", errors="replace")[-2000:] if log_file.exists() else ""
            code = proc.returncode if proc else "interrupted"
            raise CrawlError(f"crawler process ended ({code}) without a report; log {log_file}:\n{tail}")
        data = json.loads(report_file.read_text(encoding="utf-8"))
    return _report_from_json(data, str(log_file))


def _report_from_json(data: dict[str, Any], log_file: str) -> CrawlReport:
    sites: dict[str, SiteReport] = {}
    for name, counts in data["sites"].items():
        stored = {k.split("/", 1)[1]: v for k, v in counts.items() if k.startswith("stored/")}
        sites[name] = SiteReport(pages=counts.get("pages", 0), articles=counts.get("articles", 0),
                                 relevant=counts.get("relevant", 0), errors=counts.get("errors", 0),
                                 stored=stored, not_modified=counts.get("not_modified", 0))
    return CrawlReport(reason=data["reason"], seconds=data["seconds"], sites=sites, requests=data["requests"],
                       log_file=log_file)


def main(argv: list[str] | None = None) -> int:
    """Child-process entry point: run the portal spider with CrawlerProcess."""
    parser = argparse.ArgumentParser(prog="python -m crawler.run")
    parser.add_argument("--db", required=True)
    parser.add_argument("--site")
    parser.add_argument("--url")
    parser.add_argument("--max-pages", type=int)
    parser.add_argument("--sites-dir")
    parser.add_argument("--report")
    parser.add_argument("--jobdir")
    parser.add_argument("--log-file")
    parser.add_argument("--progress", action="store_true")
    parser.add_argument("--set", action="append", default=[], help="NAME=JSON setting override")
    args = parser.parse_args(argv)

    os.environ.setdefault("SCRAPY_SETTINGS_MODULE", "crawler.settings")
    from scrapy.crawler import CrawlerProcess
    from scrapy.utils.project import get_project_settings

    settings = get_project_settings()
    settings.set("KHOI_DB", args.db, priority="cmdline")
    settings.set("KHOI_PROGRESS", args.progress, priority="cmdline")
    if args.report:
        settings.set("KHOI_REPORT_FILE", args.report, priority="cmdline")
    if args.jobdir and not settings.get("REDIS_URL"):
        settings.set("JOBDIR", args.jobdir, priority="cmdline")
    if args.log_file:
        settings.set("LOG_FILE", args.log_file, priority="cmdline")
        settings.set("LOG_FILE_APPEND", False, priority="cmdline")
    for item in args.set:
        name, _, value = item.partition("=")
        settings.set(name, json.loads(value), priority="cmdline")
    process = CrawlerProcess(settings)
    process.crawl("portal", site=args.site, url=args.url, max_pages=args.max_pages, sites_dir=args.sites_dir)
    process.start()
    return 0


if __name__ == "__main__":
    sys.exit(main())
