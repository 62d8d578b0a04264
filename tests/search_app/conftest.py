"""Fixtures for search_app tests: the fixture archive (store + index) and an in-process client."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from search_app.app import create_app
from store.db import open_db
from tests.search_app.fixture_data import build_fixture_db


@dataclass
class Archive:
    db_path: Path
    index_dir: Path
    ids: dict[str, int]


def build_archive(root: Path) -> Archive:
    """Build the fixture store and its search index under ``root``."""
    from index import build_index

    db_path = root / "khoi.db"
    index_dir = root / "khoi.index"
    ids = build_fixture_db(db_path)
    db = open_db(db_path)
    build_index(db, index_dir, progress=False)
    db.conn.close()
    return Archive(db_path, index_dir, ids)


@pytest.fixture(scope="session")
def archive(tmp_path_factory: pytest.TempPathFactory) -> Archive:
    return build_archive(tmp_path_factory.mktemp("search_app"))


@pytest.fixture(scope="session")
def client(archive: Archive) -> Iterator[TestClient]:
    with TestClient(create_app(archive.db_path, archive.index_dir)) as c:
        yield c
