"""The `khoi` command line: one subcommand per stage; parse flags, call one function, report.

Library errors become `Error: …` on stderr with exit code 1; usage errors exit 2.
"""

from __future__ import annotations

import functools
import json
import logging
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from store.db import StoreError, default_db_path, open_db

SAMPLES_DIR = Path(__file__).resolve().parent.parent / "data" / "samples"


def _index_dir_for(db_path: Path) -> Path:
    env = os.environ.get("KHOI_INDEX")
    return Path(env) if env else db_path.with_suffix(".index")


def db_options(func: Callable[..., Any]) -> Callable[..., Any]:
    """Add --db and --index, shared by every command that touches the store."""

    @click.option(
        "--db",
        "db_path",
        type=click.Path(dir_okay=False, path_type=Path),
        default=None,
        help="SQLite store (default: $KHOI_DB or data/khoi.db).",
    )
    @click.option(
        "--index",
        "index_dir",
        type=click.Path(file_okay=False, path_type=Path),
        default=None,
        help="Full-text index folder (default: $KHOI_INDEX or beside the database).",
    )
    @functools.wraps(func)
    def wrapper(*args: Any, db_path: Path | None, index_dir: Path | None, **kwargs: Any) -> Any:
        db_path = db_path or default_db_path()
        index_dir = index_dir or _index_dir_for(db_path)
        return func(*args, db_path=db_path, index_dir=index_dir, **kwargs)

    return wrapper


