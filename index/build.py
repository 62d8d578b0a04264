"""Build the index from the store: full rebuild or incremental update, one writer at a time.

Layout of an index folder::

    khoi.index/
      index.json        engine, current generation, analysis version (replaced atomically)
      write.lock        held (flock) by the one process writing
      gen-<n>/          the engine's files, manifest.json {doc id: fingerprint}, facets.json

A rebuild writes a new generation beside the current one and switches ``index.json`` only
when it is complete, so readers never see a half-built index and a crash leaves the old one
in place. An update writes into the current generation through the engine's own commit.
"""

from __future__ import annotations

import fcntl
import functools
import json
import os
import shutil
import sys
import time
from collections import deque
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from index.engines.base import get_engine
from index.errors import IndexLockedError, IndexMissingError
from index.schema import FACETS
from index.source import iter_index_docs, iter_raw_batches, to_index_doc
from store.index_source import fingerprints

META_FILE = "index.json"
LOCK_FILE = "write.lock"
MANIFEST = "manifest.json"
VOCAB = "facets.json"
FORMAT_VERSION = 1
# Bump when index.analysis or the fields change: the next `khoi index` then rebuilds.
ANALYSIS_VERSION = "2"
COMMIT_EVERY = 20_000  # documents per commit in an update, so a long run keeps its progress
# Analysis is the costliest step (~1.5 ms per 2.5 KB article); above this many documents it runs
# in worker processes while this one feeds the engine.
PARALLEL_MIN_DOCS = 2_000
IN_FLIGHT = 8  # analysis batches (of index.source.BATCH documents) queued ahead of the writer
# Largest part of a rebuild written by one worker (Engine.write_part): the worker holds a part's
# postings in memory until it writes them, and each part is a Whoosh segment a query reads.
PART_DOCS = 25_000


@dataclass
class BuildReport:
    """What one build did."""

    index_dir: Path
    engine: str
    mode: str  # "rebuild" | "update"
    indexed: int = 0
    deleted: int = 0
    unchanged: int = 0
    total: int = 0
    seconds: float = 0.0
    notes: list[str] = field(default_factory=list)

    def summary(self) -> str:
        """Return a one-line human summary."""
        rate = f", {self.indexed / self.seconds:,.0f} docs/s" if self.seconds > 0 and self.indexed else ""
        notes = f" ({'; '.join(self.notes)})" if self.notes else ""
        return (
            f"index {self.mode} [{self.engine}] {self.index_dir}: {self.indexed} indexed, {self.deleted} deleted, "
            f"{self.unchanged} unchanged, {self.total} in index, {self.seconds:.1f}s{rate}{notes}"
        )


def read_meta(index_dir: Path) -> dict[str, Any]:
    """Return index.json; IndexMissingError when there is no usable index at ``index_dir``."""
    path = Path(index_dir) / META_FILE
    try:
        meta = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise IndexMissingError(f"{index_dir}: no search index here; run `khoi index` first") from None
    except (OSError, ValueError) as exc:
        raise IndexMissingError(f"{index_dir}: unreadable index ({exc}); run `khoi index --rebuild`") from exc
    if not isinstance(meta, dict) or "engine" not in meta or "generation" not in meta:
        raise IndexMissingError(f"{index_dir}: incomplete index.json; run `khoi index --rebuild`")
    return meta


def generation_dir(index_dir: Path, meta: dict[str, Any]) -> Path:
    """Return the folder of the current generation."""
    return Path(index_dir) / str(meta["generation"])


def _write_json(path: Path, data: Any) -> None:
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    tmp.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    os.replace(tmp, path)


@contextmanager
def write_lock(index_dir: Path, wait: float = 0.0) -> Iterator[None]:
    """Hold the index's write lock; IndexLockedError if another process keeps it longer than ``wait`` s."""
    index_dir.mkdir(parents=True, exist_ok=True)
    handle = open(index_dir / LOCK_FILE, "a+")  # noqa: SIM115 - closed in finally
    try:
        deadline = time.monotonic() + wait
        while True:
            try:
                fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise IndexLockedError(
                        f"{index_dir}: another process is writing this index; "
                        "wait for it to finish and run `khoi index` again"
                    ) from None
                time.sleep(0.1)
        try:
            yield
        finally:
            fcntl.flock(handle.fileno(), fcntl.LOCK_UN)
    finally:
        handle.close()


