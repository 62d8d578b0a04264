"""A small thread-safe LRU cache with a time limit, for search results and other repeated reads.

Entries are keyed by the caller together with the index's version stamp, so a rebuilt or
updated index is never answered from old results; the time limit bounds any other staleness.
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Hashable
from pathlib import Path
from typing import Any

INDEX_META = "index.json"  # rewritten by index.build on every rebuild/update


class TTLCache:
    """Least-recently-used cache of at most ``size`` entries, each valid ``ttl`` seconds."""

    def __init__(self, size: int = 512, ttl: float = 60.0) -> None:
        self.size = size
        self.ttl = ttl
        self._data: OrderedDict[Hashable, tuple[float, Any]] = OrderedDict()
        self._lock = threading.Lock()
        self._pending: dict[Hashable, threading.Event] = {}
        self.hits = 0
        self.misses = 0

    def get(self, key: Hashable) -> Any | None:
        """Return the cached value of ``key``, or None when absent or expired (nothing is computed)."""
        with self._lock:
            entry = self._data.get(key)
            if entry is None or entry[0] <= time.monotonic():
                return None
            self._data.move_to_end(key)
            self.hits += 1
            return entry[1]

    def put(self, key: Hashable, value: Any) -> None:
        """Store ``value`` under ``key``, dropping the least recently used entries beyond ``size``."""
        with self._lock:
            self._data[key] = (time.monotonic() + self.ttl, value)
            self._data.move_to_end(key)
            while len(self._data) > self.size:
                self._data.popitem(last=False)

    def get_or_compute(self, key: Hashable, compute: Callable[[], Any]) -> Any:
        """Return the cached value of ``key``, computing and storing it when absent.

        Concurrent misses of one key compute it once (the others wait for that result);
        exceptions are not cached, and a waiter whose leader failed computes for itself.
        """
        while True:
            with self._lock:
                entry = self._data.get(key)
                if entry is not None and entry[0] > time.monotonic():
                    self._data.move_to_end(key)
                    self.hits += 1
                    return entry[1]
                pending = self._pending.get(key)
                if pending is None:
                    pending = self._pending[key] = threading.Event()
                    self.misses += 1
                    break
            pending.wait(timeout=30)
            with self._lock:
                entry = self._data.get(key)
                if entry is not None:
                    self.hits += 1
                    return entry[1]
                if key in self._pending:
                    continue
            return compute()
        try:
            value = compute()
            self.put(key, value)
            return value
        finally:
            with self._lock:
                self._pending.pop(key, None)
            pending.set()


def index_stamp(index_dir: Path) -> tuple[int, int, int]:
    """Return a value that changes whenever the index is rebuilt or updated (zeros when absent).

    index.json is replaced atomically (a new file) at the end of every build, so its inode
    changes even where the file system's mtime is coarse.
    """
    try:
        st = (Path(index_dir) / INDEX_META).stat()
    except OSError:
        return 0, 0, 0
    return st.st_mtime_ns, st.st_ino, st.st_size


def db_stamp(db_path: Path) -> tuple[int, int, int, int]:
    """Return a value that changes whenever the SQLite database (or its WAL) is written.

    An empty WAL counts as no WAL: the first reader creates one, which changes nothing.
    """
    out: list[int] = []
    for path in (Path(db_path), Path(f"{db_path}-wal")):
        try:
            st = path.stat()
        except OSError:
            out += [0, 0]
            continue
        out += [st.st_mtime_ns, st.st_size] if st.st_size else [0, 0]
    return out[0], out[1], out[2], out[3]
