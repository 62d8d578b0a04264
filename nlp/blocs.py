"""Find Khối/Cụm thi đua mentions and name the article's bloc (fullest form the article uses)."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, replace

from nlp.folding import fold_aligned, fold_word
from nlp.places import province_name_pattern
from nlp.prepare import PreparedText, ends_with_abbreviation
from store.models import ArticleRecords, Span
from store.vntext import expand_abbreviations

# "Khối thi đua ...", "Cụm thi đua ...", matched on folded text.
_FORMAL = re.compile(r"(?<!\w)(khoi|cum)\s+thi\s+dua(?!\w)")
# "Khối 9", "Khối XII", "Khối các trường ...", "Khối MTTQ ...", "Khối cơ quan Nội chính": bare forms, capital K/C
# required (a lower-case "cơ quan" / "doanh nghiệp" only before a capitalised name).
_BARE = re.compile(
    r"(?<!\w)(Khối|Cụm|KHỐI|CỤM)\s+(?!Trưởng|Phó|TRƯỞNG|PHÓ)(?=(?:số\s+)?\d|[IVXL]+\b|các\s|cơ quan\s+[A-ZĐ]|doanh nghiệp\s+[A-ZĐ]|Mặt trận|MTTQ|[A-ZĐ])"
)
# "ký kết giao ước thi đua khối Nội chính", "thi đua của cụm Dân vận": a lower-case head word after "thi đua"
# and before a capitalised name (a district's bloc named without "thi đua" after the head word)
_LOWER_AFTER_EMULATION = re.compile(r"(?<=thi đua )(?:của\s+)?(khối|cụm)\s+(?=[A-ZĐ][a-zà-ỹđ])")
# "… khối Nội chính và các cơ quan." : the name closes with "và các cơ quan" at the sentence's end
_AND_AGENCIES_END = re.compile(r"(và\s+các\s+cơ quan)\s*(?:[.\n]|$)")
_TOKEN = re.compile(r"\w+(?:[&/]\w+)*\.?|[^\w\s]")
_TRAILING = {",", "-", "–", "—", "và", "các", "của", "trên", "về", "với"}
_ROMAN = re.compile(r"^[IVXL]+$")

MAX_NAME_TOKENS = 18  # the longest real bloc name seen is about 14 words
# Where a bloc name has ended: a verb or clause word, matched on the lower-cased (accented) text.
_STOP_AT = re.compile(
    r"(?:đã|vừa|đang|sẽ|gồm|bao gồm|hiện|do|thuộc|là|làm|được|cần|tiếp tục|đạt|thực hiện|quyết|nhận|với"
    r"|luôn|cũng|đều|này|nói\s+(?:riêng|chung)|chấm|của|tại|lần|theo|như|chủ trì|ký|kí|tiến hành|tham gia|tham dự|đăng|sơ kết|tổng kết"
    r"|triển khai|phát động|tọa đàm|toạ đàm|hội thảo|giao lưu|hội thao|hội thi|họp|năm\s+\d+|năm\s+(?:học|nay|qua)|trong\s+(?:\d+|năm|thời|qua|những|các năm|công tác)"
    r"|có\s+(?:\d+|trên|hơn|gần|tổng)|đoàn kết|hợp tác(?!\s+xã)|giai đoạn|danh hiệu|nhất trí|trưởng\s+(?:khối|cụm)"
    r"|phó\s+(?:trưởng|khối|cụm)|khối\s+(?:trưởng|phó)|cụm\s+(?:trưởng|phó)"
    r"|tổ chức\s+(?:hội|lễ|buổi|ký|kí|các|thành|tổng|sơ|gặp|giao|tốt|thực|triển|phát|hoạt|kí|chương|đợt|cuộc|chuyến|giải|tọa)"
    r"|và\s+(?:triển|phát|ký|kí|tổ chức|tổng|sơ|đề|bàn|thông|các đơn|các cơ quan|đã)"
    r"|bình\s+(?:xét|chọn|bầu)|về\s+(?:việc|dự|đích)|đánh giá|mới|ngày|sáng|chiều|hôm|toàn|để|nhằm|mà|đến|vào"
    r"|hội nghị|năm\s*$|hướng|tích cực|chụp|tập trung|phấn đấu|đề ra|đề nghị|thống nhất|hoàn thành|góp phần|ra sức|nỗ lực"
    r"|bám sát|duy trì|thi đua\s+(?:hoàn|xây|thực)|đề xuất|quan tâm|chúc mừng|cùng|tới|đề|chú trọng|đẩy mạnh|quy chế|kế hoạch|báo cáo|nay|cho|đi|bầu|tặng|trao|dẫn đầu|xuất sắc|các đơn vị|đơn vị)(?!\w)"
)
# After a comma the name goes on only with another part of an enumerated name.
_COMMA_CONTINUE = re.compile(
    r"(?:thành phố|thị xã|thành|thị|hội|ngành|xã hội|cao đẳng|đại học|trung cấp|nghề nghiệp|doanh nghiệp"
    r"|đoàn thể|tổ chức|xã|huyện|phường|ban|cơ quan|trường|thể thao|du lịch|kỹ thuật|khoa học|tài chính"
    r"|hiệp hội|ngân hàng|quận|kinh doanh|dịch vụ|thương mại|giúp việc|tham mưu|mặt trận|mttq|đảng|chính quyền|đơn vị sự nghiệp"
    r"|công đoàn|đoàn|văn hóa|xã hội|nội chính|kinh tế|đặc khu|thị trấn|thi hành án"
    r"|(?:nông|lâm|ngư|công|diêm|thủy|thuỷ)\s+(?:nghiệp|sản|lợi))(?!\w)"
)
# "của" and the Party or government body a group of agencies works for is part of the name.
_OF_PARTY_BODY = re.compile(r"của\s+(?:Tỉnh|Thành|Huyện|Đảng)\s+[uủ][yỷ](?!\w)|của\s+(?:UBND|HĐND|Ủy ban nhân dân|Uỷ ban nhân dân)(?!\w)")
# "Khối thi đua các đơn vị sự nghiệp …", "Khối thi đua đơn vị kinh tế …": these words open a name, they end it elsewhere.
_NAME_OPENING = re.compile(r"(?:các\s+)?đơn vị\s+(?!thành viên|trưởng|phó|trong|của|đã|đăng|tổ chức)[^\W\d]")
_GENERIC_BEFORE = re.compile(r"(?:(?:cac|nhung|moi|tung|(?<![\d/.-])\d{1,3})\s*|(?:cum|khoi)\s*(?:,|/|va)\s*)$")
_GENERIC_AFTER = re.compile(r"^\s*(?:,|/|va)\s*(?:khoi|cum)")
# "Đảng ủy Khối các cơ quan tỉnh", "Công đoàn Khối", "Đoàn Khối Doanh nghiệp": the Party committee (and its
# mass organisations) of a group of agencies, not an emulation bloc
_PARTY_BLOC_BEFORE = re.compile(r"(?:dang (?:uy|bo)|cong doan|doan thanh nien|(?<!\w)doan|cuu chien binh|hoi ccb|ubkt dang uy)\s*$")
# "khối thi đua lớp 9", "khối lớp 6": a school's grade, whose classes compete with one another
_SCHOOL_GRADE = re.compile(r"lop\s+\d")
_EVENT_START = re.compile(r"(?:sơ kết|tổng kết|ký kết|kí kết|phát động|triển khai|hội nghị|tổ chức|năm\s+\d)")


@dataclass(frozen=True)
class BlocMention:
    """One mention of a bloc; ``key`` groups mentions of the same bloc across forms."""

    start: int
    end: int
    surface: str
    key: str
    number: str | None  # "9", "xii" for numbered blocs
    formal: bool  # the mention says "thi đua"
    in_title: bool = False


def _name_tokens(text: str, pos: int) -> tuple[int, list[tuple[int, int]], str | None]:
    """Return (end, token spans, the closing number followed by a parent organisation) of the name at ``pos``."""
    lower = text[pos : pos + 300].lower()
    tokens: list[tuple[int, int]] = []
    skipping = False
    number_at = 0  # tokens kept up to a number whose descriptive tail is being read
    parent_of: str | None = None  # the bloc's number when a parent organisation follows it
    for m in _TOKEN.finditer(text, pos, min(len(text), pos + 300)):
        s, e = m.start(), m.end()
        if tokens and "\n" in text[tokens[-1][1] : s]:
            break
        raw = text[s:e]
        closing = len(raw) > 1 and raw.endswith(".") and not ends_with_abbreviation(text, e - 1)
        if closing:  # "Cụm thi đua số 1. Cụm …": a sentence's dot ends the name
            e -= 1
            raw = raw[:-1]
        rel = s - pos
        if skipping:
            skipping = raw != ")"
            continue
        if raw == "(":
            close = text.find(")", e, e + 12)
            inner = text[e:close] if close > 0 else ""
            if tokens and close > 0 and inner.replace("&", "").replace(" ", "").isupper():
                skipping = True  # "(ĐH)", "(CĐ)": an abbreviation gloss inside the name
                continue
            break
        after = lower[rel + len(raw) :].lstrip()
        if raw == ",":
            if tokens and _COMMA_CONTINUE.match(after):
                tokens.append((s, e))
                continue
            break
        if raw in "-–—":
            if tokens and after[:1].isalpha() and not _EVENT_START.match(after) and not _STOP_AT.match(after):
                tokens.append((s, e))
                continue
            break
        if not raw[0].isalnum():
            break
        word = lower[rel:]
        if re.match(r"số\s+\d", word):
            if not tokens:
                tokens.append((s, e))
            continue  # "doanh nghiệp số 2": the number follows
        prev = lower[tokens[-1][0] - pos : tokens[-1][1] - pos] if tokens else ""
        opening = not tokens or (len(tokens) == 1 and prev == "các")
        if word.startswith("thuộc") and prev == "trực":
            tokens.append((s, e))  # "các đơn vị sự nghiệp trực thuộc UBND tỉnh"
            continue
        province_end = _province_end(text, s, allow_of=bool(tokens))
        if province_end is not None:
            # "… trên địa bàn tỉnh Phú Thọ tổ chức …", "… huyện thuộc thành phố Huế": the province closes the name
            tokens.extend((t.start(), t.end()) for t in _TOKEN.finditer(text, s, province_end))
            break
        if tokens and _OF_PARTY_BODY.match(text, s):
            tokens.append((s, e))  # "Khối thi đua các cơ quan tham mưu của Tỉnh ủy": the body the agencies serve
            continue
        tail = _AND_AGENCIES_END.match(word) if tokens else None
        if tail is not None:
            tokens.extend((t.start(), t.end()) for t in _TOKEN.finditer(text, s, s + tail.end(1)))
            break
        if _STOP_AT.match(word) and not (opening and _NAME_OPENING.match(lower[(tokens[0][0] if tokens else s) - pos :])):
            break
        if raw.lower() in ("tp.", "tp"):
            break
        tokens.append((s, e))
        if not closing and raw.isdigit() and _REGION_COUNT.match(text, e):
            continue  # "Cụm thi đua Thanh tra 5 tỉnh phía Bắc": a count of provinces and their region, not a number
        if not closing and (raw.isdigit() or _ROMAN.match(raw)) and _LOCAL_TAIL.match(text, e):
            number_at = len(tokens)  # "Cụm thi đua số 9 các xã khu vực …": the description goes on
            continue
        if closing or raw.isdigit() or _ROMAN.match(raw):
            parent_end = None if closing else (_parent_org_end(text, e) or _sector_org_end(text, e))
            if parent_end is not None:  # "Cụm thi đua số 2 Liên đoàn Lao động tỉnh": the parent organisation
                parent_of = raw
                tokens.extend((t.start(), t.end()) for t in _TOKEN.finditer(text, e, parent_end))
            break  # a number closes the name: "Khối thi đua số 8"
        if len(tokens) >= MAX_NAME_TOKENS:
            break
    while tokens and text[tokens[-1][0] : tokens[-1][1]].lower() in _TRAILING:
        tokens.pop()
    if number_at and _BARE_TAIL.fullmatch(" ".join(text[a:b].lower() for a, b in tokens[number_at:])):
        del tokens[number_at:]  # "số 2 các xã thuộc …": only the unit type was read, no description
    end = tokens[-1][1] if tokens else pos
    return end, tokens, parent_of


# After a bloc's number, an unbracketed description of the local units it groups, as clusters of the two-level
# local government are named: "Cụm thi đua số 9 các xã khu vực cao nguyên đá", "số 8 các xã, phường, đặc
# khu khu vực ven biển", "số 10 các đặc khu và xã đảo". A capitalised word after the unit type is a list of
# members ("số 2 các xã Ia Grai, …"), not a description.
_LOCAL_UNIT = r"(?:xã|phường|đặc\s+khu|thị\s+trấn|thị\s+xã|huyện|quận)"
_LOCAL_TAIL = re.compile(
    rf" +các +{_LOCAL_UNIT}(?: *(?:,|và) *{_LOCAL_UNIT})* +(?!(?:thuộc|trong|của|trên|đã|vừa|sẽ|gồm|tổ|ký|kí|là)(?!\w))[a-zà-ỹđ]"
)
# After a number, "tỉnh"/"thành phố"/"huyện" and a region ("5 tỉnh phía Bắc …", "4 tỉnh miền Tây", "6 huyện
# vùng cao", "7 tỉnh Trung du và Miền núi …", region words capitalised or not): the bloc groups that many
# local units of a region (a multi-province bloc of a sector).
_REGION_COUNT = re.compile(
    r" +(?:tỉnh|thành phố|tỉnh, thành phố|tỉnh, thành|huyện|quận|xã)"
    r" +(?i:trực thuộc Trung ương|phía|miền|vùng|khu vực|đồng bằng|duyên hải|ven biển|biên giới|trung du|miền núi|Tây Nguyên|Tây Bắc|Đông Bắc|(?:Tây|Đông) Nam Bộ|(?:Bắc|Nam) Trung Bộ)(?!\w)"
)
_BARE_TAIL = re.compile(rf"các(?: *(?:,|và)? *{_LOCAL_UNIT})+")
# After a bloc's number, a provincial organisation whose internal bloc it is: a capitalised name of up to
# five words closed by "tỉnh" / "thành phố" ("Bộ đội Biên phòng tỉnh", "Hội Nông dân tỉnh Hà Tĩnh"), or a
# youth union "Tỉnh Đoàn" / "Thành Đoàn" (+ province). Councils and offices of the government are left out.
_PARENT_ORG = re.compile(r" +((?:Tỉnh|Thành) +[Đđ]oàn|[A-ZĐ][\w&-]*(?: +[\w&-]+){0,4}? +(?:tỉnh|thành phố)(?!\w))")
_NOT_PARENT = re.compile(r"(?:UBND|HĐND|Ủy|Uỷ|Sở|Phòng|Ban|Văn|Phó|Trưởng|Chủ|Cụm|Khối|Tại|Các|Năm|Ngày|Đồng)(?!\w)")


def _parent_org_end(text: str, pos: int) -> int | None:
    """End of the parent organisation named right after a bloc's number at ``pos``, else None."""
    m = _PARENT_ORG.match(text, pos)
    if m is None or _NOT_PARENT.match(m.group(1)):
        return None
    phrase = m.group(1).lower()
    if any(_STOP_AT.match(phrase, w.start()) for w in re.finditer(r"(?<!\S)\S", phrase)):
        return None  # a verb or clause word: "số 2 Tổng kết …", "số 2 Ký kết giao ước tại tỉnh"
    end = m.end()
    window = fold_aligned(text[end : end + 40])
    head = _PROVINCE_HEAD.match(window.lstrip()) if not m.group(1).endswith(("tỉnh", "phố")) else None
    skip = len(window) - len(window.lstrip())
    name = province_name_pattern().match(window, skip + (head.end() if head else 0)) if window[:1] == " " else None
    if name is not None and text[end + name.start() : end + name.start() + 1].isupper():
        end += name.end()
    return end