def build_index(
    db: Database,
    index_dir: Path,
    *,
    engine: str = "whoosh",
    rebuild: bool = False,
    progress: bool = True,
    wait: float = 0.0,
) -> BuildReport:
    """Rebuild the index from the store, or update it with documents added or re-extracted since the last build.

    Switching engine or analysis version forces a rebuild. Another writer holding the
    index makes this raise IndexLockedError (after waiting up to ``wait`` seconds).
    """
    index_dir = Path(index_dir)
    backend = get_engine(engine)
    started = time.perf_counter()
    with write_lock(index_dir, wait):
        report = BuildReport(index_dir=index_dir, engine=engine, mode="update")
        try:
            meta: dict[str, Any] | None = read_meta(index_dir)
        except IndexMissingError:
            meta = None
        if meta is None:
            rebuild = True
        elif meta.get("engine") != engine:
            report.notes.append(f"engine changed from {meta.get('engine')} to {engine}")
            rebuild = True
        elif meta.get("analysis_version") != ANALYSIS_VERSION or meta.get("format") != FORMAT_VERSION:
            report.notes.append("analysis changed")
            rebuild = True
        current = fingerprints(db)
        if rebuild:
            report.mode = "rebuild"
            _rebuild(db, index_dir, backend, current, meta, report, progress)
        else:
            assert meta is not None
            _update(db, index_dir, backend, current, meta, report, progress)
    report.seconds = time.perf_counter() - started
    return report


def _rebuild(
    db: Database,
    index_dir: Path,
    backend: Any,
    current: dict[int, str],
    old_meta: dict[str, Any] | None,
    report: BuildReport,
    progress: bool,
) -> None:
    gen = f"gen-{time.time_ns()}"
    gen_dir = index_dir / gen
    backend.create(gen_dir)
    vocab: dict[str, set[str]] = {name: set() for name in FACETS}
    ids = sorted(current)
    if backend.writes_parts and len(ids) >= PARALLEL_MIN_DOCS and _workers() >= 2:
        try:
            report.indexed = _write_parts(db, gen_dir, ids, backend, vocab, progress)
        except BaseException:
            shutil.rmtree(gen_dir, ignore_errors=True)
            raise
    else:
        writer = backend.writer(gen_dir, fresh=True)
        try:
            for doc in _progress(_analyzed(db, ids, backend), len(ids), progress, "index"):
                writer.upsert(doc)
                _add_vocab(vocab, doc.facets)
                report.indexed += 1
            writer.commit()
        except BaseException:
            writer.cancel()
            shutil.rmtree(gen_dir, ignore_errors=True)
            raise
    _write_json(gen_dir / MANIFEST, {str(k): v for k, v in current.items()})
    _write_json(gen_dir / VOCAB, {k: sorted(v) for k, v in vocab.items()})
    now = datetime.now(UTC).replace(microsecond=0).isoformat()
    meta = {
        "format": FORMAT_VERSION,
        "engine": backend.name,
        "generation": gen,
        "analysis_version": ANALYSIS_VERSION,
        "built_at": now,
        "updated_at": now,
    }
    _write_json(index_dir / META_FILE, meta)
    report.total = len(current)
    previous = old_meta.get("generation") if old_meta else None
    _remove_old_generations(index_dir, keep={gen, str(previous)} if previous else {gen})


def _remove_old_generations(index_dir: Path, keep: set[str]) -> None:
    """Delete generations older than the previous one (a reader may still have the previous open)."""
    for child in index_dir.iterdir():
        if child.is_dir() and child.name.startswith("gen-") and child.name not in keep:
            shutil.rmtree(child, ignore_errors=True)


def _update(
    db: Database,
    index_dir: Path,
    backend: Any,
    current: dict[int, str],
    meta: dict[str, Any],
    report: BuildReport,
    progress: bool,
) -> None:
    gen_dir = generation_dir(index_dir, meta)
    manifest = _read_json(gen_dir / MANIFEST, {})
    old = {int(k): v for k, v in manifest.items()}
    changed = sorted(i for i, fp in current.items() if old.get(i) != fp)
    removed = sorted(i for i in old if i not in current)
    report.unchanged = len(current) - len(changed)
    report.total = len(current)
    if not changed and not removed:
        return
    vocab = {k: set(v) for k, v in _read_json(gen_dir / VOCAB, {}).items()}
    for name in FACETS:
        vocab.setdefault(name, set())
    done: dict[int, str] = dict(old)
    writer = backend.writer(gen_dir)
    pending = 0
    try:
        for doc_id in removed:
            writer.delete(doc_id)
            done.pop(doc_id, None)
            report.deleted += 1
        for doc in _progress(_analyzed(db, changed, backend), len(changed), progress, "update"):
            writer.upsert(doc)
            _add_vocab(vocab, doc.facets)
            done[doc.doc_id] = current[doc.doc_id]
            report.indexed += 1
            pending += 1
            if pending >= COMMIT_EVERY:
                writer.commit()
                _save_state(gen_dir, done, vocab)
                writer = backend.writer(gen_dir)
                pending = 0
        writer.commit()
    except BaseException:
        writer.cancel()
        raise
    _save_state(gen_dir, done, vocab)
    meta["updated_at"] = datetime.now(UTC).replace(microsecond=0).isoformat()
    _write_json(index_dir / META_FILE, meta)


def _workers() -> int:
    return min(2, os.cpu_count() or 1)


