"""Numbers as Vietnamese reports print them, read and written exactly.

Vietnamese convention (CLDR ``vi``): ``.`` groups thousands and ``,`` marks
decimals, so ``2.808.657,0`` is two million eight hundred thousand and some,
and ``98,7%`` is ninety-eight point seven per cent. Text that would mean
something else in an English text (``1.234``) is read the Vietnamese way;
English-style input (``2,808,657.0``) is read only with ``english=True``.
Values come back as :class:`~decimal.Decimal` (or :class:`~fractions.Fraction`
for ``a/b``), never ``float``, and bad text raises
:class:`~danvan.errors.NumberFormatError` naming the character and position.

>>> parse_number("2.808.657,0")
Decimal('2808657.0')
>>> format_percent(Fraction(2453, 2484), places=1, rounding=Rounding.TRUNCATE)
'98,7%'
>>> format_percent(Fraction(2453, 2484), places=1, rounding=Rounding.HALF_UP)
'98,8%'
>>> q = parse_quantity("hơn 1,2 tỷ đồng")
>>> q.qualifier, q.rescale(6).value, q.unit
(<Qualifier.MORE_THAN: 'more_than'>, Decimal('1200'), 'đồng')
"""

from __future__ import annotations

import decimal
import re
from decimal import Decimal
from fractions import Fraction
from typing import Any

from attrs import field, frozen

from danvan import _validators as v
from danvan.errors import FieldError, NumberFormatError
from danvan.records.vocabulary import Term
from danvan.values._numbers_words import QUALIFIER_PATTERN, QUALIFIER_WORDS, SCALE_WORDS
from danvan.values._offsets import nfc_with_offsets

__all__ = [
    "Interval",
    "Qualifier",
    "Quantity",
    "Rounding",
    "decimal_places",
    "format_exact",
    "format_number",
    "format_percent",
    "parse_number",
    "parse_percent",
    "parse_quantity",
    "preimage",
    "round_fraction",
]

Number = int | Decimal | Fraction

_SPACES = str.maketrans({"\u00a0": " ", "\u202f": " ", "\u2009": " ", "\u2007": " "})
#: The printed name of each scale (the first word of SCALE_WORDS for its power).
_SCALE_NAMES = {power: word for word, power in reversed(SCALE_WORDS.items())}
_POWERS = {0: 1, 3: 1_000, 6: 1_000_000, 9: 1_000_000_000}


class Rounding(Term):
    """How a value is rounded when printed; reports often truncate, so it is always named."""

    TRUNCATE = "truncate", "cắt bỏ", "truncation", "round down"
    HALF_UP = "half_up", "làm tròn lên từ nửa", "round half up"
    HALF_EVEN = "half_even", "làm tròn chẵn", "banker's rounding"


_MODES = {
    Rounding.TRUNCATE: decimal.ROUND_DOWN,
    Rounding.HALF_UP: decimal.ROUND_HALF_UP,
    Rounding.HALF_EVEN: decimal.ROUND_HALF_EVEN,
}


def preimage(printed: Decimal, rounding: Rounding) -> Interval:
    """Every exact value that prints as ``printed`` (at its own places) under ``rounding``.

    >>> preimage(Decimal("98.7"), Rounding.TRUNCATE)
    Interval(low=Fraction(987, 10), high=Fraction(494, 5), low_closed=True, high_closed=False)
    """
    if not isinstance(printed, Decimal) or not printed.is_finite():
        raise NumberFormatError(repr(printed), 0, "expected a finite Decimal")
    unit = Fraction(1, 10 ** decimal_places(printed))
    p = Fraction(printed)
    if rounding is Rounding.TRUNCATE:
        if p > 0:
            return Interval(p, p + unit, True, False)
        if p < 0:
            return Interval(p - unit, p, False, True)
        return Interval(-unit, unit, False, False)
    half = unit / 2
    if rounding is Rounding.HALF_UP:
        if p == 0:
            return Interval(-half, half, False, False)
        return Interval(p - half, p + half, p > 0, p < 0)
    even = int(abs(p) / unit) % 2 == 0
    return Interval(p - half, p + half, even, even)


def decimal_places(value: Decimal) -> int:
    """The decimal places ``value`` is printed with: ``98,75`` has 2, ``12`` and ``1E+3`` 0.

    >>> decimal_places(Decimal("2808657.0"))
    1
    """
    exponent = value.as_tuple().exponent
    return -exponent if isinstance(exponent, int) and exponent < 0 else 0


