"""The query language: parse a query string into a small syntax tree, with clear errors.

    thi đua                         every word (or compound) must appear; accents optional
    "khối thi đua"                  phrase
    a OR b, a AND b, NOT a, -a      boolean operators (upper case), parentheses group
    province:"Yên Bái" year:2021    facet filters (also province_new, bloc, type, directive, award, agency, person)
    year:2019..2021                 year range
    date:2020-01-01..2021-12-31     date range (either side may be left open: date:2021-06..)
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from index.errors import QuerySyntaxError
from index.schema import DATE_FIELDS, FILTER_ALIASES

_QUOTES = {'"': '"', "“": "”", "„": "“"}
_FIELD = re.compile(r"^([A-Za-z_]+):(.*)$", re.DOTALL)
_DATE = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$")


@dataclass(frozen=True)
class Node:
    """Base of syntax-tree nodes."""


@dataclass(frozen=True)
class Text(Node):
    text: str


@dataclass(frozen=True)
class PhraseNode(Node):
    text: str


@dataclass(frozen=True)
class FieldNode(Node):
    name: str  # canonical facet name
    value: str
    high: str | None = None  # for year ranges


@dataclass(frozen=True)
class DateNode(Node):
    low: int | None
    high: int | None


@dataclass(frozen=True)
class AndNode(Node):
    items: tuple[Node, ...]


@dataclass(frozen=True)
class OrNode(Node):
    items: tuple[Node, ...]


@dataclass(frozen=True)
class NotNode(Node):
    item: Node


@dataclass(frozen=True)
class Empty(Node):
    """The empty query: every document."""


@dataclass(frozen=True)
class _Tok:
    kind: str  # "(" ")" "word" "phrase" "field" "AND" "OR" "NOT"
    text: str
    pos: int
    value: str = ""
    quoted: bool = False


def _lex(q: str) -> list[_Tok]:
    toks: list[_Tok] = []
    i, n = 0, len(q)
    while i < n:
        ch = q[i]
        if ch.isspace():
            i += 1
        elif ch in "()":
            toks.append(_Tok(ch, ch, i))
            i += 1
        elif ch in _QUOTES:
            text, i = _read_quoted(q, i)
            toks.append(_Tok("phrase", text, i))
        elif ch == "-" and i + 1 < n and not q[i + 1].isspace() and q[i + 1] != "-" and not q[i + 1].isdigit():
            toks.append(_Tok("NOT", "-", i))
            i += 1
        else:
            start = i
            while i < n and not q[i].isspace() and q[i] not in "()" and q[i] not in _QUOTES:
                i += 1
            word = q[start:i]
            m = _FIELD.match(word)
            if m and (m.group(1).lower() in FILTER_ALIASES or m.group(1).lower() in DATE_FIELDS):
                name, value, quoted = m.group(1).lower(), m.group(2), False
                if not value and i < n and q[i] in _QUOTES:
                    value, i = _read_quoted(q, i)
                    quoted = True
                if not value.strip():
                    example = _EXAMPLES.get(FILTER_ALIASES.get(name, name), '"…"')
                    raise QuerySyntaxError(f'"{name}:" needs a value, e.g. {name}:{example}', q, start)
                toks.append(_Tok("field", name, start, value, quoted))
            elif m and m.group(2) and not m.group(1)[0].isdigit():
                known = ", ".join(sorted({*FILTER_ALIASES, *DATE_FIELDS}))
                raise QuerySyntaxError(
                    f'unknown field "{m.group(1)}:" at position {start + 1}; known fields: {known} '
                    f'(put the text in quotes to search for it literally)',
                    q,
                    start,
                )
            elif word in ("AND", "OR", "NOT", "&&", "||"):
                toks.append(_Tok({"&&": "AND", "||": "OR"}.get(word, word), word, start))
            else:
                toks.append(_Tok("word", word, start))
    return toks


# What a filter's value looks like, for error messages.
_EXAMPLES = {
    "year": "2021 or year:2019..2021", "date": "2021-06 or date:2020-01-01..2021-12-31",
    "province": '"Yên Bái"', "province_new": '"Lào Cai"', "bloc": '"Khối thi đua số 3"', "event_type": "tong_ket",
    "directive": "34-CT/TW", "award": '"Cờ thi đua"', "agency": '"Sở Nội vụ"', "person": '"Nguyễn Văn An"',
}


def _read_quoted(q: str, i: int) -> tuple[str, int]:
    close = _QUOTES[q[i]]
    end = q.find(close, i + 1)
    if end < 0 and close != '"':
        end = q.find('"', i + 1)
    if end < 0:
        raise QuerySyntaxError(f"unclosed quote at position {i + 1}: add the closing {close}", q, i)
    return q[i + 1 : end], end + 1


class _Parser:
    def __init__(self, q: str) -> None:
        self.q = q
        self.toks = _lex(q)
        self.i = 0

    def peek(self) -> _Tok | None:
        return self.toks[self.i] if self.i < len(self.toks) else None

    def error(self, message: str, tok: _Tok | None) -> QuerySyntaxError:
        where = f" at position {tok.pos + 1}" if tok is not None else " at the end"
        return QuerySyntaxError(message + where, self.q, tok.pos if tok else len(self.q))

    def parse(self) -> Node:
        if not self.toks:
            return Empty()
        node = self.parse_or()
        tok = self.peek()
        if tok is not None:
            if tok.kind == ")":
                raise self.error('unmatched ")"', tok)
            raise self.error(f"unexpected {tok.text!r}", tok)
        return node

    def parse_or(self) -> Node:
        items = [self.parse_and()]
        while (tok := self.peek()) is not None and tok.kind == "OR":
            self.i += 1
            if self.peek() is None or self.peek().kind in (")", "OR", "AND"):  # type: ignore[union-attr]
                raise self.error("OR needs a term after it", tok)
            items.append(self.parse_and())
        return items[0] if len(items) == 1 else OrNode(tuple(items))

    def parse_and(self) -> Node:
        items = [self.parse_unary()]
        while (tok := self.peek()) is not None and tok.kind not in ("OR", ")"):
            if tok.kind == "AND":
                self.i += 1
                nxt = self.peek()
                if nxt is None or nxt.kind in (")", "OR", "AND"):
                    raise self.error("AND needs a term after it", tok)
            items.append(self.parse_unary())
        merged: list[Node] = []
        for item in items:  # adjacent words form one run, so compounds segment across them
            if isinstance(item, Text) and merged and isinstance(merged[-1], Text):
                merged[-1] = Text(f"{merged[-1].text} {item.text}")
            else:
                merged.append(item)
        return merged[0] if len(merged) == 1 else AndNode(tuple(merged))

    def parse_unary(self) -> Node:
        tok = self.peek()
        if tok is None:
            raise self.error("the query ends where a term was expected", None)
        if tok.kind == "NOT":
            self.i += 1
            if self.peek() is None or self.peek().kind in (")", "OR", "AND"):  # type: ignore[union-attr]
                raise self.error(f"{tok.text} needs a term after it", tok)
            return NotNode(self.parse_unary())
        if tok.kind in ("AND", "OR"):
            raise self.error(f"{tok.kind} needs a term before it", tok)
        if tok.kind == ")":
            raise self.error('unmatched ")"', tok)
        self.i += 1
        if tok.kind == "(":
            if self.peek() is not None and self.peek().kind == ")":  # type: ignore[union-attr]
                raise self.error("empty parentheses", tok)
            node = self.parse_or()
            close = self.peek()
            if close is None or close.kind != ")":
                raise self.error('missing ")" for the "(" opened', tok)
            self.i += 1
            return node
        if tok.kind == "phrase":
            if not tok.text.strip():
                raise self.error("empty phrase", tok)
            return PhraseNode(tok.text)
        if tok.kind == "field":
            return self.field(tok)
        return Text(tok.text)

    def field(self, tok: _Tok) -> Node:
        value = tok.value.strip()
        if tok.text in DATE_FIELDS:
            return parse_date_range(value, self.q, tok.pos)
        name = FILTER_ALIASES[tok.text]
        if name == "year":
            low, sep, high = value.partition("..")
            if not (low or high) or any(p and not (p.isdigit() and len(p) == 4) for p in (low, high)):
                raise self.error(f"year must be four digits or a range like 2019..2021, not {value!r}", tok)
            if sep:
                if low and high and low > high:
                    raise self.error(f"year range {value!r} ends before it starts; write {high}..{low}", tok)
                return FieldNode("year", low or "1900", high or "2100")
            return FieldNode("year", low)
        return FieldNode(name, value)


def _date_bound(text: str, q: str, pos: int, *, upper: bool) -> int | None:
    if not text:
        return None
    m = _DATE.match(text.strip())
    if not m:
        raise QuerySyntaxError(
            f"bad date {text!r} at position {pos + 1}: use YYYY, YYYY-MM or YYYY-MM-DD, e.g. date:2020-01-01..2021-12-31",
            q,
            pos,
        )
    y = int(m.group(1))
    if (m.group(2) and not 1 <= int(m.group(2)) <= 12) or (m.group(3) and not 1 <= int(m.group(3)) <= 31):
        raise QuerySyntaxError(f"bad date {text!r} at position {pos + 1}: month or day out of range", q, pos)
    # Unknown parts are stored as 00 (index.source), so open parts span 00..99.
    mo = int(m.group(2)) if m.group(2) else (99 if upper else 0)
    d = int(m.group(3)) if m.group(3) else (99 if upper else 0)
    return y * 10000 + mo * 100 + d


def parse_date_range(value: str, q: str = "", pos: int = 0) -> DateNode:
    """Return the DateNode of "A..B", "A.." , "..B" or a single "A" (a whole year, month or day)."""
    low, sep, high = value.partition("..")
    if sep:
        node = DateNode(_date_bound(low, q, pos, upper=False), _date_bound(high, q, pos, upper=True))
        if node.low is None and node.high is None:
            raise QuerySyntaxError(f"empty date range at position {pos + 1}", q, pos)
        if node.low is not None and node.high is not None and node.low > node.high:
            raise QuerySyntaxError(f"date range at position {pos + 1} ends before it starts", q, pos)
        return node
    return DateNode(_date_bound(value, q, pos, upper=False), _date_bound(value, q, pos, upper=True))


def parse(q: str) -> Node:
    """Return the syntax tree of ``q``; QuerySyntaxError says what is wrong and where."""
    if len(q) > 2000:
        raise QuerySyntaxError("query too long (over 2,000 characters)", q, 2000)
    return _Parser(q).parse()