# After a bloc's number, the sector organisation whose cluster it is, named without a province: "Cụm thi đua số 4
# Kho bạc Nhà nước", "số IX Tòa án nhân dân", "số 5 BHXH Việt Nam", "số 3 Hải quan"; or "thuộc" and its
# parent ("số 5 thuộc Cục Thuế"). The phrase runs to a verb or clause word, punctuation or the line's end.
_ORG_WORD = re.compile(r"[\w&-]+(?:\.[A-ZĐ]{2,}(?!\w))?")
# ", " or " - " before the organisation ("số 5, Hội …", "số 11- Hội …"); "TP.HCM" is one word; "(CCB)" a gloss
# "số 1 ngành Giáo dục và Đào tạo": the sector said with "ngành" (capitalised) belongs to the name as "thuộc" does
_SECTOR_GAP = re.compile(r"(, *| *[-–] *)?(?(1)| +)(thuộc +|ngành +)?(?=[A-ZĐÀ-Ỹ])")
# "số 6, Bộ Công an": a ministry's own clusters; after "Bộ" a capitalised word ("Bộ đội", "Bộ Chỉ huy … tỉnh" are not)
_MINISTRY = re.compile(r"Bộ +(?!Chỉ|Tư)[A-ZĐÀ-Ỹ]")
_ASSOCIATION = re.compile(r"(?:Hội|Liên đoàn|Công đoàn)(?!\w)")
_GLOSS = re.compile(r"\([A-ZĐ&]{2,8}\) +")
_ORG_HEAD = re.compile(
    r"(?:Cục|Tổng cục|Bộ|Ngân hàng|Kho bạc|Bảo hiểm|Hải quan|Thuế|Tòa án|Toà án|Viện|Thanh tra|Kiểm toán|Công an"
    r"|Thống kê|Kiểm lâm|Quản lý thị trường|Thi hành án|Điện lực|Bưu điện|Liên đoàn|Hội|Công đoàn|Tổng công ty"
    r"|Công ty|Tập đoàn|Trường|Đại học)(?!\w)",
    re.IGNORECASE,
)


