"""Open the store and read/write it. The only module (with store.queries) that speaks SQL."""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from store.models import ArticleRecords, Document
from store.schema import migrations
from store.vntext import fold_key, unit_key, vi_sort_key

DEFAULT_DB = Path("data") / "khoi.db"
FACT_TABLES = ("leaders", "members", "directives", "awards", "people", "movements")


class StoreError(Exception):
    """Base class of store errors the CLI reports without a traceback."""


class CorruptDatabaseError(StoreError):
    """The file exists but is not a usable SQLite database."""


class DatabaseLockedError(StoreError):
    """Another process holds a write lock for longer than we wait."""


def default_db_path() -> Path:
    """Return the database path from $KHOI_DB, else data/khoi.db."""
    return Path(os.environ.get("KHOI_DB") or DEFAULT_DB)


def now_iso() -> str:
    """Return the current UTC time as an ISO string (seconds)."""
    return datetime.now(UTC).replace(microsecond=0).isoformat()


def open_db(path: str | Path | None = None, *, readonly: bool = False) -> Database:
    """Return the store at ``path`` with every migration applied (or read-only, unmigrated).

    Raises CorruptDatabaseError for a file that is not SQLite, and
    DatabaseLockedError when another writer keeps the database busy.
    """
    path = Path(path) if path is not None else default_db_path()
    if readonly:
        if not path.exists():
            raise StoreError(f"{path}: no such database; run `khoi ingest` first")
        conn = sqlite3.connect(f"file:{path.resolve()}?mode=ro", uri=True, check_same_thread=False)
        _add_collations(conn)
        db = Database(conn)
        _check_readable(db, path)
        return db
    path.parent.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(str(path), timeout=30, check_same_thread=False)
    _add_collations(conn)
    db = Database(conn)
    _check_readable(db, path)
    try:
        db.execute("PRAGMA journal_mode=WAL")
        db.execute("PRAGMA foreign_keys=ON")
        migrations.apply(db)
    except sqlite3.OperationalError as exc:
        if "locked" in str(exc) or "busy" in str(exc):
            raise DatabaseLockedError(f"{path}: database is locked by another process; try again") from exc
        raise CorruptDatabaseError(f"{path}: cannot migrate database: {exc}") from exc
    return db


def _collate_vi(a: str, b: str) -> int:
    ka, kb = vi_sort_key(a), vi_sort_key(b)
    return (ka > kb) - (ka < kb)


def _add_collations(conn: sqlite3.Connection) -> None:
    """``COLLATE vi`` in SQL orders names with vi_sort_key."""
    conn.create_collation("vi", _collate_vi)


def _check_readable(db: Database, path: Path) -> None:
    try:
        db.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.DatabaseError as exc:
        raise CorruptDatabaseError(
            f"{path}: not a valid khoi database ({exc}); move it aside or pass another --db"
        ) from exc


@contextmanager
def write_transaction(db: Database) -> Iterator[Database]:
    """Run a block as one write transaction that takes the write lock up front.

    ``BEGIN IMMEDIATE`` waits (the connection's busy timeout) for another process's write to
    finish; a deferred ``BEGIN`` that reads first and writes later would instead fail at once
    with "database is locked" when a concurrent writer commits in between (two crawler
    processes sharing one store). Nested use becomes a savepoint.
    """
    if db.conn.in_transaction:
        with db.atomic():
            yield db
        return
    try:
        db.conn.execute("BEGIN IMMEDIATE")
    except sqlite3.OperationalError as exc:
        if "locked" in str(exc) or "busy" in str(exc):
            raise DatabaseLockedError(f"database is locked by another process; try again ({exc})") from exc
        raise
    try:
        yield db
    except BaseException:
        db.conn.rollback()
        raise
    db.conn.commit()


