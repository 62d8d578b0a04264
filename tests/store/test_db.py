"""The store: migrations, idempotent saves, record replacement, clear errors."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

import pytest
from sqlite_utils import Database

from store.db import (
    CorruptDatabaseError,
    StoreError,
    get_document,
    open_db,
    replace_records,
    save_document,
    write_transaction,
)
from store.models import ArticleRecords, Directive, Document, Leader, Span
from store.schema import latest_migration, migrations
from store.vntext import vi_sort_key

TEXT = "Ngày 19/4/2018, Khối thi đua các cơ quan tham mưu tổng hợp tổ chức Lễ ký kết giao ước thi đua năm 2018."


def _records(unit: str = "Sở Nội vụ") -> ArticleRecords:
    return ArticleRecords(
        relevant=True,
        province="Yên Bái",
        bloc="Khối thi đua các cơ quan tham mưu tổng hợp",
        event_types=["giao_uoc"],
        event_date="2018-04-19",
        period="2018",
        leaders=[Leader(unit=unit, role="head", year=2018, start=0, end=10)],
        directives=[
            Directive(number="34-CT/TW", canonical="34-ct/tw", doc_type="Chỉ thị", date=None, issuer=None, start=1, end=9)
        ],
        evidence={"bloc": Span(start=16, end=58, source="rule:bloc")},
    )


def test_fresh_database_has_every_table(db: Database) -> None:
    for table in ("documents", "document_urls", "blocs", "meetings", "leaders", "members", "directives",
                  "awards", "people", "movements", "pages"):
        assert db[table].exists(), table
    assert any(m.name == latest_migration() for m in migrations.applied(db))


def test_foreign_keys_are_declared(db: Database) -> None:
    fks = {(fk.column, fk.other_table) for fk in db["leaders"].foreign_keys}
    assert ("document_id", "documents") in fks and ("bloc_id", "blocs") in fks


def test_saving_the_same_document_twice_is_idempotent(db: Database) -> None:
    doc = Document(url="https://example.gov.vn/a", text=TEXT, title="t", raw=b"<html>raw</html>")
    first = save_document(db, doc)
    second = save_document(db, doc)
    assert first == (first[0], "new")
    assert second == (first[0], "unchanged")
    assert db["documents"].count == 1
    assert get_document(db, first[0]).raw == b"<html>raw</html>"


def test_changed_text_updates_in_place_and_needs_extraction_again(db: Database) -> None:
    doc_id, _ = save_document(db, Document(url="https://example.gov.vn/a", text=TEXT))
    replace_records(db, doc_id, _records(), "v1")
    again, status = save_document(db, Document(url="https://example.gov.vn/a", text=TEXT + " Thêm."))
    assert (again, status) == (doc_id, "changed")
    assert db["documents"].get(doc_id)["extracted_at"] is None


def test_same_text_under_another_url_is_one_document_with_two_urls(db: Database) -> None:
    doc_id, _ = save_document(db, Document(url="https://a.gov.vn/x", text=TEXT))
    dup_id, status = save_document(db, Document(url="https://b.vn/y", text=TEXT))
    assert (dup_id, status) == (doc_id, "duplicate")
    assert db["documents"].count == 1
    assert db["document_urls"].get("https://b.vn/y")["document_id"] == doc_id
    # the alias URL is recognised on the next ingest too
    assert save_document(db, Document(url="https://b.vn/y", text=TEXT))[1] == "unchanged"


def test_reextraction_replaces_records_without_duplicates(db: Database) -> None:
    doc_id, _ = save_document(db, Document(url="https://example.gov.vn/a", text=TEXT))
    replace_records(db, doc_id, _records("Sở Nội vụ"), "v1")
    replace_records(db, doc_id, _records("Sở Tài chính"), "v2")
    assert db["meetings"].count == 1
    assert [r["unit"] for r in db["leaders"].rows] == ["Sở Tài chính"]
    assert db["directives"].count == 1
    assert db["blocs"].count == 1
    meeting = next(db["meetings"].rows)
    assert meeting["meeting_key"] == f"{meeting['bloc_id']}:2018-04-19"


def test_failed_replacement_keeps_old_records(db: Database) -> None:
    doc_id, _ = save_document(db, Document(url="https://example.gov.vn/a", text=TEXT))
    replace_records(db, doc_id, _records(), "v1")
    bad = _records()
    bad.leaders[0].start = None  # violates NOT NULL on start
    with pytest.raises(sqlite3.IntegrityError):
        replace_records(db, doc_id, bad, "v2")
    assert [r["unit"] for r in db["leaders"].rows] == ["Sở Nội vụ"]


def test_opening_an_older_database_upgrades_it_and_keeps_rows(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    old = Database(path)
    migrations.apply(old, stop_before="m002_records")
    old["documents"].insert({"url": "https://x.vn/1", "text": TEXT, "content_hash": "h", "ingested_at": "2020"})
    old.close()
    db = open_db(path)
    assert db["meetings"].exists() and db["pages"].exists()
    assert db["documents"].get(1)["url"] == "https://x.vn/1"


def test_corrupt_file_gives_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "broken.db"
    path.write_bytes(b"this is not sqlite at all" * 100)
    with pytest.raises(CorruptDatabaseError, match="not a valid khoi database"):
        open_db(path)


def test_readonly_open_of_missing_database_says_what_to_do(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="khoi ingest"):
        open_db(tmp_path / "missing.db", readonly=True)


def test_readonly_connection_refuses_writes(db_path: Path) -> None:
    open_db(db_path).close()
    ro = open_db(db_path, readonly=True)
    with pytest.raises(sqlite3.OperationalError):
        ro.execute("INSERT INTO blocs (name, name_key) VALUES ('a', 'a')")


def test_two_processes_saving_at_once_wait_for_each_other_instead_of_failing(tmp_path: Path) -> None:
    """A writer that read first must not fail with 'database is locked' when another commits."""
    path = tmp_path / "shared.db"
    open_db(path).conn.close()
    errors: list[BaseException] = []

    def writer(prefix: str) -> None:
        db = open_db(path)
        try:
            for i in range(40):
                text = f"{prefix} bài {i}: Khối thi đua các sở, ngành tổ chức hội nghị sơ kết."
                save_document(db, Document(url=f"https://{prefix}.example.vn/{i}", text=text))
        except BaseException as exc:  # noqa: BLE001 - collected for the assertion below
            errors.append(exc)
        finally:
            db.conn.close()

    threads = [threading.Thread(target=writer, args=(name,)) for name in ("a", "b", "c")]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    assert not errors, errors
    count = sqlite3.connect(path).execute("SELECT count(*) FROM documents").fetchone()[0]
    assert count == 120


def test_write_transaction_rolls_back_everything_on_error(db: Database) -> None:
    with pytest.raises(RuntimeError), write_transaction(db):
        save_document(db, Document(url="https://x.example.vn/1", text="Khối thi đua số 3 họp."))
        raise RuntimeError("boom")
    assert db.execute("SELECT count(*) FROM documents").fetchone()[0] == 0


def test_collate_vi_orders_names_by_letters_then_diacritics(tmp_path) -> None:
    db = open_db(tmp_path / "k.db")
    names = ["Cao Bằng", "Bình Dương", "Cà Mau", "Bạc Liêu", "Bắc Giang", "Bà Rịa - Vũng Tàu", "Bến Tre", "An Giang"]
    db.execute("CREATE TABLE t (name TEXT)")
    db.conn.executemany("INSERT INTO t VALUES (?)", [(n,) for n in names])
    db.conn.commit()
    got = [r[0] for r in db.execute("SELECT name FROM t ORDER BY name COLLATE vi")]
    # ă is a letter after a (Bạc < Bắc), tones only break ties (Cà Mau < Cao Bằng: a < o)
    assert got == ["An Giang", "Bà Rịa - Vũng Tàu", "Bạc Liêu", "Bắc Giang", "Bến Tre", "Bình Dương", "Cà Mau",
                   "Cao Bằng"]
    assert got == sorted(names, key=vi_sort_key)
    ro = open_db(tmp_path / "k.db", readonly=True)  # the web app's read-only connection knows it too
    assert [r[0] for r in ro.execute("SELECT name FROM t ORDER BY name COLLATE vi")] == got
