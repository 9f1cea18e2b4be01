"""Public holidays and working days of public bodies: ``danvan.law.calendar``."""

from __future__ import annotations

import datetime as dt
import importlib.util
from pathlib import Path
from types import ModuleType

import pytest
from hypothesis import given, strategies as st

from danvan.errors import CalendarError, FieldError
from danvan.law import calendar
from danvan.law.calendar import (
    ARRANGEMENTS,
    DEFAULT_CALENDAR,
    HolidayKind,
    Occasion,
    WorkCalendar,
    YearArrangement,
)

D = dt.date
# Two years of room before the end of the supported range for adding up to 402 working days.
DAYS = st.dates(min_value=D(2000, 1, 1), max_value=D(2197, 12, 31))
COUNTS = st.integers(min_value=0, max_value=400)


def _span(first: dt.date, last: dt.date) -> list[dt.date]:
    return [first + dt.timedelta(days=i) for i in range((last - first).days + 1)]


# Breaks announced for public bodies (every day of the break, weekends included),
# and the Saturdays worked in exchange.
BREAKS = [
    # 2019: Công văn 6519/VPCP-KGVX
    (D(2018, 12, 29), D(2019, 1, 1), [D(2019, 1, 5)]),
    (D(2019, 2, 2), D(2019, 2, 10), []),
    (D(2019, 4, 13), D(2019, 4, 15), []),
    (D(2019, 4, 27), D(2019, 5, 1), [D(2019, 5, 4)]),
    (D(2019, 8, 31), D(2019, 9, 2), []),
    # 2020: Thông báo 4544/TB-LĐTBXH
    (D(2020, 1, 23), D(2020, 1, 29), []),
    # 2021: Công văn 9895/VPCP-KGVX; 1/5 on a Saturday gives 3/5
    (D(2021, 2, 10), D(2021, 2, 16), []),
    (D(2021, 4, 30), D(2021, 5, 3), []),
    (D(2021, 9, 2), D(2021, 9, 5), []),
    # 2022: 30/4 and 1/5 on a weekend give 2/5 and 3/5
    (D(2022, 1, 1), D(2022, 1, 3), []),
    (D(2022, 1, 29), D(2022, 2, 6), []),
    (D(2022, 4, 30), D(2022, 5, 3), []),
    (D(2022, 9, 1), D(2022, 9, 4), []),
    # 2023: Công văn 8056/VPCP-KGVX; Giỗ Tổ on Saturday 29/4 and 30/4 on Sunday
    (D(2022, 12, 31), D(2023, 1, 2), []),
    (D(2023, 1, 20), D(2023, 1, 26), []),
    (D(2023, 4, 29), D(2023, 5, 3), []),
    (D(2023, 9, 1), D(2023, 9, 4), []),
    # 2024: Công văn 8662/VPCP-KGVX and 2450/VPCP-KGVX
    (D(2024, 2, 8), D(2024, 2, 14), []),
    (D(2024, 4, 27), D(2024, 5, 1), [D(2024, 5, 4)]),
    (D(2024, 8, 31), D(2024, 9, 3), []),
    # 2025: Công văn 8726/VPCP-KGVX
    (D(2025, 1, 25), D(2025, 2, 2), []),
    (D(2025, 4, 5), D(2025, 4, 7), []),
    (D(2025, 4, 30), D(2025, 5, 4), [D(2025, 4, 26)]),
    (D(2025, 8, 30), D(2025, 9, 2), []),
    # 2026: Công văn 12729/VPCP-KGVX, Thông báo 9441/TB-BNV
    (D(2026, 1, 1), D(2026, 1, 4), [D(2026, 1, 10)]),
    (D(2026, 2, 14), D(2026, 2, 22), []),
    (D(2026, 4, 25), D(2026, 4, 27), []),
    (D(2026, 4, 30), D(2026, 5, 3), []),
    (D(2026, 8, 29), D(2026, 9, 2), [D(2026, 8, 22)]),
]