def _sector_org_end(text: str, pos: int) -> int | None:
    """End of the sector organisation (or "thuộc" + parent) right after a bloc's number at ``pos``, else None."""
    m = _SECTOR_GAP.match(text, pos)
    if m is None or _NOT_PARENT.match(text, m.end()):
        return None
    words: list[re.Match[str]] = []
    at = m.end()
    dash = bool(m.group(1)) and m.group(1).strip() in ("-", "–")
    while len(words) < (14 if m.group(1) else 6):
        gloss = _GLOSS.match(text, at) if words else None
        at = gloss.end() if gloss else at
        w = _ORG_WORD.match(text, at)
        if w is None:
            break
        lower = text[w.start() : w.start() + 40].lower()
        # "Hội Truyền thống A - B Việt Nam": a dash between capitalised words joins one organisation's name
        joined = w.group() in ("-", "–") and bool(m.group(1)) and text[w.end() + 1 : w.end() + 2].isupper()
        if not joined and (_STOP_AT.match(lower) or re.match(r"(?:tỉnh|thành phố|năm|lần|nói)(?!\w)", lower)):
            break
        if w.group().lower() == "và" and not text[w.end() + 1 : w.end() + 2].isupper():
            break
        words.append(w)
        gap = re.compile(r" +").match(text, w.end())
        if gap is None:
            break
        at = gap.end()
    if m.group(1):
        # "Cụm thi đua số 2, Hội Cựu … Việt Nam": after a comma or dash a nationwide organisation's full name, or a
        # provincial one closed by its province ("số 5, Hội Cựu chiến binh Thành phố Hồ Chí Minh")
        ends = [i for i in range(1, len(words)) if words[i - 1].group() == "Việt" and words[i].group() == "Nam"]
        first = words[0].group() if words else ""
        org = bool(words) and (_ORG_HEAD.match(text, words[0].start()) or (dash and len(first) > 1 and first.isupper()))
        if not org:
            return None
        if ends:
            words = words[: ends[-1] + 1]
        else:
            # (only a mass association's own clusters: "số 3, Công an tỉnh X" names the host or a member)
            association = _ASSOCIATION.match(text, words[0].start()) is not None
            province_end = _province_end(text, at, allow_of=False) if association and len(words) < 14 else None
            if province_end is not None:
                return province_end
            # "số 3, Bộ đội Biên phòng (BĐBP)": a force spelled out and glossed by its own initials is its full name
            gloss = re.match(r"\s*\(([A-ZĐ]{2,8})\)", text[words[-1].end() :]) if words else None
            initials = "".join(w.group()[0] for w in words).upper()
            if gloss is not None and gloss.group(1) == initials:
                return words[-1].end()
            # a ministry is nationwide: no province closes its name ("số 8, Bộ Công an đã tổ chức …")
            ministry = _MINISTRY.match(text, words[0].start()) is not None and len(words) <= 6
            if ministry and not re.match(r"(?:tỉnh|thành phố)(?!\w)", text[at : at + 12].lower()):
                while words and words[-1].group().lower() in _TRAILING:
                    words.pop()
                if words:
                    return words[-1].end()
            if not dash:
                return None
    while words and words[-1].group().lower() in _TRAILING:
        words.pop()
    if not words:
        return None
    first = words[0].group()
    abbreviation = len(first) > 1 and first.isupper() and not text[max(0, pos - 12) : pos].isupper()
    if not (m.group(2) or abbreviation or _ORG_HEAD.match(text, words[0].start())):
        return None  # no sector or organisation word: a person's or a place's name
    return words[-1].end()


