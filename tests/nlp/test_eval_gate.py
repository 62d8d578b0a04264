"""Quality gate: predictions over the shared dev set must stay above the floors in eval_floors.json."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.nlp.genre_scoring import EVAL_DIR, figures

FLOORS = json.loads((Path(__file__).with_name("eval_floors.json")).read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def dev() -> dict:
    return figures(EVAL_DIR / "dev.gold.jsonl")


def test_macro_f1_above_floor(dev):
    assert dev["macro"] >= FLOORS["macro_f1"], dev["f1"]


def test_no_field_below_floor(dev):
    low = {f: v for f, v in dev["f1"].items() if v < FLOORS["min_field_f1"]}
    assert not low


@pytest.mark.parametrize("field", sorted(FLOORS["fields"]))
def test_field_floor(dev, field):
    assert dev["f1"][field] >= FLOORS["fields"][field]
