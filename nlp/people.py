"""Officials named in the article, with their title as written.

Three rule shapes, tried in this order (the first mention of a name wins, a later one may add
a missing title):

* honorific + name (+ title): "đồng chí Đồng Thị Kiều Oanh, Tỉnh ủy viên, Giám đốc Sở Nội vụ",
  "Đ/c Phạm Thị Mai Hương - Phó Giám đốc Sở KH&CN", "Đại tá Nguyễn Văn Sơn – Phó Chính ủy …";
* name + separator + title: "Trần Xuân Hoan - Hiệu trưởng Trường Cao đẳng Y tế Hà Tĩnh";
* title + unit + name: "Chủ tịch UBND tỉnh Cao Văn Trọng".

A name is 2–5 capitalised syllables; without an honorific it must start with a family name from
data/gazetteers/surnames.tsv. A title starts with an entry of data/gazetteers/titles.tsv and runs
until a verb ("phát biểu", "chủ trì"), the bloc role ("Trưởng Khối"), the next person, or ";".
underthesea's NER is the optional fallback (``use_ner=True``) on sentences with an honorific cue.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from nlp.folding import UPPER
from nlp.lexicon import rows, words
from nlp.prepare import PreparedText
from nlp.units import mask_name_commas
from store.models import Person
from store.vntext import fold_key

# A token is a word, with inner apostrophes and "/&." kept (H'Loan, H’Bơ, KH&CN, TP.HCM), or a one-letter
# prefix + hyphen + word (Y-Moan); anything else is one punctuation character.
# An Ede/Jarai prefix may stand apart with its apostrophe: "H' Liên Êban", "Y' Sao".
# a full stop glued to the next sentence ("… Trung ương.Năm 2023") ends the word; "ThS.BS", "TP.HCM" stay whole
_TOKEN = re.compile(r"[A-ZĐ]['’](?=\s+" + UPPER + r")|[A-ZĐ]-\w+|\w+(?:[/&'’]\w+|(?<![a-zà-ỹđ]{3})\.\w+)*|[^\w\s]")
# Given names of Ede, Jarai, Mnong, K'Ho … people open with a prefix and an apostrophe or hyphen.
_PREFIXED_NAME = re.compile(r"^[A-ZĐ]['’-]\w")
MAX_NAME = 5
MAX_TITLE_TOKENS = 34  # "Ủy viên BTV Thành ủy, Chủ tịch Ủy ban Mặt trận Tổ quốc Việt Nam thành phố, Phó Chủ tịch …"
# title + unit before a name: "Chủ tịch Ủy ban MTTQVN thành phố Đà Nẵng"; "Trưởng ban Ban Quản lý Khu kinh tế
# Dung Quất và các khu công nghiệp Quảng Ngãi" is 15
MAX_UNIT_TOKENS = 16

# Bloc roles end a personal title: "Giám đốc Sở Xây dựng, Trưởng Khối thi đua …" -> "Giám đốc Sở Xây dựng".
_BLOC_ROLE = (
    ("trưởng", "khối"), ("phó", "trưởng", "khối"), ("phó", "khối"), ("khối", "trưởng"), ("khối", "phó"),
    ("trưởng", "cụm"), ("phó", "trưởng", "cụm"), ("phó", "cụm"), ("cụm", "trưởng"), ("cụm", "phó"),
    ("đơn", "vị", "trưởng"), ("đại", "diện"), ("chủ", "trì"),
)
# Verbs that follow a title: "… Phó Giám đốc Sở KH&CN phát biểu".
_VERB_BIGRAMS = {
    ("phát", "biểu"), ("chủ", "trì"), ("cho", "biết"), ("nhấn", "mạnh"), ("khẳng", "định"), ("kết", "luận"),
    ("điều", "hành"), ("chứng", "kiến"), ("thông", "qua"), ("báo", "cáo"), ("tham", "dự"), ("yêu", "cầu"),
    ("đề", "nghị"), ("ghi", "nhận"), ("biểu", "dương"), ("chúc", "mừng"), ("đại", "diện"), ("phát", "động"),
    ("chỉ", "đạo"), ("trao", "tặng"), ("khai", "mạc"), ("bế", "mạc"), ("trình", "bày"), ("đánh", "giá"),
    ("tới", "dự"), ("đến", "dự"), ("quán", "triệt"), ("lưu", "ý"), ("giới", "thiệu"), ("thay", "mặt"),
    ("cam", "kết"), ("đề", "xuất"), ("kêu", "gọi"), ("cảm", "ơn"), ("chia", "sẻ"), ("khen", "ngợi"), ("động", "viên"),
    ("mong", "muốn"), ("tiếp", "thu"), ("hoan", "nghênh"), ("nhất", "trí"), ("trân", "trọng"), ("phân", "tích"),
    ("hưởng", "ứng"), ("bày", "tỏ"), ("cho", "rằng"), ("cho", "hay"), ("nhận", "định"),
    # speech verbs closing a quote: "“…”, ông A, Chủ tịch UBND phường B nói."
    ("trả", "lời"), ("giải", "thích"), ("lý", "giải"), ("nhận", "xét"), ("chỉ", "rõ"), ("chỉ", "ra"),
    ("thừa", "nhận"), ("tâm", "sự"), ("bộc", "bạch"), ("nhớ", "lại"),
}
_VERB_UNIGRAMS = {
    "đã", "đang", "sẽ", "được", "cùng", "dự", "trao", "tặng", "tại", "với", "nhằm", "là", "có", "khi",
    "làm", "vừa", "mới", "cũng", "nêu", "ký", "kí", "gửi", "đọc", "nhận", "thăm", "trong", "để", "bày",
    "nói", "kể", "hỏi",
}
# title words that open with a verb-like syllable: "Ủy viên dự khuyết Ban Chấp hành Trung ương" (alternate member)
# and "Tổng Thư ký" (secretary-general), whose "ký" is not the verb "sign"
_TITLE_BIGRAMS = {("dự", "khuyết"), ("thư", "ký"), ("thư", "kí")}
_UNIT_HEADS = {
    "ban", "sở", "văn", "hội", "ubnd", "ủy", "liên", "trung", "phòng", "cục", "chi", "đảng", "huyện", "tỉnh",
    "thành", "bộ", "trường", "công", "tổng", "viện", "đài", "báo", "hợp", "mặt", "đoàn", "tòa", "thanh",
    "kho", "ngân", "bảo", "quỹ", "hđnd", "mttq", "ubmttq", "bch", "btv", "đảng ủy", "cơ",
}
# lower-case kinds of agency enumerated inside a unit's name: "các bộ, ngành, địa phương", "các sở, ban, ngành"
_AGENCY_KIND_SEQS = (("địa", "phương"), ("đoàn", "thể"), ("cơ", "quan"), ("bộ",), ("ngành",), ("sở",), ("ban",))
_AGENCY_KINDS = frozenset({"bộ", "ngành", "sở", "ban", "phương", "thể", "quan"})
_STOP_PUNCT = {";", "(", ")", "“", "”", '"', "[", "]", "|", "?", "!"}
_DASHES = {"-", "–", "—"}
# courtesy words that are also given names: the name after them must open with a family name
_YOUTH_HONORIFICS = frozenset({"anh", "chị"})
_LOOSE_HONORIFICS = frozenset({"ông", "bà"}) | _YOUTH_HONORIFICS
_NOT_PERSON = {"ho chi minh", "ton duc thang", "pham van dong", "nguyen du", "nguyen trai", "le loi", "tran hung dao"}


@dataclass(frozen=True, slots=True)
class _Tok:
    text: str
    start: int
    end: int
    low: str
    is_cap: bool


def _tokenize(text: str) -> list[_Tok]:
    out = []
    for m in _TOKEN.finditer(text):
        t = m.group(0)
        out.append(_Tok(t, m.start(), m.end(), t.lower(), t[:1].isupper() and re.sub(r"['’-]", "", t).isalpha()))
    return out


@lru_cache(maxsize=1)
def _lexicon() -> tuple[tuple[tuple[str, ...], ...], tuple[tuple[str, ...], ...], tuple[tuple[str, ...], ...], frozenset[str]]:
    """Honorifics, titles (all), role titles (for title-before-name), surnames, as lower-case token tuples."""
    def toks(s: str) -> tuple[str, ...]:
        return tuple(t.lower() for t in _TOKEN.findall(s))

    honorifics = tuple(sorted({toks(h) for h in words("honorifics")}, key=len, reverse=True))
    title_rows = rows("titles", 2)
    titles = tuple(sorted({toks(t) for t, _k in title_rows}, key=len, reverse=True))
    roles = tuple(sorted({toks(t) for t, k in title_rows if k == "role"}, key=len, reverse=True))
    return honorifics, titles, roles, words("surnames")


@lru_cache(maxsize=16)
def _by_first(seqs: tuple[tuple[str, ...], ...]) -> dict[str, tuple[tuple[str, ...], ...]]:
    """Index token sequences by their first token (longest first), so matching is one dict lookup."""
    index: dict[str, list[tuple[str, ...]]] = {}
    for seq in sorted(seqs, key=len, reverse=True):
        index.setdefault(seq[0], []).append(seq)
    return {k: tuple(v) for k, v in index.items()}


def _match_seq(tokens: list[_Tok], i: int, seqs: tuple[tuple[str, ...], ...]) -> int:
    """Return the length of the longest sequence in ``seqs`` matching tokens[i:], or 0."""
    if i >= len(tokens):
        return 0
    for seq in _by_first(seqs).get(tokens[i].low, ()):
        n = len(seq)
        if i + n <= len(tokens) and all(tokens[i + k].low == seq[k] for k in range(1, n)):
            return n
    return 0


def _starts_title(tokens: list[_Tok], i: int) -> int:
    if i >= len(tokens) or _match_seq(tokens, i, _BLOC_ROLE):
        return 0
    n = _match_seq(tokens, i, _lexicon()[1])
    if not n and tokens[i].low == "phó" and i + 1 < len(tokens):
        inner = _match_seq(tokens, i + 1, _lexicon()[1])  # "Phó Chỉ huy trưởng", any deputy of a title
        n = inner + 1 if inner else 0
    return n


def _is_honorific(tokens: list[_Tok], i: int) -> int:
    n = _match_seq(tokens, i, _lexicon()[0])
    if n and i + n < len(tokens) and tokens[i + n].is_cap:
        return n
    return 0


# a degree, rank or honour code stacked before a name: "CKII", "BSCKI", "ThS", "PGS.TS", "TS.BS", "NSND", "NGƯT"
_DEGREE_CODE = re.compile(r"^[A-ZĐƯ][A-Za-zĐđƯư0-9]{0,6}(?:\.[A-ZĐƯ][A-Za-zĐđƯư0-9]{0,6})*$")


def _is_degree_code(tok: _Tok) -> bool:
    """Is ``tok`` an abbreviated degree or honour (two or more capitals, no unit word such as "UBND")?"""
    return (
        bool(_DEGREE_CODE.match(tok.text))
        and sum(c.isupper() for c in tok.text) >= 2
        and tok.low not in _UNIT_HEADS
    )


def _skip_prefixes(tokens: list[_Tok], k: int) -> int:
    """Skip further honorifics and degree codes after the first ("Bác sĩ CKII", "Đại tá, TS.", "ThS. BS")."""
    honorifics = _lexicon()[0]
    while k < len(tokens):
        step = _match_seq(tokens, k, honorifics)
        if not step and _is_degree_code(tokens[k]):
            step = 1
            if k + 1 < len(tokens) and tokens[k + 1].low == ".":
                step = 2
        if not step and tokens[k].low == "," and k + 1 < len(tokens) and (
            _match_seq(tokens, k + 1, honorifics) or _is_degree_code(tokens[k + 1])
        ):
            step = 1  # "Đại tá, Tiến sĩ Nguyễn Văn A"
        if not step or k + step >= len(tokens) or not tokens[k + step].is_cap:
            return k
        k += step
    return k


def _titled_full_name(tokens: list[_Tok], k: int, n: int) -> bool:
    """"bà Giàng Thị Mai, Phó Chủ tịch …": a full name (3–4 syllables) right before a title is a person
    even when its family name is not in the list."""
    sep = k + n
    # "ông A Thái", "ông Y Đức": an Ede/Jarai/Bahnar prefix letter + given name is a full name too
    prefix_letter = n == 2 and len(tokens[k].text) == 1 and tokens[k].text.isupper()
    # "bà Ka H'Thu", "ông Ha Y-Sơn": a two-syllable name whose given name carries an Ede/K'Ho prefix
    prefixed_given = n == 2 and bool(_PREFIXED_NAME.match(tokens[k + 1].text))
    return (3 <= n <= 4 or prefix_letter or prefixed_given) and sep + 1 < len(tokens) and tokens[sep].low in {",", "-", "–", "—"} and bool(
        _starts_title(tokens, sep + 1)
    )


def _newline_between(text: str, a: _Tok, b: _Tok) -> bool:
    return "\n" in text[a.end : b.start]


def _name_run(text: str, tokens: list[_Tok], i: int) -> int:
    """Return how many capitalised name syllables start at tokens[i] (stopping at a title word)."""
    n = 0
    while i + n < len(tokens) and n < MAX_NAME:
        tok = tokens[i + n]
        if not tok.is_cap or (n and _newline_between(text, tokens[i + n - 1], tok)):
            break
        if n >= 2 and _starts_title(tokens, i + n):
            break
        if n and tok.text.isupper() and len(tok.text) > 1:
            break
        n += 1
    return n


def _title_span(text: str, tokens: list[_Tok], i: int) -> int:
    """Return the index one past the last token of the title starting at tokens[i]."""
    honorifics = _lexicon()[0]
    j = i
    end = i
    while j < len(tokens) and j - i < MAX_TITLE_TOKENS:
        tok = tokens[j]
        if j > i and _newline_between(text, tokens[j - 1], tok):
            break
        low = tok.low
        if low == "(" and j > i and _parenthesised_unit(text, tokens, j):
            j = _parenthesised_unit(text, tokens, j)  # "Phó Trưởng ban Thi đua - Khen thưởng (Sở Nội vụ)"
            end = j
            continue
        if low in _STOP_PUNCT:
            break
        if low == ".":
            prev = tokens[j - 1].text if j > i else ""
            if prev not in {"TP", "Tp", "tp"}:
                break
            j += 1
            continue
        if low == "," or low in _DASHES or low == ":":
            nxt = j + 1
            if nxt >= len(tokens) or _match_seq(tokens, nxt, honorifics) or _match_seq(tokens, nxt, _BLOC_ROLE):
                break
            if _starts_title(tokens, nxt):
                j = nxt
                continue
            if low in _DASHES and tokens[nxt].is_cap:
                j = nxt
                continue
            if low == "," and tokens[nxt].is_cap and tokens[nxt].low in _UNIT_HEADS and not _is_honorific(tokens, nxt):
                j = nxt
                continue
            if low == "," and j > i and tokens[j - 1].low in _AGENCY_KINDS and _match_seq(tokens, nxt, _AGENCY_KIND_SEQS):
                j = nxt  # "Vụ Thi đua - Khen thưởng các bộ, ngành, địa phương": an enumeration of agency kinds
                continue
            break
        if j > i:
            nxt_low = tokens[j + 1].low if j + 1 < len(tokens) else ""
            verb = low in _VERB_UNIGRAMS and (low, nxt_low) not in _TITLE_BIGRAMS and (tokens[j - 1].low, low) not in _TITLE_BIGRAMS
            if verb or ((low, nxt_low) in _VERB_BIGRAMS and not _ceo_title(tokens, j)):
                break
            if low == "và":
                if j + 1 >= len(tokens) or not tokens[j + 1].is_cap or _match_seq(tokens, j + 1, honorifics):
                    break
            if _match_seq(tokens, j, _BLOC_ROLE) and (tokens[j].is_cap or tokens[j].low in {"khối", "cụm"}):
                break  # "Chủ tịch UBND xã A cụm trưởng": the bloc role, even in lower case, ends the title
        j += 1
        end = j
    return end


def _ceo_title(tokens: list[_Tok], j: int) -> bool:
    """Whether "điều hành" at tokens[j] completes "Giám đốc điều hành" (chief executive), not the verb.

    "Giám đốc điều hành Bệnh viện A" and "Giám đốc điều hành, ông B" are a title; "Giám đốc điều hành hội nghị" chairs.
    """
    if j < 2 or (tokens[j - 2].low, tokens[j - 1].low) != ("giám", "đốc") or tokens[j].low != "điều":
        return False
    after = tokens[j + 2] if j + 2 < len(tokens) else None
    return after is None or after.is_cap or after.low in {",", ".", ";", ":"}


def _parenthesised_unit(text: str, tokens: list[_Tok], j: int) -> int:
    """One past the ")" of "(Sở Nội vụ)" at tokens[j] when the parentheses hold only an agency's name, else 0."""
    k = j + 1
    if k >= len(tokens) or not tokens[k].is_cap or tokens[k].low not in _UNIT_HEADS:
        return 0
    while k < len(tokens) and k - j <= MAX_UNIT_TOKENS:
        tok = tokens[k]
        if _newline_between(text, tokens[k - 1], tok) or tok.low in _STOP_PUNCT - {")"} or tok.low in {",", "."}:
            return 0
        if tok.low == ")":
            return k + 1
        k += 1
    return 0


