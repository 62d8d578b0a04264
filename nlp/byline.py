"""The article's author line (byline).

Two shapes: an explicit marker anywhere ("Viết bởi Andy", "Tin, ảnh: Minh Hà"), or a short
name-shaped line right after a body paragraph near the end ("Lăng Trang", "QUỐC THÀNH",
"Nguyễn Thanh Sơn - Sở Khoa học và Công nghệ" -> "Nguyễn Thanh Sơn"). Source lines
("Nguồn: …", "Theo …") and photo credits ("Ảnh: …") are not bylines.
"""

from __future__ import annotations

import re
from functools import cache

from nlp.lexicon import words
from nlp.prepare import PreparedText
from store.models import Span
from store.vntext import fold_key

# The byline sits right after the article's last paragraph; a paragraph is at least this long.
MIN_BODY_LINE = 60
MAX_NAME_WORDS = 5
MIN_CLOSING_WORDS = 6  # a short last sentence after a paragraph still counts as body
_EXPLICIT = re.compile(
    r"(?m)^[ \t]*(?:Viết bởi|Đăng bởi|Tác giả(?:\s+bài\s+viết)?\s*:|Người viết\s*:|Phóng viên\s*:|"
    r"(?:Bài|Tin)\s*(?:(?:,|và|/|&|\+)\s*ảnh)?\s*:|Ảnh\s*(?:,|và|/|&|\+)\s*bài\s*:)[ \t]*(?P<name>[^\n(|]{2,60})"
)
# "Bài: Thu Hà, ảnh Minh Quân", "Bài: Thu Hà; Ảnh: Minh Quân": the photographer after the writer is not the author
_PHOTO_TAIL = re.compile(r"\s*[,;.]\s*(?:ảnh|Ảnh|ẢNH)\s*:?\s+\S.*$")
_CUT = re.compile(r"\s+[-–—|]\s+|\s*\(|\s*,\s*(?=\d)|\s+-\s*(?=Th\d|\d)")
# a name word, or initials before a given name in any case ("T.Văn", "T.VĂN", "N.H")
_WORD = re.compile(r"^(?:[A-ZĐÀ-Ỹ][a-zđà-ỹA-ZĐÀ-Ỹ']*\.?|(?:[A-ZĐÀ-Ỹ]\.){1,3}(?:[A-ZĐÀ-Ỹ]?[a-zđà-ỹ]*|[A-ZĐÀ-Ỹ]+))$")
_NOT_NAME = {
    "quang cao", "lien ket", "lien ket web", "binh luan", "dang nhap", "trang chu", "chia se", "tin tuc",
    "video", "menu", "xem them", "tin lien quan", "bao cao", "thong bao", "ket luan", "hoi nghi",
    "phat bieu", "quang canh", "toan canh", "tin tuc su kien", "chuyen muc", "lien he",
    # the editorial board signs as an office, not a person ("BBT" = Ban Biên tập)
    "bbt", "btv", "ban bien tap",
}
# Words that never occur in a personal name (Văn, Trung, Tâm, Công, Thành, Đoàn all do).
_UNIT_WORDS = {
    "sở", "ban", "hội", "ubnd", "khối", "cụm", "trường", "tỉnh", "huyện", "xã", "phường", "ủy", "uỷ",
    "đảng", "cục", "viện", "báo", "đài", "phòng", "năm", "ngày", "tháng", "bộ", "tin", "tức",
    "ty", "tra", "nghị",
}
_REJECT_START = re.compile(r"^(?:\(?\s*(?:nguồn|theo|ảnh|photo|source|bài liên quan|xem|tags?|từ khóa)\b)", re.IGNORECASE)


def _clean_candidate(line: str, single_word: bool = False) -> str | None:
    """Return the name part of a candidate byline line, or None when it is not name-shaped."""
    text = line.strip().strip("()[]").strip()
    if not text or _REJECT_START.match(text):
        return None
    m = _CUT.search(text)
    joint = None
    if m:
        joint = _second_author(text, m)
        text = text[: m.start()].strip()
    text = text.rstrip(".,;:")
    if "," in text and not joint:
        return _comma_joint(text)
    words = text.split()
    if not 1 <= len(words) <= MAX_NAME_WORDS:
        return None
    if not all(_WORD.match(w) for w in words):
        return None
    if any(ch.isdigit() for ch in text):
        return None
    key = fold_key(text)
    if key in _NOT_NAME:
        return None
    folded_words = text.lower().split()
    # Agency-like lines ("Sở Nội vụ", "THANH TRA TỈNH THÁI NGUYÊN") name units, not authors; "Thi" alone
    # is a given name ("Hồng Thi"), "thi đua" is not.
    if any(w in _UNIT_WORDS for w in folded_words) or "thi đua" in text.lower():
        return None
    if len(words) == 1 and not single_word and not joint and not (text.isupper() and 2 <= len(text) <= 6) and "." not in text:
        return None
    return joint or text


_DASH = re.compile(r"\s+[-–—]\s+")


