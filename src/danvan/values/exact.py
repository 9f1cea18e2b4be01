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

from collections import Counter
from collections.abc import Iterable, Mapping
from decimal import Decimal
from fractions import Fraction
from typing import ClassVar, Self

from attrs import field, frozen

from danvan import _validators as v
from danvan.errors import FieldError
from danvan.values.numbers import Rounding, format_number, round_fraction

__all__ = ["Change", "Durations", "Ranking", "Rate", "Share", "Summary"]


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
        """``172 → 148 (giảm 24, 13,9%)``; the share is of ``before``, as reports print it,
        and may pass 100% for an increase: ``10 → 25 (tăng 15, 150,0%)``; from 0, no share.
        """
        size = abs(self.difference)
        words = {"vi": ("giảm", "tăng"), "en": ("down", "up")}.get(style)
        if words is None:
            raise FieldError("style", style, "expected 'vi' or 'en'")
        head = f"{_num(self.before, style)} → {_num(self.after, style)}"
        if self.difference == 0:
            return head
        word = words[0] if self.difference < 0 else words[1]
        if not self.before:
            return f"{head} ({word} {_num(size, style)})"
        # exact, like Rate.format, which cannot hold a share over 100%
        share = round_fraction(Fraction(size, self.before) * 100, places, rounding)
        return f"{head} ({word} {_num(size, style)}, {_num(share, style)}%)"


def _histogram(values: Iterable[int], minimum: int | None) -> tuple[tuple[int, int], ...]:
    found: Counter[int] = Counter()
    for index, value in enumerate(values):
        if isinstance(value, bool) or not isinstance(value, int) or (
                minimum is not None and value < minimum):
            raise FieldError(f"values[{index}]", value, "expected a whole number" + (
                f" >= {minimum}" if minimum is not None else ""))
        found[value] += 1
    return tuple(sorted(found.items()))


