"""Exact values that indicators produce: rates, shares, and their printing.

Arithmetic is exact (``int``, ``Fraction``, ``Decimal``); rounding happens only
when a value is printed, and the rounding is always named. Vietnamese reports
print ``.`` between thousands and ``,`` before decimals:

>>> r = Rate(2453, 2484)
>>> r.format(), r.format(rounding=Rounding.HALF_UP), r.format_ratio()
('98,7%', '98,8%', '2.453/2.484')
>>> Rate(0, 0).format()
'không xác định'
>>> format_number(2808657)
'2.808.657'
>>> format_number(Decimal("107732.0"), english=True)
'107,732.0'
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal
from fractions import Fraction

from attrs import field, frozen

from danvan import _validators as v
from danvan.errors import FieldError
from danvan.numbers import Rounding, format_number, round_fraction

__all__ = ["Change", "Rate", "Share", "Summary"]


def _english(style: str) -> bool:
    if style not in ("vi", "en"):
        raise FieldError("style", style, "expected 'vi' or 'en'")
    return style == "en"


def _num(value: int | Decimal | Fraction, style: str, places: int | None = None) -> str:
    return format_number(value, places=places, english=_english(style))


@frozen
class Rate:
    """``numerator / denominator``, exact; a zero denominator means *not defined*."""

    numerator: int = field(validator=v.count)
    denominator: int = field(validator=v.count)

    def __attrs_post_init__(self) -> None:
        if self.numerator > self.denominator:
            raise FieldError("numerator", self.numerator,
                             f"expected at most the denominator ({self.denominator})")

    @property
    def defined(self) -> bool:
        """False when the denominator is 0 (nothing to measure)."""
        return self.denominator != 0

    @property
    def value(self) -> Fraction | None:
        """The exact fraction, or ``None`` when not defined."""
        return Fraction(self.numerator, self.denominator) if self.defined else None

    def percent(self, places: int = 1, rounding: Rounding = Rounding.TRUNCATE) -> Decimal | None:
        """The rate in percent, rounded as asked; ``None`` when not defined."""
        value = self.value
        return None if value is None else round_fraction(value * 100, places, rounding)

    def format(self, places: int = 1, rounding: Rounding = Rounding.TRUNCATE,
               style: str = "vi") -> str:
        """``98,7%`` (``style="en"``: ``98.7%``); *not defined* is spelt out, never 0%."""
        value = self.value
        if value is None:
            return "không xác định" if style == "vi" else "not defined"
        return _num(round_fraction(value * 100, places, rounding), style) + "%"

    def format_ratio(self, style: str = "vi") -> str:
        """``2.453/2.484``."""
        return f"{_num(self.numerator, style)}/{_num(self.denominator, style)}"

    def __add__(self, other: Rate) -> Rate:
        """Pooled rate: numerators and denominators added (never a mean of rates)."""
        if not isinstance(other, Rate):
            return NotImplemented
        return Rate(self.numerator + other.numerator, self.denominator + other.denominator)

    def __str__(self) -> str:
        return f"{self.format_ratio()} ({self.format()})"


@frozen
class Share:
    """Parts of a whole whose amounts add up to the whole exactly.

    >>> s = Share({"ngân sách": Decimal("107732.0"), "Nhân dân": 1693395, "lồng ghép": 1007530})
    >>> format_number(s.total)
    '2.808.657,0'
    >>> s.fraction("Nhân dân") > Fraction(1, 2)
    True
    """

    parts: Mapping[str, int | Decimal] = field()

    @parts.validator
    def _check(self, _: object, parts: Mapping[str, int | Decimal]) -> None:
        if not isinstance(parts, Mapping) or not parts:
            raise FieldError("parts", parts, "expected a non-empty mapping of name to amount")
        for name, amount in parts.items():
            if isinstance(amount, bool) or not isinstance(amount, int | Decimal) or amount < 0:
                raise FieldError(f"parts[{name!r}]", amount, "expected an amount >= 0")

    @property
    def total(self) -> int | Decimal:
        """The whole: the exact sum of the parts."""
        return sum(self.parts.values(), start=0)

    def fraction(self, name: str) -> Fraction | None:
        """The part's exact share of the whole (``None`` when the whole is 0)."""
        total = self.total
        return Fraction(self.parts[name]) / Fraction(total) if total else None