@pytest.mark.parametrize(("first", "last", "worked"), BREAKS)
def test_announced_breaks(first: dt.date, last: dt.date, worked: list[dt.date]) -> None:
    """Each announced break is off, the days around it are working, swapped Saturdays are worked."""
    for day in _span(first, last):
        assert not calendar.is_working_day(day), day
    resumed = calendar.next_working_day(last)
    assert calendar.is_working_day(resumed)
    for day in _span(last + dt.timedelta(days=1), resumed - dt.timedelta(days=1)):
        assert not calendar.is_working_day(day), day
    before, after = first - dt.timedelta(days=1), last + dt.timedelta(days=1)
    assert calendar.is_working_day(before) or before.weekday() >= 5
    assert calendar.is_working_day(after) or after.weekday() >= 5
    for day in worked:
        assert calendar.is_working_day(day), day


def test_tet_2026() -> None:
    """Tết Bính Ngọ 2026: off from 14/2 to 22/2, Tết days 16-20/2, work resumes on 23/2."""
    assert [d for d in _span(D(2026, 2, 13), D(2026, 2, 23)) if calendar.is_working_day(d)] == [
        D(2026, 2, 13), D(2026, 2, 23),
    ]
    tet = [h.date for h in calendar.holidays(2026) if h.kind is HolidayKind.LUNAR_NEW_YEAR]
    assert tet == _span(D(2026, 2, 16), D(2026, 2, 20))


def test_new_year_2026_swap() -> None:
    """Friday 2/1/2026 is off and Saturday 10/1/2026 is worked (12729/VPCP-KGVX)."""
    assert not calendar.is_working_day(D(2026, 1, 2))
    assert calendar.is_working_day(D(2026, 1, 10))
    assert not calendar.is_holiday(D(2026, 1, 2))
    assert calendar.add_working_days(D(2025, 12, 31), 1) == D(2026, 1, 5)


def test_compensatory_days_2022() -> None:
    """30/4/2022 (Saturday) and 1/5/2022 (Sunday) give days off on 2/5 and 3/5."""
    assert [d for d in calendar.days_off(2022) if d.month == 5] == [D(2022, 5, 1), D(2022, 5, 2),
                                                                    D(2022, 5, 3)]
    assert calendar.next_working_day(D(2022, 4, 29)) == D(2022, 5, 4)


def test_holidays_2025() -> None:
    """The holidays of 2025 carry Vietnamese names, English names and the 2019 Code as basis."""
    found = calendar.holidays(2025)
    assert [h.date for h in found] == sorted(h.date for h in found)
    assert [(h.date, h.name) for h in found] == [
        (D(2025, 1, 1), "Tết Dương lịch"),
        *[(D(2025, 1, d), "Tết Âm lịch") for d in range(27, 32)],
        (D(2025, 4, 7), "Giỗ Tổ Hùng Vương"),
        (D(2025, 4, 30), "Ngày Chiến thắng"),
        (D(2025, 5, 1), "Ngày Quốc tế lao động"),
        (D(2025, 9, 1), "Quốc khánh (ngày liền kề)"),
        (D(2025, 9, 2), "Quốc khánh"),
    ]
    assert all("45/2019/QH14, Điều 112" in h.basis for h in found)
    assert all(h.name_en for h in found)
    assert "8726/VPCP-KGVX" in found[1].basis


@pytest.mark.parametrize(
    ("year", "tet_days", "hung_kings", "national_days", "code"),
    [
        (2006, 4, False, 1, "1994"),
        (2007, 4, True, 1, "1994"),
        (2012, 4, True, 1, "1994"),
        (2013, 5, True, 1, "10/2012/QH13"),
        (2020, 5, True, 1, "10/2012/QH13"),
        (2021, 5, True, 2, "45/2019/QH14"),
    ],
)
def test_year_gates(
    year: int, tet_days: int, hung_kings: bool, national_days: int, code: str
) -> None:
    """Tết has 4 days before 2013, Giỗ Tổ is a holiday from 2007, 2/9 has two days from 2021."""
    found = WorkCalendar(arrangements=()).holidays(year)
    kinds = [h.kind for h in found]
    assert kinds.count(HolidayKind.LUNAR_NEW_YEAR) == tet_days
    assert (HolidayKind.HUNG_KINGS in kinds) is hung_kings
    assert kinds.count(HolidayKind.NATIONAL_DAY) == national_days
    assert all(code in h.basis for h in found)


