"""The patterns and small judgements the claim rules share: link words, connectors, unit
compatibility, labels and the partitions the domain knows.

White space is matched possessively (``*+``) and the rules cap the gaps they try a
pattern on (:data:`GAP`): adjacent quantifiers over the same spaces backtrack in n³ or
worse otherwise (reliability finding F1).
"""

from __future__ import annotations

import re

from attrs import frozen

from danvan.text._claim_scan import Token
from danvan.values._numbers_words import LEVEL_WORDS, PARTITIONS, REMAINDER_WORDS

__all__ = [
    "AFTER",
    "AMONG",
    "BLANK",
    "CATEGORIES",
    "CHANGE",
    "CLAUSE_END",
    "COMPLETE_CONNECTORS",
    "CONNECTOR",
    "COUNTERS",
    "EARLIER",
    "EQUALS",
    "FIRST_WORD",
    "FROM",
    "FROM_TO",
    "GAP",
    "INTO",
    "JOIN",
    "KINDS",
    "LABEL_NOISE",
    "LEVELS",
    "LINK",
    "LOOKBACK",
    "MEAN",
    "NESTED",
    "OPENING",
    "OUT_OF",
    "PAIRED",
    "PARTITION_PATTERNS",
    "PEOPLE",
    "PERSONS",
    "PLACES",
    "PREVIOUS",
    "PUNCT",
    "RATE",
    "REACH",
    "REMAINDER",
    "REMAINDER_AFTER",
    "REMAINDER_LABEL",
    "REMAINDER_TAIL",
    "SHARE",
    "SHARE_GAP",
    "SHARE_OF",
    "STOP",
    "THEN",
    "TOTAL_WORD",
    "VISITS",
    "Draft",
    "compatible",
    "first_word_of",
    "is_typed",
    "label_of",
    "names_a_partition",
    "same_units",
    "word_pattern",
]

CONNECTOR = re.compile(
    r"(?<![^\W_])(trong đó|trong số đó|bao gồm|gồm có|gồm|chia ra|phân ra|cụ thể là|cụ thể)"
    r"(?![^\W_])[\s:]*"
)
COMPLETE_CONNECTORS = frozenset({"bao gồm", "gồm có", "gồm", "chia ra", "phân ra"})
# White space is matched possessively (``*+``) and gaps are capped (:data:`GAP`):
# adjacent quantifiers over the same spaces backtrack in n³ or worse otherwise.
#: "đạt chuẩn nông thôn mới (NTM), chiếm": a short bracket without digits may sit in the words.
LINK = re.compile(
    r"[\s,;]*+(?:\([^()]{0,80}\)[\s,;]*+)?(?:[^\d%();.]{0,80}?)?"
    r"(?:\([^()\d]{0,20}\)[^\d%();.]{0,10}?)?\(?\s*+"
    r"(?<![^\W_])(?:đạt|chiếm|bằng|là|tương ứng|tương đương|tỷ lệ|tỉ lệ|=)(?![^\W_])"
    r"[\s:]*+(?:(?:tỷ lệ|tỉ lệ|là)(?![^\W_])[\s:]*+)?\(?\s*+"
    r"|\s*+\(\s*+"
)
#: "chiếm Z%", "đạt tỷ lệ Z%", and a bare "tỷ lệ Z%" after a part ("còn 56 hồ sơ quá hạn,
#: tỷ lệ 1,7%"; not "tăng tỷ lệ 5%", a change).
SHARE = re.compile(
    r"[\s,;]*+(?:[^\d%();.]{0,60}?[\s,;]++)?\(?\s*+(?:(?:chiếm|đạt|bằng|=)(?![^\W_])\s*+"
    r"(?:(?:đến|tới)\s++)?(?:(?:tỷ lệ|tỉ lệ)\s*+)?"
    r"|(?<![^\W_])(?<!tăng )(?<!giảm )(?:tỷ lệ|tỉ lệ)(?![^\W_])\s*+)"
    r":?\s*+")
