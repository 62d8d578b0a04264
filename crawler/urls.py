"""URL rules of the crawler: canonical form, traps to avoid, pagination, and link scores.

Pure functions only, so the spider stays readable and these rules are unit-tested.
"""

from __future__ import annotations

import posixpath
import re
from urllib.parse import parse_qsl, quote, unquote, urlencode, urlsplit, urlunsplit

from store.vntext import fold_key

# Query keys that never change the page content (analytics, share buttons, sessions).
TRACKING_KEYS = frozenset(
    {
        "fbclid", "gclid", "dclid", "msclkid", "yclid", "zarsrc", "zalo_source", "mc_cid", "mc_eid",
        "_ga", "_gl", "ref", "ref_src", "share", "from", "src", "phpsessid", "jsessionid", "sid",
        "sessionid", "aspsessionid", "inheritredirect", "redirect", "backurl", "returnurl",
        "p_p_state", "p_p_mode", "p_p_col_id", "p_p_col_pos", "p_p_col_count", "p_r_p_564233524_tag",
    }
)
TRACKING_PREFIXES = ("utm_", "pk_", "hsa_")
# Liferay portlets prefix their own parameters: _101_INSTANCE_x_redirect carries the referring URL,
# which makes every link unique (an endless trap).
_LIFERAY_REDIRECT = re.compile(r"^_.+_(redirect|backurl|returnurl)$", re.IGNORECASE)
_SESSION_IN_PATH = re.compile(r";jsessionid=[^/?#]*|/\(S\([a-z0-9]+\)\)", re.IGNORECASE)

# Keys that turn a listing into a search, a sort order or a calendar view: each value is a new
# page with the same articles, and their combinations never end.
TRAP_KEYS = frozenset(
    {
        "q", "s", "search", "keyword", "keywords", "tukhoa", "tu_khoa", "query", "searchtext", "txtsearch",
        "sort", "sortby", "sortorder", "sortdir", "sortfield", "order", "orderby", "orderbycol", "orderbytype", "dir", "filter", "facet", "view", "layout", "print", "format",
        "month", "year", "day", "date", "thang", "nam", "ngay", "fromdate", "todate", "tungay", "denngay",
        "calendar", "lich", "replytocom", "lang", "language", "font", "size", "action",
    }
)
SEARCH_KEYS = frozenset({"q", "s", "search", "keyword", "keywords", "tukhoa", "tu_khoa", "query", "searchtext", "txtsearch"})
# Query values naming a control rather than content (DotNetNuke ?ctl=Login, ?mode=print, ?action=edit).
ACTION_VALUES = re.compile(r"^(?:login|logoff|logout|register|sendmail|sendtofriend|send-mail|print|printer|edit|"
                           r"delete|admin)$", re.IGNORECASE)
TRAP_PATH = re.compile(
    r"(^|/)(calendar|lich|lich-cong-tac|event-calendar|tim-kiem|timkiem|search|tag|tags|"
    r"login|dang-nhap|dangnhap|register|admin|wp-admin|wp-login\.php|feed-comments|print|in-bai|"
    r"share|sendmail|gui-email|rss-comments)(/|$|\.)",
    re.IGNORECASE,
)
_CALENDAR_DATE_PATH = re.compile(r"/(19|20)\d{2}[-/](0?[1-9]|1[0-2])[-/](0?[1-9]|[12]\d|3[01])/?$")
BINARY_EXT = re.compile(
    r"\.(jpe?g|png|gif|webp|bmp|svg|ico|pdf|docx?|xlsx?|pptx?|zip|rar|7z|mp3|mp4|avi|wmv|flv|mov|"
    r"css|js|woff2?|ttf|exe|apk|iso)$",
    re.IGNORECASE,
)
# A file download: the anchor says so ("Tải về", "Tải xuống", "Download", "Đính kèm") or the path is a
# download handler (DownloadFile.aspx, download.php, /attachments/). Its answer is a file, not a page.
_DOWNLOAD_ANCHOR = re.compile(r"\b(tải về|tải xuống|tai ve|download|tệp đính kèm|file đính kèm|đính kèm)\b", re.IGNORECASE)
_DOWNLOAD_PATH = re.compile(r"/(download(file|s)?|getfile|attachments?|tai-ve|taive)(\.(aspx?|php|ashx|jsp))?(/|$)",
                            re.IGNORECASE)