_PROVINCE_HEAD = re.compile(r"(?:thuoc\s+)?(?:tinh|thanh pho|tp\.?)\s+")


def _province_end(text: str, pos: int, allow_of: bool) -> int | None:
    """End of "tỉnh X" / "thuộc thành phố X" (X a province) starting at ``pos``, else None."""
    window = fold_aligned(text[pos : pos + 60])
    head = _PROVINCE_HEAD.match(window)
    if head is None or (not allow_of and window.startswith("thuoc")):
        return None
    name = province_name_pattern().match(window, head.end())
    if name is None or not text[pos + head.end() : pos + head.end() + 1].isupper():
        return None
    return pos + name.end()


_PAREN_ABBR = re.compile(r"\s*\([^()]{1,10}\)")
_PROVINCE_TAIL = re.compile(r"\s+(?:của\s+)?(?:tỉnh|thành phố|tp\.?)(?:\s+[A-ZĐÀ-Ỹ][^\s,;.()]*){1,3}$", re.IGNORECASE)


def _key(name: str) -> str:
    name = _PAREN_ABBR.sub("", name)
    name = _PROVINCE_TAIL.sub("", name)
    key = fold_word(expand_abbreviations(name))
    key = re.sub(r"[^\w]+", " ", key).strip()
    key = re.sub(r"\s+tinh$", "", key)
    return key


