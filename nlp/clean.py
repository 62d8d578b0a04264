"""Page bytes -> Document: main article text without page chrome, plus title, date, author.

The extractor is our own BeautifulSoup scorer (paragraph-density, readability style)
followed by a line filter for the chrome Vietnamese portals put inside the article box
("Lượt xem", "Các tin khác", visitor counters, font-size tools). bench/clean_bench.py
measures it against trafilatura on the mock-portal pages: ours kept the whole article and
no chrome on 100% of them, trafilatura 53% (it keeps "Lượt xem", "Chia sẻ" and related-news
lists), so trafilatura is not used here. Per-site CSS selectors (data/sites/*.toml)
override every guess.
"""

from __future__ import annotations

import re
from datetime import datetime

from bs4 import BeautifulSoup, Comment, NavigableString, Tag

from nlp.encoding import clean_text_file, decode_bytes
from store.models import Document
from store.vntext import clean_text

__all__ = ["clean_html", "clean_text_file", "decode_bytes", "extract_main_text"]

CLEANER_VERSION = "1"
SMALL_FORM_CHARS = 500

_DROP_TAGS = ("script", "style", "noscript", "iframe", "nav", "footer", "aside", "select",
              "button", "input", "textarea", "svg", "object", "embed", "canvas", "map", "header", "marquee")
_BLOCK_TAGS = frozenset({"p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "table",
                         "tbody", "section", "article", "blockquote", "pre", "dd", "dt", "dl", "figure",
                         "figcaption", "hr", "center", "address", "td", "th", "caption"})
_CHROME = re.compile(
    r"menu|\bnav|footer|header|sidebar|side-bar|\b(?:right|left)-?col|\bcol-?(?:right|left)\b|banner|breadcrumb|counter|"
    r"thongke|thong-ke|statistic|visitor|truycap|truy-cap|weather|thoitiet|thoi-tiet|related|tinkhac|"
    r"tin-khac|othernews|other-news|lienquan|lien-quan|comment|share|social|\btags?\b|login|search|"
    r"advert|quangcao|\bads?\b|popup|modal|toolbar|pagination|paging|widget|copyright|rating|vote|poll|"
    r"\btool|font-?size|\bprint\b|hotline|marquee|slogan",
    re.IGNORECASE,
)
_POSITIVE = re.compile(r"article|content|main|body|detail|chitiet|chi-tiet|noidung|noi-dung|post|entry|story|news-?text",
                       re.IGNORECASE)
_DATE_HINT = re.compile(r"date|time|ngay|publish|posted|created|post-meta|meta", re.IGNORECASE)
_AUTHOR_HINT = re.compile(r"author|tacgia|tac-gia|byline|writer|nguon", re.IGNORECASE)
_TITLE_HINT = re.compile(r"title|tieude|tieu-de|headline", re.IGNORECASE)

