"""The article's province (pre-2025 short name) and its post-2025 province.

Evidence, strongest first: the portal's domain (thainguyen.gov.vn, baolamdong.vn), "tỉnh X" /
"thành phố X" in the text, districts that belong to one province only ("huyện Đức Trọng"),
then bare province names ("Báo Đồng Nai").
"""

from __future__ import annotations

import re
from collections import defaultdict
from urllib.parse import urlsplit

from nlp.folding import fold_aligned, fold_word
from nlp.places import Province, districts, province_by_folded, province_name_pattern, provinces
from nlp.prepare import PreparedText
from store.models import ArticleRecords, Span

# Weights of each kind of evidence; a portal domain outweighs a few stray mentions.
W_HOST = 4.0
W_PATH = 3.0
W_EXPLICIT = 2.0  # "tỉnh Lâm Đồng", "TP Đà Nẵng"
W_DISTRICT = 1.5  # "huyện Quan Sơn"
W_BARE = 0.75  # "Báo Đồng Nai"
MAX_PER_KIND = 3  # a province named ten times is not ten times likelier

_HOST_NOISE = {"www", "gov", "vn", "com", "org", "net", "edu", "info", "dcs", "portal", "mysql", "beta", "m", "ls1"}
# Province names that are also a person's name ("phong cách Hồ Chí Minh"): need "TP"/"thành phố".
_PERSON_LIKE = {"ho chi minh"}
_EXPLICIT_BEFORE = re.compile(r"(?:tinh|thanh pho|tp\.?|t\.p\.?)\s*$")
_DISTRICT_CUE = re.compile(r"(?:huyen|thi xa|thanh pho|tp\.?|quan)\s+$")
_WORD = re.compile(r"[^\W\d_]+")
_HCM = re.compile(r"(?<!\w)(?:tp|thanh pho)\.?\s*hcm(?!\w)")


def _slug_table() -> list[tuple[str, Province]]:
    table = [(slug, p) for p in provinces() for slug in p.slugs]
    return sorted(table, key=lambda sp: -len(sp[0]))


def province_from_url(url: str | None) -> str | None:
    """Return the province a portal's URL names (``baolamdong.vn`` -> "Lâm Đồng"), or None."""
    hit = _url_province(url)
    return hit[0].short if hit else None


def _url_province(url: str | None) -> tuple[Province, float] | None:
    if not url:
        return None
    try:
        parts = urlsplit(url if "//" in url else "//" + url)
    except ValueError:
        return None
    host = (parts.hostname or "").lower()
    labels = [lab for lab in host.split(".") if lab and lab not in _HOST_NOISE]
    table = _slug_table()
    for label in reversed(labels):  # the rightmost meaningful label names the portal's owner
        for slug, prov in table:
            if len(slug) < 5 and label != slug:
                continue
            if label == slug or label.endswith(slug) or label.startswith(slug):
                return prov, W_HOST
    path = fold_aligned(parts.path).replace("_", "-")
    for m in re.finditer(r"(?:tinh|thanh-pho|tp)-((?:[a-z]+-){0,3}[a-z]+)", path):
        words = m.group(1).split("-")
        for n in range(len(words), 0, -1):
            slug = "".join(words[:n])
            for s, prov in table:
                if s == slug:
                    return prov, W_PATH
    return None


def new_province(old: str | None) -> str | None:
    """Return the post-2025 (34-province) short name of a pre-2025 province, or None."""
    if not old:
        return None
    key = re.sub(r"^(?:tinh|thanh pho|tp\.?)\s+", "", fold_word(old))
    prov = province_by_folded().get(key)
    return prov.new if prov else None


def _capitalised_runs(text: str) -> list[tuple[int, int]]:
    """Return spans of 1-4 consecutive capitalised words ("Đức Trọng", "Ia Grai")."""
    words = [(m.start(), m.end()) for m in _WORD.finditer(text)]
    out = []
    for i, (s, _e) in enumerate(words):
        if not text[s].isupper():
            continue
        j = i
        out.append((s, words[j][1]))
        while j + 1 < len(words) and j - i < 3 and text[words[j + 1][0]].isupper() and words[j + 1][0] - words[j][1] == 1:
            j += 1
            out.append((s, words[j][1]))
    return out


