"""Measure rules against underthesea per field: ``.venv/bin/python tools/measure_rules_vs_underthesea.py``.

Runs on the dev set (../shared/eval, not in the repo; the rules were tuned on it) and on every
held-out set in tests/fixtures/genre/ (fairer to the models: written apart from the rules).

province: gazetteer + portal rules vs underthesea ``ner`` LOC entities of the first 8 sentences.
bloc: the rule-based name cutter vs underthesea ``pos_tag`` (the name ends at the first verb,
preposition or punctuation after "Khối/Cụm thi đua").
people: the honorific/title rules alone vs the rules plus underthesea ``ner`` PER entities in
sentences with an honorific cue (people F1 and people+title F1 from the shared scorer).
"""

from __future__ import annotations

import importlib.util
import json
import re
import sys
import time
from collections import Counter
from pathlib import Path

from underthesea import ner, pos_tag

from nlp import extract
from nlp.blocs import choose_bloc, find_mentions
from nlp.folding import fold_aligned, fold_word
from nlp.people import extract_people
from nlp.places import province_by_folded
from nlp.prepare import prepare
from nlp.provinces import find_province

EVAL = Path(__file__).resolve().parents[2] / "shared" / "eval"
GENRE = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "genre"


def _score_module():
    spec = importlib.util.spec_from_file_location("score", EVAL / "score.py")
    mod = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    spec.loader.exec_module(mod)  # type: ignore[union-attr]
    return mod


def _ner_province(doc) -> str | None:
    votes: Counter[str] = Counter()
    for sent in doc.sentences[:8]:
        words: list[str] = []
        for w, _pos, _chunk, tag in [*ner(sent.text), ("", "", "", "O")]:
            if tag.endswith("LOC") and not (tag.startswith("B") and words):
                words.append(w)
                continue
            if words:
                key = re.sub(r"^(?:tinh|thanh pho|tp\.?)\s+", "", fold_word(" ".join(words)))
                if key in province_by_folded():
                    votes[province_by_folded()[key].short] += 1
            words = [w] if tag.endswith("LOC") else []
    return votes.most_common(1)[0][0] if votes else None


def _pos_bloc(doc) -> str | None:
    names: Counter[str] = Counter()
    for sent in doc.sentences:
        for m in re.finditer(r"(?:khoi|cum) thi dua", fold_aligned(sent.text)):
            out: list[str] = []
            for w, tag in pos_tag(sent.text[m.start() : m.start() + 200]):
                if len(out) >= 3 and tag in ("V", "CH", "E") and w not in ("-", "–"):
                    break
                out.append(w)
            names[" ".join(out)] += 1
    return max(names, key=lambda k: (names[k], len(k))) if names else None


def _single_fields(score, path: Path) -> None:
    """Print province and bloc accuracy, rules vs underthesea, on the relevant articles of ``path``."""
    arts = [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()]
    arts = [a for a in arts if a["gold"]["relevant"]]
    tally: Counter[str] = Counter()
    secs: Counter[str] = Counter()
    for a in arts:
        d = prepare(a["text"], a.get("title"), a.get("url"))
        g = a["gold"]
        prov = (score.province_key(g["province"]),)
        t = time.perf_counter()
        found = find_province(d)
        secs["province rules"] += time.perf_counter() - t
        tally["province rules"] += score.province_key(found[0] if found else None) == score.province_key(g["province"])
        t = time.perf_counter()
        tally["province underthesea ner"] += score.province_key(_ner_province(d)) == score.province_key(g["province"])
        secs["province underthesea ner"] += time.perf_counter() - t
        t = time.perf_counter()
        chosen = choose_bloc(find_mentions(d.text), d.url)
        secs["bloc rules"] += time.perf_counter() - t
        tally["bloc rules"] += score.unit_key(chosen.surface if chosen else None, prov) == score.unit_key(g["bloc"], prov)
        t = time.perf_counter()
        tally["bloc underthesea pos"] += score.unit_key(_pos_bloc(d), prov) == score.unit_key(g["bloc"], prov)
        secs["bloc underthesea pos"] += time.perf_counter() - t
    for k in ("province rules", "province underthesea ner", "bloc rules", "bloc underthesea pos"):
        print(f"  {k:<28} {tally[k]:>3}/{len(arts)} correct  {secs[k] * 1000:8.0f} ms")


def _people(score, path: Path) -> None:
    """Print people and people+title F1 with the rules alone and with underthesea NER added."""
    arts = [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()]
    gold = score.load(str(path), "gold")
    for label, use_ner in (("people rules", False), ("people rules + underthesea ner", True)):
        preds = {}
        t = time.perf_counter()
        for a in arts:
            records = extract(a["text"], url=a.get("url"), title=a.get("title"))
            if use_ner:
                records.people = extract_people(prepare(a["text"], a.get("title"), a.get("url")), use_ner=True)
            preds[str(a["id"])] = records.to_prediction()
        elapsed = time.perf_counter() - t
        tallies, _ = score.score(gold, preds)
        f1 = {f: tallies[f].prf()[2] for f in ("people", "people+title")}
        print(f"  {label:<34} people F1 {f1['people']:.3f}  people+title F1 {f1['people+title']:.3f}"
              f"  {elapsed * 1000:8.0f} ms")


def main() -> int:
    if not (EVAL / "score.py").exists():
        print(f"Error: {EVAL}/score.py not found (the shared scorer lives outside the repo)", file=sys.stderr)
        return 1
    score = _score_module()
    sets = [p for p in [EVAL / "dev.gold.jsonl", *sorted(GENRE.glob("heldout*.gold.jsonl"))] if p.exists()]
    for path in sets:
        print(f"{path.name}:", flush=True)
        _single_fields(score, path)
        _people(score, path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
