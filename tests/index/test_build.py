"""Building: rebuild, incremental update, engine switch, and two writers never corrupting the index."""

from __future__ import annotations

import json
import multiprocessing
import time
from pathlib import Path

import pytest

from index import IndexLockedError, IndexMissingError, build_index, search
from index.build import write_lock
from index.query import close_readers
from store.db import open_db, replace_records, save_document
from store.models import ArticleRecords, Document
from tests.index.conftest import CORPUS, Article, store_corpus


@pytest.fixture(autouse=True)
def _fresh_readers():
    yield
    close_readers()


def _build(db_path: Path, index_dir: Path, engine: str, **kwargs):
    db = open_db(db_path)
    try:
        return build_index(db, index_dir, engine=engine, progress=False, **kwargs)
    finally:
        db.close()


def test_first_build_is_a_rebuild_and_records_the_engine(tmp_path: Path, engine: str) -> None:
    store_corpus(tmp_path / "k.db", CORPUS[:3])
    report = _build(tmp_path / "k.db", tmp_path / "idx", engine)
    assert report.mode == "rebuild" and report.indexed == 3 and report.total == 3
    assert json.loads((tmp_path / "idx" / "index.json").read_text())["engine"] == engine
    assert "3 indexed" in report.summary()


def test_update_indexes_only_new_and_reextracted_documents(tmp_path: Path, engine: str) -> None:
    ids = store_corpus(tmp_path / "k.db", CORPUS[:3])
    _build(tmp_path / "k.db", tmp_path / "idx", engine)
    assert _build(tmp_path / "k.db", tmp_path / "idx", engine).indexed == 0

    store_corpus(tmp_path / "k.db", [Article("new-one", "Tin mới", "Cụm thi đua Điện Biên họp giao ban.")])
    db = open_db(tmp_path / "k.db")
    replace_records(db, ids["tn-khcn"], ArticleRecords(relevant=True, province="Thái Nguyên", event_types=["other"]), "v2")
    db.close()
    report = _build(tmp_path / "k.db", tmp_path / "idx", engine)
    assert report.mode == "update" and report.indexed == 2 and report.unchanged == 2
    assert search(tmp_path / "idx", "dien bien").total == 1
    assert search(tmp_path / "idx", 'province:"Thái Nguyên"').total == 1
    assert search(tmp_path / "idx", "").total == 4  # the re-extracted document is replaced, not duplicated


def test_update_replaces_changed_text_and_removes_deleted_documents(tmp_path: Path, engine: str) -> None:
    ids = store_corpus(tmp_path / "k.db", CORPUS[:3])
    _build(tmp_path / "k.db", tmp_path / "idx", engine)
    db = open_db(tmp_path / "k.db")
    save_document(db, Document(url="https://example.vn/tn-khcn", title="Hội thảo", text="Nội dung mới về chuyển đổi số."))
    for table in ("meetings", "directives", "awards", "leaders", "members", "people", "movements"):
        db.execute(f"DELETE FROM [{table}] WHERE document_id = ?", [ids["lc-tongket-2021"]])
    db.execute("DELETE FROM documents WHERE id = ?", [ids["lc-tongket-2021"]])
    db.conn.commit()
    db.close()
    report = _build(tmp_path / "k.db", tmp_path / "idx", engine)
    assert report.indexed == 1 and report.deleted == 1
    assert search(tmp_path / "idx", "chuyển đổi số").total == 1
    assert search(tmp_path / "idx", "ngân sách").total == 0
    assert search(tmp_path / "idx", "05/CT-TU").total == 0


def test_rebuild_switches_generation_and_engine(tmp_path: Path) -> None:
    store_corpus(tmp_path / "k.db", CORPUS)
    _build(tmp_path / "k.db", tmp_path / "idx", "whoosh")
    before = search(tmp_path / "idx", "thi đua").total
    report = _build(tmp_path / "k.db", tmp_path / "idx", "tantivy")
    assert report.mode == "rebuild" and "engine changed" in report.summary()
    assert search(tmp_path / "idx", "thi đua").total == before
    report = _build(tmp_path / "k.db", tmp_path / "idx", "tantivy", rebuild=True)
    assert report.mode == "rebuild"
    generations = [p for p in (tmp_path / "idx").iterdir() if p.name.startswith("gen-")]
    assert len(generations) <= 2  # the current one and the previous (a reader may still hold it)


def test_search_without_index_says_to_run_khoi_index(tmp_path: Path) -> None:
    with pytest.raises(IndexMissingError, match="khoi index"):
        search(tmp_path / "nothing.index", "thi đua")


def test_second_writer_gets_a_clear_lock_error(tmp_path: Path, engine: str) -> None:
    store_corpus(tmp_path / "k.db", CORPUS[:2])
    with write_lock(tmp_path / "idx"):
        with pytest.raises(IndexLockedError, match="another process"):
            _build(tmp_path / "k.db", tmp_path / "idx", engine)
    assert _build(tmp_path / "k.db", tmp_path / "idx", engine).indexed == 2


