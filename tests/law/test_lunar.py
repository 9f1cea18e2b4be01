"""The Vietnamese lunisolar calendar: ``danvan.law._lunar`` and its public wrappers."""

from __future__ import annotations

import datetime as dt
import itertools
from pathlib import Path

import pytest
from hypothesis import given, strategies as st

from danvan.errors import CalendarError, FieldError
from danvan.law import _lunar
from danvan.law.calendar import LunarDate, leap_month, lunar_new_year

# Tết Nguyên đán as published (press and the yearly notices on days off).
KNOWN_TET = [
    (1968, dt.date(1968, 1, 29)),  # the North's first Tết on UTC+7 (Tết Mậu Thân)
    (1985, dt.date(1985, 1, 21)),
    (2007, dt.date(2007, 2, 17)),
    (2019, dt.date(2019, 2, 5)),
    (2020, dt.date(2020, 1, 25)),
    (2021, dt.date(2021, 2, 12)),
    (2022, dt.date(2022, 2, 1)),
    (2023, dt.date(2023, 1, 22)),
    (2024, dt.date(2024, 2, 10)),
    (2025, dt.date(2025, 1, 29)),
    (2026, dt.date(2026, 2, 17)),
]

# Years whose Tết differs between UTC+7 (Vietnam) and UTC+8 (China), 1901-2099,
# as vacanza/holidays lists them: (Vietnam, China).
VIETNAM_CHINA_DIFFER = {
    1903: (dt.date(1903, 1, 28), dt.date(1903, 1, 29)),
    1916: (dt.date(1916, 2, 3), dt.date(1916, 2, 4)),
    1935: (dt.date(1935, 2, 3), dt.date(1935, 2, 4)),
    1965: (dt.date(1965, 2, 1), dt.date(1965, 2, 2)),
    1968: (dt.date(1968, 1, 29), dt.date(1968, 1, 30)),
    1969: (dt.date(1969, 2, 16), dt.date(1969, 2, 17)),
    1985: (dt.date(1985, 1, 21), dt.date(1985, 2, 20)),
    2007: (dt.date(2007, 2, 17), dt.date(2007, 2, 18)),
    2030: (dt.date(2030, 2, 2), dt.date(2030, 2, 3)),
    2053: (dt.date(2053, 2, 18), dt.date(2053, 2, 19)),
}

# Lunar dates printed in the notices on Tết days off.
NOTICE_LABELS = [
    (dt.date(2019, 2, 4), LunarDate(2018, 12, 30)),
    (dt.date(2020, 1, 23), LunarDate(2019, 12, 29)),
    (dt.date(2021, 2, 10), LunarDate(2020, 12, 29)),
    (dt.date(2023, 1, 20), LunarDate(2022, 12, 29)),
    (dt.date(2024, 2, 8), LunarDate(2023, 12, 29)),
    (dt.date(2024, 2, 14), LunarDate(2024, 1, 5)),
    (dt.date(2025, 1, 25), LunarDate(2024, 12, 26)),
    (dt.date(2025, 2, 2), LunarDate(2025, 1, 5)),
    (dt.date(2026, 2, 14), LunarDate(2025, 12, 27)),
    (dt.date(2026, 2, 16), LunarDate(2025, 12, 29)),
    (dt.date(2026, 2, 22), LunarDate(2026, 1, 6)),
]

GIO_TO = [
    (2019, dt.date(2019, 4, 14)),
    (2023, dt.date(2023, 4, 29)),
    (2024, dt.date(2024, 4, 18)),
    (2025, dt.date(2025, 4, 7)),
    (2026, dt.date(2026, 4, 26)),
]

SOLAR_DAYS = st.dates(min_value=_lunar.FIRST_DAY, max_value=_lunar.LAST_DAY)


@pytest.mark.parametrize(("year", "tet"), KNOWN_TET)
def test_known_tet_dates(year: int, tet: dt.date) -> None:
    """lunar_new_year gives the published date of Tết."""
    assert lunar_new_year(year) == tet
    assert LunarDate.from_solar(tet) == LunarDate(year, 1, 1)


def test_vietnam_and_china_differ_exactly_in_known_years() -> None:
    """UTC+7 and UTC+8 give different Tết dates in exactly the known years of 1901-2099."""
    found = {}
    for year in range(1901, 2100):
        vietnam = _lunar.date_from_jdn(_lunar.new_year_jdn(year))
        china = _lunar.date_from_jdn(_lunar.new_year_jdn(year, tz_offset=8))
        if vietnam != china:
            found[year] = (vietnam, china)
    assert found == VIETNAM_CHINA_DIFFER


