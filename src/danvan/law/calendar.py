"""The Vietnamese calendar: lunar dates, public holidays and working days.

Working days here are those of public bodies (cơ quan hành chính, sự nghiệp,
tổ chức chính trị, tổ chức chính trị – xã hội): Monday to Friday, less the
public holidays of the Labour Code, less the compensatory days off (nghỉ bù)
owed when a holiday falls on a Saturday or Sunday (Bộ luật Lao động
45/2019/QH14 Art. 111(3)), adjusted by the Government's yearly decisions that
fix the Tết days and swap working days (hoán đổi). The decisions are data
(:data:`ARRANGEMENTS`); add or correct one without a new release with
:meth:`WorkCalendar.with_arrangement`.

>>> import datetime as dt
>>> lunar_new_year(2026)
datetime.date(2026, 2, 17)
>>> LunarDate.from_solar(dt.date(2026, 4, 26))
LunarDate(year=2026, month=3, day=10, leap=False)
>>> is_working_day(dt.date(2026, 2, 16)), is_working_day(dt.date(2026, 2, 23))
(False, True)
>>> add_working_days(dt.date(2026, 2, 12), 2)
datetime.date(2026, 2, 23)
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Iterable
from typing import Any, Final, NamedTuple

import attrs
from attrs import Factory, field, frozen

from danvan import _validators as v
from danvan.errors import CalendarError
from danvan.law import _holiday_tables as tables, _lunar
from danvan.law.holiday_rules import (
    _ENGLISH,
    ARRANGEMENTS,
    Holiday,
    HolidayKind,
    Occasion,
    YearArrangement,
    _merge,
)

__all__ = [
    "ARRANGEMENTS",
    "DEFAULT_CALENDAR",
    "NATIONAL_DAY_ASSUMPTION",
    "TET_ASSUMPTION",
    "VIETNAM_TZ",
    "Holiday",
    "HolidayKind",
    "LunarDate",
    "Occasion",
    "WorkCalendar",
    "YearArrangement",
    "add_working_days",
    "assumed_holidays",
    "days_off",
    "holidays",
    "is_holiday",
    "is_working_day",
    "leap_month",
    "lunar_new_year",
    "next_working_day",
    "vietnam_date",
    "working_days_between",
]

_ONE_DAY = dt.timedelta(days=1)
#: add_working_days and assumed_holidays answers kept per calendar (years of days times limits).
_ADDED_LIMIT: Final = 1 << 16
_SATURDAY = 5


def _error(name: str, value: Any, expected: str) -> CalendarError:
    """The calendar's error for a bad argument (see :mod:`danvan._validators`)."""
    return CalendarError(value, f"{name}: {expected}")


def _date_arg(value: Any, name: str = "d") -> dt.date:
    """``value`` if it is a date; a ``datetime`` is refused (danvan counts whole days)."""
    return v.check_date(value, name, _error)


#: Vietnam's time (UTC+7, Asia/Ho_Chi_Minh); no daylight saving since 1975.
VIETNAM_TZ: Final = dt.timezone(dt.timedelta(hours=7), "ICT")


def vietnam_date(moment: dt.datetime) -> dt.date:
    """The day in Vietnam (UTC+7) of an aware timestamp; a naive one is refused.

    Use it to turn a time of receipt into the day a period starts from.

    >>> vietnam_date(dt.datetime(2026, 1, 5, 18, 30, tzinfo=dt.UTC))
    datetime.date(2026, 1, 6)
    """
    if not isinstance(moment, dt.datetime):
        raise CalendarError(moment, "moment: expected a timezone-aware datetime")
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise CalendarError(moment, "moment: expected a timezone-aware datetime, not a naive one")
    try:
        return moment.astimezone(VIETNAM_TZ).date()
    except OverflowError:
        raise CalendarError(moment.isoformat(), "moment: its day in Vietnam (UTC+7) is outside "
                                                "years 1-9999") from None


def _year_arg(value: Any, first: int, last: int) -> int:
    return v.check_year(value, "year", first, last, _error)


# --- Lunar calendar ---------------------------------------------------------


