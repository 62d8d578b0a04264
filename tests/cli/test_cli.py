"""The `khoi` CLI: help everywhere, clean errors, and the whole pipeline on the bundled articles."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from khoi.cli import cli

COMMANDS = sorted(cli.commands)


def run(*args: str, env: dict[str, str] | None = None):
    return CliRunner().invoke(cli, list(args), env=env, catch_exceptions=False)


def test_every_command_has_help_with_an_example() -> None:
    assert {"ingest", "extract", "index", "search", "serve", "predict", "demo", "crawl", "export"} <= set(COMMANDS)
    top = run("--help")
    assert top.exit_code == 0
    for name in COMMANDS:
        result = run(name, "--help")
        assert result.exit_code == 0, result.output
        assert "Example:" in result.output, name


def test_ingest_missing_file_is_a_clean_error(db_path: Path) -> None:
    result = run("ingest", "no/such/file.txt", "--db", str(db_path))
    assert result.exit_code == 1
    assert "Error: no/such/file.txt: no such file or folder" in result.output
    assert "Traceback" not in result.output


def test_ingest_binary_file_is_reported_and_others_still_stored(tmp_path: Path, db_path: Path, samples_dir: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(next(samples_dir.glob("*.txt")), folder / "good.txt")
    (folder / "bad.txt").write_bytes(bytes(range(256)) * 20)
    result = run("ingest", str(folder), "--db", str(db_path))
    assert result.exit_code == 1
    assert "bad.txt: does not look like text" in result.output
    assert "1 new" in result.output


def test_ingest_bad_jsonl_names_the_line(tmp_path: Path, db_path: Path) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "a", "text": "Khối thi đua"}\n{not json}\n', encoding="utf-8")
    result = run("ingest", str(bad), "--db", str(db_path))
    assert result.exit_code == 1
    assert "bad.jsonl:2: not valid JSON" in result.output


def test_jsonl_keeps_id_and_url(tmp_path: Path, db_path: Path) -> None:
    from store.db import open_db

    src = tmp_path / "a.jsonl"
    line = {"id": "dev-9", "url": "https://example.gov.vn/bai-viet/1", "title": "T", "text": "Khối thi đua số 3 họp."}
    src.write_text(json.dumps(line, ensure_ascii=False) + "\n", encoding="utf-8")
    assert run("ingest", str(src), "--db", str(db_path)).exit_code == 0
    row = next(open_db(db_path)["documents"].rows)
    assert (row["external_id"], row["url"]) == ("dev-9", "https://example.gov.vn/bai-viet/1")


def test_corrupt_database_is_a_clean_error(tmp_path: Path, samples_dir: Path) -> None:
    broken = tmp_path / "broken.db"
    broken.write_bytes(b"garbage" * 1000)
    result = run("ingest", str(samples_dir), "--db", str(broken))
    assert result.exit_code == 1
    assert "not a valid khoi database" in result.output
    assert "Traceback" not in result.output


def test_predict_missing_file_is_a_usage_error() -> None:
    result = run("predict", "nope.jsonl")
    assert result.exit_code == 2
    assert "does not exist" in result.output


def test_search_without_index_says_to_build_it(tmp_path: Path, db_path: Path) -> None:
    result = run("search", "chi thi 34", "--db", str(db_path), "--index", str(tmp_path / "none.index"))
    assert result.exit_code == 1
    assert "khoi index" in result.output


@pytest.fixture(scope="module")
def pipeline(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """The bundled samples ingested, extracted and indexed once for the end-to-end tests."""
    from tests.conftest import SAMPLES

    base = tmp_path_factory.mktemp("e2e")
    env = {"KHOI_DB": str(base / "khoi.db"), "KHOI_INDEX": str(base / "khoi.index")}
    first = run("ingest", str(SAMPLES), env=env)
    assert first.exit_code == 0, first.output
    assert "5 new" in first.output
    assert run("extract", "--silent", env=env).exit_code == 0
    result = run("index", "--silent", env=env)
    assert result.exit_code == 0, result.output
    return env


def test_reingesting_the_samples_changes_nothing(pipeline: dict[str, str]) -> None:
    from tests.conftest import SAMPLES

    again = run("ingest", str(SAMPLES), env=pipeline)
    assert again.exit_code == 0
    assert "0 new" in again.output and "5 unchanged" in again.output


def test_extraction_stores_facts_with_evidence(pipeline: dict[str, str]) -> None:
    from store.db import open_db

    db = open_db(pipeline["KHOI_DB"])
    assert db["meetings"].count == 5
    assert db.execute("SELECT count(*) FROM meetings WHERE relevant = 1").fetchone()[0] >= 4
    directives = {r["canonical"] for r in db["directives"].rows}
    assert any(c.startswith("34") for c in directives)
    for table in ("leaders", "directives", "people"):
        for row in db[table].rows:
            text = db["documents"].get(row["document_id"])["text"]
            assert 0 <= row["start"] < row["end"] <= len(text), (table, row)


@pytest.mark.parametrize(
    ("query", "must_find"),
    [
        ("chi thi 34", "34-CT/TW"),
        ("thi dua cao bang", "Cao Bằng"),
        ("Chỉ thị số 34-CT/TW", "34-CT/TW"),
    ],
)
def test_accentless_search_finds_the_samples(pipeline: dict[str, str], query: str, must_find: str) -> None:
    from store.db import open_db
    from store.vntext import fold_key

    result = run("search", query, "--json", env=pipeline)
    assert result.exit_code == 0, result.output
    hits = [json.loads(line) for line in result.output.splitlines() if line.startswith("{")]
    assert hits, result.output
    db = open_db(pipeline["KHOI_DB"])
    texts = [fold_key(db["documents"].get(h["document_id"])["text"]) for h in hits]
    assert any(fold_key(must_find) in t for t in texts[:3])
    assert all(h["url"] for h in hits)


def test_predict_bad_line_names_file_and_line(tmp_path: Path) -> None:
    bad = tmp_path / "in.jsonl"
    bad.write_text('{"id": "a", "text": "Khối thi đua số 3"}\n[1, 2]\n', encoding="utf-8")
    result = run("predict", str(bad))
    assert result.exit_code == 1
    assert f"Error: {bad}: line 2:" in result.output


def test_predict_prints_one_format_line_per_article(tmp_path: Path, samples_dir: Path) -> None:
    src = tmp_path / "in.jsonl"
    lines = [
        {"id": f"s{n}", "url": None, "title": None, "text": p.read_text(encoding="utf-8")}
        for n, p in enumerate(sorted(samples_dir.glob("*.txt")))
    ]
    src.write_text("\n".join(json.dumps(x, ensure_ascii=False) for x in lines) + "\n", encoding="utf-8")
    result = run("predict", str(src))
    assert result.exit_code == 0, result.output
    preds = [json.loads(x) for x in result.output.splitlines()]
    assert [p["id"] for p in preds] == [x["id"] for x in lines]
    assert all(set(p["pred"]) >= {"relevant", "bloc", "leaders", "directives", "awards"} for p in preds)


def test_plain_text_title_skips_page_chrome(db_path: Path, samples_dir: Path) -> None:
    from store.db import open_db

    sample = samples_dir / "001_edac852109de44a1.txt"
    assert sample.read_text(encoding="utf-8").startswith("Thông tin mới nhất")  # a portal widget heading
    assert run("ingest", str(sample), "--db", str(db_path)).exit_code == 0
    title = next(open_db(db_path)["documents"].rows)["title"]
    assert title.startswith("Khối thi đua các cơ quan tham mưu tổng hợp sơ kết")


def test_locked_index_is_a_clean_error(pipeline: dict[str, str]) -> None:
    from index.build import write_lock

    with write_lock(Path(pipeline["KHOI_INDEX"])):
        result = run("index", "--silent", env=pipeline)
    assert result.exit_code == 1
    assert result.output.startswith("Error:") and "another process" in result.output
    assert "Traceback" not in result.output


def test_demo_builds_everything_without_serving(tmp_path: Path) -> None:
    env = {"KHOI_DB": str(tmp_path / "demo.db"), "KHOI_INDEX": str(tmp_path / "demo.index")}
    result = run("demo", "--no-serve", env=env)
    assert result.exit_code == 0, result.output
    assert "5 new" in result.output and "extracted 5 documents" in result.output
    hits = run("search", "thi dua cao bang", "--json", env=env)
    assert hits.exit_code == 0 and hits.output.strip(), hits.output
