"""THE SQLite schema: one sqlite-utils Migrations set. No other module creates or alters tables.

Migrations are append-only: to change the schema, add a new function at the end.
Opening an older database applies the missing ones; rows are never dropped.
"""

from __future__ import annotations

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

migrations = Migrations("khoi")

# Columns shared by every fact table: the document and the evidence span.
_EVIDENCE = {"start": int, "end": int, "source": str}
_FACT_TABLES = ("leaders", "members", "directives", "awards", "people", "movements")


@migrations()
def m001_documents(db: Database) -> None:
    db["documents"].create(
        {
            "id": int,
            "url": str,  # canonical URL (or file:… for local files)
            "external_id": str,  # e.g. the "id" of an imported FORMAT.md line
            "site": str,
            "province": str,  # as the portal states it
            "title": str,
            "published_at": str,
            "author": str,
            "text": str,  # cleaned NFC text; all spans point into it
            "raw": bytes,  # original bytes, zlib-compressed
            "encoding": str,
            "content_hash": str,  # sha256 of the cleaned text
            "fetched_at": str,
            "ingested_at": str,
            "extracted_at": str,
            "extractor_version": str,
        },
        pk="id",
        not_null={"url", "text", "content_hash", "ingested_at"},
    )
    db["documents"].create_index(["url"], unique=True)
    db["documents"].create_index(["content_hash"])
    db["documents"].create_index(["external_id"])
    db["documents"].create_index(["published_at"])

    # Other URLs under which the same article was found (syndication, redirects).
    db["document_urls"].create(
        {"url": str, "document_id": int, "seen_at": str},
        pk="url",
        foreign_keys=[("document_id", "documents", "id")],
        not_null={"document_id"},
    )
    db["document_urls"].create_index(["document_id"])


@migrations()
def m002_records(db: Database) -> None:
    db["blocs"].create(
        {"id": int, "province": str, "name": str, "name_key": str},
        pk="id",
        not_null={"name", "name_key"},
    )
    db["blocs"].create_index(["province", "name_key"], unique=True)

    db["meetings"].create(
        {
            "id": int,
            "document_id": int,
            "bloc_id": int,
            "relevant": int,
            "relevance_score": float,
            "province": str,
            "province_new": str,
            "bloc": str,
            "event_types": str,  # JSON list
            "event_date": str,
            "year": int,
            "period": str,
            "venue": str,
            "member_count": int,
            "author": str,
            "meeting_key": str,  # bloc + event date: articles about one meeting share it
            "evidence": str,  # JSON {field: {start, end, source}}
        },
        pk="id",
        foreign_keys=[("document_id", "documents", "id"), ("bloc_id", "blocs", "id")],
        not_null={"document_id", "relevant"},
    )
    db["meetings"].create_index(["document_id"], unique=True)
    db["meetings"].create_index(["bloc_id"])
    db["meetings"].create_index(["meeting_key"])
    db["meetings"].create_index(["province"])
    db["meetings"].create_index(["year"])

    tables = {
        "leaders": {"bloc_id": int, "unit": str, "unit_key": str, "role": str, "year": int},
        "members": {"bloc_id": int, "unit": str, "unit_key": str},
        "directives": {"number": str, "canonical": str, "doc_type": str, "date": str, "issuer": str},
        "awards": {"award": str, "recipient": str, "count": int},
        "people": {"name": str, "title": str},
        "movements": {"name": str},
    }
    for name, columns in tables.items():
        fks = [("document_id", "documents", "id")]
        if "bloc_id" in columns:
            fks.append(("bloc_id", "blocs", "id"))
        db[name].create(
            {"id": int, "document_id": int, **columns, **_EVIDENCE},
            pk="id",
            foreign_keys=fks,
            not_null={"document_id", "start", "end"},
        )
        db[name].create_index(["document_id"])
    db["leaders"].create_index(["unit_key"])
    db["leaders"].create_index(["bloc_id", "year"])
    db["members"].create_index(["unit_key"])
    db["members"].create_index(["bloc_id"])
    db["directives"].create_index(["canonical"])
    db["awards"].create_index(["award"])
    db["people"].create_index(["name"])


@migrations()
def m003_crawl_state(db: Database) -> None:
    # One row per URL the crawler has requested: what it got, so a later crawl can skip
    # unchanged pages (ETag/Last-Modified/lastmod) and a killed crawl can resume.
    db["pages"].create(
        {
            "url": str,
            "site": str,
            "status": int,
            "fetched_at": str,
            "etag": str,
            "last_modified": str,
            "sitemap_lastmod": str,
            "content_hash": str,
            "relevant": int,
            "document_id": int,
            "error": str,
        },
        pk="url",
        foreign_keys=[("document_id", "documents", "id")],
    )
    db["pages"].create_index(["site"])


@migrations()
def m004_crawl_fetch_url(db: Database) -> None:
    # pages.url is the canonical URL (dedup key); fetch_url is the spelling found on the site,
    # which is what a resumed crawl must request (servers may not accept the canonical form).
    db["pages"].add_column("fetch_url", str)


def latest_migration() -> str:
    """Return the name of the newest migration (the schema version)."""
    return migrations._migrations[-1].name