def _part_sizes(n: int, workers: int) -> list[int]:
    """Split ``n`` documents into equal parts, a multiple of ``workers`` of them, none over PART_DOCS."""
    parts = workers * -(-n // (workers * PART_DOCS))
    return [n // parts + (1 if i < n % parts else 0) for i in range(parts)]


def _write_part(engine: str, gen_dir: Path, rows: list[dict[str, Any]]) -> tuple[Any, dict[str, set[str]], int]:
    """In a worker: analyse ``rows`` and write them as one part; return the part, its facet values and its size."""
    vocab: dict[str, set[str]] = {}

    def docs() -> Iterator[Any]:
        for row in rows:
            doc = to_index_doc(row)
            _add_vocab(vocab, doc.facets)
            yield doc

    part = get_engine(engine).write_part(gen_dir, docs())
    return part, vocab, len(rows)


def _write_parts(
    db: Database, gen_dir: Path, ids: list[int], backend: Any, vocab: dict[str, set[str]], progress: bool
) -> int:
    """Rebuild in parts, one per worker task (Engine.write_part), then join them; return the documents written."""
    import multiprocessing

    from index.analysis import _compounds

    _compounds()  # load the word list once, before forking
    workers = _workers()
    chunks: list[list[int]] = []
    start = 0
    for size in _part_sizes(len(ids), workers):
        chunks.append(ids[start : start + size])
        start += size

    def tasks() -> Iterator[tuple[str, Path, list[dict[str, Any]]]]:
        for chunk in chunks:
            rows = [row for batch in iter_raw_batches(db, chunk) for row in batch]
            yield backend.name, gen_dir, rows

    parts: list[Any] = []
    written = 0
    bar = _progress_bar(len(ids), progress, "index")
    # One task per part, no more than ``workers`` parts' rows read ahead (starmap would read all).
    with multiprocessing.get_context("fork").Pool(workers, maxtasksperchild=1) as pool:
        pending: deque[Any] = deque()
        for task in tasks():
            pending.append(pool.apply_async(_write_part, task))
            if len(pending) >= workers:
                written += _collect(pending.popleft().get(), parts, vocab, bar)
        while pending:
            written += _collect(pending.popleft().get(), parts, vocab, bar)
    if bar is not None:
        bar.close()
    backend.join_parts(gen_dir, parts)
    return written


def _collect(result: tuple[Any, dict[str, set[str]], int], parts: list[Any], vocab: dict[str, set[str]], bar: Any) -> int:
    part, part_vocab, n = result
    parts.append(part)
    for name, values in part_vocab.items():
        vocab.setdefault(name, set()).update(values)
    if bar is not None:
        bar.update(n)
    return n


def _analyze_batch(engine: str, rows: list[dict[str, Any]]) -> list[Any]:
    prepare = get_engine(engine).prepare
    return [prepare(to_index_doc(row)) for row in rows]


def _analyzed(db: Database, ids: list[int], backend: Any) -> Iterator[Any]:
    """Yield IndexDocs for ``ids`` in order (``backend.prepare``d), analysed in worker processes when there are many."""
    workers = _workers()
    if len(ids) < PARALLEL_MIN_DOCS or workers < 2:
        yield from map(backend.prepare, iter_index_docs(db, ids))
        return
    import multiprocessing

    from index.analysis import _compounds

    _compounds()  # load the word list once, before forking
    work = functools.partial(_analyze_batch, backend.name)
    # At most IN_FLIGHT batches are queued or waiting: Pool.imap would read and analyse the whole
    # store ahead of a slower writer (e.g. while it writes a segment) and hold it all in memory.
    pending: deque[Any] = deque()
    with multiprocessing.get_context("fork").Pool(workers) as pool:
        for rows in iter_raw_batches(db, ids):
            pending.append(pool.apply_async(work, (rows,)))
            if len(pending) >= IN_FLIGHT:
                yield from pending.popleft().get()
        while pending:
            yield from pending.popleft().get()


def _save_state(gen_dir: Path, done: dict[int, str], vocab: dict[str, set[str]]) -> None:
    _write_json(gen_dir / MANIFEST, {str(k): v for k, v in done.items()})
    _write_json(gen_dir / VOCAB, {k: sorted(v) for k, v in vocab.items()})


def _read_json(path: Path, default: Any) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return default


def _add_vocab(vocab: dict[str, set[str]], facets: dict[str, list[str]]) -> None:
    for name, values in facets.items():
        vocab.setdefault(name, set()).update(values)


def _progress_bar(total: int, enabled: bool, label: str) -> Any:
    if not enabled or total == 0:
        return None
    from tqdm import tqdm

    return tqdm(total=total, desc=label, unit="doc", file=sys.stderr, leave=False)


def _progress(items: Iterator[Any], total: int, enabled: bool, label: str) -> Iterator[Any]:
    if not enabled or total == 0:
        return items
    from tqdm import tqdm

    return iter(tqdm(items, total=total, desc=label, unit="doc", file=sys.stderr, leave=False))