def test_1985_lunar_date_differs_by_a_month() -> None:
    """21/01/1985 is Tết in Vietnam but month 12 of 1984 in China (leap 10/1984 vs leap 2/1985)."""
    jdn = _lunar.jdn_from_date(dt.date(1985, 1, 21))
    assert _lunar.lunar_from_jdn(jdn) == (1985, 1, 1, False)
    assert _lunar.lunar_from_jdn(jdn, tz_offset=8) == (1984, 12, 1, False)
    leaps = {
        (year, tz): [m for m, leap, _, _ in _lunar.months_of_year(year, tz) if leap]
        for year in (1984, 1985)
        for tz in (7, 8)
    }
    assert leaps == {(1984, 7): [], (1985, 7): [2], (1984, 8): [10], (1985, 8): []}


@pytest.mark.parametrize(("solar", "lunar"), NOTICE_LABELS)
def test_lunar_labels_of_notices(solar: dt.date, lunar: LunarDate) -> None:
    """The lunar dates quoted in the notices on Tết days off match the computation."""
    assert LunarDate.from_solar(solar) == lunar
    assert lunar.to_solar() == solar


@pytest.mark.parametrize(("year", "day"), GIO_TO)
def test_hung_kings_day(year: int, day: dt.date) -> None:
    """10/3 lunar (Giỗ Tổ Hùng Vương) falls on the known solar dates."""
    assert LunarDate(year, 3, 10).to_solar() == day


@pytest.mark.parametrize(
    ("year", "month"), [(2020, 4), (2023, 2), (2025, 6), (2026, None), (2028, 5), (2033, 11)]
)
def test_leap_months(year: int, month: int | None) -> None:
    """leap_month names the leap month of known years, None for 12-month years."""
    assert leap_month(year) == month


def test_leap_month_dates() -> None:
    """A leap month follows the month of the same number."""
    assert LunarDate(2025, 6, 1, leap=True).to_solar() == dt.date(2025, 7, 25)
    assert LunarDate(2025, 6, 1).to_solar() == dt.date(2025, 6, 25)
    assert LunarDate.from_solar(dt.date(2025, 8, 22)) == LunarDate(2025, 6, 29, leap=True)


def test_every_year_has_a_valid_structure() -> None:
    """Each lunar year of 1899-2199 has 12 or 13 months of 29 or 30 days, numbered in order."""
    for year in range(1899, 2200):
        months = _lunar.months_of_year(year)
        assert len(months) in (12, 13)
        assert [m for m, leap, _, _ in months if not leap] == list(range(1, 13))
        leaps = [i for i, (_, leap, _, _) in enumerate(months) if leap]
        assert len(leaps) == (len(months) == 13)
        for index in leaps:
            assert months[index][0] == months[index - 1][0]
        for (_, _, start, length), following in itertools.pairwise(months):
            assert length in (29, 30)
            assert following[2] == start + length
        last = months[-1]
        assert last[2] + last[3] == _lunar.new_year_jdn(year + 1)


def test_every_day_round_trips() -> None:
    """Every day of 1900-2199 converts to a lunar date and back to itself."""
    for jdn in range(_lunar.jdn_from_date(_lunar.FIRST_DAY), _lunar.jdn_from_date(_lunar.LAST_DAY) + 1):
        assert _lunar.jdn_from_lunar(*_lunar.lunar_from_jdn(jdn)) == jdn


@given(SOLAR_DAYS)
def test_solar_lunar_solar_is_identity(day: dt.date) -> None:
    """from_solar then to_solar gives back the solar date."""
    assert LunarDate.from_solar(day).to_solar() == day


@given(st.data())
def test_lunar_solar_lunar_is_identity(data: st.DataObject) -> None:
    """to_solar then from_solar gives back any existing lunar date."""
    year = data.draw(st.integers(1900, 2198), label="year")
    month, leap, _, length = data.draw(st.sampled_from(_lunar.months_of_year(year)), label="month")
    lunar = LunarDate(year, month, data.draw(st.integers(1, length), label="day"), leap)
    assert LunarDate.from_solar(lunar.to_solar()) == lunar


@given(st.integers(1900, 2199))
def test_tet_is_between_21_january_and_20_february(year: int) -> None:
    """Tết always falls between 21 January and 20 February."""
    assert dt.date(year, 1, 21) <= lunar_new_year(year) <= dt.date(year, 2, 20)


