"""Curated words that surround numbers in Vietnamese report prose.

Data only, shared by :mod:`danvan.values.numbers` and the claim scanner: counting
units, scale words, qualifier words and the words that make a number an
identifier (a year, an ordinal, a document number) rather than a figure.
All entries are lower-case NFC; matching is done on lower-cased text.
"""

from __future__ import annotations

import re

__all__ = [
    "DURATION_UNITS",
    "IDENTIFIER_WORDS",
    "LEVEL_WORDS",
    "MONEY_UNITS",
    "PARTITIONS",
    "PHONE_WORDS",
    "QUALIFIER_PATTERN",
    "QUALIFIER_WORDS",
    "REMAINDER_WORDS",
    "SCALE_WORDS",
    "STOP_WORDS",
    "UNITS",
]

#: Scale words and the power of ten they stand for ("1,2 tỷ đồng", "5 nghìn người").
SCALE_WORDS: dict[str, int] = {"nghìn": 3, "ngàn": 3, "triệu": 6, "tỷ": 9, "tỉ": 9}

#: Money units, value in đồng of one unit (scale words are read separately).
MONEY_UNITS: dict[str, int] = {"đồng": 1, "đ": 1, "vnđ": 1, "vnd": 1}

#: Counting units seen in reports; multi-word units are matched longest first.
UNITS: tuple[str, ...] = (
    "đơn thư", "đơn", "lượt người", "lượt ý kiến", "lượt", "người", "cuộc", "mô hình",
    "điển hình", "vụ việc", "vụ", "hồ sơ", "ngày công", "ha", "km", "m2", "m²", "m3", "km2",
    "hộ", "hộ gia đình", "xã", "phường", "thị trấn", "huyện", "quận", "thị xã", "thành phố",
    "tỉnh", "khu dân cư", "khu", "thôn", "ấp", "bản", "tổ dân phố", "tổ", "khóm", "xóm",
    "hội nghị", "buổi", "lần", "kiến nghị", "ý kiến", "văn bản", "tthc", "thủ tục",
    "thủ tục hành chính", "lĩnh vực", "tập thể", "cá nhân", "đảng viên", "cán bộ", "công chức",
    "viên chức", "hội viên", "đoàn viên", "trường", "trường hợp", "ngôi nhà", "căn nhà", "nhà",
    "căn", "công trình", "dự án", "tiêu chí", "đoàn", "đợt", "chương trình", "kế hoạch", "lớp",
    "học viên", "tin", "bài", "phản ánh", "việc", "đơn vị", "cơ quan", "tổ chức", "doanh nghiệp",
    "hợp tác xã", "tổ hợp tác", "tấn", "con", "cây", "suất", "phần quà", "xuất", "nhóm",
    "nhiệm vụ", "giải pháp", "cử tri", "đại biểu", "ca", "chi bộ", "đảng bộ", "cơ sở", "điểm",
    "phiếu", "bằng khen", "giấy khen", "gia đình", "học sinh", "sinh viên", "lao động",
    "thành viên", "cuốn", "tài liệu", "câu lạc bộ", "clb", "đội", "hội", "chi hội", "tuyến",
    "km đường", "mét", "m", "cầu", "kênh", "dự thảo", "nghị quyết", "quyết định", "chỉ thị",
    "đề án", "báo cáo", "thông báo", "bản tin", "phóng sự", "chuyên đề", "sáng kiến",
    "tác phẩm", "khiếu nại", "tố cáo",
)

#: Units of time: "trong 5 năm" is a duration, not a figure to check.
DURATION_UNITS: frozenset[str] = frozenset(
    {"năm", "tháng", "ngày", "giờ", "phút", "giây", "tuần", "quý", "thế kỷ", "năm học"}
)

#: Qualifier words before a number, mapped to :class:`~danvan.values.numbers.Qualifier` codes.
QUALIFIER_WORDS: dict[str, str] = {
    "hơn": "more_than", "trên": "more_than", "vượt": "more_than",
    "ít nhất": "at_least", "tối thiểu": "at_least", "không dưới": "at_least",
    "gần như": "almost", "gần": "nearly",
    "khoảng": "about", "khoảng chừng": "about", "xấp xỉ": "about", "chừng": "about",
    "ước": "about", "ước tính": "about", "ước đạt": "about", "ước khoảng": "about",
    "dưới": "less_than", "chưa đến": "less_than", "chưa tới": "less_than",
    "không quá": "at_most", "tối đa": "at_most", "nhiều nhất": "at_most",
}

#: A regular expression for any qualifier word that starts a word, longest first
#: (so "ước" is not read inside "nhà nước").
QUALIFIER_PATTERN: str = r"(?<![^\W_])(?:" + "|".join(
    re.escape(word) for word in sorted(QUALIFIER_WORDS, key=len, reverse=True)) + ")"