def find_province(doc: PreparedText) -> tuple[str, Span] | None:
    """Return the article's province and the evidence that decided it."""
    scores: dict[str, float] = defaultdict(float)
    counts: dict[tuple[str, str], int] = defaultdict(int)
    spans: dict[str, Span] = {}
    table = province_by_folded()

    def vote(prov: Province, kind: str, weight: float, span: Span) -> None:
        if counts[(prov.short, kind)] >= MAX_PER_KIND:
            return
        counts[(prov.short, kind)] += 1
        scores[prov.short] += weight
        if prov.short not in spans or spans[prov.short].source.endswith(("bare", "url")):
            spans[prov.short] = span

    hit = _url_province(doc.url)
    if hit:
        vote(hit[0], "url", hit[1], Span(start=0, end=0, source="rule:province_url"))
    for text, offset_ok in ((doc.text, True), (doc.title or "", False)):
        folded = fold_aligned(text)
        for m in province_name_pattern().finditer(folded):
            prov = table.get(" ".join(m.group(0).replace("–", "-").split()))
            if prov is None:
                continue
            explicit = _EXPLICIT_BEFORE.search(folded, max(0, m.start() - 10), m.start())
            if not explicit and (not text[m.start()].isupper() or prov.folded in _PERSON_LIKE):
                continue
            kind = "explicit" if explicit else "bare"
            span = Span(start=m.start(), end=m.end(), source=f"rule:province_{kind}") if offset_ok else Span(
                start=0, end=0, source=f"rule:province_title_{kind}"
            )
            vote(prov, kind, W_EXPLICIT if explicit else W_BARE, span)
        for m in _HCM.finditer(folded):  # "TP.HCM", "TPHCM": the city's everyday abbreviation
            prov = table.get("ho chi minh")
            if prov is not None:
                span = Span(start=m.start(), end=m.end(), source="rule:province_explicit") if offset_ok else Span(
                    start=0, end=0, source="rule:province_title_explicit"
                )
                vote(prov, "explicit", W_EXPLICIT, span)
        district_table = districts()
        for start, end in _capitalised_runs(text):
            if not _DISTRICT_CUE.search(folded, max(0, start - 12), start):
                continue
            owner = district_table.get(fold_word(text[start:end]))
            prov = table.get(fold_word(owner)) if owner else None
            if prov:
                span = Span(start=start, end=end, source="rule:province_district") if offset_ok else Span(
                    start=0, end=0, source="rule:province_title_district"
                )
                vote(prov, "district", W_DISTRICT, span)
    if not scores:
        return None
    best = max(scores, key=lambda k: (scores[k], -spans[k].start))
    return best, spans[best]


# Provinces renamed before the 2025 merger: (name before, year of the change). Thừa Thiên Huế became the
# centrally-run city of Huế on 2025-01-01 (Nghị quyết 1314/NQ-UBTVQH15); a 2022 article names the province.
RENAMED = {"Huế": ("Thừa Thiên Huế", 2025)}
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")


def name_as_of(short: str, year: int | None) -> str:
    """Return the province's short name as it stood in ``year`` ("Huế" in 2022 -> "Thừa Thiên Huế")."""
    former = RENAMED.get(short)
    if former is None or year is None or year >= former[1]:
        return short
    return former[0]


def _article_year(doc: PreparedText, records: ArticleRecords) -> int | None:
    if records.event_date:
        return int(records.event_date[:4])
    years = [int(y) for y in _YEAR.findall((doc.title or "") + "\n" + doc.text[:LEAD_YEAR_CHARS])]
    return max(years) if years else None


MERGER_DATE = "2025-07-01"  # the 34 provinces and cities took effect (Nghị quyết 202/2025/QH15)


def _after_merger(records: ArticleRecords) -> bool:
    """Was the article written after the 2025 merger? Only a meeting date says so (a lead's years may be plans)."""
    return bool(records.event_date) and records.event_date >= MERGER_DATE


LEAD_YEAR_CHARS = 600  # the dateline and first paragraph carry the article's year


