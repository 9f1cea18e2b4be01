"""Find the figures of a Vietnamese report: numbers with their qualifier, unit and span.

The scanner reads every run of digits once and decides from its neighbours
whether it is a figure (``2.588 đơn``, ``98,7%``, ``2.453/2.484 đơn``,
``hơn 1,2 tỷ đồng``, ``5.200m2``) or an identifier that must never become a
claim: dates (``ngày 17/12/2019``, ``tháng 6/2021``), times, document numbers
(``828/NQ-UBTVQH14``, ``39-NQ/TW``), standards (``ISO 9001:2015``), years,
ranges (``2021-2025``), ordinals (``lần thứ 3``), telephone numbers, names
such as ``Covid-19`` and numbers inside short quoted titles.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from decimal import Decimal

from attrs import frozen

from danvan.values._numbers_words import (
    DURATION_UNITS,
    IDENTIFIER_WORDS,
    MONEY_UNITS,
    PHONE_WORDS,
    QUALIFIER_PATTERN,
    QUALIFIER_WORDS,
    SCALE_WORDS,
    STOP_WORDS,
    UNITS,
)
from danvan.values.numbers import Qualifier

__all__ = ["MAX_DIGITS", "Enclosing", "Layout", "Token", "lower", "scan", "sentence_bounds"]

#: A figure with more digits than this is read but never related to others: no report
#: prints one, and exact arithmetic on megabytes of digits would not be linear.
MAX_DIGITS = 60

_RUN = re.compile(r"\d+(?:[.,]\d+)*")
_VALID = re.compile(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?")
_SPACE = re.compile(r"[ \t\u00a0\u202f\u2009]*+")


def _words(words: Iterable[str]) -> str:
    """An alternation of ``words`` (longest first) that must end a word."""
    ordered = sorted(words, key=len, reverse=True)
    return "(?:" + "|".join(re.escape(w) for w in ordered) + r")(?![^\W_])"


_SCALE = re.compile(_words(SCALE_WORDS))
_MONEY = re.compile(_words(MONEY_UNITS))
_UNIT = re.compile(_words(UNITS))
#: "số hồ sơ quá hạn còn 154, chiếm 1%": a bare number whose noun was printed before it.
_NOUN_BEFORE = re.compile(r"(?<![^\W_])số[ \u00a0]++(" + _words(UNITS)
                          + r")[^\d,;:()\n.!?%]{0,40}+$")
_WORD = re.compile(r"[^\W\d_]+")
_COMPOUND = re.compile(r"(?:,|\s+và|\s+hoặc)\s+")
_PERCENT = re.compile(r"[ \u00a0]?(?:%|phần trăm(?![^\W_]))")
_SLASH = re.compile(r"[ \u00a0]?/[ \u00a0]?(\d+(?:[.,]\d+)*)")
#: "71, 4 tỉ đồng": a decimal comma followed by a space, before a scale word.
_SPACED_DECIMAL = re.compile(r",[ \u00a0](\d{1,2})(?=[ \u00a0]*+" + _words(SCALE_WORDS) + ")")
#: "gần 12. 000 hộ": a thousands dot followed by a space, before a unit.
_SPACED_THOUSANDS = re.compile(r"\.[ \u00a0](\d{3})(?![\d.,])")
#: "203/226 (89,8%) vụ việc": a percentage in brackets between a ratio and its unit.
_RATE_BETWEEN = re.compile(r"[ \u00a0]*+\([ \u00a0]*+\d{1,3}(?:,\d+)?[ \u00a0]?%[ \u00a0]*+\)[ \u00a0]*+")
#: The second half of "499 tỷ 797 triệu đồng" or "30 ngàn 309 tỷ đồng".
_SECOND_HALF = re.compile(r"[ \u00a0]+(\d{1,3})(?=[ \u00a0]*+" + _words(SCALE_WORDS) + ")")
#: Words after which a bare number is a percentage with its "%" left out ("chiếm 89,65 (").
_SHARE_BEFORE = re.compile(r"(?<![^\W_])(?:chiếm|chiếm tỷ lệ|chiếm tỉ lệ|đạt tỷ lệ|đạt tỉ lệ)[ \u00a0]+$")
_RANGE = re.compile(r"[ \u00a0]*+[-–—][ \u00a0]*+\d+(?:[.,]\d+)*")
_PHONE_TAIL = re.compile(r"(?:[ .]\d{2,4}){2,}")
_QUALIFIER = re.compile(QUALIFIER_PATTERN + r"[ \u00a0]+$")
_PREVIOUS_WORDS = re.compile(r"([^\W\d_]+)(?:[ \u00a0]+([^\W\d_]+))?[ \u00a0]*$")
_PHONE_BEFORE = re.compile("(?:" + "|".join(re.escape(w) for w in PHONE_WORDS) + r")\W{0,4}$")
#: After a word that could join a compound unit: more label words, then the next number.
_LABEL_AHEAD = re.compile(r"(?:[ ,]++(?!(?:trong|gồm|bao|có|là|với|đạt|chiếm)(?![^\W_]))"
                          r"[^\W\d_]++){0,3}[ \u00a0]*+\d")
_QUOTE = re.compile(r"“[^”\n]{0,200}”|\"[^\"\n]{0,200}\"")
#: A quotation with a sentence in it is reported speech, whose figures count; a short
#: title (“5 không, 3 sạch”) has none.
_SPEECH = re.compile(r"[.!?…][ \u00a0]")
_BRACKETS = re.compile(r"[()]|\n[ \t\u00a0]*\n")
# A run of marks is tried once, from its first mark: a match starting inside the run
# would eat the rest of it again (quadratic on "......").
_SENTENCE_END = re.compile(r"(?<![.!?…])[.!?…]++(?=\s|$)|\n[ \t\u00a0]*+(?P<next>.?)")
#: Marks that end no sentence: an ellipsis before a lower-case word ("hiến đất... quy ra
#: tiền"), and a thousands dot with a space after it ("gần 12. 000 hộ").
_GOES_ON = re.compile(r"(?:\.{2,}+|…)[ \u00a0]++(?=[^\W\d_])"
                      r"|(?<=\d)\.[ \u00a0](?=\d{3}(?![\d.,]))")
#: Words that name a document or a period before its number ("Hướng dẫn 12", "kỳ 3") but
#: an action or a kind before a count ("hướng dẫn 385 đơn", "tiếp định kỳ 27 lượt").
_ACTION_WORDS = frozenset({"hướng dẫn", "định kỳ", "kết luận", "giải quyết"})
#: A person named by its role: "hòa giải viên", "tuyên truyền viên".
_PERSON = re.compile(r"(?:[^\W\d_]++[ \u00a0]){1,2}viên(?![^\W_])")
#: Document words before a count of people are a field, not a document's number
#: ("trình độ chuyên môn Luật 241 người").
_DOCUMENT_WORDS = frozenset({"luật", "pháp luật", "nghị định", "nghị quyết", "quyết định",
                             "chỉ thị", "thông tư", "pháp lệnh", "quy định", "công văn"})
_PEOPLE = frozenset({"người", "lượt người", "cá nhân", "cán bộ", "công chức", "viên chức",
                     "đảng viên", "hội viên", "đoàn viên", "học viên", "thành viên"})
_DATE_WORDS = frozenset({"ngày", "hôm", "sáng", "chiều", "tối", "trưa", "đêm", "tháng", "từ",
                         "đến", "tới"})
#: "có đến 5/9 huyện": after these a slash with a unit is a ratio, not a date.
_UNTIL = frozenset({"đến", "tới"})
_YEAR_WORDS = frozenset({"năm", "tháng", "ngày", "quý", "tuần"})
_LIMITS = {"năm": (1900, 2100), "tháng": (1, 12), "ngày": (1, 31), "quý": (1, 4), "tuần": (1, 53)}


@frozen
class Token:
    """One figure: spans are character offsets in the scanned text."""

    start: int
    end: int
    number_end: int
    value: Decimal
    qualifier: Qualifier
    units: tuple[str, ...]
    scale: int
    percent: bool
    denominator: Decimal | None
    denominator_span: tuple[int, int] | None
    sentence: int
    paren: int
    #: More than :data:`MAX_DIGITS` digits in the number or its denominator.
    oversized: bool = False

    @property
    def unit(self) -> str | None:
        """The unit as printed (lower case), compound units joined by ', '."""
        if self.percent:
            return "%"
        return ", ".join(self.units) if self.units else None

    @property
    def money(self) -> bool:
        """Whether the figure is an amount of money (``tỷ đồng``, or a bare scale word)."""
        if self.units:
            return self.units[0] in MONEY_UNITS
        return self.scale >= 6 and not self.percent

    def implied(self, start: int, end: int, value: Decimal, number_end: int | None = None
                ) -> Token:
        """A plain figure of this one's unit, sentence and bracket at ``start:end``, one the
        text gives in words or in another shape (a name counting 1, "không phát sinh" for 0)."""
        return Token(start, end, end if number_end is None else number_end, value,
                     Qualifier.EXACT, self.units, 0, False, None, None, self.sentence, self.paren)


@frozen
class Layout:
    """Sentence bounds and bracket pairs of a text, for the claim rules."""

    sentences: tuple[tuple[int, int], ...]
    parens: tuple[tuple[int, int], ...]
    opens: tuple[int, ...]


def sentence_bounds(text: str) -> tuple[tuple[int, int], ...]:
    """``(start, end)`` of each sentence: it ends at ``.``, ``!``, ``?``, ``…`` before a space,
    or at a line break, unless the next line goes on in lower case or with a digit (a
    hard-wrapped line)."""
    bounds, start = [], 0
    for match in _SENTENCE_END.finditer(text):
        following = match.group("next")
        if following is not None:
            if following.islower() or following.isdigit():
                continue  # a hard-wrapped line goes on: same sentence
            end = match.start("next")
        else:
            end = match.end()
            goes_on = _GOES_ON.match(text, match.start())
            if goes_on and not text[goes_on.end():goes_on.end() + 1].isupper():
                continue  # "hiến đất... quy ra tiền", "gần 12. 000 hộ": same sentence
        if end > start:
            bounds.append((start, end))
        start = end
    if start < len(text):
        bounds.append((start, len(text)))
    return tuple(bounds)


def _layout(text: str) -> Layout:
    parens: list[tuple[int, int]] = []
    stack: list[int] = []
    for match in _BRACKETS.finditer(text):
        char = match.group()
        if char == "(":
            stack.append(match.start())
        elif char == ")":
            if stack:
                parens.append((stack.pop(), match.start()))
        else:
            stack.clear()
    parens.sort()
    return Layout(sentence_bounds(text), tuple(parens), tuple(p[0] for p in parens))


class Enclosing:
    """Innermost bracket pair around increasing positions, in one sweep (pairs nest properly).

    ``first`` skips the pairs opening before it: -1 then means no pair from ``first`` on.
    """

    def __init__(self, parens: tuple[tuple[int, int], ...], first: int = 0) -> None:
        self.parens = parens
        self.active: list[int] = []
        self.next = first

    def at(self, pos: int) -> int:
        parens, active = self.parens, self.active
        while self.next < len(parens) and parens[self.next][0] < pos:
            while active and parens[active[-1]][1] < parens[self.next][0]:
                active.pop()
            active.append(self.next)
            self.next += 1
        while active and parens[active[-1]][1] < pos:
            active.pop()
        return active[-1] if active else -1


def _previous_words(text: str, pos: int) -> tuple[str, str]:
    """The word and the two words before ``pos`` (lower case)."""
    window = text[max(0, pos - 30):pos].lower()
    match = _PREVIOUS_WORDS.search(window)
    if not match:
        return "", ""
    if match.group(2):
        return match.group(2), f"{match.group(1)} {match.group(2)}"
    return match.group(1), match.group(1)


def lower(text: str) -> str:
    """``text.lower()`` with the same length, so offsets in one index the other
    (``"İ".lower()`` has two characters)."""
    return text.replace("İ", "I").lower() if "İ" in text else text.lower()


def _is_identifier(text: str, pos: int, value: Decimal, plain: bool) -> bool:
    """Whether the number at ``pos`` names something ("năm 2018", "số 20", "lần thứ 3")."""
    word, pair = _previous_words(text, pos)
    if pair in IDENTIFIER_WORDS and pair != word:
        return True
    if word not in IDENTIFIER_WORDS:
        return False
    if word == "số" and pair in {"tổng số", "với số", "có số", "trong số"}:
        return False
    if word in _LIMITS:
        low, high = _LIMITS[word]
        return plain and low <= value <= high
    return True


def _counted_after_name(text: str, lowered: str, start: int, end: int) -> bool:
    """Whether a number after an identifier word is a count all the same: after an action
    ("hướng dẫn 385 đơn"), or a count of people after a document word ("Luật 241 người")."""
    units = _unit_at(text, lowered, end)[0]
    if not units:
        return False
    word, pair = _previous_words(text, start)
    return pair in _ACTION_WORDS or (
        (word in _DOCUMENT_WORDS or pair in _DOCUMENT_WORDS) and units[0].lower() in _PEOPLE)


def _unit_at(text: str, lowered: str, origin: int) -> tuple[tuple[str, ...], int, int, bool]:
    """Units, scale and end of the unit after a number; the last item flags "5 năm"."""
    glued, pos = True, origin
    space = _SPACE.match(text, pos)
    if space and space.end() > pos:
        glued, pos = False, space.end()
    scale = 0
    match = _SCALE.match(lowered, pos)
    if match:
        scale = SCALE_WORDS[match.group()]
        pos = match.end()
        space = _SPACE.match(text, pos)
        after = space.end() if space else pos
        billions = _SCALE.match(lowered, after) if scale == 3 else None
        if billions and SCALE_WORDS[billions.group()] == 9:
            # "2 nghìn tỷ đồng": thousands of billions, returned as scale 12
            scale, pos = 12, billions.end()
            space = _SPACE.match(text, pos)
            after = space.end() if space else pos
        money = _MONEY.match(lowered, after)
        if money:
            return ("đồng",), scale, money.end(), False
        unit = _UNIT.match(lowered, after)
        if unit:
            return (text[unit.start():unit.end()],), scale, unit.end(), False
        return (), scale, pos, False
    money = _MONEY.match(lowered, pos)
    if money:
        return ("đồng",), 0, money.end(), False
    unit = _UNIT.match(lowered, pos)
    if unit:
        units, end = [text[unit.start():unit.end()]], unit.end()
        while True:
            link = _COMPOUND.match(lowered, end)
            more = _UNIT.match(lowered, link.end()) if link else None
            if not more or more.group() in (u.lower() for u in units):
                break
            if _LABEL_AHEAD.match(lowered, more.end()):
                break  # "21 đơn, tố cáo 36 đơn": a label of the next figure
            units.append(text[more.start():more.end()])
            end = more.end()
        return tuple(units), 0, end, False
    word = _WORD.match(text, pos)
    if word is None or glued:
        return (), 0, origin, False
    found = word.group()
    if found.lower() in DURATION_UNITS:
        return (found,), 0, word.end(), True
    if not found.islower() or found in STOP_WORDS:
        return (), 0, origin, False
    person = _PERSON.match(text, pos)
    if person and person.group().islower():
        return (person.group(),), 0, person.end(), False  # "8.663 hòa giải viên"
    return (found,), 0, word.end(), False


def _unsigned_share(text: str, lowered: str, start: int, pos: int, value: Decimal,
                    denominator: Decimal | None) -> bool:
    """"chiếm 89,65 (": a decimal share after "chiếm" with its "%" left out."""
    after = text[pos:pos + 1]
    return (denominator is None and "," in text[start:pos] and value <= 100
            and not after.isalnum() and after != "/"
            and _SHARE_BEFORE.search(lowered, max(0, start - 16), start) is not None)


def _noun_before(lowered: str, floor: int, start: int) -> tuple[str, ...]:
    """The unit named by "số <unit> …" just before a bare number, in the same clause."""
    match = _NOUN_BEFORE.search(lowered, max(floor, start - 60), start)
    return (match.group(1),) if match else ()


def _unit_after_rate(text: str, lowered: str, pos: int) -> tuple[str, ...]:
    """"203/226 (89,8%) vụ việc": the unit of a ratio printed after its percentage."""
    rate = _RATE_BETWEEN.match(text, pos)
    if rate is None:
        return ()
    units, scale, _, duration = _unit_at(text, lowered, rate.end())
    return () if scale or duration else units


def _compound(text: str, lowered: str, value: Decimal, scale: int, pos: int,
              ) -> tuple[Decimal, tuple[str, ...], int, int]:
    """"499 tỷ 797 triệu đồng" is 499.797 triệu; "30 ngàn 309 tỷ" is 30.309 tỷ.

    Returns the value, units, scale and end: the figure as read when no second half follows.
    """
    half = _SECOND_HALF.match(lowered, pos)
    if half is None or value != value.to_integral_value():
        return value, (), scale, pos
    units, second, end, _ = _unit_at(text, lowered, half.end(1))
    if (scale - second != 3 and (scale, second) != (3, 9)) or second == 12:
        return value, (), scale, pos
    return value * 1000 + Decimal(half.group(1)), units, second, end


def scan(text: str) -> tuple[list[Token], Layout]:
    """Every figure of ``text`` in order, and the layout the rules need."""
    layout = _layout(text)
    lowered = lower(text)
    enclosing = Enclosing(layout.parens)
    starts = [s[0] for s in layout.sentences]
    quotes = [(m.start(), m.end()) for m in _QUOTE.finditer(text)
              if not _SPEECH.search(text, m.start(), m.end())]
    quote_starts = [q[0] for q in quotes]
    tokens: list[Token] = []
    skip_until = -1
    for run in _RUN.finditer(text):
        start, end = run.span()
        if start < skip_until:
            continue
        before = text[start - 1] if start else " "
        if before.isalnum() or before == "_":
            continue
        if start >= 2 and before in "-–—:/." and text[start - 2].isalnum() and not (
                before == "/" and text[start - 2].islower()):
            continue
        digits = run.group()
        spaced = _SPACED_DECIMAL.match(lowered, end) if "," not in digits else None
        if spaced:
            digits, end = f"{digits},{spaced.group(1)}", spaced.end()
            skip_until = end
        thousands = _SPACED_THOUSANDS.match(text, end) if digits.isdigit() else None
        if thousands and len(digits) <= 3 and any(_unit_at(text, lowered, thousands.end())[:2]):
            digits, end = f"{digits}.{thousands.group(1)}", thousands.end()
            skip_until = end
        after = text[end] if end < len(text) else " "
        if after.isalpha() and _UNIT.match(lowered, end) is None and not _MONEY.match(
                lowered, end):
            continue
        if after in ":-–—" and end + 1 < len(text) and text[end + 1].isalnum():
            continue
        span = _RANGE.match(text, end)
        if span:
            skip_until = span.end()
            continue
        if digits[0] == "0" and len(digits) >= 3:
            tail = _PHONE_TAIL.match(text, end)
            if tail or (digits.isdigit() and len(digits) >= 8):
                skip_until = tail.end() if tail else end
                continue
        if _PHONE_BEFORE.search(lowered, max(0, start - 24), start):
            continue
        index = bisect.bisect_right(quote_starts, start) - 1
        if index >= 0 and quotes[index][1] > start:
            continue
        if not _VALID.fullmatch(digits):
            continue
        value = Decimal(digits.replace(".", "").replace(",", "."))
        plain = digits.isdigit()
        if (plain and len(digits) == 4 and 1900 <= value <= 2100
                and not _SLASH.match(text, end) and not _PERCENT.match(text, end)):
            units, _, _, _ = _unit_at(text, lowered, end)
            if not units:
                continue
        if _is_identifier(text, start, value, plain) and not _counted_after_name(
                text, lowered, start, end):
            continue
        denominator: Decimal | None = None
        denominator_span: tuple[int, int] | None = None
        pos = end
        slash = _SLASH.match(text, end)
        if slash:
            second = slash.group(1)
            tail_at = slash.end()
            ahead = text[tail_at:tail_at + 2]
            if ahead[:1] in "/-:" and ahead[1:2].isalnum():
                skip_until = tail_at
                continue
            word, _ = _previous_words(text, start)
            if not _VALID.fullmatch(second) or Decimal(second.split(",")[0].replace(".", "")) == 0:
                skip_until = tail_at
                continue
            den = Decimal(second.replace(".", "").replace(",", "."))
            month_year = (second.isdigit() and len(second) == 4 and 1 <= value <= 12
                          and 1900 <= den <= 2100
                          and (word == "tháng" or not _unit_at(text, lowered, tail_at)[0]))
            day_month = (word in _DATE_WORDS and value <= 31 and den <= 12
                         and not (word in _UNTIL and _unit_at(text, lowered, tail_at)[0]))
            if month_year or day_month:
                skip_until = tail_at
                continue
            denominator, denominator_span, pos = den, slash.span(1), tail_at
            skip_until = tail_at
        elif end < len(text) and text[end] == "/" and end + 1 < len(text) and text[end + 1].isalpha():
            continue
        qualifier = Qualifier.EXACT
        token_start = start
        qualifier_match = _QUALIFIER.search(lowered, max(0, start - 16), start)
        if qualifier_match:
            words = qualifier_match.group().strip()
            qualifier = Qualifier.from_code(QUALIFIER_WORDS[words])
            token_start = qualifier_match.start()
        sign = _PERCENT.match(text, pos)
        percent = sign is not None or _unsigned_share(text, lowered, start, pos, value, denominator)
        if percent:
            units, scale, unit_end, duration = (), 0, sign.end() if sign else pos, False
        else:
            units, scale, unit_end, duration = _unit_at(text, lowered, pos)
            if duration:
                continue
            if scale == 12:
                value, scale = value * 1000, 9
            elif scale and not units and denominator is None:
                value, units, scale, unit_end = _compound(text, lowered, value, scale, unit_end)
                skip_until = max(skip_until, unit_end)
            if not units and not scale and unit_end == pos and pos < len(text) and (
                    text[pos].isalpha()):
                continue
            if not units and not scale and denominator is None:
                units = _noun_before(lowered, tokens[-1].end if tokens else 0, token_start)
            elif not units and not scale:
                units = _unit_after_rate(text, lowered, pos)
        tokens.append(Token(
            start=token_start, end=unit_end, number_end=end, value=value,
            qualifier=qualifier, units=units, scale=scale, percent=percent,
            denominator=denominator, denominator_span=denominator_span,
            sentence=bisect.bisect_right(starts, start) - 1,
            paren=enclosing.at(start),
            oversized=len(digits) > MAX_DIGITS or (
                denominator_span is not None
                and denominator_span[1] - denominator_span[0] > MAX_DIGITS),
        ))
    return tokens, layout
