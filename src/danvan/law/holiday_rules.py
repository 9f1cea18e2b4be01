"""Public holidays and the yearly decisions on days off: the data behind the working calendar.

:class:`Holiday` is one day off with its legal basis; :class:`YearArrangement` is
one Government decision (days off, weekend days worked in exchange, the Tết days);
:data:`ARRANGEMENTS` holds the decisions danvan knows (``docs/calendar.md``).
:mod:`danvan.law.calendar` counts working days from them and re-exports these names.

>>> ARRANGEMENTS[0].year <= 2020
True
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Final

import attrs
from attrs import field, frozen

from danvan import _validators as v
from danvan.errors import FieldError
from danvan.law import _holiday_tables as tables
from danvan.records.vocabulary import Term

__all__ = ["ARRANGEMENTS", "Holiday", "HolidayKind", "Occasion", "YearArrangement"]

_SATURDAY = 5


class HolidayKind(Term):
    """The public holidays of the Labour Code (Art. 112(1) of the 2019 Code)."""

    NEW_YEAR = "new_year", "Tết Dương lịch"
    LUNAR_NEW_YEAR = "lunar_new_year", "Tết Âm lịch", "Tết Nguyên đán", "Tết"
    HUNG_KINGS = "hung_kings", "Giỗ Tổ Hùng Vương", "Ngày Giỗ Tổ Hùng Vương"
    VICTORY = "victory", "Ngày Chiến thắng", "30/4"
    LABOUR = "labour", "Ngày Quốc tế lao động", "1/5"
    NATIONAL_DAY = "national_day", "Quốc khánh", "2/9"


class Occasion(Term):
    """What a yearly decision arranges; with the year, it names the decision."""

    NEW_YEAR = "new_year", "Tết Dương lịch"
    LUNAR_NEW_YEAR = "lunar_new_year", "Tết Âm lịch", "Tết Nguyên đán"
    HUNG_KINGS = "hung_kings", "Giỗ Tổ Hùng Vương"
    VICTORY_AND_LABOUR = "victory_and_labour", "30/4 và 1/5", "30/4 - 1/5"
    NATIONAL_DAY = "national_day", "Quốc khánh"
    OTHER = "other", "dịp khác"


_ENGLISH: Final = {
    HolidayKind.NEW_YEAR: "New Year's Day",
    HolidayKind.LUNAR_NEW_YEAR: "Lunar New Year (Tết)",
    HolidayKind.HUNG_KINGS: "Hung Kings' Commemoration Day",
    HolidayKind.VICTORY: "Victory Day (Reunification Day)",
    HolidayKind.LABOUR: "International Workers' Day",
    HolidayKind.NATIONAL_DAY: "National Day",
}


@frozen
class Holiday:
    """A public holiday (ngày nghỉ lễ, tết): its date, names and legal basis.

    ``assumption`` is empty for a day the law or a decision fixes; for a day
    danvan assumes because no decision fixes it yet (Tết days, the day next to
    2/9), it says so and why.
    """

    date: dt.date = field(validator=v.date)
    name: str = field(validator=v.text)
    name_en: str = field(validator=v.text)
    basis: str = field(validator=v.text)
    kind: HolidayKind = field(validator=v.member(HolidayKind))
    assumption: str = field(default="", validator=v.typed(str, "text"))

    @property
    def assumed(self) -> bool:
        """Whether the day is danvan's assumption, not fixed by the law or a decision."""
        return bool(self.assumption)


def _days(value: Any) -> Any:
    """Lists and sets of dates become sorted tuples; anything else is left for the validator."""
    return v.as_tuple(value, sets=True)