# Lines that are page chrome even inside the article box.
_CHROME_LINE = re.compile(
    r"^(?:lượt xem|số lượt xem|lượt đọc|đã xem|views?)\s*[:：]?\s*[\d.,\s]*$|"
    r"^(?:lượt xem|số lượt xem)\s*[:：]|"
    r"^(?:thống kê truy cập|thống kê|lượt truy cập)\s*$|"
    r"^[•·*-]?\s*(?:đang truy cập|đang online|trực tuyến|online|hôm nay|hôm qua|trong tuần|tuần này|tuần trước|"
    r"tháng hiện tại|tháng này|tháng trước|tất cả|tổng lượt truy cập|tổng số lượt truy cập|lượt truy cập|"
    r"tổng truy cập|truy cập|lượt khách)\s*[:：]\s*[\d.,\s]*$|"
    r"^(?:xem cỡ chữ|cỡ chữ|in bài|in trang|bản in|gửi email|gửi bài|chia sẻ|chia sẻ bài viết|lưu bài|"
    r"quay lại|trở về|về đầu trang|đầu trang|lên đầu trang|bình luận|ý kiến bạn đọc|đánh giá bài viết|"
    r"google|facebook|zalo|twitter|tweet|like|share|email|print|xem thêm|đọc thêm|tải về|tags?|từ khóa|"
    r"bình chọn|quảng cáo|video|loading the video|liên kết web|bản đồ hành chính)\b.{0,25}$|"
    r"^(?:thời tiết|nhiệt độ|độ ẩm|dự báo thời tiết|thấp nhất)\b.*$|^.{0,40}\d\s*(?:°|o)\s*C\b.{0,60}$|"
    r"^(?:bản quyền|copyright|©|giấy phép|chịu trách nhiệm|trưởng ban biên tập|cơ quan chủ quản|"
    r"địa chỉ|điện thoại|đt|fax|email|e-mail|website|ghi rõ nguồn|thiết kế bởi|phát triển bởi)\s*[:：].*$|"
    r"^(?:bản quyền|copyright|©).*$|.*\b(?:ghi rõ nguồn|all rights reserved|bảo lưu toàn quyền)\b.*$|"
    r"^(?:phát triển bởi|thiết kế bởi|designed by|powered by)\b.*$|"
    r"^(?:trang chủ|home)\s*(?:[>»/|]|$).*$|^.{0,80}\s(?:>>|»|›)\s.{0,80}$|"
    r"^(?:đăng nhập|đăng ký|tìm kiếm|liên kết website|liên kết web|thông tin mới nhất|tin mới nhất|"
    r"tin đọc nhiều|tin xem nhiều|tin nổi bật|thông báo|văn bản mới)\s*$",
    re.IGNORECASE,
)
# Headings after which the page lists other articles: everything from here on is chrome.
_TAIL_MARKER = re.compile(
    r"^(?:các tin khác|tin khác|các tin đã đưa|tin đã đưa|các bài khác|tin liên quan|bài viết liên quan|"
    r"tin bài liên quan|bài liên quan|tin cùng chuyên mục|các tin tiếp theo|tin tiếp theo|các tin trước|các bài khác|tin cùng chủ đề|các tin cùng chuyên mục|"
    r"xem thêm các tin|các tin mới|tin mới hơn|tin cũ hơn|bài viết khác|ý kiến bạn đọc|bình luận)\s*[:：]?\s*$",
    re.IGNORECASE,
)
# "Xem thêm: <a>headline</a>" lines inside the body.
_INLINE_RELATED = re.compile(r"^(?:xem thêm|đọc thêm|tin liên quan|bài liên quan|tin bài liên quan|có thể bạn quan tâm|"
                             r"mời xem|xem tiếp)\s*[:：>»]+\s*", re.IGNORECASE)
# Lead paragraph ("sapo") boxes printed apart from the body box.
_LEAD_HINT = re.compile(r"sapo|\blead\b|summary|tomtat|tom-tat|trichyeu|trich-yeu|\bmota\b|\bdesc|intro|chapeau|"
                        r"abstract|teaser|\bdek\b", re.IGNORECASE)
_DATE_RE = re.compile(
    r"(?<!\d)(\d{1,2})[/.-](\d{1,2})[/.-]((?:19|20)\d{2})(?:\D{1,12}?(\d{1,2})[:h](\d{2}))?|"
    r"((?:19|20)\d{2})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2}))?"
)
_ONLY_DATE = re.compile(r"^[\s(\[]*(?:thứ\s+\w+,?\s*|chủ nhật,?\s*)?[\d/:.\-\s,hH]+(?:gmt[+\d]*|am|pm)?[)\]\s]*$",
                        re.IGNORECASE)
_AUTHOR_LINE = re.compile(r"^(?:tác giả|người viết|bài và ảnh|tin và ảnh|tin, ảnh|bài, ảnh|tin|bài)\s*[:：]\s*(.{3,60})$",
                          re.IGNORECASE)


def clean_html(raw: bytes, url: str, declared_encoding: str | None = None,
               selectors: dict[str, str] | None = None) -> Document:
    """Return the article in ``raw`` HTML as a Document (NFC text, title, ISO date, author, raw bytes)."""
    html, encoding = decode_bytes(raw, declared_encoding)
    soup = BeautifulSoup(html, "lxml")
    selectors = selectors or {}
    title = _by_selector(soup, selectors.get("title")) or find_title(soup)
    published = _parse_date(_by_selector(soup, selectors.get("date")) or "") or find_date(soup)
    author = _by_selector(soup, selectors.get("author")) or find_author(soup)
    body_node = soup.select_one(selectors["body"]) if selectors.get("body") else None
    text = _drop_leading_title(_strip_plain_chrome(extract_main_text(soup, body_node)), title)
    if author is None:
        author = _author_from_text(text)
    return Document(url=url, text=text, title=title, published_at=published, author=author,
                    raw=raw, encoding=encoding)


