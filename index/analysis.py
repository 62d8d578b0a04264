"""Vietnamese analysis, done once in Python so every engine indexes the same tokens.

A document becomes four token streams (see index/README.md):

- ``folded``: positional, lower-case, diacritic-free syllables (đ -> d), document numbers as
  one key (``34-CT/TW`` -> ``34-ct-tw``, plus its bare number ``34`` at the same position),
  abbreviations as one token (``KH&CN`` -> ``khcn``). Phrases run on this stream.
- ``exact``: lower-case syllables that carry diacritics, so a query typed with diacritics
  ranks exact matches first.
- ``words``: every dictionary compound found in the text, folded, joined with "_"
  (``thi_dua``; one posting list per compound keeps Whoosh's commit affordable), plus the folded expansion of each abbreviation
  (``UBND`` -> ``uy_ban_nhan_dan``), which is also the compound of the written-out form.
- ``title``: the folded syllables and compounds of the title.

Segmentation is dictionary-driven (underthesea's Viet74K word list plus index/data/compounds.txt):
underthesea.word_tokenize costs ~22 ms per 3.5 KB article here (~45 docs/s), far below the
indexing target, while a dictionary lookup over syllable n-grams costs well under 1 ms.
"""

from __future__ import annotations

import importlib.util
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import chain
from operator import itemgetter
from pathlib import Path
from typing import Any

from store.vntext import GAZETTEER_DIR, abbreviations, fold_diacritics, nfc, normalize_tone_placement

HERE = Path(__file__).resolve().parent
DOMAIN_COMPOUNDS = HERE / "data" / "compounds.txt"
MAX_COMPOUND = 8  # syllables; the longest abbreviation expansion ("lao động thương binh và xã hội") has 7

_DOCNUM = r"\d{1,5}(?:/\d{2,4})?[/-][^\W\d_][\w&]*(?:[/-][^\W\d_][\w&]*)*"
_DOCNUM_TAIL = r"(?:[/-][^\W\d_][\w&]*(?:[/-][^\W\d_][\w&]*)*)?"
# Sentence-level breaks: compounds never span them. Commas do not break (the expansion
# "Văn hóa, Thể thao và Du lịch" contains one).
_BREAK = r"[.;:!?()\[\]\"“”«»\n]"


@dataclass(frozen=True)
class Token:
    """One analysed token of running text: its kind, exact and folded forms, and character span."""

    kind: str  # "syl" | "doc" | "abbr" | "brk"
    exact: str  # lower case, tone placement unified
    folded: str
    start: int
    end: int


@dataclass
class DocTokens:
    """The token streams of one document (see the module docstring)."""

    # The folded stream grouped by token: token -> its positions, ascending. Built grouped because
    # that is how postings are written (and a document number puts two tokens at one position).
    positions: dict[str, list[int]] = field(default_factory=dict)
    length: int = 0  # tokens in the folded stream
    exact: list[str] = field(default_factory=list)
    words: list[str] = field(default_factory=list)
    title: list[str] = field(default_factory=list)

    @property
    def folded(self) -> list[tuple[int, str]]:
        """Return the folded stream as (position, token) pairs in position order."""
        pairs = [(p, tok) for tok, plist in self.positions.items() for p in plist]
        pairs.sort(key=itemgetter(0))
        return pairs


@dataclass(frozen=True)
class QueryUnit:
    """One unit of a free-text query: a syllable, a compound, a document number or an abbreviation."""

    kind: str  # "syl" | "compound" | "doc" | "abbr"
    folded: str  # token in the folded/words stream
    exact: str | None  # exact form when it carries diacritics, else None
    stop: bool = False


@lru_cache(maxsize=1)
def stopwords() -> frozenset[str]:
    """Return the stopwords of data/gazetteers/stopwords.tsv (lower case, NFC)."""
    path = GAZETTEER_DIR / "stopwords.tsv"
    words: set[str] = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            words.add(nfc(line.split("\t")[0].strip().lower()))
    return frozenset(words)