def _words(code: str) -> tuple[str, ...]:
    """The qualifier words for ``code`` (the first is the label), from ``QUALIFIER_WORDS``."""
    return tuple(word for word, of in QUALIFIER_WORDS.items() if of == code)


class Qualifier(Term):
    """A word before a number that makes it a bound or an estimate ("hơn", "gần", "khoảng").

    The label and aliases of each member are the words of ``QUALIFIER_WORDS``
    (``danvan/_numbers_words.py``), so the scanner and this enumeration agree.
    """

    EXACT = "exact", "chính xác"
    MORE_THAN = ("more_than", *_words("more_than"))
    AT_LEAST = ("at_least", *_words("at_least"))
    NEARLY = ("nearly", *_words("nearly"))
    ALMOST = ("almost", *_words("almost"))
    ABOUT = ("about", *_words("about"))
    LESS_THAN = ("less_than", *_words("less_than"))
    AT_MOST = ("at_most", *_words("at_most"))

    def bounds(self, value: Fraction) -> Interval:
        """The values a printed ``value`` with this qualifier allows (figures are >= 0).

        "gần 3,1 tỷ" is below 3,1 tỷ; "khoảng" and "xấp xỉ" set no bound at all.

        >>> Qualifier.MORE_THAN.bounds(Fraction(300)).contains(Fraction(301))
        True
        """
        if self is Qualifier.EXACT:
            return Interval(value, value, True, True)
        if self is Qualifier.MORE_THAN:
            return Interval(value, None, False, False)
        if self is Qualifier.AT_LEAST:
            return Interval(value, None, True, False)
        if self is Qualifier.ABOUT:
            return Interval(Fraction(0), None, True, False)
        closed = self in (Qualifier.ALMOST, Qualifier.AT_MOST)
        return Interval(Fraction(0), value, True, closed)


@frozen
class Interval:
    """A set of exact values between two bounds; ``None`` is an infinite bound.

    Used to check figures that carry qualifiers: a sum or a ratio of intervals
    is the interval of every sum or ratio of their members.

    >>> a = Interval.point(Fraction(8))
    >>> (a / Interval.point(Fraction(20))).low
    Fraction(2, 5)
    """

    low: Fraction | None
    high: Fraction | None
    low_closed: bool = True
    high_closed: bool = True

    @classmethod
    def point(cls, value: Fraction) -> Interval:
        """The interval holding ``value`` alone."""
        return cls(value, value, True, True)

    @property
    def is_point(self) -> bool:
        """Whether the interval holds exactly one value."""
        return self.low is not None and self.low == self.high

    def contains(self, value: Fraction) -> bool:
        """Whether ``value`` lies in the interval."""
        above = self.low is None or value > self.low or (self.low_closed and value == self.low)
        below = self.high is None or value < self.high or (self.high_closed and value == self.high)
        return above and below

    def issubset(self, other: Interval) -> bool:
        """Whether every value of this interval lies in ``other``."""
        if other.low is not None and (
            self.low is None or self.low < other.low
            or (self.low == other.low and self.low_closed and not other.low_closed)
        ):
            return False
        return not (other.high is not None and (
            self.high is None or self.high > other.high
            or (self.high == other.high and self.high_closed and not other.high_closed)
        ))

    def isdisjoint(self, other: Interval) -> bool:
        """Whether no value lies in both intervals."""
        return _before(self, other) or _before(other, self)

    def widen(self, amount: Fraction) -> Interval:
        """The interval grown by ``amount`` on each side (closed)."""
        low = None if self.low is None else self.low - amount
        high = None if self.high is None else self.high + amount
        return Interval(low, high, True, True)

    def __add__(self, other: Interval) -> Interval:
        low = None if self.low is None or other.low is None else self.low + other.low
        high = None if self.high is None or other.high is None else self.high + other.high
        return Interval(low, high, self.low_closed and other.low_closed,
                        self.high_closed and other.high_closed)

    def __sub__(self, other: Interval) -> Interval:
        low = None if self.low is None or other.high is None else self.low - other.high
        high = None if self.high is None or other.low is None else self.high - other.low
        return Interval(low, high, self.low_closed and other.high_closed,
                        self.high_closed and other.low_closed)

    def __truediv__(self, other: Interval) -> Interval:
        """Quotient of a non-negative interval by a positive one."""
        if self.low is None or self.low < 0 or other.low is None or other.low < 0:
            return Interval(None, None, False, False)
        if other.high is None:
            low, low_closed = Fraction(0), self.low == 0 and self.low_closed
        else:
            low, low_closed = self.low / other.high, self.low_closed and other.high_closed
        if self.high is None or other.low == 0:
            return Interval(low, None, low_closed, False)
        return Interval(low, self.high / other.low, low_closed,
                        self.high_closed and other.low_closed)

    def scale(self, factor: Fraction) -> Interval:
        """The interval multiplied by a positive ``factor``."""
        low = None if self.low is None else self.low * factor
        high = None if self.high is None else self.high * factor
        return Interval(low, high, self.low_closed, self.high_closed)