@frozen
class LunarDate:
    """A date of the Vietnamese lunisolar calendar (âm lịch), computed for UTC+7.

    Only dates that exist can be built: day 30 of a 29-day month, or a leap
    month in a year without it, is a :class:`~danvan.errors.CalendarError`;
    so is a date whose solar day falls outside 1900-01-01 to 2199-12-31.
    Lunar dates have no order of their own: compare :meth:`to_solar`.

    >>> LunarDate(2025, 6, 1, leap=True).to_solar()
    datetime.date(2025, 7, 25)
    >>> str(LunarDate(2025, 6, 1, leap=True))
    '1/6 nhuận/2025'
    >>> LunarDate(2026, 2, 30)
    Traceback (most recent call last):
    ...
    danvan.errors.CalendarError: calendar: month 2 of lunar 2026 has 29 days, got '30/2/2026'
    """

    year: int = field(validator=v.count)
    month: int = field(validator=v.count)
    day: int = field(validator=v.count)
    leap: bool = field(default=False, validator=v.flag)

    def __attrs_post_init__(self) -> None:
        _lunar.jdn_from_lunar(self.year, self.month, self.day, self.leap)

    @classmethod
    def from_solar(cls, day: dt.date) -> LunarDate:
        """The lunar date of the solar (Gregorian) ``day``."""
        jdn = _lunar.jdn_from_date(_date_arg(day, "day"))
        year, month, lunar_day, leap = _lunar.lunar_from_jdn(jdn)
        return cls(year, month, lunar_day, leap)

    def to_solar(self) -> dt.date:
        """The solar (Gregorian) date of this lunar date."""
        jdn = _lunar.jdn_from_lunar(self.year, self.month, self.day, self.leap)
        return _lunar.date_from_jdn(jdn)

    def __str__(self) -> str:
        return f"{self.day}/{self.month}{' nhuận' if self.leap else ''}/{self.year}"


def lunar_new_year(year: int) -> dt.date:
    """The solar date of Tết Nguyên đán (1/1 lunar) of ``year`` (1900-2199).

    >>> lunar_new_year(1985)
    datetime.date(1985, 1, 21)
    """
    year = _year_arg(year, _lunar.FIRST_DAY.year, _lunar.LAST_DAY.year)
    return _lunar.date_from_jdn(_lunar.new_year_jdn(year))


def leap_month(year: int) -> int | None:
    """The number of the leap month (tháng nhuận) of lunar ``year``, or ``None``.

    >>> leap_month(2025), leap_month(2026)
    (6, None)
    """
    year = _year_arg(year, _lunar.FIRST_DAY.year, _lunar.LAST_DAY.year)
    return next((m for m, leap, _, _ in _lunar.months_of_year(year) if leap), None)


# --- Working days ---------------------------------------------------------------


class _YearPlan(NamedTuple):
    holidays: tuple[Holiday, ...]
    holiday_days: frozenset[dt.date]
    days_off: tuple[dt.date, ...]
    working: tuple[int, ...]  # ordinals of the working days, sorted
    working_set: frozenset[int]


