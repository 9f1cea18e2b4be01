"""Exact values: rates, shares, changes and statistics, and how reports print them."""

from __future__ import annotations

import statistics
from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given, strategies as st

from danvan.errors import FieldError
from danvan.values import Change, Durations, Rate, Share, Summary
from danvan.values.numbers import Rounding

counts = st.integers(0, 10**6)


@st.composite
def rates(draw: st.DrawFn) -> Rate:
    """A valid rate: numerator at most the denominator."""
    denominator = draw(counts)
    return Rate(draw(st.integers(0, denominator)), denominator)


# -- Rate --------------------------------------------------------------------------------


@pytest.mark.parametrize(("rate", "rounding", "printed"), [
    (Rate(2453, 2484), Rounding.TRUNCATE, "98,7%"),  # seed 000 prints 98,7%: truncated
    (Rate(2453, 2484), Rounding.HALF_UP, "98,8%"),   # half up would print 98,8%
    (Rate(2453, 2484), Rounding.HALF_EVEN, "98,8%"),
    (Rate(24, 172), Rounding.TRUNCATE, "13,9%"),     # seed 000 prints 13,9%: truncated
    (Rate(24, 172), Rounding.HALF_UP, "14,0%"),
    (Rate(72, 77), Rounding.TRUNCATE, "93,5%"),      # seed 004
    (Rate(72, 77), Rounding.HALF_UP, "93,5%"),
    (Rate(1015, 1015), Rounding.TRUNCATE, "100,0%"),
    (Rate(1, 40), Rounding.HALF_EVEN, "2,5%"),
    (Rate(1, 80), Rounding.HALF_EVEN, "1,2%"),        # 1,25 → even
    (Rate(1, 80), Rounding.HALF_UP, "1,3%"),
])
def test_rate_prints_as_reports_do(rate: Rate, rounding: Rounding, printed: str) -> None:
    """A rate prints with a comma and the rounding asked for, never a float's guess."""
    assert rate.format(rounding=rounding) == printed


def test_rate_english_style_and_ratio() -> None:
    """English style swaps the separators; the ratio prints with dot thousands."""
    rate = Rate(2453, 2484)
    assert rate.value == Fraction(2453, 2484)
    assert rate.percent() == Decimal("98.7")
    assert rate.format(style="en") == "98.7%"
    assert rate.format_ratio() == "2.453/2.484"
    assert rate.format_ratio(style="en") == "2,453/2,484"
    assert rate.format(places=0) == "98%"
    assert rate.format(places=3) == "98,752%"


def test_undefined_rate_is_never_zero() -> None:
    """A zero denominator is 'not defined': no value, no percent, spelt out when printed."""
    rate = Rate(0, 0)
    assert not rate.defined
    assert rate.value is None
    assert rate.percent() is None
    assert rate.format() == "không xác định"
    assert rate.format(style="en") == "not defined"


@pytest.mark.parametrize(("numerator", "denominator", "field"), [
    (3, 2, "numerator"),     # more than the whole
    (-1, 2, "numerator"),
    (1, -2, "denominator"),
    (True, 2, "numerator"),  # a bool is not a count
])
def test_invalid_rate(numerator: int, denominator: int, field: str) -> None:
    """An impossible rate is a FieldError naming the field."""
    with pytest.raises(FieldError) as caught:
        Rate(numerator, denominator)
    assert caught.value.path == field


def test_bad_style_is_a_field_error() -> None:
    """An unknown print style is refused by name."""
    with pytest.raises(FieldError, match="style"):
        Rate(1, 2).format(style="fr")


@given(rates(), rates())
def test_rates_pool_by_adding_parts(a: Rate, b: Rate) -> None:
    """Adding rates pools numerators and denominators (never a mean of rates)."""
    pooled = a + b
    assert (pooled.numerator, pooled.denominator) == (a.numerator + b.numerator,
                                                      a.denominator + b.denominator)


@given(rates(), st.integers(0, 4))
def test_rate_percent_bounds_and_roundings(rate: Rate, places: int) -> None:
    """The percent lies in [0, 100]; truncation never exceeds half-up, which is within half a step."""
    if not rate.defined:
        return
    exact = rate.value * 100  # type: ignore[operator]
    low = rate.percent(places, Rounding.TRUNCATE)
    high = rate.percent(places, Rounding.HALF_UP)
    assert low is not None
    assert high is not None
    assert Decimal(0) <= low <= high <= Decimal(100)
    assert Fraction(low) <= exact < Fraction(low) + Fraction(1, 10**places)
    assert abs(Fraction(high) - exact) <= Fraction(1, 2 * 10**places)


# -- Share --------------------------------------------------------------------------------


def test_share_of_resources_seed_000() -> None:
    """Seed 000: 107.732,0 + 1.693.395 + 1.007.530 = 2.808.657,0 million đồng, exactly."""
    share = Share({"ngân sách Nhà nước": Decimal("107732.0"), "Nhân dân đóng góp": 1693395,
                   "lồng ghép": 1007530})
    assert share.total == Decimal("2808657.0")
    assert share.fraction("Nhân dân đóng góp") == Fraction(1693395, 2808657)