def _before(a: Interval, b: Interval) -> bool:
    """Whether every value of ``a`` is below every value of ``b``."""
    if a.high is None or b.low is None:
        return False
    return a.high < b.low or (a.high == b.low and not (a.high_closed and b.low_closed))


def _decimal(_: Any, attribute: Any, value: Any) -> None:
    if not isinstance(value, Decimal) or not value.is_finite():
        raise FieldError(attribute.name, value, "expected a finite Decimal")


@frozen
class Quantity:
    """A printed figure: its value, unit, scale word and qualifier ("hơn 1,2 tỷ đồng").

    ``scale`` is the power of ten of the scale word (``tỷ`` = 9); ``base_value``
    is the value in the unit itself (đồng), exact.
    """

    value: Decimal = field(validator=_decimal)
    unit: str | None = field(default=None, validator=v.optional(v.text))
    qualifier: Qualifier = field(default=Qualifier.EXACT, validator=v.member(Qualifier))
    scale: int = field(default=0, kw_only=True)

    def __attrs_post_init__(self) -> None:
        if self.scale not in (0, *_SCALE_NAMES):
            raise NumberFormatError(str(self.scale), 0, "scale must be 0, 3, 6 or 9")

    @property
    def base_value(self) -> Fraction:
        """The value in the unit itself: ``1,2 tỷ đồng`` is 1.200.000.000 đồng."""
        return Fraction(self.value) * _POWERS[self.scale]

    @property
    def bounds(self) -> Interval:
        """The base values the qualifier allows."""
        return self.qualifier.bounds(self.base_value)

    def rescale(self, scale: int) -> Quantity:
        """The same amount written with another scale word: ``1,2 tỷ`` is ``1.200 triệu``.

        Exact whatever the number of digits.
        """
        if scale not in _POWERS:
            raise NumberFormatError(str(scale), 0, "scale must be 0, 3, 6 or 9")
        shift = self.scale - scale
        digits, exponent = len(self.value.as_tuple().digits), self.value.as_tuple().exponent
        assert isinstance(exponent, int)  # a Quantity's value is finite
        context = decimal.Context(prec=digits + max(0, exponent + shift) + 1)
        value = self.value.scaleb(shift, context)
        if exponent + shift > 0:
            value = value.quantize(Decimal(1), context=context)
        return Quantity(value, self.unit, self.qualifier, scale=scale)

    def format(self, *, unit: bool = True) -> str:
        """The figure as a report prints it: ``hơn 1,2 tỷ đồng``, ``98,7%``.

        ``unit=False`` leaves out a unit word (``hơn 1,2 tỷ``) but keeps ``%``.

        >>> Quantity(Decimal("1.2"), "đồng", Qualifier.MORE_THAN, scale=9).format(unit=False)
        'hơn 1,2 tỷ'
        """
        words = [] if self.qualifier is Qualifier.EXACT else [self.qualifier.label]
        words.append(format_number(self.value))
        if self.scale:
            words.append(_SCALE_NAMES[self.scale])
        if self.unit == "%":
            return " ".join(words) + "%"
        if unit and self.unit:
            words.append(self.unit)
        return " ".join(words)

    def __str__(self) -> str:
        return self.format()