CHANGE = re.compile(
    r"(?<![^\W_])(giảm|tăng)(?: (?:thêm|được|đi|lên|xuống))?\s*+$"
)
RATE = re.compile(
    r"[\s,;]*+\(?\s*+(?:(?:tỷ lệ|tỉ lệ|tương ứng|tương đương|bằng|đạt|là|=)(?![^\W_])\s*+)*+"
    r"(?:(?:giảm|tăng)\s*+)?(?::\s*+)?"
)
#: The longest gap between two figures that a link regex is tried on.
GAP = 200
#: How many figures back the rules look for a total, a base or a current value.
LOOKBACK = 40
AFTER = re.compile(r"(?<![^\W_])(?:xuống còn|giảm còn|chỉ còn|còn|tăng lên|lên)\s++")
FROM_TO = re.compile(r"\s++(?:xuống còn|giảm xuống|tăng lên|xuống|còn|lên|đến)\s++")
INTO = re.compile(r"\s++(?:[^\W\d_]++\s++){0,4}?thành\s++")
JOIN = re.compile(r"\s*+(?:,|và)\s*+")
PREVIOUS = re.compile(r"\s*+(?:[^\d;.()]{0,40}?)so với(?![^\W_])")
EQUALS = re.compile(r"(?<![^\W_])(?:bằng|đạt)\s*+$")
MEAN = re.compile(r"(?<![^\W_])(?:bình quân|trung bình)(?![^\W_])")
REMAINDER = re.compile(r"(?<![^\W_])(?:còn lại|(?<!xuống )(?<!giảm )còn)\s*+:?\s*+(?:là\s*+)?$")
REMAINDER_AFTER = re.compile(r"\s*+còn lại(?![^\W_])")
#: Slash pairs of visits and people ("161/201 người" beside "98 lượt/115 người"): not ratios.
PEOPLE = frozenset({"người", "lượt người"})
#: Units that count people, whatever their role.
PERSONS = frozenset({"người", "cá nhân", "cán bộ", "công chức", "viên chức", "công dân",
                     "cử tri", "đại biểu", "lao động", "học sinh", "sinh viên"})
VISITS = re.compile(r"(?<![^\W_])lượt(?![^\W_])")
BLANK = re.compile(r"\s*+")
NESTED = re.compile(r"\([^()]*\)")
STOP = re.compile(r"(?<![^\W_])(?:tổng|so với|bình quân)(?![^\W_])")
TOTAL_WORD = re.compile(r"(?<![^\W_])tổng(?![^\W_])")
LABEL_NOISE = re.compile(r"(?<![^\W_])(?:trong đó|bao gồm|gồm|và)(?![^\W_])")
FROM = re.compile(r"(?<![^\W_])từ\s++$")
FIRST_WORD = re.compile(r"[^\W\d_]+")
CATEGORIES = re.compile(r"(?<![^\W_])các ([^\W\d_]+ [^\W\d_]+)")


def word_pattern(word: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![^\W_]){re.escape(word)}(?![^\W_])")


REMAINDER_LABEL = re.compile(r"(?<![^\W_])(?:" + "|".join(re.escape(w) for w in REMAINDER_WORDS)
                              + r")(?![^\W_])")
LEVELS = tuple((word, word_pattern(word)) for word in LEVEL_WORDS)
#: Each partition's members as (member index, alias pattern), longest alias first.
PARTITION_PATTERNS = tuple(
    sorted(((m, word_pattern(alias)) for m, aliases in enumerate(members) for alias in aliases),
           key=lambda pair: -len(pair[1].pattern))
    for members in PARTITIONS)
