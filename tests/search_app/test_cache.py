"""The app's result cache: expiry, size bound, one computation per key under concurrency."""

from __future__ import annotations

import threading
import time

import pytest

from search_app.cache import TTLCache


def test_cache_returns_stored_value_until_it_expires() -> None:
    cache = TTLCache(size=4, ttl=0.05)
    calls: list[int] = []
    assert cache.get_or_compute("k", lambda: calls.append(1) or 1) == 1
    assert cache.get_or_compute("k", lambda: calls.append(2) or 2) == 1
    time.sleep(0.06)
    assert cache.get_or_compute("k", lambda: calls.append(3) or 3) == 3
    assert calls == [1, 3]


def test_cache_drops_least_recently_used_beyond_size() -> None:
    cache = TTLCache(size=2, ttl=60)
    for k in ("a", "b", "c"):
        cache.get_or_compute(k, lambda k=k: k)
    assert cache.get_or_compute("a", lambda: "again") == "again"


def test_concurrent_misses_compute_once() -> None:
    cache = TTLCache(size=4, ttl=60)
    calls: list[int] = []

    def slow() -> int:
        calls.append(1)
        time.sleep(0.1)
        return 42

    results: list[int] = []
    threads = [threading.Thread(target=lambda: results.append(cache.get_or_compute("k", slow))) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert results == [42] * 8 and len(calls) == 1


def test_errors_are_not_cached() -> None:
    cache = TTLCache(size=4, ttl=60)

    def boom() -> int:
        raise ValueError("x")

    with pytest.raises(ValueError):
        cache.get_or_compute("k", boom)
    assert cache.get_or_compute("k", lambda: 7) == 7