@lru_cache(maxsize=200_000)
def fold_token(token: str) -> str:
    """Return the lower-case, diacritic-free form of one token (cached: vocabularies repeat)."""
    return fold_diacritics(token).lower()


def has_diacritics(text: str) -> bool:
    """Return True when folding changes ``text`` (it carries Vietnamese marks or đ)."""
    return fold_token(text) != text.lower()


def docnum_key(number: str) -> str:
    """Return the one key of a document number however written ("05/CT-TU", "5-ct/tu" -> "5-ct-tu")."""
    parts = [p for p in re.split(r"[/\-\s]+", fold_diacritics(nfc(number)).lower()) if p]
    return "-".join(p.lstrip("0") or "0" if p.isdigit() else p for p in parts)


def abbr_token(abbr: str) -> str:
    """Return the single token of an abbreviation ("KH&CN", "KH-CN" -> "khcn")."""
    return re.sub(r"[^0-9a-z]", "", fold_token(abbr))


def compound_token(syllables: list[str]) -> str:
    """Return the words-stream token of a compound."""
    return "_".join(syllables)


@lru_cache(maxsize=1)
def _abbreviation_table() -> dict[str, str]:
    """Return {abbreviation token: folded compound of its expansion}."""
    table: dict[str, str] = {}
    for abbr, full in abbreviations():
        syllables = [fold_token(s) for s in re.findall(r"\w+", normalize_tone_placement(full.lower()))]
        table.setdefault(abbr_token(abbr), compound_token(syllables))
    return table


@lru_cache(maxsize=1)
def _compounds() -> tuple[frozenset[str], frozenset[str]]:
    """Return (folded compounds joined by spaces, their proper prefixes)."""
    # Located without importing underthesea (its import costs seconds and pulls in models).
    spec = importlib.util.find_spec("underthesea")
    if spec is None or spec.origin is None:
        raise ImportError("underthesea is needed for its Viet74K word list")
    sources = [Path(spec.origin).parent / "corpus" / "data" / "Viet74K.txt", DOMAIN_COMPOUNDS]
    entries: set[str] = set()
    for path in sources:
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line or line.startswith("#") or "-" in line:
                continue
            syllables = re.findall(r"\w+", normalize_tone_placement(nfc(line.lower())))
            if 2 <= len(syllables) <= MAX_COMPOUND:
                entries.add(" ".join(fold_token(s) for s in syllables))
    for _abbr, full in abbreviations():
        syllables = re.findall(r"\w+", normalize_tone_placement(nfc(full.lower())))
        if 2 <= len(syllables) <= MAX_COMPOUND:
            entries.add(" ".join(fold_token(s) for s in syllables))
    prefixes = {e.rsplit(" ", i)[0] for e in entries for i in range(1, e.count(" ") + 1)}
    return frozenset(entries), frozenset(prefixes)


@lru_cache(maxsize=2)
def _token_pattern(query: bool) -> re.Pattern[str]:
    abbrs = sorted((a for a, _ in abbreviations()), key=len, reverse=True)
    alternatives = "|".join(re.escape(a) for a in abbrs)
    flags = re.IGNORECASE if query else 0
    return re.compile(
        rf"(?P<doc>(?<![\w/-]){_DOCNUM})|(?P<abbr>(?<![\w&])(?:{alternatives})(?![\w&]))|(?P<syl>\w+)|(?P<brk>{_BREAK})",
        flags,
    )


def tokenize(text: str, *, query: bool = False) -> Iterator[Token]:
    """Yield the tokens of ``text`` (NFC); in documents, numbers and abbreviations must be upper case."""
    text = normalize_tone_placement(nfc(text))
    for m in _token_pattern(query).finditer(text):
        kind = m.lastgroup or "syl"
        raw = m.group(0)
        if kind == "doc" and not query and not _upper_letter(raw):
            # "5-tháng" is not a document number; its letter part would be upper case.
            yield from _split_plain(raw, m.start())
            continue
        if kind == "abbr" and not query and not (raw.isupper() or raw == "Tp."):
            yield from _split_plain(raw, m.start())
            continue
        if kind == "doc":
            yield Token("doc", raw.lower(), docnum_key(raw), m.start(), m.end())
        elif kind == "abbr":
            yield Token("abbr", raw.lower(), abbr_token(raw), m.start(), m.end())
        elif kind == "brk":
            yield Token("brk", raw, raw, m.start(), m.end())
        else:
            lower = raw.lower()
            yield Token("syl", lower, fold_token(lower), m.start(), m.end())