@frozen
class Change:
    """A count before and after (units before and after a restructuring).

    >>> c = Change(172, 148)
    >>> c.difference, c.reduction_rate.format(), c.format()
    (-24, '13,9%', '172 → 148 (giảm 24, 13,9%)')
    >>> Change(20, 12).reduction_rate.format(places=0)
    '40%'
    """

    before: int = field(validator=v.count)
    after: int = field(validator=v.count)

    @property
    def difference(self) -> int:
        """``after - before``: negative for a reduction."""
        return self.after - self.before

    @property
    def reduction_rate(self) -> Rate:
        """How much smaller ``after`` is, as a share of ``before`` (0 when it grew)."""
        return Rate(max(self.before - self.after, 0), self.before)

    def format(self, places: int = 1, rounding: Rounding = Rounding.TRUNCATE,
               style: str = "vi") -> str:
        """``172 → 148 (giảm 24, 13,9%)``; the rate is of ``before``, as reports print it."""
        size = abs(self.difference)
        rate = Rate(size, self.before) if size <= self.before else None
        words = {"vi": ("giảm", "tăng"), "en": ("down", "up")}.get(style)
        if words is None:
            raise FieldError("style", style, "expected 'vi' or 'en'")
        head = f"{_num(self.before, style)} → {_num(self.after, style)}"
        if self.difference == 0 or rate is None:
            return head
        word = words[0] if self.difference < 0 else words[1]
        return (f"{head} ({word} {_num(size, style)}, "
                f"{rate.format(places, rounding, style)})")


def _ints(values: Iterable[int]) -> tuple[int, ...]:
    return tuple(values)


@frozen
class Summary:
    """Whole numbers observed (days from a directive to each plan): count, range, median.

    >>> s = Summary((30, 12, 45, 20))
    >>> s.count, s.minimum, s.maximum, s.median, s.format()
    (4, 12, 45, Fraction(25, 1), '4; trung vị 25; từ 12 đến 45')
    """

    values: tuple[int, ...] = field(converter=_ints)

    @values.validator
    def _check(self, _: object, values: Sequence[int]) -> None:
        for index, value in enumerate(values):
            if isinstance(value, bool) or not isinstance(value, int):
                raise FieldError(f"values[{index}]", value, "expected a whole number")

    @property
    def count(self) -> int:
        """How many values."""
        return len(self.values)

    @property
    def minimum(self) -> int | None:
        """The smallest value (``None`` when empty)."""
        return min(self.values, default=None)

    @property
    def maximum(self) -> int | None:
        """The largest value (``None`` when empty)."""
        return max(self.values, default=None)

    @property
    def median(self) -> Fraction | None:
        """The exact median (mean of the middle two for an even count)."""
        ordered = sorted(self.values)
        if not ordered:
            return None
        middle = len(ordered) // 2
        if len(ordered) % 2:
            return Fraction(ordered[middle])
        return Fraction(ordered[middle - 1] + ordered[middle], 2)

    def format(self, style: str = "vi") -> str:
        """``4; trung vị 25; từ 12 đến 45`` (``style="en"``: ``4; median 25; 12 to 45``)."""
        median = self.median
        if median is None:
            return "0"
        words = ("trung vị", "từ", "đến") if style == "vi" else ("median", "", "to")
        low, high = (_num(x, style) for x in (self.minimum or 0, self.maximum or 0))
        mid = _num(median, style, 0 if median.denominator == 1 else 1)
        span = f"{words[1]} {low} {words[2]} {high}".strip()
        return f"{_num(self.count, style)}; {words[0]} {mid}; {span}"
