"""Measure rules against underthesea on the dev set, per field: ``.venv/bin/python tools/measure_rules_vs_underthesea.py``.

province: gazetteer + portal rules vs underthesea ``ner`` LOC entities of the first 8 sentences.
bloc: the rule-based name cutter vs underthesea ``pos_tag`` (the name ends at the first verb,
preposition or punctuation after "Khối/Cụm thi đua"). Needs ../shared/eval (not in the repo).
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

from nlp.blocs import choose_bloc, find_mentions
from nlp.folding import fold_aligned, fold_word
from nlp.places import province_by_folded
from nlp.prepare import prepare
from nlp.provinces import find_province

EVAL = Path(__file__).resolve().parents[2] / "shared" / "eval"


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


def main() -> int:
    if not (EVAL / "dev.gold.jsonl").exists():
        print(f"Error: {EVAL}/dev.gold.jsonl not found", file=sys.stderr)
        return 1
    score = _score_module()
    arts = [json.loads(line) for line in (EVAL / "dev.gold.jsonl").open(encoding="utf-8")]
    arts = [a for a in arts if a["gold"]["relevant"]]
    tally = Counter()
    secs = Counter()
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
    for k in tally:
        print(f"{k:<28} {tally[k]:>3}/{len(arts)} correct  {secs[k] * 1000:8.0f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