def find_mentions(text: str) -> list[BlocMention]:
    """Return the specific bloc mentions in ``text`` (generic "các cụm, khối thi đua" left out)."""
    folded = fold_aligned(text)
    found: list[BlocMention] = []
    heads: list[tuple[int, int, bool]] = [(m.start(), m.end(), True) for m in _FORMAL.finditer(folded)]
    formal_starts = {s for s, _, _ in heads}
    for m in _BARE.finditer(text):
        if m.start() not in formal_starts:
            heads.append((m.start(), m.end(), False))
    for m in _LOWER_AFTER_EMULATION.finditer(text):
        if m.start(1) not in formal_starts:
            heads.append((m.start(1), m.end(), False))
    for start, head_end, formal in sorted(heads):
        before = folded[max(0, start - 12) : start]
        if _GENERIC_BEFORE.search(before) or _GENERIC_AFTER.match(folded[head_end : head_end + 12]):
            continue
        if not formal and _PARTY_BLOC_BEFORE.search(folded, max(0, start - 20), start):
            continue
        pos = head_end
        while pos < len(text) and text[pos] == " ":
            pos += 1
        end, tokens, parent_of = _name_tokens(text, pos)
        if not tokens:
            continue
        name = text[pos:end]
        number = None
        last = parent_of or text[tokens[-1][0] : tokens[-1][1]]
        if last.isdigit() or _ROMAN.match(last):
            number = str(int(last)) if last.isdigit() else last.lower()
        key = _key(name)
        if not key or key in ("nay", "do", "tinh") or _SCHOOL_GRADE.match(key):
            continue
        surface = text[start:end]
        if text[start:end].isascii() and formal:
            surface = _restore_ascii(surface)
        found.append(BlocMention(start, end, surface, key, number, formal))
    return _merge_appositions(text, found)


