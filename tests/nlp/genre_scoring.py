"""Score ``khoi predict`` on a gold file with the shared scorer (../shared/eval/score.py).

Used by the quality gates: the dev set and the held-out sets in tests/fixtures/genre/.
Tests that need the scorer skip cleanly when ../shared/eval is not beside the checkout.
"""

from __future__ import annotations

import importlib.util
import json
from functools import cache
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from nlp.predict import predict_lines

EVAL_DIR = Path(__file__).resolve().parents[3] / "shared" / "eval"
GENRE_DIR = Path(__file__).resolve().parents[1] / "fixtures" / "genre"


def scorer() -> ModuleType:
    """Return the shared scorer module, or skip the calling test when it is not there."""
    path = EVAL_DIR / "score.py"
    if not path.exists():
        pytest.skip(f"{EVAL_DIR} not present (the shared scorer lives outside the repo)")
    return _load_scorer(path)


@cache
def _load_scorer(path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location("khoi_eval_score", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def figures(gold_path: Path) -> dict[str, Any]:
    """Return {"f1": field -> F1, "macro": macro F1, "per_doc": misses per article} for ``gold_path``."""
    if not gold_path.exists():
        pytest.skip(f"{gold_path} not present")
    return _figures(gold_path, scorer())


@cache
def _figures(gold_path: Path, score: ModuleType) -> dict[str, Any]:
    with gold_path.open(encoding="utf-8") as fh:
        preds = [json.loads(line) for line in predict_lines(fh)]
    gold = score.load(str(gold_path), "gold")
    tallies, per_doc = score.score(gold, {str(p["id"]): p["pred"] for p in preds})
    f1 = {f: tallies[f].prf()[2] for f in score.FIELDS}
    return {"f1": f1, "macro": sum(f1.values()) / len(f1), "per_doc": per_doc}