@pytest.mark.parametrize(
    ("args", "reason"),
    [
        ((2026, 2, 30, False), "has 29 days"),
        ((2026, 6, 1, True), "no leap month 6"),
        ((2026, 13, 1, False), "no month 13"),
        ((2026, 0, 1, False), "no month 0"),
        ((2026, 1, 0, False), "has 30 days"),
        ((1898, 1, 1, False), "outside the supported range"),
        ((1899, 1, 1, False), "outside the supported range"),
        ((2199, 12, 1, False), "outside the supported range"),
    ],
)
def test_nonexistent_lunar_dates_are_refused(args: tuple[int, int, int, bool], reason: str) -> None:
    """A lunar date that does not exist, or lies outside the range, is a CalendarError."""
    with pytest.raises(CalendarError, match=reason):
        LunarDate(*args)


def test_range_ends() -> None:
    """The supported range is 1/12/1899 to 14/11/2199 in lunar dates."""
    assert LunarDate.from_solar(dt.date(1900, 1, 1)) == LunarDate(1899, 12, 1)
    assert LunarDate.from_solar(dt.date(2199, 12, 31)) == LunarDate(2199, 11, 14)
    assert LunarDate(1899, 12, 1).to_solar() == dt.date(1900, 1, 1)
    with pytest.raises(CalendarError):
        LunarDate(2199, 11, 15)


@pytest.mark.parametrize("day", [dt.date(1899, 12, 31), dt.date(2200, 1, 1)])
def test_solar_dates_outside_range_are_refused(day: dt.date) -> None:
    """from_solar refuses days outside 1900-2199 rather than guess."""
    with pytest.raises(CalendarError, match="outside the supported range"):
        LunarDate.from_solar(day)


@pytest.mark.parametrize("year", [1899, 2200, "2026", True, 2026.0])
def test_lunar_new_year_refuses_bad_years(year: object) -> None:
    """lunar_new_year and leap_month refuse years outside 1900-2199 and non-integers."""
    with pytest.raises(CalendarError):
        lunar_new_year(year)  # type: ignore[arg-type]
    with pytest.raises(CalendarError):
        leap_month(year)  # type: ignore[arg-type]


def test_datetime_is_refused() -> None:
    """A datetime is not a date for the lunar calendar."""
    with pytest.raises(CalendarError, match="not a datetime"):
        LunarDate.from_solar(dt.datetime(2026, 2, 17, 8, 0))


@pytest.mark.parametrize("bad", ["1", 1.0])
@pytest.mark.parametrize("field", ["year", "month", "day"])
def test_fields_must_be_whole_numbers(field: str, bad: object) -> None:
    """Year, month and day must be ints: a string or float is a FieldError naming the field."""
    values: dict[str, object] = {"year": 2026, "month": 1, "day": 1}
    values[field] = bad
    with pytest.raises(FieldError, match=field):
        LunarDate(**values)  # type: ignore[arg-type]


def test_leap_must_be_a_bool() -> None:
    """leap accepts True or False only."""
    with pytest.raises(FieldError, match="leap"):
        LunarDate(2025, 6, 1, 1)  # type: ignore[arg-type]


def test_str_and_equality() -> None:
    """str() is day/month[ nhuận]/year; equal dates compare equal and hash alike."""
    assert str(LunarDate(2026, 3, 10)) == "10/3/2026"
    assert {LunarDate(2026, 3, 10), LunarDate(2026, 3, 10)} == {LunarDate(2026, 3, 10)}


def test_matches_holidays_package() -> None:
    """Tết and Giỗ Tổ agree with vacanza/holidays' Vietnamese calendar for 1901-2099."""
    holidays_pkg = pytest.importorskip("holidays")
    for year in range(1901, 2100):
        named = {
            name: day
            for day, name in holidays_pkg.VN(years=year, language="en_US", observed=False).items()
        }
        assert named["Lunar New Year"] == lunar_new_year(year), year
        if year >= 2007:
            assert named["Hung Kings' Commemoration Day"] == LunarDate(year, 3, 10).to_solar()


def test_tet_differs_from_the_utc8_computation_in_the_documented_years() -> None:
    """UTC+7 and UTC+8 give another Tết in 10 years of 1901-2099; docs/calendar.md names the
    six from 1968 on as years Vietnam and China really differed (before, Vietnam used China's)."""
    differ = [y for y in range(1901, 2100) if _lunar.new_year_jdn(y, 7) != _lunar.new_year_jdn(y, 8)]
    assert differ == [1903, 1916, 1935, 1965, 1968, 1969, 1985, 2007, 2030, 2053]
    text = (Path(__file__).resolve().parents[2] / "docs" / "calendar.md").read_text(encoding="utf-8")
    assert "different Tết in 1968, 1969, 1985, 2007, 2030 and 2053" in text
