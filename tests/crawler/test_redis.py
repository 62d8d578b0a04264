"""Distributed mode: two crawler processes share one Redis frontier against one mock portal."""

from __future__ import annotations

import shutil
import socket
import sqlite3
import subprocess
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.crawler.mockportal import Portals
from tests.crawler.test_crawl import _start_child, found_keys

pytestmark = pytest.mark.redis


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def redis_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    binary = shutil.which("redis-server")
    if binary is None:
        pytest.skip("redis-server not installed (apt-get install redis-server; `make test` does it)")
    port = _free_port()
    workdir = tmp_path_factory.mktemp("redis")
    proc = subprocess.Popen([binary, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
                             "--dir", str(workdir)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            break
        except OSError:
            time.sleep(0.05)
    else:
        proc.kill()
        pytest.fail("redis-server did not start")
    yield f"redis://127.0.0.1:{port}/0"
    proc.terminate()
    proc.wait(timeout=10)


def test_two_processes_share_the_frontier(portals: Portals, registry: Path, redis_url: str, tmp_path: Path) -> None:
    db = tmp_path / "shared.db"
    env = {"KHOI_REDIS_URL": redis_url, "KHOI_CRAWL_RUN": uuid.uuid4().hex}
    site = portals.sites["wp"]
    site.clear_log()
    children = [_start_child(db, registry, ["--site", "wp"], env=env) for _ in range(2)]
    for child in children:
        assert child.wait(timeout=120) == 0
    relevant_here = {k for k, urls in portals.relevant.items() if any(u.startswith(site.base) for u in urls)}
    found = found_keys(portals, db)
    assert relevant_here <= set(found), sorted(relevant_here - set(found))
    assert all(len(ids) == 1 for ids in found.values())
    con = sqlite3.connect(db)
    n_docs = con.execute("SELECT count(*) FROM documents").fetchone()[0]
    assert n_docs == len({i for ids in found.values() for i in ids})
    # each article page was downloaded once in all (the frontier and dupefilter are shared)
    article_paths = [p for p, _, status in site.log if status == 200 and p.startswith("/2023/")]
    assert len(article_paths) == len(set(article_paths)), article_paths