MAX_DOWNLOAD_ANCHOR = 60  # a longer anchor is a title that happens to say "tải về"
MAX_URL_LENGTH = 400  # longer URLs on the sample portals were all search or session traps
MAX_PATH_SEGMENTS = 12

PAGE_KEYS = re.compile(r"^(page|paged|trang|p|pg|pageindex|page_index|pagenum|start|limitstart|offset|.*_cur|cur|pi)$",
                       re.I)
# Joomla routes every page through index.php?option=com_x&view=...&layout=...: there ``view`` and
# ``layout`` name the page (article, category blog), not a presentation of it. The same article is
# linked under every menu item and category it sits in (``catid``, ``Itemid``) and with its alias
# appended to the id (``id=12:slug``); the content is keyed by option, view and the numeric id.
_JOOMLA_ROUTE_KEYS = frozenset({"view", "layout"})
_JOOMLA_ARTICLE_NOISE = frozenset({"catid", "itemid"})
PAGE_PATH = re.compile(r"/(page|trang|p)[/-]?\d+/?$|[-_/]p\d+(\.html?)?$", re.IGNORECASE)

# Words (diacritics folded) that mark bloc-meeting articles; weights tuned on the sample slugs.
TOPIC_WORDS = {
    "khoi thi dua": 10, "cum thi dua": 10, "khoi-thi-dua": 10, "cum-thi-dua": 10,
    "thi dua": 4, "thi-dua": 4, "giao uoc": 5, "giao-uoc": 5, "so ket": 3, "so-ket": 3,
    "tong ket": 3, "tong-ket": 3, "khen thuong": 3, "khen-thuong": 3, "thidua": 4, "khenthuong": 3,
    "phong trao": 1, "hoi nghi": 1, "hoi-nghi": 1,
}
# Section names of listings worth reading first.
SECTION_WORDS = {"tin tuc": 1, "tin-tuc": 1, "hoat dong": 1, "hoat-dong": 1, "tin hoat dong": 2, "su kien": 1}


def canonical_url(url: str) -> str:
    """Return the one spelling of ``url`` used for dedup and storage.

    Lower-case scheme and host, no default port, no fragment, no tracking or session
    parameters, sorted query, no trailing slash except for the root.
    """
    url = _SESSION_IN_PATH.sub("", url.strip())
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower().rstrip(".")
    port = parts.port
    netloc = host
    if port and not ((scheme == "http" and port == 80) or (scheme == "https" and port == 443)):
        netloc = f"{host}:{port}"
    path = quote(unquote(parts.path or "/"), safe="/%:@!$&'()*+,;=-._~")
    if "//" in path or "/." in path:
        path = posixpath.normpath(path) + ("/" if path.endswith("/") else "")
        if path.startswith("//"):
            path = "/" + path.lstrip("/")
    if len(path) > 1 and path.endswith("/"):
        path = path.rstrip("/") or "/"
    query = [
        (k, v)
        for k, v in parse_qsl(parts.query, keep_blank_values=True)
        if k.lower() not in TRACKING_KEYS
        and not k.lower().startswith(TRACKING_PREFIXES)
        and not _LIFERAY_REDIRECT.match(k)
    ]
    if _is_joomla_article(query):
        query = [(k, v.split(":", 1)[0] if k.lower() == "id" else v) for k, v in query
                 if k.lower() not in _JOOMLA_ARTICLE_NOISE]
    query.sort()
    return urlunsplit((scheme, netloc, path, urlencode(query), ""))


def _is_joomla_article(query: list[tuple[str, str]]) -> bool:
    """Return whether a query is a Joomla com_content article route (option=com_content&view=article&id=N)."""
    q = {k.lower(): v for k, v in query}
    return q.get("option") == "com_content" and q.get("view") == "article" and q.get("id", "").split(":")[0].isdigit()


def netloc_of(url: str) -> str:
    """Return the lower-case host[:port] of ``url``."""
    return urlsplit(canonical_url(url)).netloc


def is_same_site(url: str, hosts: frozenset[str]) -> bool:
    """Return whether ``url``'s host[:port] is one of ``hosts`` or a subdomain of one (www. ignored)."""
    loc = netloc_of(url)
    bare = loc.removeprefix("www.")
    for host in hosts:
        h = host.removeprefix("www.")
        if bare == h or bare.endswith("." + h):
            return True
    return False