def _title_text(text: str, tokens: list[_Tok], i: int, end: int) -> tuple[str, int, int] | None:
    if end <= i:
        return None
    start_c, end_c = tokens[i].start, tokens[end - 1].end
    title = text[start_c:end_c].strip(" ,-–—:")
    title = re.sub(r"\s+", " ", title)
    return (title, start_c, end_c) if title else None


def _add(found: dict[str, Person], name: str, title: str | None, start: int, end: int, source: str) -> None:
    key = fold_key(name)
    if key in _NOT_PERSON or (len(name.split()) < 2 and not _PREFIXED_NAME.match(name)):
        return
    old = found.get(key)
    if old is None:
        found[key] = Person(name=name, title=title, start=start, end=end, source=source)
    elif old.title is None and title:
        old.title = title


def extract_people(doc: PreparedText, use_ner: bool = False) -> list[Person]:
    """Return the officials named in ``doc`` with their titles, one per name, in text order."""
    text = doc.text
    # commas inside department names ("Sở Văn hóa, Thể thao và Du lịch") do not end a title
    tokens = _tokenize(mask_name_commas(text))
    honorifics, _titles, roles, surnames = _lexicon()
    found: dict[str, Person] = {}
    claimed: set[int] = set()
    i = 0
    # 1. honorific + name (+ title)
    while i < len(tokens):
        h = _is_honorific(tokens, i)
        if not h:
            i += 1
            continue
        k = _skip_prefixes(tokens, i + h)
        n = _name_run(text, tokens, k)
        loose = tokens[i].low in _LOOSE_HONORIFICS
        if tokens[i].low in _YOUTH_HONORIFICS and i and tokens[i - 1].is_cap:
            i += 1  # "Hoàng Anh Tuấn": a given name, not the courtesy "anh"
            continue
        prefixed = bool(_PREFIXED_NAME.match(tokens[k].text)) if n else False  # "Đồng chí K'Bình" is a full name
        if (n < 2 and not prefixed) or (
            loose and tokens[k].text not in surnames and not prefixed and not _titled_full_name(tokens, k, n)
        ):
            i += 1
            continue
        name_end = k + n
        name = " ".join(t.text for t in tokens[k:name_end])
        title = None
        end_c = tokens[name_end - 1].end
        t_i = name_end
        if t_i < len(tokens) and tokens[t_i].low in {",", "-", "–", "—", ":"} | {"("}:
            t_i += 1
        if _starts_title(tokens, t_i) and not _newline_between(text, tokens[name_end - 1], tokens[t_i]):
            t_end = _title_span(text, tokens, t_i)
            got = _title_text(text, tokens, t_i, t_end)
            if got:
                title, _s, end_c = got
                claimed.update(range(t_i, t_end))  # "Trường THCS Chu Văn An" in a title names no person
        _add(found, name, title, tokens[i].start, end_c, "rule:honorific_name")
        claimed.update(range(i, name_end))
        i = name_end
    # 2. surname-led name + separator + title, and 3. title + unit + name
    for i in range(len(tokens)):
        if i in claimed:
            continue
        tok = tokens[i]
        # "BSCKII Lê Văn A, Giám đốc …": a degree code before the family name opens no longer name
        if tok.text in surnames and (i == 0 or not tokens[i - 1].is_cap or _is_degree_code(tokens[i - 1])):
            n = _name_run(text, tokens, i)
            if 3 <= n <= 4:
                sep = i + n
                if sep < len(tokens) and tokens[sep].low in {",", "-", "–", "—"} and _starts_title(tokens, sep + 1):
                    t_end = _title_span(text, tokens, sep + 1)
                    got = _title_text(text, tokens, sep + 1, t_end)
                    name = " ".join(t.text for t in tokens[i:sep])
                    if got:
                        _add(found, name, got[0], tok.start, got[2], "rule:name_title")
                        claimed.update(range(i, sep))
        r = _match_seq(tokens, i, roles)
        if r and tok.text[:1].isupper() and not _match_seq(tokens, i, _BLOC_ROLE):
            got_name = _name_after_title(text, tokens, i, r, surnames)
            if got_name:
                name, n_start, n_end = got_name
                if not any(t in claimed for t in range(n_start, n_end)):
                    title = text[tokens[i].start : tokens[n_start - 1].end]
                    _add(found, name, title, tokens[i].start, tokens[n_end - 1].end, "rule:title_name")
                    claimed.update(range(n_start, n_end))
    people = sorted(found.values(), key=lambda p: p.start)
    if use_ner:
        people = _ner_fallback(doc, people)
    return people