@frozen
class WorkCalendar:
    """Working days of public bodies, 2000-2199; immutable, computed per year and cached.

    ``arrangements`` defaults to :data:`ARRANGEMENTS`; ``extra`` records are
    added, each replacing a record of ``arrangements`` with the same year and
    occasion (``Occasion.OTHER`` never replaces). ``WorkCalendar(arrangements=())``
    applies the statutory rules alone.

    >>> cal = WorkCalendar()
    >>> cal.is_working_day(dt.date(2026, 1, 2)), cal.is_working_day(dt.date(2026, 1, 10))
    (False, True)
    >>> cal.working_days_between(dt.date(2026, 2, 13), dt.date(2026, 2, 23))
    1
    """

    arrangements: tuple[YearArrangement, ...] = field(
        default=ARRANGEMENTS, converter=v.as_tuple,
        validator=v.tuple_of(v.typed(YearArrangement)),
    )
    extra: tuple[YearArrangement, ...] = field(
        default=(), converter=v.as_tuple, validator=v.tuple_of(v.typed(YearArrangement))
    )
    _effective: tuple[YearArrangement, ...] = field(
        init=False, repr=False, eq=False, hash=False,
        default=Factory(lambda self: _merge(self.arrangements, self.extra), takes_self=True),
    )
    _plans: dict[int, _YearPlan] = field(
        init=False, repr=False, eq=False, hash=False, factory=dict
    )
    # add_working_days per (day, n), for arguments of exactly the checked types.
    _added: dict[tuple[dt.date, int], dt.date] = field(
        init=False, repr=False, eq=False, hash=False, factory=dict
    )
    # assumed_holidays per (start, end), likewise.
    _assumed: dict[tuple[dt.date, dt.date], tuple[Holiday, ...]] = field(
        init=False, repr=False, eq=False, hash=False, factory=dict
    )

    def with_arrangement(self, *arrangements: YearArrangement) -> WorkCalendar:
        """A new calendar with ``arrangements`` added to :attr:`extra`."""
        return attrs.evolve(self, extra=(*self.extra, *arrangements))

    def arrangements_for(self, year: int) -> list[YearArrangement]:
        """The decisions in force for ``year``, in table order."""
        year = _year_arg(year, tables.FIRST_WORK_YEAR, tables.LAST_WORK_YEAR)
        return [a for a in self._effective if a.year == year]

    def holidays(self, year: int) -> list[Holiday]:
        """The public holidays of ``year``, sorted by date (a weekend holiday included).

        >>> [h.date.isoformat() for h in holidays(2025) if h.kind is HolidayKind.LUNAR_NEW_YEAR]
        ['2025-01-27', '2025-01-28', '2025-01-29', '2025-01-30', '2025-01-31']
        """
        return list(self._plan(year).holidays)

    def days_off(self, year: int) -> list[dt.date]:
        """Holidays, nghỉ bù and decided days off of ``year``; plain weekends are not listed.

        >>> [d.day for d in days_off(2022) if d.month == 5]
        [1, 2, 3]
        """
        return list(self._plan(year).days_off)

    def assumed_holidays(self, start: dt.date, end: dt.date) -> list[Holiday]:
        """The assumed holidays (:attr:`Holiday.assumed`) from ``start`` to ``end``, both included.

        Days outside the working calendar (2000-2199) have none.

        >>> [h.date.day for h in assumed_holidays(dt.date(2027, 1, 1), dt.date(2027, 2, 28))]
        [5, 6, 7, 8, 9]
        """
        exact = type(start) is dt.date and type(end) is dt.date
        if exact:
            found = self._assumed.get((start, end))
            if found is not None:
                return list(found)
        start, end = _date_arg(start, "start"), _date_arg(end, "end")
        years = range(max(start.year, tables.FIRST_WORK_YEAR), min(end.year, tables.LAST_WORK_YEAR) + 1)
        found = tuple(h for year in years for h in self._plan(year).holidays
                      if h.assumption and start <= h.date <= end)
        if exact:
            if len(self._assumed) >= _ADDED_LIMIT:
                self._assumed.clear()
            self._assumed[start, end] = found
        return list(found)

    def is_holiday(self, d: dt.date) -> bool:
        """Whether ``d`` is a public holiday (not merely a day off)."""
        d = _date_arg(d)
        return d in self._plan(d.year).holiday_days

    def is_working_day(self, d: dt.date) -> bool:
        """Whether public bodies work on ``d``."""
        d = _date_arg(d)
        return d.toordinal() in self._plan(d.year).working_set

    def next_working_day(self, d: dt.date) -> dt.date:
        """The first working day strictly after ``d``."""
        return self.add_working_days(d, 1)

    def add_working_days(self, d: dt.date, n: int) -> dt.date:
        """The ``n``-th working day after ``d``, ``d`` itself not counted (BLDS 2015 Art. 147).

        ``n == 0`` gives ``d`` when it is a working day, else the next working
        day: the day a period of zero working days would end on (Art. 148(5)).
        """
        exact = type(d) is dt.date and type(n) is int
        if exact:
            try:
                return self._added[d, n]
            except KeyError:
                pass
        d = _date_arg(d)
        n = v.check_count(n, "n", _error)
        found = self._add_working_days(d, n)
        if exact:
            if len(self._added) >= _ADDED_LIMIT:
                self._added.clear()
            self._added[d, n] = found
        return found

    def _add_working_days(self, d: dt.date, n: int) -> dt.date:
        if n == 0:
            return d if self.is_working_day(d) else self.add_working_days(d, 1)
        year = d.year
        working = self._plan(year).working
        index = bisect.bisect_right(working, d.toordinal()) + n - 1
        while index >= len(working):
            index -= len(working)
            year += 1
            working = self._plan(year).working
        return dt.date.fromordinal(working[index])

    def working_days_between(self, start: dt.date, end: dt.date) -> int:
        """The number of working days in ``(start, end]``; negative when ``end`` is before ``start``.

        So ``working_days_between(d, add_working_days(d, n)) == n`` for ``n >= 1``.
        """
        start, end = _date_arg(start, "start"), _date_arg(end, "end")
        if end < start:
            return -self.working_days_between(end, start)
        count = 0
        for year in range(start.year, end.year + 1):
            working = self._plan(year).working
            low = bisect.bisect_right(working, start.toordinal())
            count += bisect.bisect_right(working, end.toordinal()) - low
        return count

    def _plan(self, year: int) -> _YearPlan:
        # Checked before the cache: 2026.0 == 2026 would find the plan of 2026.
        year = _year_arg(year, tables.FIRST_WORK_YEAR, tables.LAST_WORK_YEAR)
        plan = self._plans.get(year)
        if plan is None:
            plan = self._plans[year] = self._build(year)
        return plan

    def _build(self, year: int) -> _YearPlan:
        decisions = [a for a in self._effective if a.year in (year, year + 1)]
        found = _statutory(year, decisions)
        weekend_work = {d for a in decisions for d in a.working_days if d.year == year}
        off = {h.date for h in found} | {d for a in decisions for d in a.days_off if d.year == year}
        spans = [s for s in (a.span for a in decisions) if s is not None]

        def scheduled(day: dt.date) -> bool:
            return day.weekday() < _SATURDAY or day in weekend_work

        # Art. 111(3): a holiday on a weekly rest day gives a day off on the next
        # working day, unless a decision already settles the break it is in.
        for holiday in found:
            day = holiday.date
            if scheduled(day) or any(first <= day <= last for first, last in spans):
                continue
            while day in off or not scheduled(day):
                day += _ONE_DAY
            off.add(day)
        first = dt.date(year, 1, 1)
        days = [first + dt.timedelta(days=i) for i in range((dt.date(year, 12, 31) - first).days + 1)]
        working = tuple(d.toordinal() for d in days if scheduled(d) and d not in off)
        holiday_days = frozenset(h.date for h in found)
        listed = sorted(holiday_days | {d for d in off if d.year == year and scheduled(d)})
        return _YearPlan(tuple(found), holiday_days, tuple(listed), working, frozenset(working))


