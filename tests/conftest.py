"""Shared fixtures: a migrated store, the bundled sample articles, a temp index folder."""

from __future__ import annotations

from pathlib import Path

import pytest

from store.db import open_db

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "data" / "samples"
SHARED_EVAL = ROOT.parent / "shared" / "eval"


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "khoi.db"


@pytest.fixture
def db(db_path: Path):
    database = open_db(db_path)
    yield database
    database.close()


@pytest.fixture
def index_dir(tmp_path: Path) -> Path:
    return tmp_path / "khoi.index"


@pytest.fixture
def samples_dir() -> Path:
    return SAMPLES