@given(st.dictionaries(st.text(min_size=1, max_size=5), counts, min_size=1, max_size=6))
def test_share_fractions_add_up_to_one(parts: dict[str, int]) -> None:
    """The parts' fractions add up to exactly one whenever the whole is not zero."""
    share = Share(parts)
    assert share.total == sum(parts.values())
    if share.total:
        assert sum(share.fraction(name) or 0 for name in parts) == 1
    else:
        assert all(share.fraction(name) is None for name in parts)


@pytest.mark.parametrize("parts", [{}, {"a": -1}, {"a": 1.5}, {"a": True}])
def test_invalid_share(parts: dict[str, object]) -> None:
    """A share needs at least one non-negative int or Decimal amount."""
    with pytest.raises(FieldError):
        Share(parts)  # type: ignore[arg-type]


# -- Change --------------------------------------------------------------------------------


def test_restructuring_changes_seed_000() -> None:
    """Seed 000: 20 → 12 communes is −8 = 40%; 172 → 148 areas is −24 = 13,9% truncated."""
    communes, areas = Change(20, 12), Change(172, 148)
    assert communes.difference == -8
    assert communes.reduction_rate.format(places=0) == "40%"
    assert areas.reduction_rate.format() == "13,9%"
    assert areas.reduction_rate.format(rounding=Rounding.HALF_UP) == "14,0%"
    assert areas.format() == "172 → 148 (giảm 24, 13,9%)"
    assert communes.format() == "20 → 12 (giảm 8, 40,0%)"
    assert Change(12, 20).format(style="en") == "12 → 20 (up 8, 66.6%)"
    assert Change(12, 12).format() == "12 → 12"
    assert Change(12, 30).reduction_rate == Rate(0, 12)
    with pytest.raises(FieldError):
        Change(1, 1).format(style="fr")


@given(counts, counts)
def test_reduction_rate_bounds(before: int, after: int) -> None:
    """The reduction rate is the share of what was lost, 0 when the count grew."""
    rate = Change(before, after).reduction_rate
    assert rate.numerator == max(before - after, 0)
    assert rate.denominator == before


# -- Summary and Durations ------------------------------------------------------------------


@given(st.lists(st.integers(-1000, 1000), min_size=1, max_size=40))
def test_summary_matches_statistics(values: list[int]) -> None:
    """Count, range, mean and median equal the statistics module's, exactly."""
    summary = Summary(values)
    assert summary.count == len(values)
    assert (summary.minimum, summary.maximum) == (min(values), max(values))
    assert summary.mean == Fraction(sum(values), len(values))
    assert summary.median == Fraction(statistics.median(values))


@given(st.lists(st.integers(0, 500), max_size=30), st.lists(st.integers(0, 500), max_size=30))
def test_merging_summaries_keeps_the_raw_values(left: list[int], right: list[int]) -> None:
    """A merged summary has the median of all raw values, never the median of the medians."""
    merged = Durations(left) + Durations(right)
    assert merged == Durations(left + right)
    if left or right:
        assert merged.median == Fraction(statistics.median(left + right))


@given(st.lists(st.integers(0, 500), min_size=1, max_size=50), st.integers(1, 100))
def test_percentile_is_nearest_rank(values: list[int], p: int) -> None:
    """The p-th percentile is the value at rank ⌈p/100 × n⌉ of the sorted values."""
    ordered = sorted(values)
    rank = -(-p * len(values) // 100)
    assert Summary(values).percentile(p) == ordered[rank - 1]


def test_median_of_children_is_not_the_parent_median() -> None:
    """Children with medians 2 and 55: the parent median is 26,5 from the raw values, not 28,5."""
    children = [Durations([1, 2, 3]), Durations([50, 55, 60])]
    parent = children[0] + children[1]
    assert parent.median == Fraction(50 + 3, 2)
    assert parent.median != (children[0].median + children[1].median) / 2  # type: ignore[operator]


def test_summary_printing_and_validation() -> None:
    """An empty summary prints 0; a half median prints with one decimal; a bool is no value."""
    assert Summary(()).format() == "0"
    assert Summary((1, 2)).median == Fraction(3, 2)
    assert Summary((1, 2)).format(style="en") == "2; median 1.5; 1 to 2"
    with pytest.raises(FieldError):
        Summary((1, True))


def test_durations_refuse_negative_values() -> None:
    """A processing time cannot be negative."""
    with pytest.raises(FieldError):
        Durations([3, -1])


def test_an_increase_prints_with_its_percentage() -> None:
    """A count that more than doubled prints its increase as a share of the number before."""
    assert Change(10, 25).format() == "10 → 25 (tăng 15, 150,0%)"
    assert Change(10, 25).format(style="en", places=0) == "10 → 25 (up 15, 150%)"
    assert Change(3, 4).format() == "3 → 4 (tăng 1, 33,3%)"
    assert Change(0, 5).format() == "0 → 5 (tăng 5)"
    assert Change(10, 25).reduction_rate == Rate(0, 10)
