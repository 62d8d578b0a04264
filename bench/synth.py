"""Generate realistic synthetic articles of the genre (bloc meetings in provincial news) for benchmarks.

``generate_articles(n, seed)`` returns dicts with id, url, title, text, province, year. Articles vary
in province, year, bloc, host agency, event type, cited directives, officials, awards, movements,
byline and page chrome; about one in ten is an off-topic hard negative. Deterministic per seed.
"""

from __future__ import annotations

import random

PROVINCES = [
    ("Yên Bái", "yenbai"), ("Thái Nguyên", "thainguyen"), ("Cao Bằng", "caobang"), ("Lào Cai", "laocai"),
    ("Quảng Trị", "quangtri"), ("Khánh Hòa", "khanhhoa"), ("Lâm Đồng", "lamdong"), ("Đồng Nai", "dongnai"),
    ("Bắc Kạn", "backan"), ("Hà Tĩnh", "hatinh"), ("Thái Bình", "thaibinh"), ("Nam Định", "namdinh"),
    ("Vĩnh Long", "vinhlong"), ("Quảng Bình", "quangbinh"), ("Kon Tum", "kontum"), ("Gia Lai", "gialai"),
    ("Tuyên Quang", "tuyenquang"), ("Hòa Bình", "hoabinh"), ("Sơn La", "sonla"), ("Bình Thuận", "binhthuan"),
    ("Trà Vinh", "travinh"), ("Cà Mau", "camau"), ("Nghệ An", "nghean"), ("Thanh Hóa", "thanhhoa"),
    ("Phú Thọ", "phutho"), ("Bến Tre", "bentre"), ("Đắk Lắk", "daklak"), ("Hải Dương", "haiduong"),
]
BLOCS = [
    "Khối thi đua các cơ quan tham mưu tổng hợp", "Khối thi đua các cơ quan Kinh tế - Kỹ thuật",
    "Khối thi đua các cơ quan Văn hóa - Xã hội", "Khối thi đua các cơ quan nội chính",
    "Khối thi đua Mặt trận Tổ quốc và các đoàn thể chính trị - xã hội", "Khối thi đua các Hội đặc thù",
    "Khối thi đua các trường Đại học, Cao đẳng", "Khối thi đua các doanh nghiệp Trung ương",
    "Cụm thi đua các huyện miền núi", "Cụm thi đua các huyện đồng bằng",
] + [f"Khối thi đua số {n}" for n in range(1, 16)] + [f"Cụm thi đua số {n}" for n in range(1, 8)]
AGENCIES = [
    "Sở Nội vụ", "Sở Tài chính", "Sở Kế hoạch và Đầu tư", "Sở Xây dựng", "Sở Y tế", "Sở Tư pháp",
    "Sở Giáo dục và Đào tạo", "Sở Khoa học và Công nghệ", "Sở Tài nguyên và Môi trường", "Sở Công Thương",
    "Sở Giao thông vận tải", "Sở Ngoại vụ", "Sở Thông tin và Truyền thông", "Sở Văn hóa, Thể thao và Du lịch",
    "Sở Lao động - Thương binh và Xã hội", "Sở Nông nghiệp và Phát triển nông thôn", "Ban Dân tộc tỉnh",
    "Văn phòng UBND tỉnh", "Văn phòng Đoàn ĐBQH và HĐND tỉnh", "Thanh tra tỉnh", "Công an tỉnh",
    "Bộ Chỉ huy Quân sự tỉnh", "Hội Nông dân tỉnh", "Hội Cựu chiến binh tỉnh", "Tỉnh đoàn", "Liên đoàn Lao động tỉnh",
    "Hội Liên hiệp Phụ nữ tỉnh", "Hội Chữ thập đỏ tỉnh", "Đài Phát thanh và Truyền hình tỉnh", "Báo tỉnh",
    "Bảo hiểm xã hội tỉnh", "Kho bạc Nhà nước tỉnh", "Cục Thuế tỉnh", "Cục Hải quan tỉnh",
]
SURNAMES = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý", "Đinh", "Đoàn", "Lò", "Hà"]
MIDDLES = ["Văn", "Thị", "Đức", "Minh", "Quốc", "Thanh", "Hữu", "Ngọc", "Thu", "Xuân", "Hồng", "Kim"]
GIVENS = ["Hùng", "Lan", "Hương", "Sơn", "Tuấn", "Hà", "Dũng", "Yến", "Thắng", "Oanh", "Khánh", "Nam", "Phương", "Long", "Trang", "Bình"]
TITLES = ["Giám đốc", "Phó Giám đốc", "Chánh Văn phòng", "Trưởng ban", "Chủ tịch", "Phó Chủ tịch"]
HONORIFICS = ["đồng chí", "Đ/c", "ông", "bà", "Đồng chí"]
MOVEMENTS = [
    "Cả nước chung sức xây dựng nông thôn mới", "Vì người nghèo - Không để ai bị bỏ lại phía sau",
    "Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh", "Dân vận khéo", "Người tốt, việc tốt",
    "Cán bộ, công chức, viên chức thi đua thực hiện văn hóa công sở", "Doanh nghiệp Việt Nam hội nhập và phát triển",
]
DOCS = [("Chỉ thị", "CT", "TW", "của Bộ Chính trị"), ("Chỉ thị", "CT", "TU", "của Ban Thường vụ Tỉnh ủy"),
        ("Kế hoạch", "KH", "UBND", "của UBND tỉnh"), ("Nghị quyết", "NQ", "TU", "của Tỉnh ủy"),
        ("Chương trình hành động", "CTr", "TU", "của Tỉnh ủy"), ("Quyết định", "QĐ", "UBND", "của Chủ tịch UBND tỉnh"),
        ("Hướng dẫn", "HD", "HĐTĐKT", "của Hội đồng Thi đua - Khen thưởng tỉnh")]