#: Words naming a member of a known partition: a part may be counted by its kind.
KINDS = frozenset(alias for members in PARTITIONS for aliases in members for alias in aliases)
#: Words that count events of any kind ("36 hội nghị (cấp huyện: 6 cuộc …)").
COUNTERS = frozenset({"cuộc", "buổi", "lần", "đợt", "trường hợp", "việc"})
#: "(năm trước: 95 đơn)" after a change: the value before it.
EARLIER = re.compile(r"\s*+\(\s*+(?:năm trước|cùng kỳ|kỳ trước|cùng kỳ năm trước)\s*+:?\s*+")
PAIRED = re.compile(r"(?<![^\W_])với\s*+$")
SHARE_GAP = re.compile(r"[^\d.!?()%]{0,120}")
#: "… 20% ý kiến, kiến nghị còn lại": the last share of a whole, named the remainder after it.
REMAINDER_TAIL = re.compile(r"[^\d.!?()%;]{0,40}?(?<![^\W_])(?:còn lại|khác)(?![^\W_])")
THEN = re.compile(r"\)\s*+,?\s*+(?:còn|xuống còn|lên|thành)\s++")
#: "185 trong tổng số 220 xã": a count out of a whole, a ratio without a slash.
OUT_OF = re.compile(r"[ \u00a0]++(?:trong|trên)[ \u00a0]++(?:tổng[ \u00a0]++)?số[ \u00a0]++")
#: A clause that opens "Trong (tổng) số N …": N is the whole of what the clause goes on to list.
AMONG = re.compile(r"[\s\-–•+*]*+trong(?:(?: tổng)? số(?![^\W_])[^\d;:.()]{0,80}|\s++)")
CLAUSE_END = re.compile(r"[.;:\n](?=[^.;:\n]*$)")
#: A sentence that opens with one of these goes on listing the figures of the one before.
OPENING = re.compile(r"[\s\-–•+*]*+(?:trong đó|trong số đó)(?![^\W_])")
#: Counts of places or bodies: "X/Y xã đạt tỷ lệ Z%" says what rate the places reach.
PLACES = frozenset({*LEVEL_WORDS, "đơn vị", "cơ quan", "địa phương", "sở, ngành"})
SHARE_OF = re.compile(r"(?<![^\W_])(?:chiếm|bằng)(?![^\W_])|=")
REACH = re.compile(r"(?<![^\W_])đạt(?![^\W_])")
PUNCT = " ,;:.–-\t\n\u00a0"


@frozen
class Draft:
    """A claim before it becomes public: figures are ``(role, token, label, denominator)``."""

    kind: str
    reading: str
    figures: tuple[tuple[str, Token, str, bool], ...]


def compatible(a: Token, b: Token) -> bool:
    if a.percent or b.percent:
        return a.percent and b.percent
    if a.money or b.money:
        return a.money and b.money
    if not a.units or not b.units:
        return True
    left = {u.lower() for u in a.units}
    right = {u.lower() for u in b.units}
    if left <= KINDS or right <= KINDS or left <= COUNTERS or right <= COUNTERS:
        return True  # "55 mô hình (29 tập thể, 26 cá nhân)": parts counted by their kind
    if _persons(left) and _persons(right):
        return True  # "8.663 hòa giải viên; trong đó … 241 người"
    return bool(left & right) or any(x.startswith(y) or y.startswith(x)
                                      for x in left for y in right)


def _persons(units: set[str]) -> bool:
    """Whether every unit counts people ("người", "cán bộ", "hòa giải viên")."""
    return all(u in PERSONS or u.endswith("viên") for u in units)


def same_units(a: Token, b: Token) -> bool:
    """Whether two figures name the same unit ("đơn" and "đơn thư" do, "lượt" and "người" not)."""
    left = {u.lower() for u in a.units}
    right = {u.lower() for u in b.units}
    return bool(left & right) or any(x.startswith(y + " ") or y.startswith(x + " ")
                                      for x in left for y in right)


def is_typed(token: Token) -> bool:
    """Whether the figure says what it counts (a unit, money or per cent)."""
    return bool(token.units) or token.money or token.percent


def label_of(gap: str) -> str:
    text = NESTED.sub(" ", gap)
    text = LABEL_NOISE.sub(" ", text)
    return " ".join(text.split()).strip(PUNCT)


def names_a_partition(labels: list[str]) -> bool:
    """Whether the labels name every member of one known partition, each once, and
    nothing else but a remainder ("khác")."""
    for members, aliases in zip(PARTITIONS, PARTITION_PATTERNS, strict=True):
        seen: list[int] = []
        for label in labels:
            member = next((m for m, pattern in aliases if pattern.search(label)), None)
            if member is None and not REMAINDER_LABEL.search(label):
                break
            if member is not None:
                seen.append(member)
        else:
            if sorted(seen) == list(range(len(members))):
                return True
    return False


def first_word_of(text: str) -> str:
    match = FIRST_WORD.search(text)
    return match.group() if match else ""