# "Khối 8 – Khối thi đua cơ sở giáo dục đại học": a numbered bloc and its descriptive name, one after the other
_APPOSITION_GAP = re.compile(r"\s*[-–—]\s*$")
# "Cụm thi đua các tỉnh miền … (Cụm số 4)": a descriptive name and its number in brackets right after it
_ALIAS_OPEN = re.compile(r"\s*\(\s*")
_ALIAS_CLOSE = re.compile(r"\s*\)")


def _merge_appositions(text: str, found: list[BlocMention]) -> list[BlocMention]:
    """Join a bare numbered mention and the formal name set after it with a dash into one mention."""
    out: list[BlocMention] = []
    for m in found:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.number
            and not prev.formal
            and m.formal
            and not m.number
            and _APPOSITION_GAP.match(text[prev.end : m.start])
            and fold_aligned(prev.surface[:3]) == fold_aligned(m.surface[:3])
        ):
            out[-1] = BlocMention(prev.start, m.end, text[prev.start : m.end], m.key, prev.number, True)
            continue
        if (
            prev is not None
            and prev.formal
            and not prev.number
            and m.number
            and _ALIAS_OPEN.fullmatch(text[prev.end : m.start])
            and _ALIAS_CLOSE.match(text, m.end)
            and fold_aligned(prev.surface[:3]) == fold_aligned(m.surface[:3])
        ):
            # "Khối thi đua các cơ quan … (Khối 1)": the number in brackets is the same bloc's short name
            out[-1] = replace(prev, number=m.number)
            continue
        out.append(m)
    return out