def _work_year(_: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    v.check_year(value, attribute.name, tables.FIRST_WORK_YEAR, tables.LAST_WORK_YEAR)


@frozen(kw_only=True)
class YearArrangement:
    """One Government decision on days off for cán bộ, công chức, viên chức.

    ``days_off`` is the break the decision states, weekends included or not.
    Every public holiday from its first to its last day is settled by the
    decision: danvan adds no nghỉ bù of its own for them. ``working_days`` are
    weekend days worked in exchange (hoán đổi). ``tet`` names the Tết holiday
    days when the decision fixes them, ``national_day_extra`` the day next to
    2/9 (Art. 112(3) of the 2019 Code leaves both to the Prime Minister).
    Dates belong to ``year`` or, for a New Year break, the end of the year before.

    >>> YearArrangement(
    ...     year=2026, occasion=Occasion.OTHER, days_off=[dt.date(2026, 11, 24)],
    ...     basis="Ngày Văn hóa Việt Nam (assumed)",
    ... ).days_off
    (datetime.date(2026, 11, 24),)
    """

    year: int = field(validator=_work_year)
    occasion: Occasion = field(validator=v.member(Occasion))
    days_off: tuple[dt.date, ...] = field(
        default=(), converter=_days, validator=v.tuple_of(v.date, unique=True)
    )
    working_days: tuple[dt.date, ...] = field(
        default=(), converter=_days, validator=v.tuple_of(v.date, unique=True)
    )
    basis: str = field(validator=v.text)
    notes: str = field(default="", validator=v.typed(str, "text"))
    tet: tuple[dt.date, ...] = field(
        default=(), converter=_days, validator=v.tuple_of(v.date, unique=True)
    )
    national_day_extra: dt.date | None = field(default=None, validator=v.optional(v.date))

    def __attrs_post_init__(self) -> None:
        if not (self.days_off or self.working_days or self.tet or self.national_day_extra):
            raise FieldError("days_off", self.days_off, "expected at least one day")
        for name in ("days_off", "working_days", "tet"):
            for index, day in enumerate(getattr(self, name)):
                if not self.year - 1 <= day.year <= self.year:
                    raise FieldError(f"{name}[{index}]", day, f"expected a day of {self.year}")
        for index, day in enumerate(self.working_days):
            if day.weekday() < _SATURDAY:
                raise FieldError(f"working_days[{index}]", day, "expected a Saturday or Sunday")
            if day in self.days_off:
                raise FieldError(f"working_days[{index}]", day, "expected a day not in days_off")
        if self.tet:
            if self.occasion is not Occasion.LUNAR_NEW_YEAR:
                raise FieldError("tet", self.tet, "expected only for Occasion.LUNAR_NEW_YEAR")
            ordered = sorted(self.tet)
            if (ordered[-1] - ordered[0]).days != len(ordered) - 1:
                raise FieldError("tet", self.tet, "expected consecutive days")
        extra = self.national_day_extra
        if extra is not None:
            if self.occasion is not Occasion.NATIONAL_DAY:
                raise FieldError("national_day_extra", extra, "expected only for NATIONAL_DAY")
            if extra not in (dt.date(self.year, 9, 1), dt.date(self.year, 9, 3)):
                raise FieldError("national_day_extra", extra, f"expected 1/9 or 3/9/{self.year}")

    @property
    def span(self) -> tuple[dt.date, dt.date] | None:
        """The first and last day off, or ``None`` when the decision lists none."""
        return (min(self.days_off), max(self.days_off)) if self.days_off else None


def _arrangement(row: tables.Row) -> YearArrangement:
    year, occasion, off, work, basis, notes, tet, extra = row
    return YearArrangement(
        year=year, occasion=Occasion.from_code(occasion), days_off=off, working_days=work, basis=basis,
        notes=notes, tet=tet, national_day_extra=extra,
    )


#: The yearly decisions danvan knows (see ``docs/calendar.md`` for sources).
ARRANGEMENTS: Final[tuple[YearArrangement, ...]] = tuple(
    _arrangement(row) for row in tables.ARRANGEMENTS
)


def _merge(
    base: tuple[YearArrangement, ...], extra: tuple[YearArrangement, ...]
) -> tuple[YearArrangement, ...]:
    """``base`` and ``extra``; an extra record replaces a base one with its year and occasion."""
    replaced = {(a.year, a.occasion) for a in extra if a.occasion is not Occasion.OTHER}
    return (*(a for a in base if (a.year, a.occasion) not in replaced), *extra)