#: A number right after one of these words names something (a year, an ordinal,
#: a document, a level): "năm 2018", "lần thứ 3", "Quyết định số 217", "mức độ 3".
IDENTIFIER_WORDS: frozenset[str] = frozenset(
    {
        "năm", "tháng", "ngày", "quý", "tuần", "thứ", "số", "khóa", "khoá", "kỳ", "nhiệm kỳ",
        "giai đoạn", "niên khóa", "lần", "đợt", "điều", "khoản", "điểm", "mục", "chương", "phần",
        "bước", "hạng", "loại", "mức", "mức độ", "cấp độ", "tầng", "phòng", "lô", "thửa", "tờ",
        "trang", "phụ lục", "biểu", "bảng", "hình", "tổ", "ấp", "khu", "tiểu khu", "xóm",
        "đội", "lớp", "tiêu chí", "quyết định", "nghị quyết", "nghị định", "chỉ thị", "kết luận",
        "quy định", "thông tư", "pháp lệnh", "luật", "công văn", "kế hoạch", "hướng dẫn",
        "chương trình", "thông báo", "tờ trình", "báo cáo", "đề án", "iso", "tcvn", "covid",
        "trung ương", "giờ", "lúc", "đường", "quốc lộ", "tỉnh lộ", "km",
    }
)

#: Words before a telephone number.
PHONE_WORDS: tuple[str, ...] = (
    "điện thoại", "đt", "sđt", "hotline", "đường dây nóng", "fax", "tel", "di động",
)

#: Part labels that name a remainder, so that the list is meant to be complete.
REMAINDER_WORDS: tuple[str, ...] = ("khác", "còn lại", "các loại khác", "số còn lại")

#: Partitions the domain knows: a list naming every member of one is complete, so its
#: sum must equal the total. Each member is a tuple of the words that name it.
PARTITIONS: tuple[tuple[tuple[str, ...], ...], ...] = (
    # Đơn by kind (Luật Tiếp công dân 2013; Thông tư 05/2021/TT-TTCP): "khác" may follow.
    (("khiếu nại", "kn"), ("tố cáo", "tc"), ("kiến nghị", "phản ánh", "kiến nghị, phản ánh")),
    (("tập thể",), ("cá nhân",)),
    (("định kỳ",), ("đột xuất",)),
    (("cấp huyện",), ("cấp xã",)),
    (("không thuộc thẩm quyền",), ("thuộc thẩm quyền",)),
    # Đơn by whether they can be handled (Thông tư 05/2021/TT-TTCP, Điều 6).
    (("không đủ điều kiện",), ("đủ điều kiện",)),
    # Cases carried over and new ("vụ việc cũ … vụ việc mới"; "kỳ trước chuyển sang").
    (("cũ", "kỳ trước chuyển sang", "tồn kỳ trước"),
     ("mới phát sinh", "mới tiếp nhận", "tiếp nhận mới", "đơn mới", "vụ việc mới", "vụ mới",
      "hồ sơ mới")),
    # Tiếp công dân: every day, on the leaders' fixed days, and unscheduled (Luật Tiếp
    # công dân 2013, Điều 12, 13, 18).
    # Cases solved within the time limit or after it (Luật Khiếu nại 2011, Điều 28, 37).
    (("đúng hạn", "trước hạn", "đúng và trước hạn", "trong hạn"), ("quá hạn", "trễ hạn")),
    (("thường xuyên",), ("định kỳ",)),
    (("thường xuyên",), ("định kỳ",), ("đột xuất",)),
    # The four fields of the "Dân vận khéo" movement (Kết luận 114-KL/TW, 2015).
    (("kinh tế",), ("văn hóa", "văn hoá", "xã hội"), ("quốc phòng", "an ninh"),
     ("hệ thống chính trị", "chính trị")),
)

#: Words naming administrative levels; a breakdown by level is a partition.
LEVEL_WORDS: tuple[str, ...] = (
    "trung ương", "tỉnh", "huyện", "xã", "thị trấn", "phường", "cơ sở", "thành phố", "thị xã",
    "quận", "thôn", "khu dân cư", "ấp", "bản",
)

#: Words that cannot be a unit when they follow a number.
STOP_WORDS: frozenset[str] = frozenset(
    {
        "của", "và", "với", "là", "có", "được", "đã", "đang", "sẽ", "cho", "tại", "trong",
        "trên", "dưới", "theo", "về", "từ", "đến", "tới", "so", "bằng", "đạt", "chiếm", "gồm",
        "như", "khi", "thì", "mà", "này", "đó", "nào", "các", "những", "một", "hoặc", "hay",
        "nhưng", "để", "do", "vì", "nên", "ra", "vào", "lên", "xuống", "còn", "trở", "giảm",
        "tăng", "thành", "tương", "ước", "hơn", "gần", "khoảng", "ở", "bị", "phải", "cũng",
        "vẫn", "rồi", "nữa", "không", "chưa", "đều", "tham", "thực", "tổ", "triển", "nhằm",
        "qua", "sau", "trước", "giữa", "ngoài", "bao", "cùng", "kể", "tính", "đối",
        "nay", "năm", "tháng", "ngày", "giờ", "phút", "tuần", "quý", "kỳ", "lần", "thứ",
    }
)