def _upper_letter(raw: str) -> bool:
    letters = re.search(r"[^\W\d_]", raw)
    return bool(letters and letters.group(0).isupper())


def _split_plain(raw: str, offset: int) -> Iterator[Token]:
    for m in re.finditer(r"\w+", raw):
        lower = m.group(0).lower()
        yield Token("syl", lower, fold_token(lower), offset + m.start(), offset + m.end())


@lru_cache(maxsize=1)
def _document_pattern() -> re.Pattern[str]:
    r"""The document tokenizer as one flat pattern (findall then returns plain strings, ~2x faster).

    It finds the same tokens as ``_token_pattern(False)``: an abbreviation made only of word
    characters is matched there only as a whole word run, which ``\w+`` matches anyway (its kind
    is decided per spelling in ``_classify``), so only abbreviations containing other characters
    (``KH&CN``, ``Tp.``) stay as alternatives. The long alternation of every abbreviation, tried at
    every position, cost half of the scan.
    """
    abbrs = sorted((a for a, _ in abbreviations() if re.fullmatch(r"\w+", a) is None), key=len, reverse=True)
    alternatives = "|".join(re.escape(a) for a in abbrs) or "(?!)"
    return re.compile(rf"(?<![\w/-]){_DOCNUM}|(?<![\w&])(?:{alternatives})(?![\w&])|\w+|{_BREAK}")


_SYL, _SPLIT, _DOC, _ABBR, _BRK = "syl", "split", "doc", "abbr", "brk"
# Raw spelling -> (kind, folded, extra), see _classify. Vocabularies are small, so nearly every
# token is one dict lookup.
_KINDS: dict[str, tuple[str, Any, Any]] = {}


def _classify(raw: str) -> tuple[str, Any, Any]:
    """Return what analyze_document needs of one raw document token, cached by its spelling.

    ``syl``: (folded, exact form for the exact stream or None); ``split``: (folded pieces, None);
    ``doc``: (key, bare number); ``abbr``: (token, concept or None); ``brk``: (None, None).
    Tone placement is unified here, per spelling, not over the whole text: moving a tone mark
    never changes where a token starts or ends.
    """
    if len(_KINDS) > 500_000:
        _KINDS.clear()
    norm = normalize_tone_placement(raw)
    m = _token_pattern(False).fullmatch(norm)
    kind = (m.lastgroup if m else None) or _SYL
    if (kind == _DOC and not _upper_letter(norm)) or (kind == _ABBR and not (norm.isupper() or norm == "Tp.")):
        kind = _SPLIT
    out: tuple[str, Any, Any]
    if kind == _DOC:
        key = docnum_key(norm)
        out = (_DOC, key, key.split("-", 1)[0])
    elif kind == _ABBR:
        token = abbr_token(norm)
        out = (_ABBR, token, _abbreviation_table().get(token))
    elif kind == _BRK:
        out = (_BRK, None, None)
    elif kind == _SPLIT:
        out = (_SPLIT, tuple(fold_token(piece) for piece in re.findall(r"\w+", norm.lower())), None)
    else:
        exact = norm.lower()
        folded = fold_token(exact)
        out = (_SYL, folded, exact if exact != folded and exact not in stopwords() else None)
    _KINDS[raw] = out
    return out


# Space-separated chunk of text -> what _classify says of each of its tokens. No token contains a
# space, and a space is neither a word character nor one the tokenizer's look-arounds test, so
# scanning chunk by chunk finds the tokens a scan of the whole text finds. Most chunks repeat
# (a syllable, a syllable with a comma), so a document costs one str.split and a dict lookup per
# chunk instead of a regex scan (Unicode \w scanning was a third of the analysis).
_CHUNKS: dict[str, tuple[tuple[str, Any, Any], ...]] = {}


