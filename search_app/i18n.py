"""UI strings in Vietnamese (default) and English, and how a request picks its language."""

from __future__ import annotations

from collections.abc import Callable

LANGS = ("vi", "en")
DEFAULT_LANG = "vi"
LANG_COOKIE = "lang"

# key: (vi, en)
STRINGS: dict[str, tuple[str, str]] = {
    "app_name": ("Khối thi đua — Lưu trữ tin tỉnh", "Emulation Blocs — Provincial News Archive"),
    "nav_search": ("Tìm kiếm", "Search"),
    "nav_blocs": ("Khối / Cụm", "Blocs"),
    "nav_compare": ("So sánh tỉnh", "Compare provinces"),
    "nav_directives": ("Văn bản", "Directives"),
    "nav_agency": ("Cơ quan", "Agencies"),
    "nav_api": ("API", "API"),
    "switch_lang": ("English", "Tiếng Việt"),
    "search_placeholder": ("Ví dụ: sơ kết khối thi đua, 34-CT/TW, Sở Nội vụ…", "e.g. sơ kết khối thi đua, 34-CT/TW…"),
    "search_button": ("Tìm", "Search"),
    "search_hint": (
        "Gõ có dấu hoặc không dấu đều được. Dùng dấu ngoặc kép cho cụm từ chính xác.",
        "Diacritics are optional. Use quotes for an exact phrase.",
    ),
    "results_count": ("{n} kết quả", "{n} results"),
    "results_took": ("({ms} ms)", "({ms} ms)"),
    "sort": ("Sắp xếp", "Sort"),
    "sort_relevance": ("Liên quan nhất", "Relevance"),
    "sort_date_desc": ("Mới nhất", "Newest"),
    "sort_date_asc": ("Cũ nhất", "Oldest"),
    "filters": ("Bộ lọc", "Filters"),
    "clear_filters": ("Bỏ tất cả bộ lọc", "Clear all filters"),
    "remove_filter": ("Bỏ lọc", "Remove filter"),
    "facet_province": ("Tỉnh (theo bài viết)", "Province (as written)"),
    "facet_province_new": ("Tỉnh (sau sáp nhập 2025)", "Province (post-2025)"),
    "facet_bloc": ("Khối / Cụm thi đua", "Bloc"),
    "facet_year": ("Năm", "Year"),
    "facet_event_type": ("Loại sự kiện", "Event type"),
    "facet_directive": ("Văn bản được trích dẫn", "Directive cited"),
    "facet_award": ("Khen thưởng", "Award"),
    "facet_agency": ("Cơ quan", "Agency"),
    "facet_person": ("Người", "Person"),
    "date_from": ("Từ ngày", "From"),
    "date_to": ("Đến ngày", "To"),
    "apply": ("Áp dụng", "Apply"),
    "per_year_chart": ("Số kết quả theo năm", "Results per year"),
    "export": ("Xuất", "Export"),
    "prev": ("« Trước", "« Previous"),
    "next": ("Sau »", "Next »"),
    "page_of": ("Trang {page} / {pages}", "Page {page} of {pages}"),
    "no_results": ("Không tìm thấy kết quả nào.", "No results found."),
    "no_results_help": (
        "Thử bỏ bớt bộ lọc, viết không dấu, hoặc tìm từ khóa ngắn hơn.",
        "Try removing filters, typing without diacritics, or a shorter query.",
    ),
    "home_intro": (
        "Tìm trong tin tức các tỉnh về hoạt động của Khối thi đua, Cụm thi đua: hội nghị sơ kết, tổng kết, ký giao ước, "
        "đơn vị trưởng khối, văn bản được trích dẫn, khen thưởng.",
        "Search provincial news about emulation blocs and clusters: reviews, covenants, bloc heads, "
        "directives cited and awards.",
    ),
    "stats_line": (
        "{documents} bài viết · {meetings} hội nghị · {blocs} khối/cụm · {directives} văn bản",
        "{documents} articles · {meetings} meetings · {blocs} blocs · {directives} directives",
    ),
    "latest": ("Bài mới nhất", "Latest articles"),
    "published": ("Ngày đăng", "Published"),
    "event_date": ("Ngày họp", "Meeting date"),
    "source_link": ("Bài gốc", "Original article"),
    "other_urls": ("Cũng đăng tại", "Also published at"),
    "facts": ("Thông tin trích xuất", "Extracted facts"),
    "facts_help": (
        "Mỗi thông tin được tô màu tại câu chứa nó; bấm để tới đúng đoạn văn.",
        "Each fact is highlighted where the text states it; click to jump there.",
    ),
    "not_relevant": (
        "Bài này không được nhận diện là tin về hội nghị khối/cụm thi đua.",
        "This article was not recognised as a bloc meeting report.",
    ),
    "field_bloc": ("Khối / Cụm", "Bloc"),
    "field_province": ("Tỉnh", "Province"),
    "field_province_new": ("Tỉnh (sau 2025)", "Province (post-2025)"),
    "field_event_types": ("Sự kiện", "Event"),
    "field_event_date": ("Ngày họp", "Meeting date"),
    "field_period": ("Kỳ", "Period"),
    "field_venue": ("Địa điểm", "Venue"),
    "field_member_count": ("Số thành viên", "Member count"),
    "field_author": ("Tác giả", "Author"),
    "kind_leaders": ("Lãnh đạo khối", "Bloc leadership"),
    "kind_members": ("Thành viên", "Members"),
    "kind_directives": ("Văn bản", "Directives"),
    "kind_awards": ("Khen thưởng", "Awards"),
    "kind_people": ("Nhân vật", "People"),
    "kind_movements": ("Phong trào", "Movements"),
    "role_head": ("Trưởng khối", "Head"),
    "role_deputy": ("Phó trưởng khối", "Deputy"),
    "ev_so_ket": ("Sơ kết", "Interim review"),
    "ev_tong_ket": ("Tổng kết", "Year-end review"),
    "ev_giao_uoc": ("Ký giao ước", "Covenant signing"),
    "ev_phat_dong": ("Phát động", "Launch"),
    "ev_other": ("Khác", "Other"),
    "evidence": ("xem câu gốc", "see sentence"),
    "more_like_this": ("Bài tương tự", "Similar articles"),
    "bloc_history": ("Lịch sử khối", "Bloc history"),
    "bloc_names": ("Các tên gọi", "Names used"),
    "bloc_years": ("Từ {a} đến {b}", "From {a} to {b}"),
    "meetings": ("Hội nghị", "Meetings"),
    "meeting_count": ("{n} bài về hội nghị", "{n} meeting reports"),
    "head_units": ("Đơn vị trưởng khối", "Head unit"),
    "deputy_units": ("Đơn vị phó khối", "Deputy unit"),
    "members": ("Thành viên", "Members"),
    "awards": ("Khen thưởng", "Awards"),
    "directives": ("Văn bản trích dẫn", "Directives cited"),
    "gap_year": ("Không có bài viết nào về năm này.", "No article covers this year."),
    "same_name_elsewhere": ("Cùng tên ở tỉnh khác", "Same name elsewhere"),
    "province_unknown": ("chưa rõ tỉnh", "province unknown"),
    "year_unknown": ("Chưa rõ năm", "Year unknown"),
    "blocs_title": ("Các khối, cụm thi đua", "Emulation blocs"),
    "blocs_empty": ("Chưa có khối nào trong kho.", "No bloc in the archive yet."),
    "all_provinces": ("Tất cả tỉnh", "All provinces"),
    "compare_title": ("So sánh các tỉnh", "Compare provinces"),
    "compare_pick": (
        "Chọn hai tỉnh trở lên (tên cũ hoặc tên sau sáp nhập 2025).",
        "Pick two or more provinces (old names or post-2025 names).",
    ),
    "compare_button": ("So sánh", "Compare"),
    "compare_need_two": ("Hãy chọn ít nhất hai tỉnh.", "Pick at least two provinces."),
    "old_name": ("tên cũ", "old name"),
    "new_name": ("sau 2025", "post-2025"),
    "meetings_per_year": ("Hội nghị theo năm", "Meetings per year"),
    "meetings_per_type": ("Hội nghị theo loại", "Meetings per type"),
    "top_directives": ("Văn bản được trích nhiều nhất", "Most cited directives"),
    "top_awards": ("Khen thưởng", "Awards"),
    "blocs": ("Khối / Cụm", "Blocs"),
    "total_meetings": ("Tổng số hội nghị", "Total meetings"),
    "articles": ("Bài viết", "Articles"),
    "mentions": ("Lượt nhắc", "Mentions"),
    "year": ("Năm", "Year"),
    "province": ("Tỉnh", "Province"),
    "title": ("Tiêu đề", "Title"),
    "directive_title": ("Văn bản {n}", "Directive {n}"),
    "directive_lookup": ("Số ký hiệu văn bản, ví dụ 34-CT/TW", "Document number, e.g. 34-CT/TW"),
    "directives_title": ("Văn bản được trích dẫn", "Cited directives"),
    "directive_none": ("Không có bài nào trích dẫn văn bản này.", "No article cites this document."),
    "written_as": ("Cách viết", "Written as"),
    "by_province": ("Theo tỉnh", "By province"),
    "by_year": ("Theo năm", "By year"),
    "agency_title": ("Cơ quan: {n}", "Agency: {n}"),
    "agency_lookup": ("Tên cơ quan, ví dụ Sở Nội vụ", "Agency name, e.g. Sở Nội vụ"),
    "agency_none": ("Không thấy cơ quan này trong khối nào.", "This agency is not found in any bloc."),
    "agency_suggest": ("Có phải bạn muốn tìm:", "Did you mean:"),
    "agencies_title": ("Cơ quan, đơn vị", "Agencies"),
    "member_years": ("Năm là thành viên", "Member years"),
    "leadership": ("Năm giữ vai trò lãnh đạo", "Leadership years"),
    "error_title": ("Có lỗi", "Something went wrong"),
    "error_404": ("Không tìm thấy trang này.", "This page does not exist."),
    "error_400": ("Yêu cầu không hợp lệ.", "The request is not valid."),
    "error_500": ("Lỗi máy chủ. Vui lòng thử lại sau.", "Server error. Please try again later."),
    "error_503": ("Chỉ mục tìm kiếm chưa sẵn sàng.", "The search index is not available."),
    "go_home": ("Về trang tìm kiếm", "Back to search"),
    "api_title": ("API JSON", "JSON API"),
    "api_intro": (
        "Mọi trang đều có dữ liệu JSON tương ứng dưới /api/…. Lược đồ OpenAPI:",
        "Every page has its JSON twin under /api/…. OpenAPI schema:",
    ),
    "api_envelope": (
        "Phản hồi luôn có dạng {\"ok\": true, …}; lỗi có dạng {\"ok\": false, \"error\": \"…\", \"status\": 400}.",
        "Responses are {\"ok\": true, …}; errors are {\"ok\": false, \"error\": \"…\", \"status\": 400}.",
    ),
    "parameters": ("Tham số", "Parameters"),
    "unknown": ("—", "—"),
    "footer": (
        "Dữ liệu trích từ tin tức công khai của các tỉnh; mỗi thông tin dẫn về câu gốc.",
        "Data extracted from public provincial news; every fact links to its source sentence.",
    ),
}


def translate(lang: str, key: str, **values: object) -> str:
    """Return the UI string ``key`` in ``lang`` with ``{placeholders}`` filled."""
    pair = STRINGS.get(key)
    if pair is None:
        return key
    text = pair[1] if lang == "en" else pair[0]
    return text.format(**values) if values else text


def translator(lang: str) -> Callable[..., str]:
    """Return a ``t(key, **values)`` function bound to ``lang`` for templates."""

    def t(key: str, **values: object) -> str:
        return translate(lang, key, **values)

    return t


def pick_lang(query_lang: str | None, cookie_lang: str | None) -> str:
    """Return the request's language: ?lang= first, then the cookie, else Vietnamese."""
    for candidate in (query_lang, cookie_lang):
        if candidate in LANGS:
            return str(candidate)
    return DEFAULT_LANG