def _hold_lock(index_dir: str, seconds: float, ready) -> None:  # runs in a child process
    with write_lock(Path(index_dir)):
        ready.set()
        time.sleep(seconds)


def test_second_writer_can_wait_for_the_first(tmp_path: Path) -> None:
    store_corpus(tmp_path / "k.db", CORPUS[:2])
    ctx = multiprocessing.get_context("fork")
    ready = ctx.Event()
    holder = ctx.Process(target=_hold_lock, args=(str(tmp_path / "idx"), 0.5, ready))
    holder.start()
    assert ready.wait(10)
    with pytest.raises(IndexLockedError):
        _build(tmp_path / "k.db", tmp_path / "idx", "whoosh")
    report = _build(tmp_path / "k.db", tmp_path / "idx", "whoosh", wait=10)
    holder.join()
    assert report.indexed == 2


def _build_in_child(db_path: str, index_dir: str, engine: str, out) -> None:  # runs in a child process
    try:
        db = open_db(db_path)
        report = build_index(db, Path(index_dir), engine=engine, rebuild=True, progress=False)
        out.put(("ok", report.indexed))
    except IndexLockedError as exc:
        out.put(("locked", str(exc)))


@pytest.mark.parametrize("engine_name", ["whoosh", "tantivy"])
def test_two_concurrent_rebuilds_leave_a_working_index(tmp_path: Path, engine_name: str) -> None:
    store_corpus(tmp_path / "k.db", CORPUS)
    ctx = multiprocessing.get_context("fork")
    out = ctx.Queue()
    procs = [
        ctx.Process(target=_build_in_child, args=(str(tmp_path / "k.db"), str(tmp_path / "idx"), engine_name, out))
        for _ in range(2)
    ]
    for p in procs:
        p.start()
    for p in procs:
        p.join(60)
    outcomes = sorted(out.get(timeout=5)[0] for _ in procs)
    assert "ok" in outcomes and set(outcomes) <= {"ok", "locked"}
    assert search(tmp_path / "idx", "").total == len(CORPUS)


def test_rebuild_in_parts_finds_what_a_serial_rebuild_finds(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Whoosh writes a large rebuild as one segment per worker part; results match the one-process build."""
    import index.build as build
    from tests.index.test_search_quality import CASES

    store_corpus(tmp_path / "k.db", CORPUS)
    serial = _build(tmp_path / "k.db", tmp_path / "serial", "whoosh")
    monkeypatch.setattr(build, "PARALLEL_MIN_DOCS", 2)
    monkeypatch.setattr(build, "PART_DOCS", 3)  # several parts per worker
    parts = _build(tmp_path / "k.db", tmp_path / "parts", "whoosh")
    assert parts.indexed == serial.indexed == len(CORPUS)
    segments = list((tmp_path / "parts").glob("gen-*/*.seg"))
    assert len(segments) > 2
    assert not list((tmp_path / "parts").glob("gen-*/*.tmp*"))  # each part's temporary folder is gone
    queries = [q for q, _, _ in CASES] + ["", 'province:"Yên Bái"', '"thi đua"']
    for q in queries:
        a, b = search(tmp_path / "serial", q, facets=True), search(tmp_path / "parts", q, facets=True)
        assert (b.total, [h.document_id for h in b.hits], b.facets) == (a.total, [h.document_id for h in a.hits], a.facets), q
    vocab = json.loads(next((tmp_path / "parts").glob("gen-*/facets.json")).read_text())
    assert vocab == json.loads(next((tmp_path / "serial").glob("gen-*/facets.json")).read_text())


def test_searches_in_other_threads_survive_rebuilds(tmp_path: Path, engine: str) -> None:
    """A rebuild retires the old reader; a search holding it finishes, one arriving late reopens."""
    import threading

    store_corpus(tmp_path / "khoi.db", CORPUS)
    db = open_db(tmp_path / "khoi.db")
    build_index(db, tmp_path / "khoi.index", engine=engine, progress=False)
    expected = search(tmp_path / "khoi.index", "thi đua").total
    errors: list[str] = []
    totals: set[int] = set()
    stop = threading.Event()

    def searching() -> None:
        while not stop.is_set():
            try:
                totals.add(search(tmp_path / "khoi.index", "thi đua").total)
            except Exception as exc:  # noqa: BLE001 - any failure is what the test is about
                errors.append(repr(exc))

    threads = [threading.Thread(target=searching) for _ in range(4)]
    for t in threads:
        t.start()
    try:
        for _ in range(6):
            build_index(db, tmp_path / "khoi.index", engine=engine, rebuild=True, progress=False)
    finally:
        stop.set()
        for t in threads:
            t.join()
        close_readers()
    assert errors == []  # before readers were retired under their lock: ReaderClosed() with Whoosh
    assert totals == {expected}