def is_download(url: str, anchor: str = "") -> bool:
    """Return whether a link is a file download (an attachment beside an article), not a page."""
    if _DOWNLOAD_PATH.search(urlsplit(url).path):
        return True
    return len(anchor) <= MAX_DOWNLOAD_ANCHOR and bool(_DOWNLOAD_ANCHOR.search(anchor))


def trap_reason(url: str) -> str | None:
    """Return why ``url`` is a crawler trap (calendar, search, facets, session...), or None."""
    if len(url) > MAX_URL_LENGTH:
        return "url too long"
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        return "not http"
    path = unquote(parts.path)
    if BINARY_EXT.search(path):
        return "binary file"
    if TRAP_PATH.search(path):
        return "search/calendar/login path"
    if _CALENDAR_DATE_PATH.search(path):
        return "calendar day page"
    segments = [s for s in path.split("/") if s]
    if len(segments) > MAX_PATH_SEGMENTS:
        return "too deep path"
    if len(segments) - len(set(segments)) >= 2:
        return "repeating path segments"
    pairs = [(k.lower(), v) for k, v in parse_qsl(parts.query, keep_blank_values=True)]
    keys = [k for k, _ in pairs]
    joomla = any(k == "option" and v.lower().startswith("com_") for k, v in pairs)
    for key, value in pairs:
        if joomla and key in _JOOMLA_ROUTE_KEYS:
            continue  # index.php?option=com_content&view=article: the route, not a view of a listing
        if not value.strip() and (key in SEARCH_KEYS or key.split("_")[-1] in SEARCH_KEYS):
            continue  # an empty search box: Liferay listings carry "_keywords=&_advancedSearch=false"
        if key in TRAP_KEYS or key.split("_")[-1] in TRAP_KEYS - {"s", "p"}:
            return f"query key {key!r}"
        if ACTION_VALUES.match(value):
            return f"action {value!r}"
    if len(keys) - len(set(keys)) > 0:
        return "repeated query key"
    if any(k == "p_p_lifecycle" and v != "0" for k, v in parse_qsl(parts.query)):
        return "Liferay action URL"
    return None


def is_pagination(url: str, anchor: str = "") -> bool:
    """Return whether ``url`` looks like the next page of a listing."""
    parts = urlsplit(url)
    if PAGE_PATH.search(parts.path):
        return True
    for key, value in parse_qsl(parts.query):
        if PAGE_KEYS.match(key) and value.isdigit():
            return True
    text = anchor.strip().lower()
    return text.isdigit() or text in {"»", "›", ">", ">>", "next", "sau", "trang sau", "tiếp", "tiếp theo", "cuối"}


def facet_step(page: str, link: str) -> int | None:
    """Return how many filters ``link`` stacks on ``page``: 1 when it is the same path with the page's
    query plus other keys (a refinement), 0 for the same keys with other values, None otherwise.

    Page numbers are ignored on both sides; canonical URLs expected.
    """
    a, b = urlsplit(page), urlsplit(link)
    if (a.netloc, a.path) != (b.netloc, b.path):
        return None
    qa = {(k, v) for k, v in parse_qsl(a.query, keep_blank_values=True) if not PAGE_KEYS.match(k)}
    qb = {(k, v) for k, v in parse_qsl(b.query, keep_blank_values=True) if not PAGE_KEYS.match(k)}
    if qa < qb:
        added = qb - qa
        if all(k.lower().endswith("id") and v.isdigit() for k, v in added):
            return 0  # "?cat=3" -> "?cat=3&id=77": an item of the listing, not a filter
        return 1
    if qa != qb and {k for k, _ in qa} == {k for k, _ in qb}:
        return 0
    return None


def link_score(url: str, anchor: str) -> int:
    """Return how likely a link leads to bloc-meeting articles (higher first)."""
    folded_anchor = fold_key(anchor)
    folded_url = fold_key(unquote(urlsplit(url).path + "?" + urlsplit(url).query))
    score = 0
    for word, weight in TOPIC_WORDS.items():
        if word in folded_anchor:
            score += weight * 2
        if word in folded_url:
            score += weight
    for word, weight in SECTION_WORDS.items():
        if word in folded_anchor or word in folded_url:
            score += weight
    return min(score, 60)