def _second_author(text: str, cut: re.Match[str]) -> str | None:
    """A joint byline "Quàng Hương - Lò Cường" kept whole; "Văn Thịnh - Phòng Nội vụ" is a name and an office.

    The part after the dash is a second name when it has 2–4 words, each capitalised (an office has
    lowercase words: "Phòng Nội vụ", "Trung tâm Truyền thông"), no unit word, and the same case as the first.
    """
    if not _DASH.fullmatch(cut.group(0)):
        return None
    first = text[: cut.start()].strip()
    rest = text[cut.end() :]
    nxt = _CUT.search(rest)
    second = (rest[: nxt.start()] if nxt else rest).strip().rstrip(".,;:")
    words = second.split()
    if len(words) == 1 and _pair_of_given_names(first, second):
        return f"{first}{cut.group(0)}{second}"
    if not 2 <= len(words) <= 4 or not all(_WORD.match(w) and w[0].isupper() for w in words):
        return None
    if any(w.lower() in _UNIT_WORDS for w in words) or second.isupper() != first.isupper():
        return None
    if not first.isupper() and any(len(w) >= 2 and w.isupper() for w in words):
        return None  # "Thanh Bình - NHNN Đồng Nai": an abbreviated office, not a second reporter
    return f"{first.rstrip('.,;:')}{cut.group(0)}{second}"


_GIVEN = re.compile(r"^[A-ZĐÀ-Ỹ][a-zđà-ỹ]{1,6}$")


def _pair_of_given_names(first: str, second: str) -> bool:
    """Two reporters signing by given name only, "Hà - Quân": two title-case single words, no unit word."""
    if not (_GIVEN.match(first) and _GIVEN.match(second)):
        return False
    folded = {first.lower(), second.lower()}
    return not folded & _UNIT_WORDS and not {fold_key(first), fold_key(second)} & (_NOT_NAME | _places())


@cache
def _places() -> frozenset[str]:
    """Folded province names: "Hà Nội, Đà Nẵng" is a dateline or a list of places, not two authors."""
    return frozenset(fold_key(p) for p in words("provinces"))


def _comma_joint(text: str) -> str | None:
    """A joint byline written with commas, "Thu Hà, Minh Quân": every part a 2–4-word name, same case."""
    parts = [p.strip() for p in text.split(",")]
    if not 2 <= len(parts) <= 3:
        return None
    for part in parts:
        words = part.split()
        if not 2 <= len(words) <= 4 or not all(_WORD.match(w) and w[0].isupper() for w in words):
            return None
        if any(w.lower() in _UNIT_WORDS for w in words) or fold_key(part) in _NOT_NAME | _places():
            return None
    if len({p.isupper() for p in parts}) > 1:
        return None
    return ", ".join(parts)


# A photo caption ends with its credit: "Quang cảnh hội nghị. Ảnh: Thu Hà", "… phát biểu (Ảnh: PV)".
_CAPTION_CREDIT = re.compile(r"[.!?…]\s*[(\[]?\s*(?:Ảnh|ảnh|Nguồn ảnh|Photo)\s*:\s*[^()\[\]\n]{1,40}[)\]]?\s*$")

# A photo caption with no credit and no full stop: "Đồng chí A, Giám đốc Sở X phát biểu kết luận"
_BARE_CAPTION = re.compile(
    r"^(?:Đồng chí|Đ/c|Ông|Bà|Quang cảnh|Toàn cảnh|Lãnh đạo|Các đại biểu|Đại biểu)\s"
    r"[^\n]*?(?<!\w)(?:phát biểu|trao|chủ trì|ký kết|tặng|chụp ảnh|tham dự|tham gia|thảo luận)(?!\w)"
)


def _is_body_line(line: str, after_body: bool = False) -> bool:
    """A paragraph of the article, or a photo caption (the byline may follow the last caption).

    A short closing sentence right after a paragraph is body too ("Lãnh đạo 5 xã đã ký kết giao
    ước thi đua."): articles often end on one, and the byline comes next.
    """
    stripped = line.strip()
    if _CAPTION_CREDIT.search(stripped) or (len(stripped) >= MIN_BODY_LINE and _BARE_CAPTION.match(stripped)):
        return True
    if len(stripped) >= MIN_BODY_LINE and stripped[-1] in ".!?…\"”)/:;":
        return True
    return after_body and stripped[-1] in ".!?…" and len(stripped.split()) >= MIN_CLOSING_WORDS


# "Nguồn: Hoàng Văn A - Phòng Nghiệp vụ": a source line naming a person (not a paper) signs the article
_SOURCE_PERSON = re.compile(r"^[ \t]*Nguồn\s*:\s*(?P<rest>[^\n]{4,80})$")


def _source_person(rest: str) -> str | None:
    """The person a source line names: 2–4 capitalised words opening with a surname, maybe then an office."""
    name = _clean_candidate(rest)
    if name is None or _DASH.search(name) or "," in name:
        return None
    parts = name.split()
    if not 2 <= len(parts) <= 4 or parts[0] not in words("surnames") or name.isupper():
        return None
    return name


def extract_byline(doc: PreparedText) -> tuple[str, Span] | None:
    """Return (author, evidence span) for the article's byline, or None."""
    text = doc.text
    m = _EXPLICIT.search(text)
    if m:
        name = _clean_candidate(_PHOTO_TAIL.sub("", m.group("name")), single_word=True)
        if name:
            start = text.find(name, m.start("name"))
            return name, Span(start=start, end=start + len(name), source="rule:byline_marker")
    best: tuple[str, int] | None = None
    prev_body = False
    pos = 0
    for line in text.split("\n"):
        line_start = pos
        pos += len(line) + 1
        if not line.strip():
            continue
        source = _SOURCE_PERSON.match(line)
        if source is not None:
            name = _source_person(source.group("rest"))
            if name:
                best = (name, text.find(name, line_start))
        elif prev_body and len(line.strip()) <= 80:
            name = _clean_candidate(line)
            if name:
                best = (name, text.find(name, line_start))
        prev_body = _is_body_line(line, prev_body)
    if best is None:
        return None
    name, start = best
    return name, Span(start=start, end=start + len(name), source="rule:byline_last_line")