def _read(text: str, start: int, group: str, point: str, original: str) -> tuple[str, int]:
    """Digits of one number starting at ``start``; returns (plain digits text, end)."""
    pos, n = start, len(text)
    while pos < n and text[pos].isascii() and text[pos].isdigit():
        pos += 1
    if pos == start:
        found = repr(text[pos]) if pos < n else "end of text"
        raise NumberFormatError(original, pos, f"expected a digit, found {found}")
    head = text[start:pos]
    parts = [head]
    while pos < n and text[pos] == group and pos + 1 < n and text[pos + 1].isdigit():
        if len(head) > 3:
            raise NumberFormatError(original, pos, f"'{group}' groups thousands, so at most 3 digits may "
                                        "precede it")
        mark = pos
        pos += 1
        begin = pos
        while pos < n and text[pos].isascii() and text[pos].isdigit():
            pos += 1
        if pos - begin != 3:
            raise NumberFormatError(original, mark, f"a thousands group after '{group}' must have 3 digits")
        parts.append(text[begin:pos])
    digits = "".join(parts)
    if pos < n and text[pos] == point:
        pos += 1
        begin = pos
        while pos < n and text[pos].isascii() and text[pos].isdigit():
            pos += 1
        if pos == begin:
            raise NumberFormatError(original, pos - 1, f"expected digits after the decimal '{point}'")
        digits += "." + text[begin:pos]
    return digits, pos


def parse_number(text: str, *, english: bool = False) -> Decimal | Fraction:
    """Read a number printed the Vietnamese way (``1.693.395``, ``0,5``, ``05``, ``2.453/2.484``).

    ``a/b`` gives a :class:`Fraction`; anything else a :class:`Decimal` that keeps
    the printed decimal places. ``1.234`` is one thousand two hundred and
    thirty-four (Vietnamese convention); pass ``english=True`` for ``1,234.5``.

    >>> parse_number("05"), parse_number("0,5"), parse_number("2.453/2.484")
    (Decimal('5'), Decimal('0.5'), Fraction(2453, 2484))
    >>> parse_number("1.23")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    danvan.errors.NumberFormatError: number: a thousands group ... at position 1, got '1.23'
    """
    if not isinstance(text, str):
        raise NumberFormatError(repr(text), 0, "expected text")
    raw, starts = nfc_with_offsets(text)
    try:
        return _parse_number(raw.translate(_SPACES), text, english)
    except NumberFormatError as error:
        if starts is None or error.text is not text:
            raise
        raise NumberFormatError(text, starts[error.position], error.reason) from None


#: The most digits a side of a ratio may have: Python prints no longer integer by default.
_RATIO_DIGITS = 4300


def _parse_number(raw: str, text: str, english: bool) -> Decimal | Fraction:
    group, point = (",", ".") if english else (".", ",")
    pos, n = 0, len(raw)
    while pos < n and raw[pos] == " ":
        pos += 1
    sign = ""
    if pos < n and raw[pos] in "-−":
        sign, pos = "-", pos + 1
    digits, pos = _read(raw, pos, group, point, text)
    slash = pos
    while pos < n and raw[pos] == " ":
        pos += 1
    if pos < n and raw[pos] == "/":
        pos += 1
        while pos < n and raw[pos] == " ":
            pos += 1
        denominator, pos = _read(raw, pos, group, point, text)
        _finish(raw, pos, text)
        if "." in digits or "." in denominator:
            raise NumberFormatError(text, slash, "a ratio 'a/b' takes whole numbers")
        if Decimal(denominator) == 0:
            raise NumberFormatError(text, slash, "a ratio 'a/b' needs a denominator other than 0")
        if max(len(digits), len(denominator)) > _RATIO_DIGITS:
            # Python cannot print such a Fraction (int → str stops at 4.300 digits): refused
            # here rather than crashing whoever prints it (F7).
            raise NumberFormatError(text, slash, f"a ratio 'a/b' takes at most {_RATIO_DIGITS} "
                                                 "digits a side")
        return Fraction(Decimal(sign + digits)) / Fraction(Decimal(denominator))
    _finish(raw, pos, text)
    return Decimal(sign + digits)


def _finish(raw: str, pos: int, text: str) -> None:
    while pos < len(raw) and raw[pos] == " ":
        pos += 1
    if pos < len(raw):
        raise NumberFormatError(text, pos, f"unexpected character {raw[pos]!r}")


