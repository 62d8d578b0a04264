"""Regenerate data/gazetteers/provinces.tsv and districts.tsv from underthesea's 63->34 mapping.

Run once after upgrading underthesea: ``.venv/bin/python tools/build_province_gazetteer.py``.
The output is committed, so extraction never needs this script at run time.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from pathlib import Path

import underthesea.address

from store.vntext import fold_key

OUT = Path(__file__).resolve().parent.parent / "data" / "gazetteers"
MAPPING = Path(underthesea.address.__file__).parent / "data" / "mapping.json"
SOURCE = "underthesea 9.5.0 address/data/mapping.json (vietnamadminunits, effective 2025-07-01)"

# Extra URL slugs seen on provincial portals and newspapers, beyond the folded name.
EXTRA_SLUGS = {
    "Hồ Chí Minh": "hcm tphcm hochiminhcity",
    "Bà Rịa - Vũng Tàu": "brvt baria vungtau",
    "Thừa Thiên Huế": "hue",
    "Đắk Lắk": "daklak",
    "Đắk Nông": "daknong",
    "Hà Nội": "hanoi",
}

_DISTRICT_PREFIX = re.compile(r"^(Huyện|Thị xã|Thành phố|Quận)\s+", re.IGNORECASE)


def main() -> None:
    data = json.loads(MAPPING.read_text(encoding="utf-8"))
    new_names = data["province_names"]
    rows = ["# short\tfull\tfolded\tslugs\tnew_province\tsource"]
    for key, info in sorted(data["old_province_names"].items(), key=lambda kv: kv[1]["code"]):
        short = info["short"].replace("Thừa Thiên Huế", "Thừa Thiên Huế")
        new = new_names[data["province_mapping"][key]]["short"]
        folded = fold_key(short)
        slugs = {folded.replace(" ", "").replace("-", "")}
        slugs.update(EXTRA_SLUGS.get(short, "").split())
        rows.append("\t".join([short, info["name"], folded, " ".join(sorted(slugs)), new, SOURCE]))
    (OUT / "provinces.tsv").write_text("\n".join(rows) + "\n", encoding="utf-8")

    # district name -> provinces: only names that identify one province are useful as context.
    owners: dict[tuple[str, str], set[str]] = defaultdict(set)
    for rec in data["ward_mapping"]:
        m = _DISTRICT_PREFIX.match(rec["old_district"])
        if not m:
            continue
        kind = m.group(1).lower()
        name = rec["old_district"][m.end():].strip()
        owners[(kind, name)].add(data["old_province_names"][rec["old_province_key"]]["short"])
    by_name: dict[str, set[str]] = defaultdict(set)
    for (_kind, name), provs in owners.items():
        by_name[name] |= provs
    drows = ["# district\tkinds\tprovince\tsource"]
    for (kind, name), provs in sorted(owners.items(), key=lambda kv: (kv[0][1], kv[0][0])):
        if len(by_name[name]) != 1:
            continue
        drows.append("\t".join([name, kind, next(iter(provs)), SOURCE]))
    (OUT / "districts.tsv").write_text("\n".join(drows) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