def content_hash(text: str) -> str:
    """Return the sha256 hex digest of a document's cleaned text."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def save_document(db: Database, doc: Document) -> tuple[int, str]:
    """Insert or update ``doc``; return (document id, "new" | "changed" | "unchanged" | "duplicate").

    Keyed by URL; an identical text already stored under another URL is recorded as
    an extra URL of that document ("duplicate") instead of a second row.
    """
    digest = content_hash(doc.text)
    raw = zlib.compress(doc.raw) if doc.raw is not None else None
    row = {
        "url": doc.url,
        "external_id": doc.external_id,
        "site": doc.site,
        "province": doc.province,
        "title": doc.title,
        "published_at": doc.published_at,
        "author": doc.author,
        "text": doc.text,
        "raw": raw,
        "encoding": doc.encoding,
        "content_hash": digest,
        "fetched_at": doc.fetched_at,
    }
    with write_transaction(db):
        existing = db.execute("SELECT id, content_hash FROM documents WHERE url = ?", [doc.url]).fetchone()
        if existing is None:
            alias = db.execute("SELECT document_id FROM document_urls WHERE url = ?", [doc.url]).fetchone()
            if alias is not None:
                existing = db.execute(
                    "SELECT id, content_hash FROM documents WHERE id = ?", [alias[0]]
                ).fetchone()
        if existing is not None:
            doc_id, old_hash = existing
            if old_hash == digest:
                return doc_id, "unchanged"
            row.pop("url")
            row.update(extracted_at=None, extractor_version=None)
            db["documents"].update(doc_id, row)
            return doc_id, "changed"
        same = db.execute("SELECT id FROM documents WHERE content_hash = ? LIMIT 1", [digest]).fetchone()
        if same is not None:
            add_document_url(db, same[0], doc.url)
            return same[0], "duplicate"
        row["ingested_at"] = now_iso()
        doc_id = db["documents"].insert(row).last_pk
        return int(doc_id), "new"


def add_document_url(db: Database, document_id: int, url: str) -> None:
    """Record ``url`` as another address of an existing document."""
    db["document_urls"].insert(
        {"url": url, "document_id": document_id, "seen_at": now_iso()}, pk="url", ignore=True
    )


def get_document(db: Database, document_id: int) -> Document | None:
    """Return one document (raw bytes decompressed), or None."""
    for row in db.query("SELECT * FROM documents WHERE id = ?", [document_id]):
        return _row_to_document(row)
    return None


def _row_to_document(row: dict[str, Any]) -> Document:
    raw = zlib.decompress(row["raw"]) if row.get("raw") else None
    return Document(
        id=row["id"],
        url=row["url"],
        text=row["text"],
        title=row.get("title"),
        site=row.get("site"),
        province=row.get("province"),
        published_at=row.get("published_at"),
        author=row.get("author"),
        raw=raw,
        encoding=row.get("encoding"),
        fetched_at=row.get("fetched_at"),
        external_id=row.get("external_id"),
    )


def iter_documents(db: Database, *, pending_for: str | None = None) -> Iterator[Document]:
    """Yield documents; with ``pending_for=VERSION`` only those not yet extracted by that version."""
    sql = "SELECT * FROM documents"
    params: list[Any] = []
    if pending_for is not None:
        sql += " WHERE extracted_at IS NULL OR extractor_version IS NOT ?"
        params.append(pending_for)
    sql += " ORDER BY id"
    for row in db.query(sql, params):
        yield _row_to_document(row)


def pending_document_ids(db: Database, version: str | None) -> list[int]:
    """Return ids of documents to extract: all if ``version`` is None, else those not done by it."""
    if version is None:
        return [r[0] for r in db.execute("SELECT id FROM documents ORDER BY id")]
    return [
        r[0]
        for r in db.execute(
            "SELECT id FROM documents WHERE extracted_at IS NULL OR extractor_version IS NOT ? ORDER BY id",
            [version],
        )
    ]


def document_id_for_url(db: Database, url: str) -> int | None:
    """Return the id of the document stored under ``url`` (not its aliases), or None."""
    row = db.execute("SELECT id FROM documents WHERE url = ?", [url]).fetchone()
    return int(row[0]) if row else None


def iter_document_texts(db: Database) -> Iterator[tuple[int, str]]:
    """Yield (id, text) of every stored document."""
    for doc_id, text in db.execute("SELECT id, text FROM documents ORDER BY id"):
        yield int(doc_id), text


def iter_raw_pages(db: Database) -> Iterator[tuple[str, bytes, str | None, str | None]]:
    """Yield (url, raw bytes, encoding, fetched_at) of crawled documents that kept their bytes."""
    rows = db.execute(
        "SELECT url, raw, encoding, fetched_at FROM documents WHERE raw IS NOT NULL AND url LIKE 'http%' ORDER BY id"
    )
    for url, raw, encoding, fetched_at in rows:
        yield url, zlib.decompress(raw), encoding, fetched_at


def count_documents(db: Database, *, pending_for: str | None = None) -> int:
    """Return how many documents there are (or how many still need extraction)."""
    if pending_for is None:
        return db.execute("SELECT count(*) FROM documents").fetchone()[0]
    return db.execute(
        "SELECT count(*) FROM documents WHERE extracted_at IS NULL OR extractor_version IS NOT ?",
        [pending_for],
    ).fetchone()[0]


def bloc_id_for(db: Database, province: str | None, name: str) -> int:
    """Return the id of the bloc (province, name), creating it on first sight."""
    key = unit_key(name)
    row = db.execute(
        "SELECT id FROM blocs WHERE province IS ? AND name_key = ?", [province, key]
    ).fetchone()
    if row is not None:
        return int(row[0])
    return int(db["blocs"].insert({"province": province, "name": name, "name_key": key}).last_pk)


def meeting_key(bloc_id: int | None, event_date: str | None) -> str | None:
    """Return the key shared by every report of one meeting (same bloc, same day)."""
    if bloc_id is None or not event_date:
        return None
    return f"{bloc_id}:{event_date}"


def replace_records(db: Database, document_id: int, records: ArticleRecords, version: str) -> None:
    """Replace everything extracted from one document, in one transaction."""
    with write_transaction(db):
        for table in (*FACT_TABLES, "meetings"):
            db.execute(f"DELETE FROM [{table}] WHERE document_id = ?", [document_id])
        bloc_id = bloc_id_for(db, records.province, records.bloc) if records.bloc and records.relevant else None
        year = int(records.event_date[:4]) if records.event_date else (
            int(records.period[:4]) if records.period and records.period[:4].isdigit() else None
        )
        db["meetings"].insert(
            {
                "document_id": document_id,
                "bloc_id": bloc_id,
                "relevant": int(records.relevant),
                "relevance_score": records.relevance_score,
                "province": records.province,
                "province_new": records.province_new,
                "bloc": records.bloc,
                "event_types": json.dumps(records.event_types),
                "event_date": records.event_date,
                "year": year,
                "period": records.period,
                "venue": records.venue,
                "member_count": records.member_count,
                "author": records.author,
                "meeting_key": meeting_key(bloc_id, records.event_date),
                "evidence": json.dumps({k: asdict(v) for k, v in records.evidence.items()}, ensure_ascii=False),
            }
        )
        rows: dict[str, list[dict[str, Any]]] = {
            "leaders": [{**asdict(x), "unit_key": unit_key(x.unit), "bloc_id": bloc_id} for x in records.leaders],
            "members": [{**asdict(x), "unit_key": unit_key(x.unit), "bloc_id": bloc_id} for x in records.members],
            "directives": [asdict(x) for x in records.directives],
            "awards": [asdict(x) for x in records.awards],
            "people": [asdict(x) for x in records.people],
            "movements": [asdict(x) for x in records.movements],
        }
        for table, items in rows.items():
            if items:
                db[table].insert_all({**item, "document_id": document_id} for item in items)
        db["documents"].update(document_id, {"extracted_at": now_iso(), "extractor_version": version})


def search_key(text: str) -> str:
    """Return the folded form used for loose lookups (re-exported for callers)."""
    return fold_key(text)
