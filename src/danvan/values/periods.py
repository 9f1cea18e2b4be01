"""Reporting periods: a year, a half-year, a quarter, a month, a term, any date range.

A :class:`Period` is the half-open interval ``[start, end)``: ``end`` is the
first day *not* in it, so consecutive periods share no day and a date belongs
to exactly one of them. Periods are written as reports name them and read back
by :meth:`Period.parse`:

>>> p = Period.parse("2021-H1")
>>> p.start, p.end, p.label
(datetime.date(2021, 1, 1), datetime.date(2021, 7, 1), '6 tháng đầu năm 2021')
>>> dt.date(2021, 6, 30) in p, dt.date(2021, 7, 1) in p
(True, False)
>>> [str(q) for q in Period.parse("2021").split("quarter")]
['2021-Q1', '2021-Q2', '2021-Q3', '2021-Q4']
>>> str(Period.window(dt.date(2021, 7, 1), years=5))
'2016-07-01..2021-07-01'

A range of years such as ``2020-2025`` (a term, nhiệm kỳ; a stage, giai đoạn)
takes in both years whole: ``[2020-01-01, 2026-01-01)``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Iterator
from typing import Final

from attrs import field, frozen
from dateutil.relativedelta import relativedelta

from danvan._validators import check_count, check_date, check_year
from danvan.errors import PeriodError

__all__ = ["SPLITS", "Period"]

#: Sub-period sizes accepted by :meth:`Period.split`, in months.
SPLITS: Final = {"year": 12, "half": 6, "quarter": 3, "month": 1}

_ROMAN = ("I", "II", "III", "IV")

_PATTERN = re.compile(
    r"""
    (?P<year>[0-9]{4})
    (?:
        -(?P<last>[0-9]{4})               # a range of whole years: 2020-2025
      | -H(?P<half>[12])                  # a half-year: 2021-H1
      | -Q(?P<quarter>[1-4])              # a quarter: 2021-Q3
      | -(?P<month>[0-9]{2})              # a month: 2021-05
    )?
    | (?P<start>[0-9]{4}-[0-9]{2}-[0-9]{2})\.\.(?P<end>[0-9]{4}-[0-9]{2}-[0-9]{2})  # any range
    """,
    re.VERBOSE,
)


#: Years a named constructor takes: a period ends on the day after its last, which must be a date too,
#: so the last day any period can hold is 9999-12-30 and year 9999 cannot be whole.
_FIRST_YEAR, _LAST_YEAR = dt.MINYEAR, dt.MAXYEAR - 1


def _error(name: str, value: object, expected: str) -> PeriodError:
    return PeriodError(value, f"{name}: {expected}")


def _check_date(_: object, attribute: object, value: dt.date) -> None:
    check_date(value, getattr(attribute, "name", "bound"), _error)


def _count(value: object, name: str) -> int:
    """A whole number >= 0 (not a bool, not ``1.5``) for a length argument."""
    return check_count(value, name, _error)


def _shift(day: dt.date, delta: relativedelta, bound: str) -> dt.date:
    """``day + delta``, or a :class:`PeriodError` when that leaves the dates Python has (years 1–9999)."""
    try:
        return day + delta
    except (OverflowError, ValueError):
        raise PeriodError(f"{day} {delta!r}", f"expected {bound} within years 1-9999") from None


def _first(day: dt.date) -> dt.date:
    return day.replace(day=1)


def _year(year: int) -> str:
    """A year as :meth:`Period.parse` reads it: always four digits (``0999``)."""
    return f"{year:04d}"


@frozen(order=True)
class Period:
    """The days ``start <= day < end``; build one with a named constructor or :meth:`parse`."""

    start: dt.date = field(validator=_check_date)
    end: dt.date = field(validator=_check_date)

    def __attrs_post_init__(self) -> None:
        if self.end <= self.start:
            raise PeriodError(f"{self.start}..{self.end}", "expected the end after the start")

    # -- constructors ----------------------------------------------------------

    @classmethod
    def year(cls, year: int) -> Period:
        """The calendar year (năm)."""
        return cls.months(year, 1, 12)

    @classmethod
    def years(cls, first: int, last: int) -> Period:
        """The whole years ``first`` to ``last``, both included (a term, nhiệm kỳ)."""
        check_year(first, "first year", _FIRST_YEAR, _LAST_YEAR, _error)
        check_year(last, "last year", _FIRST_YEAR, _LAST_YEAR, _error)
        if last < first:
            raise PeriodError(f"{first}-{last}", "expected the last year not before the first")
        return cls.months(first, 1, 12 * (last - first + 1))

    @classmethod
    def half(cls, year: int, half: int) -> Period:
        """The first (``1``, 6 tháng đầu năm) or second (``2``) half of ``year``."""
        if isinstance(half, bool) or half not in (1, 2):
            raise PeriodError(half, "expected half 1 or 2")
        return cls.months(year, 6 * half - 5, 6)

    @classmethod
    def quarter(cls, year: int, quarter: int) -> Period:
        """Quarter ``1``–``4`` of ``year`` (quý)."""
        if isinstance(quarter, bool) or quarter not in (1, 2, 3, 4):
            raise PeriodError(quarter, "expected quarter 1 to 4")
        return cls.months(year, 3 * quarter - 2, 3)

    @classmethod
    def month(cls, year: int, month: int) -> Period:
        """Month ``1``–``12`` of ``year``."""
        return cls.months(year, month, 1)

    @classmethod
    def months(cls, year: int, month: int, count: int) -> Period:
        """``count`` months starting on the first day of ``month`` of ``year``."""
        check_year(year, "year", _FIRST_YEAR, _LAST_YEAR, _error)
        if isinstance(month, bool) or not isinstance(month, int) or not 1 <= month <= 12:
            raise PeriodError(month, "expected a month 1 to 12")
        if _count(count, "months") < 1:
            raise PeriodError(count, "months: expected at least 1")
        start = dt.date(year, month, 1)
        return cls(start, _shift(start, relativedelta(months=count), "the end"))

    @classmethod
    def window(cls, end: dt.date, *, years: int = 0, months: int = 0, days: int = 0) -> Period:
        """The window of that length that ends just before ``end`` ("5 năm", to a date).

        ``end`` is the first day not in the window, as everywhere in danvan.
        Each length is a whole number >= 0 (``days=1.5`` is refused, not rounded).
        """
        check_date(end, "end", _error)
        delta = relativedelta(years=_count(years, "years"), months=_count(months, "months"),
                              days=_count(days, "days"))
        return cls(_shift(end, -delta, "the start"), end)

    @classmethod
    def span(cls, days: Iterable[dt.date]) -> Period:
        """The smallest period holding every day of ``days`` (the span of some records)."""
        found = [check_date(day, f"days[{index}]", _error) for index, day in enumerate(days)]
        if not found:
            raise PeriodError("[]", "expected at least one date to span")
        return cls(min(found), _shift(max(found), relativedelta(days=1), "the end"))

    @classmethod
    def parse(cls, text: str) -> Period:
        """Read ``2021``, ``2020-2025``, ``2021-H1``, ``2021-Q3``, ``2021-05`` or ``2016-07-01..2021-07-01``.

        >>> Period.parse("2021-13")
        Traceback (most recent call last):
        ...
        danvan.errors.PeriodError: period: expected a month 1 to 12, got 13
        """
        match = _PATTERN.fullmatch(text.strip()) if isinstance(text, str) else None
        if match is None:
            raise PeriodError(text, "expected 2021, 2020-2025, 2021-H1, 2021-Q3, 2021-05 "
                                    "or 2016-07-01..2021-07-01")
        parts = match.groupdict()
        if parts["start"]:
            try:
                start, end = (dt.date.fromisoformat(parts[k]) for k in ("start", "end"))
            except ValueError:
                raise PeriodError(text, "expected real dates (YYYY-MM-DD)") from None
            return cls(start, end)  # which checks the end is after the start
        year = int(parts["year"])
        if parts["last"]:
            return cls.years(year, int(parts["last"]))
        if parts["half"]:
            return cls.half(year, int(parts["half"]))
        if parts["quarter"]:
            return cls.quarter(year, int(parts["quarter"]))
        if parts["month"]:
            return cls.month(year, int(parts["month"]))
        return cls.year(year)

    # -- questions ---------------------------------------------------------------

    def __contains__(self, day: object) -> bool:
        return isinstance(day, dt.date) and self.start <= day < self.end

    @property
    def last(self) -> dt.date:
        """The last day in the period (``end`` minus one day)."""
        return self.end - dt.timedelta(days=1)

    @property
    def days(self) -> int:
        """How many days the period holds."""
        return (self.end - self.start).days

    def _whole_months(self) -> int | None:
        if self.start.day != 1 or self.end.day != 1:
            return None
        delta = relativedelta(self.end, self.start)
        return delta.years * 12 + delta.months

    def split(self, size: str) -> tuple[Period, ...]:
        """Sub-periods on calendar boundaries (``year``, ``half``, ``quarter``, ``month``).

        The first and last are cut to the period, so they cover it exactly.
        """
        if size not in SPLITS:
            raise PeriodError(size, f"expected a split of {', '.join(SPLITS)}")
        months = SPLITS[size]
        first = _first(self.start)
        first = first.replace(month=(first.month - 1) // months * months + 1)
        parts: list[Period] = []
        cursor = first
        while cursor < self.end:
            try:
                following = cursor + relativedelta(months=months)
            except ValueError:  # past 9999-12-31, so past the end
                following = self.end
            parts.append(Period(max(cursor, self.start), min(following, self.end)))
            cursor = following
        return tuple(parts)

    def __iter__(self) -> Iterator[dt.date]:
        """Every day, in order."""
        day = self.start
        while day < self.end:
            yield day
            day += dt.timedelta(days=1)

    # -- text ------------------------------------------------------------------------

    def __str__(self) -> str:
        """The canonical text that :meth:`parse` reads back."""
        months = self._whole_months()
        start = self.start
        if months is not None:
            if start.month == 1 and months % 12 == 0:
                last = start.year + months // 12 - 1
                first = _year(start.year)
                return first if last == start.year else f"{first}-{_year(last)}"
            if months == 6 and start.month in (1, 7):
                return f"{_year(start.year)}-H{start.month // 6 + 1}"
            if months == 3 and start.month % 3 == 1:
                return f"{_year(start.year)}-Q{start.month // 3 + 1}"
            if months == 1:
                return f"{_year(start.year)}-{start.month:02d}"
        return f"{self.start.isoformat()}..{self.end.isoformat()}"

    def __repr__(self) -> str:
        return f"<Period('{self}')>"

    @property
    def label(self) -> str:
        """The period as a Vietnamese report names it (``6 tháng đầu năm 2021``)."""
        text = str(self)
        start = self.start
        if ".." in text:
            last = self.last
            return (f"từ {start.day:02d}/{start.month:02d}/{_year(start.year)} "
                    f"đến {last.day:02d}/{last.month:02d}/{_year(last.year)}")
        if "-H" in text:
            return f"6 tháng {'đầu' if start.month == 1 else 'cuối'} năm {start.year}"
        if "-Q" in text:
            return f"quý {_ROMAN[start.month // 3]} năm {start.year}"
        if len(text) == 7:
            return f"tháng {start.month} năm {start.year}"
        if "-" in text:
            return f"giai đoạn {text.replace('-', '–')}"
        return f"năm {text}"