def test_default_tet_days_and_adjacent_day() -> None:
    """Without a decision Tết starts on 29 tháng Chạp and 2/9 gets the long-weekend day, both assumed."""
    bare = WorkCalendar(arrangements=())
    found = bare.holidays(2027)
    tet = [h for h in found if h.kind is HolidayKind.LUNAR_NEW_YEAR]
    # Chạp of Bính Ngọ has 29 days: 29 tháng Chạp is the eve, Fri 5/2/2027.
    assert [h.date for h in tet] == _span(D(2027, 2, 5), D(2027, 2, 9))
    assert all(h.assumed and h.assumption == calendar.TET_ASSUMPTION for h in tet)
    adjacent = [h for h in found if h.name == "Quốc khánh (ngày liền kề)"]
    # 2/9/2027 is a Thursday: Friday 3/9 makes the long weekend.
    assert [h.date for h in adjacent] == [D(2027, 9, 3)]
    assert adjacent[0].assumption == calendar.NATIONAL_DAY_ASSUMPTION
    assert not any(h.assumed for h in found if h.kind not in (
        HolidayKind.LUNAR_NEW_YEAR, HolidayKind.NATIONAL_DAY) or h.date == D(2027, 9, 2))
    # The default calendar marks 2027 the same way; decided years carry no assumption.
    assert [h.date for h in calendar.assumed_holidays(D(2027, 1, 1), D(2027, 12, 31))] == [
        *_span(D(2027, 2, 5), D(2027, 2, 9)), D(2027, 9, 3)]
    assert calendar.assumed_holidays(D(2017, 1, 1), D(2018, 12, 31)) == []
    assert calendar.assumed_holidays(D(2026, 1, 1), D(2026, 12, 31)) == []


def test_tet_heuristic_follows_the_decisions() -> None:
    """Statutory rules alone give the decided working days of every Tết 2017-2026 but 2025.

    2025 (28 tháng Chạp to mùng 3, "2 days before Tết and 3 after") is the one
    decision that did not start on 29 tháng Chạp; the old default (the eve plus
    four) missed 2017, 2018, 2020, 2021, 2023 and 2024.
    """
    bare = WorkCalendar(arrangements=())
    differ = []
    for year in range(2017, 2027):
        tet = calendar.lunar_new_year(year)
        days = [tet + dt.timedelta(days=i) for i in range(-10, 12)]
        if any(bare.is_working_day(d) != calendar.is_working_day(d) for d in days):
            differ.append(year)
    assert differ == [2025]


def test_national_day_heuristic_follows_the_decisions() -> None:
    """The long-weekend rule gives the adjacent day of all six decisions 2021-2026; a fixed 1/9, four."""
    decided = {2021: D(2021, 9, 3), 2022: D(2022, 9, 1), 2023: D(2023, 9, 1),
               2024: D(2024, 9, 3), 2025: D(2025, 9, 1), 2026: D(2026, 9, 1)}  # 2022: law audit §1.2
    bare = WorkCalendar(arrangements=())
    for year, day in decided.items():
        adjacent = [h.date for h in bare.holidays(year) if h.name == "Quốc khánh (ngày liền kề)"]
        assert adjacent == [day], year
    assert sum(day == D(day.year, 9, 1) for day in decided.values()) == 4