#: Why a Tết day without a decision is assumed where it is.
TET_ASSUMPTION: Final = (
    "assumed, no Government decision yet: 5 Tết days from 29 tháng Chạp (the eve, or the day "
    "before it when Chạp has 30 days), as the decisions of 2017-2024 and 2026 place them"
)
#: Why a Tết day before 2013 (4 days) without a decision is assumed where it is.
TET_ASSUMPTION_1994: Final = (
    "assumed, no Government decision in the table: the eve and the first 3 days of the year"
)
#: Why the day next to 2/9 without a decision is assumed where it is.
NATIONAL_DAY_ASSUMPTION: Final = (
    "assumed, no Government decision yet: the adjacent day that makes a long weekend, as the "
    "decisions of 2021-2026 chose it (3/9 when 2/9 is a Monday, Thursday or Sunday, else 1/9)"
)


def _assumed_tet(year: int) -> tuple[list[dt.date], str]:
    """The Tết days of ``year`` when no decision names them, with the reason."""
    eve = lunar_new_year(year) - _ONE_DAY
    if year < tables.TET_FIVE_DAYS_FROM:
        return [eve + dt.timedelta(days=i) for i in range(4)], TET_ASSUMPTION_1994
    # 29 tháng Chạp: the eve when Chạp has 29 days, the day before it when it has 30.
    first = eve - _ONE_DAY if LunarDate.from_solar(eve).day == 30 else eve
    return [first + dt.timedelta(days=i) for i in range(5)], TET_ASSUMPTION


def _assumed_national_day_extra(year: int) -> dt.date:
    """The day next to 2/9 that makes a long weekend (Monday, Thursday, Sunday: 3/9; else 1/9)."""
    return dt.date(year, 9, 3 if dt.date(year, 9, 2).weekday() in (0, 3, 6) else 1)