# a school or street named after a person: "Trường THPT Lê Quý Đôn", "đường Trần Phú"
_NAMED_AFTER = frozenset({"THCS", "THPT", "TH", "PTDTBT", "PTDTNT", "Trường", "trường", "Tiểu", "non", "đường", "Đường"})

# "Huyện Đoàn", "Thành Đoàn": the Youth Union of a place, whose "Đoàn" is not the family name
_YOUTH_UNION = frozenset({("huyện", "đoàn"), ("tỉnh", "đoàn"), ("thành", "đoàn"), ("quận", "đoàn"), ("thị", "đoàn")})


def _name_after_title(
    text: str, tokens: list[_Tok], i: int, r: int, surnames: frozenset[str]
) -> tuple[str, int, int] | None:
    """"Chủ tịch UBND tỉnh Cao Văn Trọng": the name closing a title + unit phrase, as (name, first, end)."""
    j = i + r
    limit = min(len(tokens), j + MAX_UNIT_TOKENS + MAX_NAME)
    while j < limit:
        tok = tokens[j]
        if not tok.text[:1].isalnum() and tok.text != "&" or _newline_between(text, tokens[j - 1], tok):
            return None
        if tok.is_cap:
            run_end = j
            while run_end < limit and tokens[run_end].is_cap and not _newline_between(text, tokens[run_end - 1], tokens[run_end]):
                run_end += 1
            after = tokens[run_end] if run_end < len(tokens) else None
            closes = after is None or not after.text[:1].isalnum() or after.text[:1].islower()
            if closes and run_end - j >= 3:
                best = None
                for s in range(max(j, run_end - 4), run_end - 2):
                    nxt = tokens[s + 1].text
                    if (tokens[s - 1].low, tokens[s].low) in _YOUTH_UNION:
                        continue  # "Bí thư Huyện Đoàn Tháp Mười": the unit, not a person named Đoàn
                    if tokens[s].text in surnames and (nxt not in surnames or nxt in {"Thị", "Văn"}):
                        best = s
                        break
                if best is not None and best > i + r and tokens[best - 1].text not in _NAMED_AFTER:
                    name = " ".join(t.text for t in tokens[best:run_end])
                    return name, best, run_end
            j = run_end
            continue
        if tok.low in _VERB_UNIGRAMS:
            return None
        j += 1
    return None