def _chunk_tokens(chunk: str) -> tuple[tuple[str, Any, Any], ...]:
    if len(_CHUNKS) > 500_000:
        _CHUNKS.clear()
    kinds_get = _KINDS.get
    infos = _CHUNKS[chunk] = tuple(kinds_get(raw) or _classify(raw) for raw in _document_pattern().findall(chunk))
    return infos


def analyze_document(title: str | None, text: str) -> DocTokens:
    """Return the token streams of one document (title first, then body, in one position space)."""
    out = DocTokens()
    positions = out.positions
    exact_out = out.exact
    words_out = out.words
    chunks_get = _CHUNKS.get
    position = 0
    for part, is_title in ((title or "", True), (text, False)):
        if not unicodedata.is_normalized("NFC", part):
            part = nfc(part)
        run_f: list[str] = []
        for kind, folded, extra in chain.from_iterable(
            [chunks_get(chunk) or _chunk_tokens(chunk) for chunk in part.split(" ")]
        ):
            if kind is _SYL:
                plist = positions.get(folded)
                if plist is None:
                    positions[folded] = [position]
                else:
                    plist.append(position)
                if extra is not None:
                    exact_out.append(extra)
                run_f.append(folded)
                position += 1
                continue
            if kind is _SPLIT:
                for piece in folded:
                    plist = positions.get(piece)
                    if plist is None:
                        positions[piece] = [position]
                    else:
                        plist.append(position)
                    position += 1
                    run_f.append(piece)
                continue
            if run_f:
                _emit_compounds(run_f, out, is_title)
                run_f = []
            if kind is _BRK:
                continue
            plist = positions.get(folded)
            if plist is None:
                positions[folded] = [position]
            else:
                plist.append(position)
            if kind is _DOC:
                plist = positions.get(extra)
                if plist is None:
                    positions[extra] = [position]
                else:
                    plist.append(position)
            elif extra:
                words_out.append(extra)
                if is_title:
                    out.title.append(extra)
            position += 1
        if run_f:
            _emit_compounds(run_f, out, is_title)
        if is_title:
            # Only the title's tokens are in ``positions`` yet (the title field counts them).
            out.title.extend(tok for tok, plist in positions.items() for _ in plist)
        position += 10  # no phrase spans the title/body boundary
    out.length = sum(map(len, positions.values()))
    return out


# Compounds found in a run of syllables, by the run: articles share many clauses (boilerplate
# phrases, titles of agencies), so a run seen before costs one dict lookup.
_RUN_CACHE: dict[tuple[str, ...], tuple[str, ...]] = {}
RUN_CACHE_SIZE = 200_000


def _emit_compounds(run_f: list[str], out: DocTokens, is_title: bool) -> None:
    """Add every dictionary compound in the run (overlapping), so any query segmentation matches."""
    n = len(run_f)
    if n < 2:
        return
    run = tuple(run_f)
    found = _RUN_CACHE.get(run)
    if found is None:
        found = _run_compounds(run_f)
        if len(_RUN_CACHE) >= RUN_CACHE_SIZE:
            _RUN_CACHE.clear()
        _RUN_CACHE[run] = found
    if found:
        out.words.extend(found)  # folded only: exact-diacritic ranking uses the exact syllables
        if is_title:
            out.title.extend(found)


def _run_compounds(run_f: list[str]) -> tuple[str, ...]:
    n = len(run_f)
    entries, prefixes = _compounds()
    words: list[str] = []
    for i in range(n - 1):
        key = run_f[i]
        if key not in prefixes:
            continue
        for j in range(i + 1, min(i + MAX_COMPOUND, n)):
            key = f"{key} {run_f[j]}"
            if key in entries:
                words.append(key.replace(" ", "_"))
            if key not in prefixes:
                break
    return tuple(words)