@pytest.mark.parametrize(("day", "working"), [
    (D(2014, 1, 25), True), (D(2014, 1, 28), False), (D(2014, 1, 29), False), (D(2014, 2, 5), False),
    (D(2014, 2, 8), True), (D(2014, 12, 27), True), (D(2015, 1, 2), False),
    (D(2017, 1, 26), False), (D(2017, 2, 1), False), (D(2017, 2, 2), True),
    (D(2018, 2, 14), False), (D(2018, 2, 20), False), (D(2018, 2, 21), True),
])
def test_decisions_2014_to_2018(day: dt.date, working: bool) -> None:
    """The ten statuses the law audit found wrong (and their neighbours) follow the decisions."""
    assert calendar.is_working_day(day) is working


def test_vietnam_date_at_the_ends_of_the_range() -> None:
    """An aware timestamp whose Vietnamese day falls outside years 1-9999 is a CalendarError (F17)."""
    with pytest.raises(CalendarError, match="moment"):
        calendar.vietnam_date(dt.datetime(9999, 12, 31, 23, tzinfo=dt.UTC))
    with pytest.raises(CalendarError, match="moment"):
        calendar.vietnam_date(dt.datetime(1, 1, 1, 0, tzinfo=dt.timezone(dt.timedelta(hours=14))))
    assert calendar.vietnam_date(dt.datetime(9999, 12, 31, 16, 59, tzinfo=dt.UTC)) == D(9999, 12, 31)


def test_statutory_rules_alone() -> None:
    """WorkCalendar(arrangements=()) ignores the decisions: 2/1/2026 is then a working day."""
    bare = WorkCalendar(arrangements=())
    assert bare.is_working_day(D(2026, 1, 2))
    assert not bare.is_working_day(D(2026, 1, 10))
    # Default Tết 2024 (8-12/2, from 29 tháng Chạp) with 10-11/2 on a weekend: nghỉ bù 13 and 14/2.
    assert [d for d in bare.days_off(2024) if d.month == 2] == _span(D(2024, 2, 8), D(2024, 2, 14))


def test_with_arrangement_adds_a_day_without_changing_the_default() -> None:
    """with_arrangement returns a new calendar; the default calendar is left unchanged."""
    culture_day = YearArrangement(
        year=2026, occasion=Occasion.OTHER, days_off=[D(2026, 11, 24)],
        basis="Ngày Văn hóa Việt Nam (80-NQ/TW), unconfirmed",
    )
    extended = DEFAULT_CALENDAR.with_arrangement(culture_day)
    assert not extended.is_working_day(D(2026, 11, 24))
    assert D(2026, 11, 24) in extended.days_off(2026)
    assert calendar.is_working_day(D(2026, 11, 24))
    assert extended.working_days_between(D(2026, 11, 23), D(2026, 11, 25)) == 1
    assert extended != DEFAULT_CALENDAR
    assert extended.arrangements == ARRANGEMENTS


def test_extra_replaces_the_same_occasion() -> None:
    """An extra record replaces the table's record of the same year and occasion."""
    corrected = YearArrangement(
        year=2026, occasion=Occasion.NATIONAL_DAY, national_day_extra=D(2026, 9, 3),
        basis="a corrected decision",
    )
    cal = WorkCalendar(extra=[corrected])
    assert cal.is_working_day(D(2026, 8, 31))
    assert cal.is_working_day(D(2026, 9, 1))
    assert not cal.is_working_day(D(2026, 9, 3))
    assert not cal.is_working_day(D(2026, 8, 22))
    assert [a.occasion for a in cal.arrangements_for(2026)] == [
        Occasion.NEW_YEAR, Occasion.LUNAR_NEW_YEAR, Occasion.NATIONAL_DAY,
    ]
    assert cal.arrangements_for(2026)[-1] is corrected


def test_add_working_days_zero_and_one() -> None:
    """n == 0 keeps a working day or moves to the next one; n == 1 is the next working day."""
    friday, saturday = D(2025, 3, 7), D(2025, 3, 8)
    assert calendar.add_working_days(friday, 0) == friday
    assert calendar.add_working_days(saturday, 0) == D(2025, 3, 10)
    assert calendar.add_working_days(friday, 1) == D(2025, 3, 10)