def _ner_fallback(doc: PreparedText, people: list[Person]) -> list[Person]:
    """Add PER entities underthesea finds in sentences that carry an honorific but no rule hit."""
    from underthesea import ner  # heavy import: only when asked

    honorifics = _lexicon()[0]
    cue = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(" ".join(h)) for h in honorifics) + r")\s+\w", re.IGNORECASE)
    known = {fold_key(p.name) for p in people}
    spans = [(p.start, p.end) for p in people]
    out = list(people)
    for sent in doc.sentences:
        if not cue.search(sent.text) or any(s < sent.end and e > sent.start for s, e in spans):
            continue
        words_: list[str] = []
        for word, _pos, _chunk, tag in ner(sent.text):
            if tag.endswith("PER"):
                if tag.startswith("B-") and words_:
                    _flush_ner(words_, sent.text, sent.start, known, out)
                    words_ = []
                words_.append(word)
            elif words_:
                _flush_ner(words_, sent.text, sent.start, known, out)
                words_ = []
        if words_:
            _flush_ner(words_, sent.text, sent.start, known, out)
    return sorted(out, key=lambda p: p.start)


def _flush_ner(parts: list[str], sentence: str, offset: int, known: set[str], out: list[Person]) -> None:
    name = " ".join(parts).replace("_", " ")
    key = fold_key(name)
    if len(name.split()) < 2 or key in known or key in _NOT_PERSON:
        return
    pos = sentence.find(name)
    if pos < 0:
        return
    known.add(key)
    out.append(Person(name=name, title=None, start=offset + pos, end=offset + pos + len(name), source="underthesea"))