def _statutory(year: int, decisions: Iterable[YearArrangement]) -> list[Holiday]:
    """The public holidays of ``year`` under the Labour Code then in force, Tết days per decision."""
    law = tables.basis(year)
    this_year = [a for a in decisions if a.year == year]

    def holiday(day: dt.date, kind: HolidayKind, name: str = "", basis: str = law,
                assumption: str = "") -> Holiday:
        return Holiday(day, name or kind.label, _ENGLISH[kind], basis, kind, assumption)

    found = [
        holiday(dt.date(year, 1, 1), HolidayKind.NEW_YEAR),
        holiday(dt.date(year, 4, 30), HolidayKind.VICTORY),
        holiday(dt.date(year, 5, 1), HolidayKind.LABOUR),
        holiday(dt.date(year, 9, 2), HolidayKind.NATIONAL_DAY),
    ]
    decided = next((a for a in this_year if a.tet), None)
    if decided is not None:
        tet, tet_basis, tet_assumption = sorted(decided.tet), f"{law}; {decided.basis}", ""
    else:
        tet, tet_assumption = _assumed_tet(year)
        tet_basis = law
    found += [holiday(d, HolidayKind.LUNAR_NEW_YEAR, basis=tet_basis, assumption=tet_assumption)
              for d in tet]
    if year >= tables.HUNG_KINGS_FROM:
        found.append(holiday(LunarDate(year, 3, 10).to_solar(), HolidayKind.HUNG_KINGS))
    if year >= tables.NATIONAL_DAY_TWO_DAYS_FROM:
        chosen = next((a for a in this_year if a.national_day_extra is not None), None)
        if chosen is not None and chosen.national_day_extra is not None:
            extra, extra_basis, why = chosen.national_day_extra, f"{law}; {chosen.basis}", ""
        else:
            extra, extra_basis, why = _assumed_national_day_extra(year), law, NATIONAL_DAY_ASSUMPTION
        found.append(holiday(extra, HolidayKind.NATIONAL_DAY, "Quốc khánh (ngày liền kề)",
                             extra_basis, why))
    return sorted(found, key=lambda h: h.date)


#: The calendar behind the module-level functions: statutory rules and :data:`ARRANGEMENTS`.
DEFAULT_CALENDAR: Final = WorkCalendar()


def holidays(year: int) -> list[Holiday]:
    """:meth:`WorkCalendar.holidays` of :data:`DEFAULT_CALENDAR`."""
    return DEFAULT_CALENDAR.holidays(year)


def days_off(year: int) -> list[dt.date]:
    """:meth:`WorkCalendar.days_off` of :data:`DEFAULT_CALENDAR`."""
    return DEFAULT_CALENDAR.days_off(year)


def assumed_holidays(start: dt.date, end: dt.date) -> list[Holiday]:
    """:meth:`WorkCalendar.assumed_holidays` of :data:`DEFAULT_CALENDAR`."""
    return DEFAULT_CALENDAR.assumed_holidays(start, end)


def is_holiday(d: dt.date) -> bool:
    """:meth:`WorkCalendar.is_holiday` of :data:`DEFAULT_CALENDAR`."""
    return DEFAULT_CALENDAR.is_holiday(d)


def is_working_day(d: dt.date) -> bool:
    """:meth:`WorkCalendar.is_working_day` of :data:`DEFAULT_CALENDAR`."""
    return DEFAULT_CALENDAR.is_working_day(d)


def next_working_day(d: dt.date) -> dt.date:
    """:meth:`WorkCalendar.next_working_day` of :data:`DEFAULT_CALENDAR`."""
    return DEFAULT_CALENDAR.next_working_day(d)


def add_working_days(d: dt.date, n: int) -> dt.date:
    """:meth:`WorkCalendar.add_working_days` of :data:`DEFAULT_CALENDAR`."""
    return DEFAULT_CALENDAR.add_working_days(d, n)


def working_days_between(start: dt.date, end: dt.date) -> int:
    """:meth:`WorkCalendar.working_days_between` of :data:`DEFAULT_CALENDAR`."""
    return DEFAULT_CALENDAR.working_days_between(start, end)