EVENTS = [
    ("sơ kết", "sơ kết công tác thi đua, khen thưởng 6 tháng đầu năm {y}"),
    ("tổng kết", "tổng kết công tác thi đua, khen thưởng năm {y} và triển khai nhiệm vụ năm {y1}"),
    ("giao ước", "ký kết giao ước thi đua năm {y}"),
    ("phát động", "phát động phong trào thi đua năm {y}"),
]
CHROME_TOP = ["Trang chủ > Tin tức > Thi đua - Khen thưởng", "Lượt xem: {n}", "{d}/{m}/{y} 08:15:02 Xem cỡ chữ Google", ""]
CHROME_BOTTOM = [
    "Các tin khác\nKhối thi đua số 2 tổng kết năm {y}\nCụm thi đua số 5 ký kết giao ước",
    "Thống kê truy cập\n  • Đang truy cập: {n}\n  • Hôm nay: {n}\n  • Tổng lượt truy cập: {n}{n}",
    "Chia sẻ bài viết\nBÌNH LUẬN", "28oC\nThấp nhất 24°C, cao nhất 31°C. Trời nắng.", "",
]
FILLER = [
    "Các đơn vị thành viên đã bám sát nhiệm vụ chính trị được giao, triển khai đồng bộ các giải pháp, hoàn thành và hoàn thành vượt mức nhiều chỉ tiêu quan trọng.",
    "Công tác phát hiện, bồi dưỡng, tổng kết và nhân rộng điển hình tiên tiến được quan tâm, tạo sự lan tỏa trong cán bộ, công chức, viên chức và người lao động.",
    "Hội nghị đã dành nhiều thời gian thảo luận, các đại biểu đóng góp nhiều ý kiến vào dự thảo báo cáo và phương hướng nhiệm vụ thời gian tới.",
    "Bên cạnh kết quả đạt được, hoạt động của Khối vẫn còn một số hạn chế như việc trao đổi kinh nghiệm giữa các đơn vị chưa thường xuyên.",
    "Các đơn vị tích cực tham gia công tác an sinh xã hội, ủng hộ quỹ Vì người nghèo, hỗ trợ xây dựng nhà ở cho hộ nghèo trên địa bàn.",
]


def _person(rng: random.Random) -> str:
    parts = [rng.choice(SURNAMES), rng.choice(MIDDLES)]
    if rng.random() < 0.4:
        parts.append(rng.choice(MIDDLES))
    parts.append(rng.choice(GIVENS))
    return " ".join(parts)