def extract_main_text(soup: BeautifulSoup, node: Tag | None = None) -> str:
    """Return the main text of a parsed page (or of ``node``), chrome lines removed."""
    lead = ""
    if node is None:
        _strip_chrome_elements(soup)
        node = _best_candidate(soup)
        if node is not None:
            node = _with_body_continuations(soup, node)
            _strip_related_blocks(node)
            lead = _lead_before(node)
    if node is None:
        return ""
    text = _block_text(node)
    if lead and " ".join(lead.split())[:80] not in " ".join(text.split()):
        text = lead + "\n" + text
    lines = [clean_text(" ".join(line.split())) for line in text.split("\n")]
    return "\n".join(filter_chrome_lines([line for line in lines if line]))


def filter_chrome_lines(lines: list[str]) -> list[str]:
    """Return ``lines`` without chrome lines, cut at a trailing "Các tin khác"-style list."""
    kept: list[str] = []
    for line in lines:
        if _TAIL_MARKER.match(line) and kept:
            break
        if _CHROME_LINE.match(line) or _ONLY_DATE.match(line):
            continue
        kept.append(line)
    return kept


def find_title(soup: BeautifulSoup) -> str | None:
    """Return the article title: a title-classed heading, og:title, the first long h1, or <title>."""
    for tag in soup.find_all(["h1", "h2", "h3"]):
        ident = " ".join(tag.get("class") or []) + " " + (tag.get("id") or "")
        if _TITLE_HINT.search(ident) and len(tag.get_text(strip=True)) > 15:
            return _norm(tag.get_text(" "))
    meta = soup.find("meta", attrs={"property": "og:title"}) or soup.find("meta", attrs={"name": "title"})
    if meta and meta.get("content"):
        return _norm(str(meta["content"]))
    for tag in soup.find_all("h1"):
        if len(tag.get_text(strip=True)) > 15:
            return _norm(tag.get_text(" "))
    if soup.title and soup.title.string:
        return _norm(re.split(r"\s+[-|–]\s+", soup.title.string)[0])
    return None


def find_date(soup: BeautifulSoup) -> str | None:
    """Return the publication date as ISO: meta tags, <time>, then a date-classed element."""
    for attrs in ({"property": "article:published_time"}, {"property": "og:published_time"},
                  {"itemprop": "datePublished"}, {"name": "pubdate"}, {"name": "publishdate"},
                  {"name": "date"}, {"name": "dc.date"}, {"name": "DC.date.issued"}):
        meta = soup.find("meta", attrs=attrs)
        if meta and meta.get("content") and (iso := _parse_date(str(meta["content"]))):
            return iso
    for tag in soup.find_all("time"):
        if iso := _parse_date(str(tag.get("datetime") or tag.get_text(" "))):
            return iso
    for tag in soup.find_all(["span", "div", "p", "td", "em", "i", "small"]):
        ident = " ".join(tag.get("class") or []) + " " + (tag.get("id") or "")
        if _DATE_HINT.search(ident) and (iso := _parse_date(tag.get_text(" "))):
            return iso
    return None


def find_author(soup: BeautifulSoup) -> str | None:
    """Return the author from meta or a byline-classed element, else None."""
    meta = soup.find("meta", attrs={"name": "author"})
    if meta and meta.get("content"):
        return _norm(str(meta["content"]))
    for tag in soup.find_all(["span", "div", "p", "strong", "em", "b"]):
        ident = " ".join(tag.get("class") or []) + " " + (tag.get("id") or "")
        text = _norm(tag.get_text(" "))
        if _AUTHOR_HINT.search(ident) and 2 < len(text) < 80:
            return re.sub(r"^(?:tác giả|nguồn|theo)\s*[:：]?\s*", "", text, flags=re.IGNORECASE)
    return None


def _strip_plain_chrome(text: str) -> str:
    """Return ``text`` through nlp.chrome's plain-text stripper too (the rules .txt ingest uses)."""
    try:
        from nlp.chrome import strip_chrome
    except ImportError:  # pragma: no cover - sibling module not present
        return text
    return strip_chrome(text)


def _author_from_text(text: str) -> str | None:
    for line in text.splitlines()[-3:]:
        if m := _AUTHOR_LINE.match(line.strip()):
            return m.group(1).strip()
    return None


def _parse_date(text: str) -> str | None:
    m = _DATE_RE.search(text)
    if not m:
        return None
    try:
        if m.group(1):
            day, month, year = int(m.group(1)), int(m.group(2)), int(m.group(3))
            hour, minute = m.group(4), m.group(5)
        else:
            year, month, day = int(m.group(6)), int(m.group(7)), int(m.group(8))
            hour, minute = m.group(9), m.group(10)
        stamp = datetime(year, month, day, int(hour or 0), int(minute or 0))
    except ValueError:
        return None
    return stamp.strftime("%Y-%m-%dT%H:%M") if hour else stamp.date().isoformat()