def parse_percent(text: str, *, english: bool = False) -> Decimal:
    """Read a printed percentage such as ``98,7%`` or ``0,5 %``; returns the figure (98.7).

    >>> parse_percent("98,7%")
    Decimal('98.7')
    """
    if not isinstance(text, str):
        raise NumberFormatError(repr(text), 0, "expected text")
    stripped = text.rstrip()
    if not stripped.endswith("%"):
        raise NumberFormatError(text, len(stripped), "expected a percentage ending in '%'")
    value = parse_number(stripped[:-1], english=english)
    if isinstance(value, Fraction):
        raise NumberFormatError(text, stripped.index("/"), "a percentage cannot be a ratio 'a/b'")
    return value


_QUALIFIER_RE = re.compile(QUALIFIER_PATTERN)
_UNIT_RE = re.compile(r"[^\W\d_]+(?:[ /][^\W\d_]+)*[23²³]?")


def _skip_spaces(text: str, pos: int) -> int:
    while pos < len(text) and text[pos] == " ":
        pos += 1
    return pos


def parse_quantity(text: str, *, english: bool = False) -> Quantity:
    """Read a figure with an optional qualifier, scale word and unit.

    >>> str(parse_quantity("khoảng 108 TTHC"))
    'khoảng 108 TTHC'
    >>> parse_quantity("5.200m2").unit
    'm2'
    """
    if not isinstance(text, str):
        raise NumberFormatError(repr(text), 0, "expected text")
    composed, starts = nfc_with_offsets(text)
    try:
        return _parse_quantity(composed.translate(_SPACES), text, english)
    except NumberFormatError as error:
        if starts is None or error.text is not text:
            raise
        raise NumberFormatError(text, starts[error.position], error.reason) from None


def _parse_quantity(full: str, text: str, english: bool) -> Quantity:
    # Positions are offsets in ``full``: ``pos`` walks it, ``stop`` ends its text.
    stop = len(full.rstrip())
    pos = _skip_spaces(full, 0)
    qualifier = Qualifier.EXACT
    match = _QUALIFIER_RE.match(full.lower(), pos)
    if match and match.end() < stop and full[match.end()] == " ":
        qualifier = Qualifier.from_code(QUALIFIER_WORDS[match.group()])
        pos = _skip_spaces(full, match.end())
    begin = pos
    while pos < stop and (full[pos].isdigit() or full[pos] in ".,-−"):
        pos += 1
    if pos == begin:
        raise NumberFormatError(text, begin, "expected a number")
    try:
        value = parse_number(full[begin:pos], english=english)
    except NumberFormatError as error:
        raise NumberFormatError(text, begin + error.position, error.reason) from None
    assert isinstance(value, Decimal)
    pos = _skip_spaces(full, pos)
    rest = full[pos:stop]
    scale, unit = 0, None
    if rest.startswith("%"):
        if rest != "%":
            raise NumberFormatError(text, pos + 1, "unexpected text after '%'")
        return Quantity(value, "%", qualifier)
    first = rest.split(" ", 1)[0].lower()
    if first in SCALE_WORDS:
        scale = SCALE_WORDS[first]
        pos = _skip_spaces(full, pos + len(first))
        rest = full[pos:stop]
    if rest:
        if not _UNIT_RE.fullmatch(rest):
            bad = next((i for i, c in enumerate(rest)
                        if c.isdigit() or not (c.isalpha() or c in " /")), 0)
            raise NumberFormatError(text, pos + bad, "expected a unit made of words")
        unit = rest
    return Quantity(value, unit, qualifier, scale=scale)


def _check(value: object, places: object, rounding: object) -> None:
    """The checks shared by the printing functions: a finite number, places >= 0, a Rounding."""
    if isinstance(value, bool) or not isinstance(value, int | Decimal | Fraction):
        raise NumberFormatError(repr(value), 0, "expected an int, Decimal or Fraction")
    if isinstance(value, Decimal) and not value.is_finite():
        raise NumberFormatError(repr(value), 0, "expected a finite number")
    if places is not None and (isinstance(places, bool) or not isinstance(places, int)
                               or places < 0):
        raise FieldError("places", places, "expected a whole number of decimal places, 0 or more")
    if not isinstance(rounding, Rounding):
        raise FieldError("rounding", rounding, "expected a Rounding")