def analyze_query(text: str) -> list[QueryUnit]:
    """Return the units of a free-text query run: greedy longest compounds, stopwords marked."""
    units: list[QueryUnit] = []
    run: list[Token] = []
    for tok in tokenize(text, query=True):
        if tok.kind == "syl":
            run.append(tok)
            continue
        units.extend(_segment(run))
        run = []
        if tok.kind == "doc":
            units.append(QueryUnit("doc", tok.folded, None))
        elif tok.kind == "abbr":
            units.append(QueryUnit("abbr", tok.folded, None))
    units.extend(_segment(run))
    return units


def _segment(run: list[Token]) -> list[QueryUnit]:
    entries, prefixes = _compounds()
    stops = stopwords()
    units: list[QueryUnit] = []
    i = 0
    while i < len(run):
        best = i
        key = run[i].folded
        for j in range(i + 1, min(i + MAX_COMPOUND, len(run))):
            if key not in prefixes:
                break
            key = f"{key} {run[j].folded}"
            if key in entries:
                best = j
        if best > i:
            part = run[i : best + 1]
            folded = compound_token([t.folded for t in part])
            exact = compound_token([t.exact for t in part])
            units.append(QueryUnit("compound", folded, exact if exact != folded else None))
        else:
            tok = run[i]
            exact = tok.exact if tok.exact != tok.folded else None
            abbr = _abbreviation_table().get(tok.folded)
            kind = "abbr" if abbr and not exact else "syl"
            units.append(QueryUnit(kind, tok.folded, exact, stop=tok.exact in stops))
        i = best + 1
    return units


def concept_of(abbr: str) -> str | None:
    """Return the words-stream token of an abbreviation's expansion, if it is one."""
    return _abbreviation_table().get(abbr_token(abbr))


def phrase_tokens(text: str) -> list[str]:
    """Return the folded positional tokens of a quoted phrase (stopwords kept)."""
    return [t.folded for t in tokenize(text, query=True) if t.kind != "brk"]


# Between the syllables of a highlighted compound or phrase: spaces, a comma or a dash.
_SEQ_GAP = r"[\s,\-–—]+"


def match_spans(text: str, folded_terms: set[str]) -> list[tuple[int, int]]:
    """Return character spans in ``text`` of tokens whose folded form is in ``folded_terms``.

    A term joined by ``_`` (a compound, or a phrase) matches only as the whole sequence of its
    syllables, so "chi_thi" marks "Chỉ thị" but not the "thi" of "thi đua". One regex scan over
    the folded text (folding NFC Vietnamese keeps every character in place), so snippets cost
    microseconds rather than a full re-tokenisation.
    """
    if not folded_terms:
        return []
    folded = fold_diacritics(normalize_tone_placement(nfc(text))).lower()
    if len(folded) != len(text):
        return _match_spans_slow(text, folded_terms)
    alternatives = []
    for term in sorted(folded_terms, key=len, reverse=True):
        parts = [_term_pattern(p) for p in term.split("_") if p]
        if parts:
            alternatives.append(_SEQ_GAP.join(parts))
    pattern = re.compile(r"(?<![\w&])(?:" + "|".join(alternatives) + r")(?![\w&])")
    return [m.span() for m in pattern.finditer(folded)]


def _term_pattern(term: str) -> str:
    if "-" in term and term[:1].isdigit():  # a document number key: match its written forms
        head, *rest = term.split("-")
        return "0*" + re.escape(head) + "".join(r"[/-]" + re.escape(r) for r in rest)
    if term.isdigit():  # a bare number also marks the document number it starts
        return "0*" + re.escape(term.lstrip("0") or "0") + _DOCNUM_TAIL
    return re.escape(term)


def _match_spans_slow(text: str, folded_terms: set[str]) -> list[tuple[int, int]]:
    tokens = [t for t in tokenize(text) if t.kind != "brk"]
    keys = [t.folded for t in tokens]
    spans: list[tuple[int, int]] = []
    sequences = [t.split("_") for t in folded_terms]
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        best = 0
        for seq in sequences:
            n = len(seq)
            if n > best and keys[i : i + n] == seq:
                best = n
        if not best and tok.kind == "doc" and tok.folded.split("-", 1)[0] in folded_terms:
            best = 1
        if best:
            spans.append((tok.start, tokens[i + best - 1].end))
            i += best
        else:
            i += 1
    return spans