# A cluster of provinces ("Cụm thi đua các tỉnh Tây Nguyên gồm 5 tỉnh: A, B, C", "gồm Sở Tư pháp các tỉnh A, B, C",
# "gồm Công an 5 thành phố: A, B, C")
# is no one province's bloc, whichever portal reports it.
MIN_CLUSTER_PROVINCES = 3
_CLUSTER_LIST = re.compile(
    r"(?:khoi|cum)[^.;\n]{0,120}?gom\b[^.:;\n]{0,60}?(?:cac|\d+)\s+(?:tinh(?:\s*,\s*thanh pho)?|thanh pho)\s*:?\s*(?P<list>[^.;()\n]+)"
)
# "Cụm gồm 05 đơn vị: Cục Thuế Gia Lai, Cục Thuế Kon Tum, Cục Thuế Đắk Lắk …": a sector cluster whose members are
# one agency of each of several provinces
_MEMBER_LIST = re.compile(r"(?:khoi|cum)[^.;\n]{0,120}?gom\b[^.:;\n]{0,40}?:?\s*(?P<list>[^.;\n]+)")
# a bloc named after a region of several provinces ("Cụm thi đua các Cục Thuế khu vực Tây Nguyên")
_REGION = re.compile(
    r"(?:khoi|cum) thi dua[^.;:\n]{0,80}?(?<!\w)(?:tay nguyen|(?:bac|nam) trung bo|dong nam bo|tay nam bo"
    r"|dong bang song (?:cuu long|hong)|trung du (?:va )?mien nui phia bac|duyen hai mien trung)(?!\w)"
)


# "Cụm thi đua 5 thành phố trực thuộc Trung ương", "Khối thi đua các tỉnh …": a bloc named by a count of provinces
_PROVINCE_COUNT = re.compile(
    r"(?:khoi|cum) thi dua (?:(?!so )[^\W\d]+ ){0,3}?(?:\d+|cac) (?:tinh(?:\s*,\s*thanh pho)?(?!\s+(?:uy|doan|hoi)\b)"
    r"|thanh pho truc thuoc trung uong)(?!\w)"
)
# "Công an 5 tỉnh Cụm thi đua số 7", "Hội Nông dân các tỉnh thuộc Cụm thi đua …": the count of provinces before the bloc
_PROVINCES_BEFORE_BLOC = re.compile(
    r"(?<!\w)(?:[2-9]|1\d|cac) tinh(?:\s*,\s*thanh pho)? (?:trong |thuoc )?(?:khoi|cum) thi dua(?!\w)"
)
# "Cụm thi đua số 4 Kho bạc Nhà nước", "Cụm thi đua số IX Tòa án nhân dân": a numbered cluster of a nationwide
# sector (one agency of each of several provinces) or ministry ("số 1 Bộ Công an", "số II TANDTC"), its name carrying
# no province
_SECTOR_CLUSTER = re.compile(
    r"(?:khoi|cum) thi dua so \w+ (?:thuoc )?(?:kho bac|bao hiem xa hoi|bhxh|toa an|tand|tandtc|vien kiem sat|vksnd"
    r"|vksndtc|cuc|tong cuc|hai quan|thue|kiem toan|thong ke|ngan hang nha nuoc|nhnn|thi hanh an|bo (?!doi|chi huy)\w+)(?!\w)"
)
_LOCAL_WORD = re.compile(r"(?<!\w)(?:tinh|thanh pho|tp|huyen|quan|thi xa)(?!\w)")


def spans_provinces(doc: PreparedText, bloc: str | None = None) -> bool:
    """Does the bloc gather several provinces (a regional or ministry cluster) rather than one province's units?"""
    folded = fold_aligned(doc.text)
    title = fold_aligned(doc.title or "")
    if _REGION.search(title) or _REGION.search(folded):
        return True
    if _PROVINCES_BEFORE_BLOC.search(title) or _PROVINCES_BEFORE_BLOC.search(folded):
        return True
    name = fold_aligned(bloc or "")
    if _PROVINCE_COUNT.search(name) or _PROVINCE_COUNT.search(folded) or (_SECTOR_CLUSTER.match(name) and not _LOCAL_WORD.search(name)):
        return True
    for m in [*_CLUSTER_LIST.finditer(folded), *_MEMBER_LIST.finditer(folded)]:
        names = {" ".join(x.group(0).split()) for x in province_name_pattern().finditer(m.group("list"))}
        if len(names) >= MIN_CLUSTER_PROVINCES:
            return True
    return False


def fill(doc: PreparedText, records: ArticleRecords) -> None:
    """Set ``records.province``, ``records.province_new`` and the province evidence."""
    found = find_province(doc)
    if found is None or spans_provinces(doc, records.bloc):
        return
    short = found[0]
    records.province_new = new_province(short)
    if records.province_new and _after_merger(records):
        # "các phường khu vực Bình Dương cũ" in a 2026 article: the province in force is the merged one
        short = records.province_new
    records.province, records.evidence["province"] = name_as_of(short, _article_year(doc, records)), found[1]