def _by_selector(soup: BeautifulSoup, selector: str | None) -> str | None:
    if not selector:
        return None
    tag = soup.select_one(selector)
    if tag is None:
        return None
    if tag.name == "meta":
        return _norm(str(tag.get("content") or "")) or None
    return _norm(tag.get_text(" ")) or None


def _norm(text: str) -> str:
    return clean_text(" ".join(text.split()))


def _strip_chrome_elements(soup: BeautifulSoup) -> None:
    for comment in soup.find_all(string=lambda s: isinstance(s, Comment)):
        comment.extract()
    for form in soup.find_all("form"):
        if len(form.get_text(" ", strip=True)) < SMALL_FORM_CHARS:
            form.decompose()  # search boxes, logins, polls; ASP.NET wraps whole pages in one big form
    for tag in soup.find_all(_DROP_TAGS):
        if tag.name == "header" and tag.find_parent("article") is not None:
            continue
        tag.decompose()
    for tag in soup.find_all(True):
        if tag.decomposed or tag.name in ("html", "body") or tag.attrs is None:
            continue
        ident = " ".join(tag.get("class") or []) + " " + str(tag.get("id") or "")
        if _CHROME.search(ident) and not _POSITIVE.search(ident):
            tag.decompose()


def _best_candidate(soup: BeautifulSoup) -> Tag | None:
    """Return the element holding most paragraph text (readability-style scores)."""
    scores: dict[int, float] = {}
    nodes: dict[int, Tag] = {}
    for block in soup.find_all(["p", "td", "div", "pre", "blockquote", "span"]):
        own = "".join(str(s) for s in block.find_all(string=True, recursive=False)).strip()
        if block.name in ("p", "pre", "blockquote"):
            own = block.get_text(" ", strip=True)
        if len(own) < 40:
            continue
        link_chars = sum(len(a.get_text(strip=True)) for a in block.find_all("a"))
        if link_chars > 0.5 * len(own):
            continue
        score = 1 + own.count(",") + min(len(own) / 100, 3)
        for depth, parent in enumerate((block, block.parent, getattr(block.parent, "parent", None))):
            if not isinstance(parent, Tag) or parent.name in ("html", "[document]"):
                break
            weight = (1.0, 1.0, 0.5)[depth] if block.name not in ("p", "pre", "blockquote") else (0.0, 1.0, 0.5)[depth]
            if weight:
                scores[id(parent)] = scores.get(id(parent), 0.0) + score * weight
                nodes[id(parent)] = parent
    if not scores:
        return soup.body
    best = None
    best_score = 0.0
    for key, score in scores.items():
        node = nodes[key]
        text_len = len(node.get_text(strip=True)) or 1
        link_len = sum(len(a.get_text(strip=True)) for a in node.find_all("a"))
        adjusted = score * (1 - link_len / text_len)
        if adjusted > best_score:
            best, best_score = node, adjusted
    return best


CONTINUATION_CHARS = 80  # a block this long with few links after the body is more of the body
CONTINUATION_LINK_RATIO = 0.2


def _prose(tag: Tag) -> bool:
    """Return whether ``tag`` is article prose: a sentence-long text, few links, no list of headlines."""
    text = " ".join(tag.get_text(" ").split())
    first = next((line.strip() for line in _block_text(tag).split("\n") if line.strip()), "")
    return (len(text) >= CONTINUATION_CHARS and _link_ratio(tag) < CONTINUATION_LINK_RATIO
            and not _TAIL_MARKER.match(first) and tag.find("table") is None)


def _with_body_continuations(soup: BeautifulSoup, node: Tag) -> Tag:
    """Return the body box of ``node`` with the parts a portal prints beside it.

    A body laid out as table rows (one paragraph per ``<td>``) is the whole table, not its longest
    cell; a body whose second half sits in a sibling block (a "Xem tiếp" collapsed ``<div>``, a
    second ``<div class="content">``) goes on there. Siblings after the box that are prose are
    kept with it.
    """
    if node.name in ("td", "th", "tr"):
        table = node.find_parent("table")
        rows = table.find_all("tr") if table is not None else []
        texts = [r for r in rows if r.get_text(strip=True)]
        if (table is not None and len(texts) >= 2 and table.find("table") is None
                and sum(1 for r in texts if len(r.get_text(" ", strip=True)) >= CONTINUATION_CHARS) >= 2
                and all(_link_ratio(r) < 0.3 for r in texts)):
            node = table
    parts: list[Tag] = []
    for sib in node.find_next_siblings():
        if not isinstance(sib, Tag) or sib.decomposed:
            continue
        if not sib.get_text(strip=True):
            continue
        if sib.name not in ("div", "section", "table", "p", "article") or not _prose(sib) and not _prose_table(sib):
            break
        parts.append(sib)
    if not parts:
        return node
    box = soup.new_tag("div")
    node.insert_before(box)
    for part in (node, *parts):
        box.append(part.extract())
    return box


