"""Read local files (.txt, .html, .jsonl) into the store as documents."""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from sqlite_utils import Database

from nlp.clean import clean_html
from nlp.encoding import decode_bytes
from nlp.prepare import prepare
from store.db import now_iso, save_document
from store.models import Document

log = logging.getLogger(__name__)

SUFFIXES = {".txt", ".html", ".htm", ".jsonl"}


class IngestError(Exception):
    """A file that cannot be ingested (named in the message)."""


@dataclass
class IngestReport:
    counts: dict[str, int] = field(default_factory=lambda: {"new": 0, "changed": 0, "unchanged": 0, "duplicate": 0})
    failures: list[str] = field(default_factory=list)

    def summary(self) -> str:
        parts = ", ".join(f"{v} {k}" for k, v in self.counts.items())
        return f"ingested: {parts}; {len(self.failures)} failed"


def find_files(paths: list[Path]) -> list[Path]:
    """Return the ingestible files named by ``paths`` (folders searched recursively), sorted.

    Raises IngestError for a path that does not exist.
    """
    found: list[Path] = []
    for path in paths:
        if not path.exists():
            raise IngestError(f"{path}: no such file or folder")
        if path.is_dir():
            found.extend(p for p in sorted(path.rglob("*")) if p.is_file() and p.suffix.lower() in SUFFIXES)
        elif path.suffix.lower() in SUFFIXES:
            found.append(path)
        else:
            raise IngestError(f"{path}: unsupported file type {path.suffix!r} (expected .txt, .html or .jsonl)")
    return found


def file_url(path: Path) -> str:
    """Return a stable URL for a local file: relative to the working directory when inside it."""
    resolved = path.resolve()
    try:
        return "file:" + resolved.relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return resolved.as_uri()


def documents_from_file(path: Path) -> Iterator[Document]:
    """Yield the documents in one file (one for .txt/.html, one per line for .jsonl)."""
    raw = path.read_bytes()
    suffix = path.suffix.lower()
    if suffix == ".jsonl":
        yield from _documents_from_jsonl(path, raw)
        return
    url = file_url(path)
    if suffix in (".html", ".htm"):
        doc = clean_html(raw, url)
        doc.raw = raw
    else:
        try:
            text, encoding = decode_bytes(raw)
        except (UnicodeDecodeError, LookupError, ValueError) as exc:
            raise IngestError(f"{path}: cannot decode text ({exc}); save it as UTF-8") from exc
        if not looks_like_text(text):
            raise IngestError(f"{path}: does not look like text (binary content or an unknown encoding)")
        doc = Document(url=url, text=text, raw=raw, encoding=encoding)
    yield _finish(doc)


MAX_CONTROL_RATIO = 0.01  # real articles, even with page chrome, have almost no control characters


def looks_like_text(text: str) -> bool:
    """Return False for decoded binary: many control or replacement characters."""
    if not text.strip():
        return False
    bad = sum(1 for ch in text if ch == "\ufffd" or (ord(ch) < 32 and ch not in "\n\r\t\f"))
    return bad <= MAX_CONTROL_RATIO * len(text)


def _documents_from_jsonl(path: Path, raw: bytes) -> Iterator[Document]:
    try:
        content = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise IngestError(f"{path}: JSONL must be UTF-8 ({exc})") from exc
    for number, line in enumerate(content.splitlines(), 1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
        except json.JSONDecodeError as exc:
            raise IngestError(f"{path}:{number}: not valid JSON ({exc.msg})") from exc
        if not isinstance(item, dict) or not isinstance(item.get("text"), str):
            raise IngestError(f"{path}:{number}: expected an object with a \"text\" string")
        external_id = str(item["id"]) if item.get("id") is not None else None
        url = item.get("url") or f"{file_url(path)}#{external_id or number}"
        yield _finish(
            Document(
                url=url,
                text=item["text"],
                title=item.get("title"),
                external_id=external_id,
                raw=line.encode("utf-8"),
                encoding="utf-8",
            )
        )


def _finish(doc: Document) -> Document:
    prepared = prepare(doc.text, title=doc.title, url=doc.url)
    doc.text = prepared.text
    doc.title = prepared.title or headline_of(prepared.text)
    doc.fetched_at = doc.fetched_at or now_iso()
    return doc


MAX_TITLE_CHARS = 300  # longer first lines are body paragraphs, not headlines


def headline_of(text: str) -> str | None:
    """Return the first line of a cleaned plain-text article when it is headline-sized."""
    first = next((line.strip() for line in text.splitlines() if line.strip()), None)
    return first if first and len(first) <= MAX_TITLE_CHARS else None


def ingest_paths(
    db: Database, paths: list[Path], on_progress: Callable[[Path], None] | None = None
) -> IngestReport:
    """Store every document found under ``paths``; a bad file is reported and skipped."""
    report = IngestReport()
    for path in find_files(paths):
        if on_progress:
            on_progress(path)
        try:
            docs = list(documents_from_file(path))
        except (IngestError, OSError) as exc:
            report.failures.append(str(exc))
            log.warning("skipped %s", exc)
            continue
        for doc in docs:
            _, status = save_document(db, doc)
            report.counts[status] += 1
    return report
