"""Periods: parsing, canonical text, half-open membership, sub-periods."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest
from hypothesis import given, strategies as st

from danvan.errors import DanvanError, PeriodError
from danvan.values.periods import SPLITS, Period

D = dt.date

VALID = [
    # calendar year
    ("2021", D(2021, 1, 1), D(2022, 1, 1)),
    # whole years, both included (a term, nhiệm kỳ; a stage, giai đoạn)
    ("2020-2025", D(2020, 1, 1), D(2026, 1, 1)),
    ("2016-2021", D(2016, 1, 1), D(2022, 1, 1)),
    # halves, quarters, months
    ("2021-H1", D(2021, 1, 1), D(2021, 7, 1)),
    ("2021-H2", D(2021, 7, 1), D(2022, 1, 1)),
    ("2021-Q3", D(2021, 7, 1), D(2021, 10, 1)),
    ("2021-Q4", D(2021, 10, 1), D(2022, 1, 1)),
    ("2021-05", D(2021, 5, 1), D(2021, 6, 1)),
    ("2024-02", D(2024, 2, 1), D(2024, 3, 1)),
    # any range, end excluded
    ("2016-07-01..2021-07-01", D(2016, 7, 1), D(2021, 7, 1)),
    ("2021-03-05..2021-03-06", D(2021, 3, 5), D(2021, 3, 6)),
]

CANONICAL = [
    # ranges that are whole calendar periods print as such
    ("2021-01-01..2022-01-01", "2021"),
    ("2021-01-01..2021-07-01", "2021-H1"),
    ("2021-04-01..2021-07-01", "2021-Q2"),
    ("2021-05-01..2021-06-01", "2021-05"),
    ("2020-01-01..2026-01-01", "2020-2025"),
    (" 2021 ", "2021"),
    # a range of one year written as one
    ("2021-2021", "2021"),
]

INVALID = [
    "", "21", "2021-13", "2021-00", "2021-H3", "2021-Q5", "2021-Q0", "2025-2020",
    "2021-02-30..2021-03-01", "2021-07-01..2021-07-01", "2021-07-02..2021-07-01",
    "2021/05", "năm 2021", "2021-5", "2021-1-01..2021-02-01", "２０２１",
]


@pytest.mark.parametrize(("text", "start", "end"), VALID)
def test_parse_valid(text: str, start: dt.date, end: dt.date) -> None:
    """Each written form reads as the documented half-open interval and prints back as written."""
    period = Period.parse(text)
    assert (period.start, period.end) == (start, end)
    assert str(period) == text
    assert Period.parse(str(period)) == period


@pytest.mark.parametrize(("text", "canonical"), CANONICAL)
def test_canonical_text(text: str, canonical: str) -> None:
    """A period prints in its shortest canonical form."""
    assert str(Period.parse(text)) == canonical


@pytest.mark.parametrize("text", INVALID)
def test_parse_invalid(text: str) -> None:
    """Bad text raises PeriodError (a DanvanError and a ValueError) naming the value."""
    with pytest.raises(PeriodError) as info:
        Period.parse(text)
    assert isinstance(info.value, DanvanError)
    assert isinstance(info.value, ValueError)


def test_parse_rejects_non_text() -> None:
    """A non-string is refused with a PeriodError, not a TypeError."""
    with pytest.raises(PeriodError):
        Period.parse(2021)  # type: ignore[arg-type]


def test_constructor_validation() -> None:
    """Reversed or empty bounds and datetimes are refused."""
    with pytest.raises(PeriodError):
        Period(D(2021, 1, 2), D(2021, 1, 1))
    with pytest.raises(PeriodError):
        Period(D(2021, 1, 1), D(2021, 1, 1))
    with pytest.raises(PeriodError):
        Period(dt.datetime(2021, 1, 1), D(2021, 2, 1))
    with pytest.raises(PeriodError):
        Period.half(2021, 3)
    with pytest.raises(PeriodError):
        Period.quarter(2021, 0)
    with pytest.raises(PeriodError):
        Period.split(Period.year(2021), "week")


def test_membership_is_half_open() -> None:
    """The start is in the period, the end is not, and neighbours share no day."""
    h1, h2 = Period.half(2021, 1), Period.half(2021, 2)
    assert D(2021, 1, 1) in h1
    assert D(2021, 6, 30) in h1
    assert D(2021, 7, 1) not in h1
    assert D(2021, 7, 1) in h2
    assert "2021-03-01" not in h1
    assert h1.last == D(2021, 6, 30)
    assert h1.days == 181


def test_labels() -> None:
    """Labels read as Vietnamese reports name periods."""
    assert Period.parse("2021").label == "năm 2021"
    assert Period.parse("2021-H1").label == "6 tháng đầu năm 2021"
    assert Period.parse("2021-H2").label == "6 tháng cuối năm 2021"
    assert Period.parse("2021-Q3").label == "quý III năm 2021"
    assert Period.parse("2021-05").label == "tháng 5 năm 2021"
    assert Period.parse("2020-2025").label == "giai đoạn 2020–2025"
    assert Period.parse("2016-07-01..2021-07-01").label == "từ 01/07/2016 đến 30/06/2021"


def test_window_and_span() -> None:
    """A window ends just before its end day; a span holds its first and last days."""
    assert Period.window(D(2021, 7, 1), years=5) == Period(D(2016, 7, 1), D(2021, 7, 1))
    assert Period.window(D(2021, 3, 31), months=1).start == D(2021, 2, 28)
    span = Period.span([D(2021, 5, 3), D(2020, 1, 9)])
    assert (span.start, span.last) == (D(2020, 1, 9), D(2021, 5, 3))
    with pytest.raises(PeriodError):
        Period.span([])


def test_split_cuts_to_the_period() -> None:
    """A five-year window splits into calendar years cut at its ends."""
    parts = Period.parse("2016-07-01..2021-07-01").split("year")
    assert [str(p) for p in parts] == [
        "2016-H2", "2017", "2018", "2019", "2020", "2021-H1"]
    assert [str(p) for p in Period.parse("2021-H1").split("quarter")] == ["2021-Q1", "2021-Q2"]
    assert len(Period.parse("2020-2025").split("month")) == 72


def test_iteration_lists_every_day() -> None:
    """Iterating a period yields each of its days once."""
    days = list(Period.parse("2024-02"))
    assert len(days) == 29
    assert days[0] == D(2024, 2, 1)
    assert days[-1] == D(2024, 2, 29)


days = st.dates(min_value=D(1990, 1, 1), max_value=D(2040, 12, 31))
periods = st.one_of(
    st.integers(1990, 2040).map(Period.year),
    st.tuples(st.integers(1990, 2040), st.integers(0, 6)).map(lambda t: Period.years(t[0], t[0] + t[1])),
    st.tuples(st.integers(1990, 2040), st.integers(1, 2)).map(lambda t: Period.half(*t)),
    st.tuples(st.integers(1990, 2040), st.integers(1, 4)).map(lambda t: Period.quarter(*t)),
    st.tuples(st.integers(1990, 2040), st.integers(1, 12)).map(lambda t: Period.month(*t)),
    st.tuples(days, st.integers(1, 4000)).map(lambda t: Period(t[0], t[0] + dt.timedelta(t[1]))),
)


@given(periods)
def test_text_round_trip(period: Period) -> None:
    """Printing and reading a period gives it back."""
    assert Period.parse(str(period)) == period
    assert str(Period.parse(str(period))) == str(period)


@given(periods, st.sampled_from(sorted(SPLITS)), days)
def test_split_partitions(period: Period, size: str, day: dt.date) -> None:
    """Sub-periods are contiguous, cover the period, and each day lies in exactly one."""
    parts = period.split(size)
    assert parts[0].start == period.start
    assert parts[-1].end == period.end
    assert all(a.end == b.start for a, b in itertools.pairwise(parts))
    assert sum(day in p for p in parts) == (1 if day in period else 0)


# -- F10 (issue 15): the ends of the date range, typed errors, no coercion ----------

any_day = st.dates(max_value=dt.date.max - dt.timedelta(days=1))
whole_range = st.one_of(
    st.integers(1, 9998).map(Period.year),
    st.tuples(st.integers(1, 9998), st.integers(1, 4)).map(lambda t: Period.quarter(*t)),
    st.tuples(st.integers(1, 9998), st.integers(1, 12)).map(lambda t: Period.month(*t)),
    st.tuples(any_day, any_day).filter(lambda t: t[0] != t[1]).map(lambda t: Period(min(t), max(t))),
)


@given(whole_range)
def test_text_round_trip_over_the_whole_date_range(period: Period) -> None:
    """Every period from year 1 to 9999 prints as text that parses back to it, byte for byte."""
    text = str(period)
    assert Period.parse(text) == period
    assert str(Period.parse(text)) == text


short_anywhere = st.tuples(any_day, st.integers(1, 1100)).map(
    lambda t: Period(t[0], min(t[0] + dt.timedelta(days=t[1]), dt.date.max)))


@given(short_anywhere, st.sampled_from(sorted(SPLITS)))
def test_split_over_the_whole_date_range(period: Period, size: str) -> None:
    """Splitting never leaves the date range, even for a period ending on 9999-12-31."""
    parts = period.split(size)
    assert (parts[0].start, parts[-1].end) == (period.start, period.end)


def test_years_before_1000_are_zero_padded() -> None:
    """``str()`` writes four-digit years, so years before 1000 parse back."""
    assert str(Period.year(999)) == "0999"
    assert str(Period.half(5, 2)) == "0005-H2"
    assert Period.parse("0999") == Period.year(999)
    assert Period(D(5, 1, 3), D(6, 2, 1)).label == "từ 03/01/0005 đến 31/01/0006"


def test_split_near_year_9999() -> None:
    """The last part of a split that would end past 9999-12-31 ends with the period."""
    parts = Period.parse("9999-01-01..9999-12-31").split("month")
    assert len(parts) == 12
    assert str(parts[-1]) == "9999-12-01..9999-12-31"


@pytest.mark.parametrize(
    "build",
    [
        lambda: Period.parse("9998-9999"),
        lambda: Period.parse("0001-9999"),
        lambda: Period.parse("0000"),
        lambda: Period.year(9999),
        lambda: Period.year(True),
        lambda: Period.year(2021.0),
        lambda: Period.years(2020, 2021.0),
        lambda: Period.half(2021, True),
        lambda: Period.quarter(2021, True),
        lambda: Period.month(2021, True),
        lambda: Period.months(2021, 1, 1.0),
        lambda: Period.window(D(2021, 1, 10), days=1.5),
        lambda: Period.window(D(2021, 1, 10), years=1.5),
        lambda: Period.window(D(2021, 1, 10), days=-1),
        lambda: Period.window(D(1, 1, 5), days=10),
        lambda: Period.window(D(2021, 1, 10), days=10**30),
        lambda: Period.months(2021, 1, 10**30),
        lambda: Period.window(dt.datetime(2021, 1, 10), days=1),
        lambda: Period.span([dt.date.max]),
        lambda: Period.span([D(2021, 1, 1), dt.datetime(2021, 1, 2)]),
        lambda: Period.span(["2021-01-01"]),
    ],
)
def test_bad_arguments_raise_period_error(build: object) -> None:
    """Every bad argument gives a PeriodError: no TypeError, OverflowError or silent coercion."""
    with pytest.raises(PeriodError):
        build()  # type: ignore[operator]