def friendly_errors(func: Callable[..., Any]) -> Callable[..., Any]:
    """Turn the stages' own exceptions into clean `Error: …` messages."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except click.ClickException:
            raise
        except Exception as exc:
            if _is_user_error(exc):
                raise click.ClickException(str(exc)) from exc
            raise

    return wrapper


def _is_user_error(exc: Exception) -> bool:
    if isinstance(exc, StoreError | FileNotFoundError | PermissionError | UnicodeDecodeError):
        return True
    # Stage error classes live in their packages; match by module to avoid importing them all eagerly.
    module = type(exc).__module__
    return module.startswith(("index.errors", "crawler.errors", "nlp.errors", "khoi.ingest"))


def _open(db_path: Path, readonly: bool = False):  # noqa: ANN202 - sqlite_utils.Database
    return open_db(db_path, readonly=readonly)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="khoi")
@click.option("-v", "--verbose", is_flag=True, help="Log debug messages to stderr.")
def cli(verbose: bool) -> None:
    """khoi: a searchable archive of Vietnamese emulation-bloc (Khối/Cụm thi đua) news.

    Pipeline: crawl or ingest → extract → index → search / serve.
    """
    logging.basicConfig(level=logging.DEBUG if verbose else logging.WARNING, format="%(levelname)s %(message)s")


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@db_options
@friendly_errors
def ingest(paths: tuple[Path, ...], db_path: Path, index_dir: Path) -> None:
    """Store articles from .txt, .html and .jsonl files or folders.

    Re-ingesting the same file changes nothing; a changed file is updated in place.

    Example: khoi ingest data/samples/
    """
    from khoi.ingest import ingest_paths

    db = _open(db_path)
    report = ingest_paths(db, list(paths), on_progress=lambda p: click.echo(f"ingest {p}", err=True))
    for failure in report.failures:
        click.echo(f"failed: {failure}", err=True)
    click.echo(report.summary(), err=True)
    if report.failures:
        sys.exit(1)


@cli.command()
@click.option("--force", is_flag=True, help="Re-extract every document, not only new or changed ones.")
@click.option("--silent", is_flag=True, help="No progress bar.")
@db_options
@friendly_errors
def extract(force: bool, silent: bool, db_path: Path, index_dir: Path) -> None:
    """Extract bloc-meeting records from documents that need it.

    Example: khoi extract --db data/khoi.db
    """
    from khoi.pipeline import extract_pending

    report = extract_pending(_open(db_path), force=force, progress=not silent)
    for failure in report.failures:
        click.echo(f"failed: {failure}", err=True)
    click.echo(report.summary(), err=True)
    if report.failures:
        sys.exit(1)


@cli.command("index")
@click.option("--rebuild", is_flag=True, help="Rebuild from scratch instead of updating.")
@click.option(
    "--engine", type=click.Choice(["whoosh", "tantivy"]), default="whoosh", show_default=True, help="Search engine."
)
@click.option("--silent", is_flag=True, help="No progress bar.")
@db_options
@friendly_errors
def index_cmd(rebuild: bool, engine: str, silent: bool, db_path: Path, index_dir: Path) -> None:
    """Build or update the full-text index from the store.

    Example: khoi index --rebuild --engine whoosh
    """
    from index import build_index

    report = build_index(_open(db_path), index_dir, engine=engine, rebuild=rebuild, progress=not silent)
    click.echo(str(report.summary() if hasattr(report, "summary") else report), err=True)


@cli.command()
@click.argument("query")
@click.option("--limit", default=10, show_default=True, type=click.IntRange(1, 1000), help="Hits to show.")
@click.option("--page", default=1, show_default=True, type=click.IntRange(1), help="Result page.")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per hit on stdout.")
@db_options
@friendly_errors
def search(query: str, limit: int, page: int, as_json: bool, db_path: Path, index_dir: Path) -> None:
    """Search the archive; accents are optional ("chi thi 34" finds "Chỉ thị 34").

    Example: khoi search 'chi thi 34 province:"Yên Bái"' --limit 5
    """
    from index import search as run_search

    results = run_search(index_dir, query, page=page, page_size=limit)
    if as_json:
        for hit in results.hits:
            click.echo(json.dumps(_hit_json(hit), ensure_ascii=False))
        return
    click.echo(f"{results.total} results for {query!r}", err=True)
    for n, hit in enumerate(results.hits, (page - 1) * limit + 1):
        date = hit.event_date or hit.published_at or ""
        click.echo(f"{n:>3}. [{hit.document_id}] {hit.title or '(no title)'}  {date}")
        click.echo(f"     {hit.url}")


def _hit_json(hit: Any) -> dict[str, Any]:
    fields = ("document_id", "url", "title", "score", "published_at", "event_date", "province", "bloc", "event_types", "year")
    out = {name: getattr(hit, name, None) for name in fields}
    out["snippet_html"] = getattr(hit, "snippet_html", None)
    return out


@cli.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Interface to listen on.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535), help="Port.")
@click.option(
    "--workers", default=1, show_default=True, type=click.IntRange(1, 64),
    help="Server processes (searches in one process run one at a time; use one per core under load).",
)
@db_options
@friendly_errors
def serve(host: str, port: int, workers: int, db_path: Path, index_dir: Path) -> None:
    """Serve the web app and JSON API.

    Example: khoi serve --port 8000 --workers 2
    """
    _serve(db_path, index_dir, host, port, workers)


def _serve(db_path: Path, index_dir: Path, host: str, port: int, workers: int = 1) -> None:
    import uvicorn

    from search_app.app import create_app

    _open(db_path, readonly=True)  # fail early with a clear message
    click.echo(f"serving on http://{host}:{port}/  (Ctrl+C to stop)", err=True)
    if workers == 1:
        uvicorn.run(create_app(db_path, index_dir), host=host, port=port, log_level="warning")
        return
    # Worker processes import the app themselves, so they learn the paths from the environment.
    os.environ["KHOI_DB"] = str(db_path.resolve())
    os.environ["KHOI_INDEX"] = str(index_dir.resolve())
    uvicorn.run(
        "search_app.app:create_app_from_env", factory=True, host=host, port=port,
        workers=workers, log_level="warning",
    )


@cli.command()
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@friendly_errors
def predict(file: Path) -> None:
    """Print predictions for FORMAT.md JSONL articles, one JSON line each (the store is untouched).

    Example: khoi predict ../shared/eval/dev.gold.jsonl > pred.jsonl
    """
    from nlp.errors import BadInputError
    from nlp.predict import predict_lines

    try:
        with file.open(encoding="utf-8-sig") as handle:
            for line in predict_lines(handle):
                click.echo(line)
    except BadInputError as exc:
        raise click.ClickException(f"{file}: {exc}") from exc
    except UnicodeDecodeError as exc:
        raise click.ClickException(f"{file}: not UTF-8 text ({exc.reason})") from exc


@cli.command()
@click.option("--site", help="A site name from data/sites/ (default: every registered site).")
@click.option("--url", help="Crawl any portal from its base URL.")
@click.option("--max-pages", type=click.IntRange(1), default=None, help="Page budget per site.")
@click.option("--resume", is_flag=True, help="Continue an interrupted crawl.")
@click.option("--redis-url", default=None, help="Share the frontier through Redis (distributed mode).")
@db_options
@friendly_errors
def crawl(
    site: str | None, url: str | None, max_pages: int | None, resume: bool, redis_url: str | None,
    db_path: Path, index_dir: Path,
) -> None:
    """Crawl provincial portals for bloc-meeting articles.

    Example: khoi crawl --site yenbai-portal --max-pages 200
    """
    if site and url:
        raise click.UsageError("give --site or --url, not both")
    from crawler.run import run_crawl

    report = run_crawl(db_path, site=site, url=url, max_pages=max_pages, resume=resume, redis_url=redis_url)
    click.echo(report.summary(), err=True)
    if report.failed:
        sys.exit(1)


@cli.command()
@click.option("--warc", "warc_path", required=True, type=click.Path(dir_okay=False, path_type=Path), help="WARC file to write.")
@db_options
@friendly_errors
def export(warc_path: Path, db_path: Path, index_dir: Path) -> None:
    """Export the stored crawl (raw pages) as a WARC file.

    Example: khoi export --warc crawl.warc.gz
    """
    from crawler.export import export_warc

    count = export_warc(_open(db_path), warc_path)
    click.echo(f"wrote {count} records to {warc_path}", err=True)


@cli.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Interface to listen on.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535), help="Port.")
@click.option("--no-serve", is_flag=True, help="Build everything, then exit instead of serving.")
@db_options
@friendly_errors
def demo(host: str, port: int, no_serve: bool, db_path: Path, index_dir: Path) -> None:
    """Ingest the bundled articles, extract, index, and serve them.

    Example: khoi demo --port 8000
    """
    from index import build_index
    from khoi.ingest import ingest_paths
    from khoi.pipeline import extract_pending

    db = _open(db_path)
    click.echo(ingest_paths(db, [SAMPLES_DIR]).summary(), err=True)
    click.echo(extract_pending(db).summary(), err=True)
    report = build_index(db, index_dir, progress=True)
    click.echo(str(report.summary() if hasattr(report, "summary") else report), err=True)
    if not no_serve:
        _serve(db_path, index_dir, host, port)


def main() -> None:
    """Entry point of the `khoi` script."""
    cli(prog_name="khoi")