def _restore_ascii(surface: str) -> str:
    """ "KHOI THI DUA SO 9" (an image caption or slug) -> "Khối thi đua số 9"."""
    m = re.match(r"(?i)(khoi|cum)\s+thi\s+dua\s+(so\s+)?(\w+)$", surface)
    if not m:
        return surface
    head = "Khối" if m.group(1).lower() == "khoi" else "Cụm"
    return f"{head} thi đua {'số ' if m.group(2) else ''}{m.group(3)}"


def _is_subsequence(short: str, long: str) -> bool:
    """Are the words of ``short`` found in order in ``long``?"""
    words = iter(long.split())
    return all(w in words for w in short.split())


def same_bloc(a: BlocMention, b: BlocMention) -> bool | None:
    """Do two mentions name one bloc? None when it cannot be told (a number against a descriptive name)."""
    if a.number and b.number:
        return a.number == b.number
    if a.number or b.number:
        return None
    if a.key == b.key or _is_subsequence(a.key, b.key) or _is_subsequence(b.key, a.key):
        return True
    return _abbreviates(a, b) or _abbreviates(b, a)


def _abbreviates(short: BlocMention, long: BlocMention) -> bool:
    """Is ``short`` the initials of ``long`` ("Khối thi đua VH-XH" ~ "Khối thi đua Văn hóa - Xã hội")?"""
    return _is_abbreviation([short]) and short.key.replace(" ", "") == "".join(w[0] for w in long.key.split())


def _url_number(url: str | None) -> tuple[str, str] | None:
    if not url:
        return None
    m = re.search(r"(khoi|cum)-thi-dua-(so-)?(\d+)(?!\d)", url.lower())
    if not m:
        return None
    return ("Khối" if m.group(1) == "khoi" else "Cụm") + " thi đua " + ("số " if m.group(2) else ""), m.group(3)


def _cap(s: str) -> str:
    return s[:1].upper() + s[1:] if s[:1].islower() else s


_OF_PARENT = re.compile(r"\bso \w+ thuoc ")


def _without_parent(m: BlocMention) -> BlocMention:
    """The mention cut before its "thuộc <parent>"."""
    cut = re.search(r"\s+thuộc\s", m.surface)
    if cut is None:
        return m
    return replace(m, end=m.start + cut.start() if m.end > m.start else m.end, surface=m.surface[: cut.start()])


def _lead_end(text: str, paragraphs: int = 3) -> int:
    """Offset where the article's lead ends: after its first ``paragraphs`` non-empty lines."""
    pos = 0
    for m in re.finditer(r"[^\n]*\S[^\n]*", text):
        pos = m.end()
        paragraphs -= 1
        if paragraphs == 0:
            break
    return pos


def _is_abbreviation(ms: list[BlocMention]) -> bool:
    """Is the descriptive part of these mentions written in capitals' initials ("Khối thi đua VH-XH")?"""
    tail = re.sub(r"(?i)^(?:khối|cụm)\s+thi\s+đua\s+", "", ms[0].surface)
    words = re.findall(r"\w+", tail)
    return bool(words) and all(1 < len(w) <= 4 and w.isupper() for w in words)


