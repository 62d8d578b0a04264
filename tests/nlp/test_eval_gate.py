"""Quality gate: predictions over the shared dev set must stay above the floors in eval_floors.json."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from nlp.predict import predict_lines

EVAL_DIR = Path(__file__).resolve().parents[3] / "shared" / "eval"
FLOORS = json.loads((Path(__file__).with_name("eval_floors.json")).read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def figures() -> dict:
    gold_path = EVAL_DIR / "dev.gold.jsonl"
    if not gold_path.exists() or not (EVAL_DIR / "score.py").exists():
        pytest.skip(f"{EVAL_DIR} not present (the shared evaluation set lives outside the repo)")
    spec = importlib.util.spec_from_file_location("khoi_eval_score", EVAL_DIR / "score.py")
    assert spec and spec.loader
    score = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(score)
    with gold_path.open(encoding="utf-8") as fh:
        preds = [json.loads(line) for line in predict_lines(fh)]
    gold = score.load(str(gold_path), "gold")
    tallies, _ = score.score(gold, {str(p["id"]): p["pred"] for p in preds})
    f1 = {f: tallies[f].prf()[2] for f in score.FIELDS}
    return {"f1": f1, "macro": sum(f1.values()) / len(f1)}


def test_macro_f1_above_floor(figures):
    assert figures["macro"] >= FLOORS["macro_f1"], figures["f1"]


def test_no_field_below_floor(figures):
    low = {f: v for f, v in figures["f1"].items() if v < FLOORS["min_field_f1"]}
    assert not low


@pytest.mark.parametrize("field", sorted(FLOORS["fields"]))
def test_field_floor(figures, field):
    assert figures["f1"][field] >= FLOORS["fields"][field]