def test_ten_working_days_across_tet_2026() -> None:
    """Ten working days from Tuesday 10/2/2026 skip the whole Tết break."""
    assert calendar.add_working_days(D(2026, 2, 10), 10) == D(2026, 3, 3)
    assert calendar.working_days_between(D(2026, 2, 10), D(2026, 3, 3)) == 10


def test_working_days_between_signs() -> None:
    """The count is zero for equal dates and negative when end comes first."""
    day = D(2025, 6, 2)
    assert calendar.working_days_between(day, day) == 0
    assert calendar.working_days_between(D(2025, 6, 9), day) == -5


def test_across_year_end() -> None:
    """Counting crosses the year boundary, the 2019 New Year swap included."""
    start = D(2018, 12, 27)
    assert calendar.add_working_days(start, 1) == D(2018, 12, 28)
    assert calendar.add_working_days(start, 2) == D(2019, 1, 2)
    assert calendar.add_working_days(start, 5) == D(2019, 1, 5)
    assert calendar.working_days_between(start, D(2019, 1, 7)) == 6


@pytest.mark.parametrize(
    "call",
    [
        lambda: calendar.is_working_day(dt.datetime(2026, 1, 5, 9)),
        lambda: calendar.is_holiday(dt.datetime(2026, 1, 1, tzinfo=dt.UTC)),
        lambda: calendar.next_working_day(dt.datetime(2026, 1, 5, 9)),
        lambda: calendar.add_working_days(dt.datetime(2026, 1, 5, 9), 3),
        lambda: calendar.working_days_between(D(2026, 1, 5), dt.datetime(2026, 1, 9)),
        lambda: calendar.is_working_day("2026-01-05"),  # type: ignore[arg-type]
    ],
)
def test_datetimes_and_text_are_refused(call: object) -> None:
    """A datetime (aware or naive) or a string where a date is expected is a CalendarError."""
    with pytest.raises(CalendarError, match="expected a date"):
        call()  # type: ignore[operator]


def test_vietnam_date_of_aware_timestamps() -> None:
    """An aware timestamp is read in Vietnam's time: 18:30 UTC is already the next day."""
    assert calendar.vietnam_date(dt.datetime(2026, 1, 5, 18, 30, tzinfo=dt.UTC)) == D(2026, 1, 6)
    plus7 = dt.timezone(dt.timedelta(hours=7))
    assert calendar.vietnam_date(dt.datetime(2026, 1, 5, 23, 59, tzinfo=plus7)) == D(2026, 1, 5)


@pytest.mark.parametrize("moment", [dt.datetime(2026, 1, 5, 9, 0), D(2026, 1, 5), "2026-01-05"])
def test_vietnam_date_refuses_naive_timestamps(moment: object) -> None:
    """A naive datetime, a date or a string is not a timestamp: CalendarError."""
    with pytest.raises(CalendarError, match="timezone-aware"):
        calendar.vietnam_date(moment)  # type: ignore[arg-type]


@pytest.mark.parametrize("year", [2026.0, "2026", True])
def test_years_are_checked_before_the_cache(year: object) -> None:
    """holidays(2026.0) is a CalendarError whether or not 2026 is already cached."""
    cal = WorkCalendar()
    for _ in range(2):
        with pytest.raises(CalendarError, match="year"):
            cal.holidays(year)  # type: ignore[arg-type]
        with pytest.raises(CalendarError, match="year"):
            cal.days_off(year)  # type: ignore[arg-type]
        assert cal.holidays(2026)


@pytest.mark.parametrize("n", [-1, True, 1.0, "3"])
def test_bad_counts_are_refused(n: object) -> None:
    """add_working_days takes a whole number n >= 0."""
    with pytest.raises(CalendarError, match="n: expected"):
        calendar.add_working_days(D(2026, 1, 5), n)  # type: ignore[arg-type]