def _prose_table(tag: Tag) -> bool:
    """Return whether ``tag`` holds (one level down) a table whose rows are paragraphs."""
    table = tag if tag.name == "table" else tag.find("table")
    if table is None or table.find("table") is not None:
        return False
    rows = [r for r in table.find_all("tr") if r.get_text(strip=True)]
    return bool(rows) and all(_link_ratio(r) < 0.3 for r in rows) and \
        sum(1 for r in rows if len(r.get_text(" ", strip=True)) >= CONTINUATION_CHARS) >= 1


def _link_ratio(tag: Tag) -> float:
    text = len(tag.get_text(strip=True)) or 1
    return sum(len(a.get_text(strip=True)) for a in tag.find_all("a")) / text


def _strip_related_blocks(node: Tag) -> None:
    """Remove "related news" boxes inside the article box, wherever they sit.

    A heading such as "Tin liên quan:" followed by a list of links, or a paragraph
    "Xem thêm: <link>", is chrome even in the middle of the body; cutting the text at it
    (the tail rule) would lose the paragraphs after it.
    """
    for tag in node.find_all(["p", "div", "h2", "h3", "h4", "h5", "h6", "strong", "b", "span", "li"]):
        if tag.decomposed or tag.attrs is None:
            continue
        text = " ".join(tag.get_text(" ").split())
        if _INLINE_RELATED.match(text) and tag.find("a") is not None and len(text) < 300:
            rest = _INLINE_RELATED.sub("", text, count=1)
            if rest and sum(len(a.get_text(" ", strip=True)) for a in tag.find_all("a")) >= 0.6 * len(rest):
                _outermost_same_text(tag, node).decompose()  # "Xem thêm: <a>headline</a>"
                continue
        if not _TAIL_MARKER.match(text):
            continue
        heading = _outermost_same_text(tag, node)
        sibling = heading.find_next_sibling()
        if isinstance(sibling, Tag) and sibling.find("a") is not None and _link_ratio(sibling) >= 0.6:
            sibling.decompose()
            heading.decompose()


def _outermost_same_text(tag: Tag, stop: Tag) -> Tag:
    """Return the highest ancestor of ``tag`` below ``stop`` that holds no other text."""
    text = tag.get_text(strip=True)
    while isinstance(tag.parent, Tag) and tag.parent is not stop and tag.parent.get_text(strip=True) == text:
        tag = tag.parent
    return tag


def _lead_before(node: Tag) -> str:
    """Return the lead paragraph ("sapo") a portal prints just before the body box, else "".

    eGov and SharePoint portals put the bold lead in its own element (class sapo, lead,
    summary...) beside the rich-text body; the article's first sentence is there.
    """
    for anchor in (node, node.parent):
        if not isinstance(anchor, Tag):
            break
        seen = 0
        for sib in anchor.find_previous_siblings():
            if not isinstance(sib, Tag) or sib.decomposed:
                continue
            text = " ".join(sib.get_text(" ").split())
            if not text:
                continue
            seen += 1
            ident = " ".join(sib.get("class") or []) + " " + str(sib.get("id") or "")
            if _LEAD_HINT.search(ident) and len(text) >= 40 and _link_ratio(sib) < 0.3:
                return _block_text(sib)
            if seen >= 3:
                break
    return ""


def _block_text(node: Tag) -> str:
    parts: list[str] = []

    def walk(el: Tag) -> None:
        for child in el.children:
            if isinstance(child, NavigableString):
                if not isinstance(child, Comment):
                    parts.append(str(child))
            elif isinstance(child, Tag):
                block = child.name in _BLOCK_TAGS
                if block:
                    parts.append("\n")
                if child.name == "img" and child.get("alt"):
                    continue
                walk(child)
                if block:
                    parts.append("\n")

    walk(node)
    return "".join(parts)


def _drop_leading_title(text: str, title: str | None) -> str:
    if not title:
        return text
    first, _, rest = text.partition("\n")
    if " ".join(first.split()).lower() == title.lower():
        return rest.lstrip("\n")
    return text