def round_fraction(value: Number, places: int, rounding: Rounding) -> Decimal:
    """``value`` rounded to ``places`` decimals, exactly (decimal rounding on a Fraction).

    >>> round_fraction(Fraction(24, 172) * 100, 1, Rounding.TRUNCATE)
    Decimal('13.9')
    >>> round_fraction(Fraction(24, 172) * 100, 1, Rounding.HALF_EVEN)
    Decimal('14.0')
    """
    _check(value, places, rounding)
    exact = Fraction(value)
    negative = exact < 0
    scaled = abs(exact) * 10**places
    whole, rest = divmod(scaled.numerator, scaled.denominator)
    # Only how the remainder compares with one half matters, so a stand-in
    # with the same comparison lets decimal's own rounding modes decide.
    twice = 2 * rest
    tail = "0" if rest == 0 else "25" if twice < scaled.denominator else (
        "5" if twice == scaled.denominator else "75")
    # No str(int): CPython refuses to convert ints of more than 4.300 digits.
    context = decimal.Context(prec=whole.bit_length() * 10 // 33 + 12, rounding=_MODES[rounding],
                              Emax=decimal.MAX_EMAX, Emin=decimal.MIN_EMIN)
    stand_in = context.add(Decimal(whole), Decimal("0." + tail))
    rounded = stand_in.quantize(Decimal(1), context=context)
    result = rounded.scaleb(-places, context)
    return result.copy_negate() if negative else result


def _digits(value: int) -> str:
    """``str(value)`` without CPython's limit of 4.300 digits (through Decimal)."""
    return f"{Decimal(value):f}"


def _group(digits: str, mark: str) -> str:
    head = len(digits) % 3 or 3
    return mark.join([digits[:head], *(digits[i:i + 3] for i in range(head, len(digits), 3))])


def format_number(value: Number, *, places: int | None = None,
                  rounding: Rounding = Rounding.HALF_UP, english: bool = False) -> str:
    """Print ``value`` the Vietnamese way; :func:`parse_number` reads it back unchanged.

    A :class:`Decimal` keeps its decimal places; a :class:`Fraction` prints as
    ``a/b`` unless ``places`` asks for decimals (rounded by ``rounding``).

    >>> format_number(Decimal("2808657.0")), format_number(1693395), format_number(Fraction(3, 4))
    ('2.808.657,0', '1.693.395', '3/4')
    """
    _check(value, places, rounding)
    group, point = (",", ".") if english else (".", ",")
    if places is not None:
        value = round_fraction(value, places, rounding)
    if isinstance(value, Fraction):
        if value.denominator == 1:
            value = value.numerator
        else:
            sign = "-" if value < 0 else ""
            return (f"{sign}{_group(_digits(abs(value.numerator)), group)}/"
                    f"{_group(_digits(value.denominator), group)}")
    text = f"{value:f}" if isinstance(value, Decimal) else _digits(value)
    sign = ""
    if text.startswith("-"):
        sign, text = "-", text[1:]
    whole, _, decimals = text.partition(".")
    return sign + _group(whole, group) + (point + decimals if decimals else "")


def format_exact(value: Number, *, scale: int = 0, places: int = 6) -> str:
    """``value`` with the fewest decimals that print it exactly, up to ``places``.

    A value that needs more is truncated to 3 decimals and ends in ``…``.
    ``scale`` (3, 6 or 9) prints it in thousands, millions or billions, with
    the scale word. Used to show computed values in explanations.

    >>> format_exact(Fraction(2453, 2484) * 100), format_exact(Fraction(4_100_000_000), scale=9)
    ('98,752…', '4,1 tỷ')
    """
    _check(value, places, Rounding.TRUNCATE)
    if scale not in _POWERS:
        raise NumberFormatError(str(scale), 0, "scale must be 0, 3, 6 or 9")
    scaled = Fraction(value) / _POWERS[scale]
    shown = next((p for p in range(places + 1) if (scaled * 10**p).denominator == 1), None)
    text = format_number(round_fraction(scaled, 3 if shown is None else shown, Rounding.TRUNCATE))
    if shown is None:
        text += "…"
    return f"{text} {_SCALE_NAMES[scale]}" if scale else text


def format_percent(ratio: Number, *, places: int, rounding: Rounding) -> str:
    """Print a ratio (0.98752…) as a percentage with ``places`` decimals: ``98,7%``.

    The rounding is always an explicit choice: reports differ.
    """
    _check(ratio, places, rounding)
    return format_number(round_fraction(Fraction(ratio) * 100, places, rounding)) + "%"