@pytest.mark.parametrize("day", [D(1999, 12, 31), D(2200, 1, 1)])
def test_outside_the_working_range(day: dt.date) -> None:
    """The working calendar covers 2000-2199 and refuses other days."""
    with pytest.raises(CalendarError, match="2000-2199"):
        calendar.is_working_day(day)


def test_counting_past_the_range_is_refused() -> None:
    """Adding working days beyond 2199 raises instead of returning a wrong date."""
    with pytest.raises(CalendarError):
        calendar.add_working_days(D(2199, 12, 20), 30)


@pytest.mark.parametrize(
    ("changes", "path"),
    [
        ({"working_days": (D(2026, 1, 9),)}, "working_days[0]"),
        ({"working_days": (D(2026, 1, 3),), "days_off": (D(2026, 1, 3),)}, "working_days[0]"),
        ({"days_off": (D(2024, 1, 2),)}, "days_off[0]"),
        ({"days_off": ()}, "days_off"),
        ({"days_off": (dt.datetime(2026, 1, 2, 0, 0),)}, "days_off[0]"),
        ({"tet": (D(2026, 2, 16),)}, "tet"),
        ({"national_day_extra": D(2026, 9, 1)}, "national_day_extra"),
        ({"year": 1999}, "year"),
        ({"occasion": "new_year"}, "occasion"),
        ({"basis": " "}, "basis"),
    ],
)
def test_arrangement_validation(changes: dict[str, object], path: str) -> None:
    """A YearArrangement that cannot describe a decision is a FieldError naming the field."""
    values: dict[str, object] = {
        "year": 2026, "occasion": Occasion.NEW_YEAR, "days_off": (D(2026, 1, 2),),
        "basis": "12729/VPCP-KGVX",
    }
    values.update(changes)
    with pytest.raises(FieldError) as caught:
        YearArrangement(**values)  # type: ignore[arg-type]
    assert caught.value.path == path


def test_tet_days_must_be_consecutive() -> None:
    """The Tết days a decision names are consecutive."""
    with pytest.raises(FieldError, match="consecutive"):
        YearArrangement(
            year=2026, occasion=Occasion.LUNAR_NEW_YEAR, tet=(D(2026, 2, 16), D(2026, 2, 18)),
            basis="x",
        )


def test_table_records_cite_a_decision() -> None:
    """Every built-in decision cites its document (a number, or the report that gives it)."""
    assert {a.year for a in ARRANGEMENTS} == {2014, 2015, 2017, 2018, *range(2019, 2027)}
    for record in ARRANGEMENTS:
        assert "/" in record.basis or "as reported by" in record.basis
        assert record.span is None or record.span[1].year == record.year


@given(DAYS, COUNTS)
def test_add_working_days_lands_on_a_working_day(day: dt.date, n: int) -> None:
    """add_working_days lands on a working day, after day when n >= 1, and is inverted by the count."""
    result = calendar.add_working_days(day, n)
    assert calendar.is_working_day(result)
    assert result >= day
    if n >= 1:
        assert result > day
        assert calendar.working_days_between(day, result) == n


@given(DAYS, COUNTS)
def test_add_working_days_is_strictly_increasing(day: dt.date, n: int) -> None:
    """One more working day gives a later date (n = 0 and 1 coincide when day is a day off)."""
    later = calendar.add_working_days(day, n + 1)
    assert later > calendar.add_working_days(day, n) or (n == 0 and not calendar.is_working_day(day))
    assert calendar.add_working_days(day, n + 2) > later


@given(DAYS)
def test_next_working_day_skips_only_days_off(day: dt.date) -> None:
    """Every day strictly between d and next_working_day(d) is not a working day."""
    following = calendar.next_working_day(day)
    assert following == calendar.add_working_days(day, 1)
    for gap in _span(day + dt.timedelta(days=1), following - dt.timedelta(days=1)):
        assert not calendar.is_working_day(gap)


@given(DAYS, DAYS)
def test_count_is_antisymmetric(start: dt.date, end: dt.date) -> None:
    """working_days_between(a, b) == -working_days_between(b, a)."""
    assert calendar.working_days_between(start, end) == -calendar.working_days_between(end, start)