def choose_bloc(mentions: list[BlocMention], url: str | None = None, lead_end: int = 0) -> BlocMention | None:
    """Return the mention naming the article's bloc: the most mentioned bloc, in its fullest form."""
    if not mentions:
        return None
    groups: dict[str, list[BlocMention]] = defaultdict(list)
    for m in mentions:
        groups["#" + m.number if m.number else m.key].append(m)
    # a shorter descriptive name whose words all appear, in order, in a longer one is the same bloc
    # ("Nội chính" < "các cơ quan Nội chính", "Mặt trận" < "Mặt trận Tổ quốc và các đoàn thể")
    keys = sorted((k for k in groups if not k.startswith("#")), key=len, reverse=True)
    for short in sorted(keys, key=len):
        for long in keys:
            if long != short and short in groups and long in groups and _is_subsequence(short, long):
                groups[long].extend(groups.pop(short))
                break

    # an abbreviation whose letters open the words of a spelled-out name ("VH-XH" ~ "Văn hóa - Xã hội") is that bloc
    for short in [k for k in groups if not k.startswith("#") and _is_abbreviation(groups[k])]:
        letters = short.replace(" ", "")
        for long in keys:
            if long != short and short in groups and long in groups and "".join(w[0] for w in long.split()) == letters:
                groups[long].extend(groups.pop(short))
                break

    def weight(ms: list[BlocMention]) -> float:
        return len(ms) + (0.5 if any(m.formal for m in ms) else 0)

    best_key = max(groups, key=lambda k: (weight(groups[k]), max(len(m.key) for m in groups[k])))
    group = groups[best_key]
    formal = [m for m in group if m.formal] or group
    if best_key.startswith("#"):
        kinds: dict[str, int] = defaultdict(int)
        for m in formal:
            kinds[fold_aligned(m.surface[:3])] += 1
        top = max(kinds.values())
        top_kinds = [k for k, v in kinds.items() if v == top]
        if len(top_kinds) == 1:
            formal = [m for m in formal if fold_aligned(m.surface[:3]) == top_kinds[0]]
    # the fullest form among those used at least half as often as the commonest form
    uses: dict[str, int] = defaultdict(int)
    for m in formal:
        uses[_key(m.surface)] += 1
    # "Cụm thi đua số 5 thuộc Cục Thuế": the parent said with "thuộc" is the name only where the article uses
    # that form more than any other (its standing name), else it describes the bloc in passing
    described = {k for k in uses if _OF_PARENT.search(k) and (uses[k] < 2 or any(v >= uses[k] for o, v in uses.items() if o != k))}
    if described:
        formal = [_without_parent(m) if _key(m.surface) in described else m for m in formal]
        uses = defaultdict(int)
        for m in formal:
            uses[_key(m.surface)] += 1
    common = [m for m in formal if uses[_key(m.surface)] * 2 >= max(uses.values())]
    # the full name given once where the body introduces the bloc (its lead) and shortened afterwards
    # ("Cụm thi đua số 2 – Hội Nông dân tỉnh X" in the lead, "Cụm thi đua số 2" in the rest); a title
    # prefixing the parent ("Cụm thi đua số 2 Bộ X …") only locates the bloc for the reader
    top = max(uses, key=lambda k: uses[k])
    common += [
        m
        for m in formal
        if m not in common
        and not m.in_title
        and m.start < lead_end
        and _key(m.surface).startswith(top + " ")
        and not _OF_PARENT.search(_key(m.surface))
    ]
    # equal keys ("Hội LHPN" ~ "Hội Liên hiệp Phụ nữ"): the spelled-out form is the fuller one
    chosen = max(common, key=lambda m: (len(_key(m.surface)), not m.surface.isupper(), len(m.surface), -m.start))
    if not chosen.formal:
        hint = _url_number(url)
        if hint and chosen.number == hint[1]:
            return BlocMention(chosen.start, chosen.end, hint[0] + hint[1], chosen.key, chosen.number, True)
    return chosen


def fill(doc: PreparedText, records: ArticleRecords) -> None:
    """Set ``records.bloc`` and its evidence from the article's bloc mentions."""
    mentions = find_mentions(doc.text)
    if doc.title:
        title_mentions = find_mentions(doc.title)
        body = {(m.key, m.surface) for m in mentions}
        for m in title_mentions:
            if (m.key, m.surface) not in body:
                mentions.append(BlocMention(0, 0, m.surface, m.key, m.number, m.formal, in_title=True))
    chosen = choose_bloc(mentions, doc.url, _lead_end(doc.text))
    if chosen is None:
        return
    name = _PAREN_ABBR.sub("", chosen.surface).strip(" ,-–")
    name = re.sub(r"\s+của\s+(?:tỉnh|thành phố).*$", "", name)
    # "Cụm thi đua cụm số VII": the head word said twice before the number
    name = re.sub(r"(?i)^((?:khối|cụm)\s+thi\s+đua)\s+(?:khối|cụm)\s+(?=số\s)", r"\1 ", name)
    records.bloc = _cap(" ".join(name.split()))
    records.evidence["bloc"] = Span(start=chosen.start, end=chosen.end, source="rule:bloc_name")