@frozen(init=False)
class Summary:
    """Whole numbers observed (days from a directive to each plan), with exact statistics.

    The values are kept as a histogram, ``(value, how many)`` pairs in
    increasing order, so two summaries merge by adding histograms (``+``) and
    any statistic of the merge is that of all the raw values together, never
    a median of medians. The median of an even count is the mean of the two
    middle values; the ``p``-th percentile is the *nearest rank*: the value of
    rank ``ceil(p/100 × n)`` in sorted order.

    >>> s = Summary((30, 12, 45, 20))
    >>> s.count, s.minimum, s.maximum, s.median, s.format()
    (4, 12, 45, Fraction(25, 1), '4; trung vị 25; từ 12 đến 45')
    >>> (s + Summary((100,))).median, s.percentile(90), s.mean
    (Fraction(30, 1), 45, Fraction(107, 4))
    """

    counts: tuple[tuple[int, int], ...]

    #: The smallest value allowed (``None``: any whole number).
    minimum_allowed: ClassVar[int | None] = None

    def __init__(self, values: Iterable[int] = ()) -> None:
        self.__attrs_init__(_histogram(values, self.minimum_allowed))

    @classmethod
    def of(cls, values: Iterable[int]) -> Self:
        """The summary of ``values``."""
        return cls(values)

    @classmethod
    def _from_counts(cls, counts: Iterable[tuple[int, int]]) -> Self:
        found = cls.__new__(cls)
        found.__attrs_init__(tuple(sorted(counts)))
        return found

    @property
    def values(self) -> tuple[int, ...]:
        """Every value, in increasing order."""
        return tuple(value for value, n in self.counts for _ in range(n))

    @property
    def count(self) -> int:
        """How many values."""
        return sum(n for _, n in self.counts)

    @property
    def total(self) -> int:
        """Their sum."""
        return sum(value * n for value, n in self.counts)

    @property
    def minimum(self) -> int | None:
        """The smallest value (``None`` when empty)."""
        return self.counts[0][0] if self.counts else None

    @property
    def maximum(self) -> int | None:
        """The largest value (``None`` when empty)."""
        return self.counts[-1][0] if self.counts else None

    @property
    def mean(self) -> Fraction | None:
        """The exact mean (``None`` when empty)."""
        count = self.count
        return Fraction(self.total, count) if count else None

    def _rank(self, rank: int) -> int:
        """The value of 1-based ``rank`` in sorted order."""
        seen = 0
        for value, n in self.counts:
            seen += n
            if seen >= rank:
                return value
        raise FieldError("rank", rank, f"expected at most {self.count}")

    @property
    def median(self) -> Fraction | None:
        """The middle value, or the mean of the two middle values (``None`` when empty)."""
        count = self.count
        if not count:
            return None
        return Fraction(self._rank((count + 1) // 2) + self._rank(count // 2 + 1), 2)

    def percentile(self, p: int | Fraction) -> int | None:
        """The nearest-rank ``p``-th percentile, ``0 < p <= 100`` (``None`` when empty)."""
        if isinstance(p, bool) or not isinstance(p, int | Fraction) or not 0 < p <= 100:
            raise FieldError("p", p, "expected a percentile in (0, 100]")
        count = self.count
        if not count:
            return None
        scaled = Fraction(p) * count / 100
        return self._rank(-(-scaled.numerator // scaled.denominator))

    def __add__(self, other: Self) -> Self:
        """All the values of both (histograms added: exact for any statistic)."""
        if type(other) is not type(self):
            return NotImplemented
        merged = Counter(dict(self.counts))
        merged.update(dict(other.counts))
        return self._from_counts(merged.items())

    def format(self, style: str = "vi") -> str:
        """``4; trung vị 25; từ 12 đến 45`` (``style="en"``: ``4; median 25; 12 to 45``)."""
        median = self.median
        if median is None:
            return "0"
        words = ("trung vị", "từ", "đến") if style == "vi" else ("median", "", "to")
        low, high = (_num(x, style) for x in (self.minimum or 0, self.maximum or 0))
        span = f"{words[1]} {low} {words[2]} {high}".strip()
        return f"{_num(self.count, style)}; {words[0]} {_median(median, style)}; {span}"


def _median(median: Fraction, style: str) -> str:
    return _num(median, style, 0 if median.denominator == 1 else 1)


@frozen(init=False)
class Durations(Summary):
    """Whole numbers of days >= 0 (how long a stage took): a :class:`Summary` that prints
    its median, 90th percentile, mean and maximum.

    >>> d = Durations.of([3, 1, 2, 2]) + Durations.of([10])
    >>> d.count, d.mean, d.median, d.percentile(90), d.max
    (5, Fraction(18, 5), Fraction(2, 1), 10, 10)
    >>> d.format(), d.format(style="en")
    ('5; trung vị 2; P90 10; trung bình 3,6; tối đa 10', '5; median 2; p90 10; mean 3.6; max 10')
    """

    minimum_allowed: ClassVar[int | None] = 0

    @property
    def max(self) -> int | None:
        """The longest (``None`` when empty)."""
        return self.maximum

    def format(self, style: str = "vi") -> str:
        """Count, median, nearest-rank 90th percentile, mean (one decimal, truncated), max."""
        median, mean = self.median, self.mean
        if median is None or mean is None:
            return "0"
        words = (("trung vị", "P90", "trung bình", "tối đa") if style == "vi"
                 else ("median", "p90", "mean", "max"))
        figures = (_median(median, style), _num(self.percentile(90) or 0, style),
                   _num(round_fraction(mean, 1, Rounding.TRUNCATE), style),
                   _num(self.maximum or 0, style))
        return "; ".join([_num(self.count, style),
                          *(f"{word} {figure}" for word, figure in zip(words, figures, strict=True))])


def _ranked(items: Iterable[tuple[str, int]]) -> tuple[tuple[str, int], ...]:
    return tuple((str(ident), value) for ident, value in items)


@frozen
class Ranking:
    """Records in rank order, each with a whole number (the oldest pending petitions, by age).

    >>> r = Ranking((("P7", 412), ("P3", 398)))
    >>> r.count, r.ids, r.format(), r.format(style="en")
    (2, ('P7', 'P3'), 'P7: 412 ngày; P3: 398 ngày', 'P7: 412 days; P3: 398 days')
    >>> Ranking(()).format()
    '0'
    """

    items: tuple[tuple[str, int], ...] = field(converter=_ranked)
    unit: tuple[str, str] = ("ngày", "days")

    @items.validator
    def _check(self, _: object, items: tuple[tuple[str, int], ...]) -> None:
        for index, (_ident, value) in enumerate(items):
            if isinstance(value, bool) or not isinstance(value, int):
                raise FieldError(f"items[{index}]", value, "expected a whole number")

    @property
    def count(self) -> int:
        """How many records are listed."""
        return len(self.items)

    @property
    def ids(self) -> tuple[str, ...]:
        """The records' ids, in rank order."""
        return tuple(ident for ident, _ in self.items)

    def format_item(self, index: int, style: str = "vi") -> str:
        """The number of the ``index``-th record with its unit: ``412 ngày``."""
        word = self.unit[1] if _english(style) else self.unit[0]
        return f"{_num(self.items[index][1], style)} {word}"

    def format(self, style: str = "vi") -> str:
        """``P7: 412 ngày; P3: 398 ngày`` (``0`` when empty)."""
        if not self.items:
            return "0"
        return "; ".join(f"{ident}: {self.format_item(i, style)}"
                         for i, (ident, _) in enumerate(self.items))