@given(st.integers(2000, 2199))
def test_days_off_are_never_working_days(year: int) -> None:
    """No holiday or day off is a working day; Giỗ Tổ falls between 30/3 and 29/4."""
    assert not any(calendar.is_working_day(d) for d in calendar.days_off(year))
    found = calendar.holidays(year)
    assert all(calendar.is_holiday(h.date) and not calendar.is_working_day(h.date) for h in found)
    hung = [h.date for h in found if h.kind is HolidayKind.HUNG_KINGS]
    assert all(D(year, 3, 30) <= d <= D(year, 4, 29) for d in hung)


@given(DAYS)
def test_weekends_work_only_by_decision(day: dt.date) -> None:
    """A Saturday or Sunday is a working day only when a decision swaps it."""
    swapped = {d for a in ARRANGEMENTS for d in a.working_days}
    if day.weekday() >= 5:
        assert calendar.is_working_day(day) is (day in swapped)


def test_weekday_days_off_match_holidays_package() -> None:
    """2019-2025 weekday days off agree with vacanza/holidays (2026 differs: see docs)."""
    holidays_pkg = pytest.importorskip("holidays")
    for year in range(2019, 2026):
        theirs = {d for d in holidays_pkg.VN(years=year) if d.weekday() < 5 and d.year == year}
        ours = {d for d in calendar.days_off(year) if d.weekday() < 5}
        assert ours == theirs, year


def _golden_script() -> ModuleType:
    path = Path(__file__).resolve().parents[2] / "scripts" / "calendar_golden.py"
    spec = importlib.util.spec_from_file_location("calendar_golden", path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_golden_file_is_current() -> None:
    """tests/data/calendar_golden.txt matches the computation (regenerate with the script)."""
    script = _golden_script()
    assert script.GOLDEN.read_text(encoding="utf-8") == script.render()


@given(st.integers(2027, 2199))
def test_undecided_years_mark_their_assumed_days(year: int) -> None:
    """In a year without decisions, the 5 Tết days and the day next to 2/9 are assumed, nothing else."""
    found = calendar.holidays(year)
    assumed = [h for h in found if h.assumed]
    tet = [h for h in assumed if h.kind is HolidayKind.LUNAR_NEW_YEAR]
    assert len(tet) == 5
    assert tet[0].date in (calendar.lunar_new_year(year) - dt.timedelta(days=d) for d in (1, 2))
    extra = [h for h in assumed if h.kind is HolidayKind.NATIONAL_DAY]
    assert len(extra) == 1
    assert len(assumed) == 6
    # the two days touch a weekend (a long weekend), unless 2/9 is a Wednesday
    first, last = sorted((dt.date(year, 9, 2), extra[0].date))
    around = (first - dt.timedelta(days=1), first, last, last + dt.timedelta(days=1))
    assert dt.date(year, 9, 2).weekday() == 2 or any(d.weekday() >= 5 for d in around)


def test_assumed_holidays_at_the_ends_of_the_calendar() -> None:
    """Asking past 2199 or before 2000 is no error: those days have no assumed holiday."""
    assert calendar.assumed_holidays(D(1999, 1, 1), D(1999, 12, 31)) == []
    assert [h.date for h in calendar.assumed_holidays(D(2199, 12, 1), D(2200, 1, 5))] == []


def test_add_working_days_cache_keeps_the_checks() -> None:
    """A cached sum answers only a date and an int: a datetime, a float or a bool is still refused."""
    cal = calendar.WorkCalendar()
    day = dt.date(2026, 1, 5)
    assert cal.add_working_days(day, 1) == cal.add_working_days(day, 1) == dt.date(2026, 1, 6)
    for d, n in ((dt.datetime(2026, 1, 5), 1), (day, 1.0), (day, True), (day, -1)):
        with pytest.raises(CalendarError):
            cal.add_working_days(d, n)  # type: ignore[arg-type]