def _article(i: int, rng: random.Random) -> dict[str, object]:
    province, slug = rng.choice(PROVINCES)
    year = rng.randint(2012, 2024)
    bloc = rng.choice(BLOCS)
    host = rng.choice(AGENCIES)
    kind, phrase = rng.choice(EVENTS)
    event = phrase.format(y=year, y1=year + 1)
    day, month = rng.randint(1, 28), rng.choice([1, 2, 3, 4, 7, 12])
    time_of_day = rng.choice(["Chiều", "Sáng", "Ngày", "Chiều ngày", "14h00 ngày"])
    members = rng.sample(AGENCIES, rng.randint(4, 9))
    lines = [rng.choice(CHROME_TOP).format(n=rng.randint(10, 9999), d=day, m=month, y=year)]
    title = f"{bloc} {event}"
    lines.append(title)
    lines.append(f"{time_of_day} {day}/{month}/{year}, tại {host}, {bloc} tỉnh {province} tổ chức hội nghị {event}.")
    head = _person(rng)
    hon = rng.choice(HONORIFICS)
    sep = rng.choice([" - ", ", ", " – "])
    lines.append(
        f"Chủ trì hội nghị có {hon} {head}{sep}{rng.choice(TITLES)} {host}, Trưởng khối thi đua năm {year}; "
        f"tham dự có đại diện lãnh đạo Ban Thi đua - Khen thưởng tỉnh và lãnh đạo {len(members):02d} đơn vị thành viên gồm: "
        + ", ".join(members) + "."
    )
    for _ in range(rng.randint(2, 5)):
        lines.append(" ".join(rng.sample(FILLER, rng.randint(1, 3))))
    doc_type, code, suffix, issuer = rng.choice(DOCS)
    number = rng.randint(1, 350)
    num = f"{number:02d}-{code}/{suffix}" if suffix in {"TW", "TU"} else f"{number}/{code}-{suffix}"
    lines.append(
        f"Các đơn vị tiếp tục thực hiện {doc_type} số {num} ngày {rng.randint(1, 28)}/{rng.randint(1, 12)}/{year - rng.randint(0, 6)} "
        f"{issuer} về công tác thi đua, khen thưởng; đẩy mạnh phong trào thi đua “{rng.choice(MOVEMENTS)}”."
    )
    if kind in {"tổng kết", "sơ kết"} and rng.random() < 0.7:
        winner, second = rng.sample(members, 2)
        lines.append(
            f"Hội nghị thống nhất bình chọn {winner} là đơn vị xuất sắc và đề nghị UBND tỉnh xét tặng Cờ thi đua; "
            f"{second} nhận Bằng khen của Chủ tịch UBND tỉnh."
        )
        lines.append(f"Dịp này, Khối đã trao Giấy khen cho {rng.randint(2, 12):02d} tập thể, {rng.randint(1, 9):02d} cá nhân có thành tích xuất sắc.")
    speaker = _person(rng)
    lines.append(f"Phát biểu tại hội nghị, {rng.choice(HONORIFICS)} {speaker}, Phó Trưởng Ban Thi đua - Khen thưởng tỉnh ghi nhận kết quả của Khối.")
    lines.append(f"Hội nghị cũng thống nhất giao {rng.choice(members)} làm Trưởng khối năm {year + 1}.")
    lines.append("")
    lines.append(rng.choice([_person(rng), f"{rng.choice(GIVENS)} {rng.choice(GIVENS)}".upper(), "PV", f"Tin, ảnh: {_person(rng)}"]))
    lines.append(rng.choice(CHROME_BOTTOM).format(n=rng.randint(10, 9999), y=year))
    if rng.random() < 0.1:  # hard negative: one agency's own year-end review
        lines[1] = f"{host} tổng kết công tác năm {year}"
        lines[2] = f"Ngày {day}/{month}/{year}, {host} tổ chức hội nghị cán bộ, công chức năm {year}."
    text = "\n".join(lines)
    return {
        "id": f"synth-{i:05d}",
        "url": f"https://{slug}.gov.vn/tin-tuc/{i}",
        "title": title,
        "text": text,
        "province": province,
        "year": year,
    }


def generate_articles(n: int, seed: int = 0) -> list[dict[str, object]]:
    """Return ``n`` synthetic articles (id, url, title, text, province, year), deterministic for ``seed``."""
    rng = random.Random(seed)
    return [_article(i, rng) for i in range(n)]
