"""The assumed qualifier readings (gần = 90–100%, khoảng = ±10%, 'trên' parts) on made-up sentences."""

from __future__ import annotations

from fractions import Fraction

import pytest
from hypothesis import given, strategies as st

from danvan.errors import FieldError
from danvan.text import QUALIFIER_READINGS, QualifierReading, check
from danvan.values.numbers import Qualifier

_CEMENT = "Gần 7.000 tấn xi măng, trong đó hơn 6.000 tấn làm đường và 822 tấn làm kênh."
_ABOUT = "Huy động khoảng 350 tỷ đồng, trong đó ngân sách 200 tỷ đồng, nhân dân 160 tỷ đồng."


def _parts(text: str) -> tuple[str, str]:
    found = [f for f in check(text) if f.claim.kind.code == "parts"]
    assert found, text
    return found[0].verdict.code, found[0].explanation


def test_every_reading_says_it_is_assumed() -> None:
    for reading in QUALIFIER_READINGS.values():
        assert "assumed" in reading.basis
    assert Qualifier.MORE_THAN not in QUALIFIER_READINGS


def test_lower_bound_parts_under_an_exact_total_hold() -> None:
    verdict, why = _parts("Đã phát hiện sai phạm 9.500.000.000 đồng, trong đó kiến nghị thu hồi "
                          "trên 4,1 tỷ đồng, truy thu thuế trên 300 triệu đồng và xử lý khác "
                          "trên 3,2 tỷ đồng.")
    assert verdict == "holds"
    assert "lower bounds" in why


def test_nearly_total_with_more_than_part_holds_under_the_reading() -> None:
    verdict, why = _parts("Đã hỗ trợ gần 5.000 tấn phân bón, trong đó hơn 4.000 tấn cho lúa "
                          "và 610 tấn cho rau màu.")
    assert verdict == "holds"
    assert "gần X = 90–100% of X" in why


def test_nearly_total_far_above_its_parts_stays_open() -> None:
    # 2.000 + 610 is far below 90% of 5.000, but a list may name only some of the total.
    verdict, _ = _parts("Đã hỗ trợ gần 5.000 tấn phân bón, trong đó hơn 2.000 tấn cho lúa "
                        "và 610 tấn cho rau màu.")
    assert verdict == "unverifiable"


def test_a_part_above_a_nearly_total_fails() -> None:
    verdict, _ = _parts("Đã hỗ trợ gần 5.000 tấn phân bón, trong đó 5.400 tấn cho lúa.")
    assert verdict == "fails"


def _ratio(text: str) -> tuple[str, str]:
    found = [f for f in check(text) if f.claim.kind.code == "ratio"]
    assert found, text
    return found[0].verdict.code, found[0].explanation


def test_a_rate_of_estimates_is_the_rate_of_the_printed_figures() -> None:
    verdict, why = _ratio("Tổng nguồn lực huy động được khoảng 20.000 tỷ đồng. Trong đó, ngân "
                          "sách nhà nước khoảng 4.000 tỷ đồng, chiếm 20%.")
    assert verdict == "holds", why
    assert "reading" in why


def test_a_rate_of_more_than_figures_stays_unread() -> None:
    # 'hơn X' has no reading: the rate of a bound is not the rate of the printed figure.
    verdict, _ = _ratio("Đã có hơn 1.200 kiến nghị được gửi; trong đó 1.170 kiến nghị đã được "
                        "giải quyết, đạt tỷ lệ 97,5%.")
    assert verdict in ("unverifiable", "fails")


def test_a_rate_of_estimates_that_does_not_match_stays_open() -> None:
    # 4.000/20.000 is 20%, not 23%; but estimates may be 10% off, so the text does not settle it.
    verdict, _ = _ratio("Tổng nguồn lực huy động được khoảng 20.000 tỷ đồng. Trong đó, ngân "
                        "sách nhà nước khoảng 4.000 tỷ đồng, chiếm 23%.")
    assert verdict == "unverifiable"


def test_no_readings_settles_only_what_the_bounds_settle() -> None:
    assert [f.verdict.code for f in check(_CEMENT)] == ["holds"]
    assert [f.verdict.code for f in check(_CEMENT, readings={})] == ["unverifiable"]
    assert "reading" not in check(_CEMENT, readings={})[0].explanation


def test_a_reading_of_ones_own_replaces_the_default() -> None:
    strict = QualifierReading(Fraction(99, 100), Fraction(101, 100), True, True,
                              "khoảng X = X ± 1%", "our house style")
    assert check(_ABOUT)[0].verdict.code == "holds"  # 360 within 350 ± 10%
    found = check(_ABOUT, readings={**QUALIFIER_READINGS, Qualifier.ABOUT: strict})[0]
    assert found.verdict.code == "unverifiable"  # 360 is not within 350 ± 1%, but no partition


@pytest.mark.parametrize("readings", [None, [1], {Qualifier.ABOUT: 0.1}, {"khoảng": None}])
def test_bad_readings_name_the_field(readings: object) -> None:
    with pytest.raises(FieldError, match="readings"):
        check(_ABOUT, readings=readings)  # type: ignore[arg-type]


@pytest.mark.parametrize(("low", "high"), [(Fraction(-1), None), (Fraction(1), Fraction(1, 2)),
                                           (0.9, None)])
def test_a_reading_is_checked_when_built(low: object, high: object) -> None:
    with pytest.raises(FieldError):
        QualifierReading(low, high, True, True, "x", "y")  # type: ignore[arg-type]


@given(st.fractions(min_value=0, max_value=2), st.fractions(min_value=0, max_value=2),
       st.fractions(min_value=1, max_value=10**6))
def test_a_reading_scales_its_bounds(low: Fraction, high: Fraction, value: Fraction) -> None:
    low, high = min(low, high), max(low, high)
    interval = QualifierReading(low, high, True, True, "x", "y").interval(value)
    assert interval.low == low * value
    assert interval.high == high * value
    assert interval.contains(value * (low + high) / 2)


@pytest.mark.parametrize(("text", "verdict"), [
    # gần 0,9 / trên 1,2 is below 75%, but may round to it: open, never "fails"
    ("thu hồi trên 1,2 tỷ đồng, đã thu gần 0,9 tỷ đồng, đạt 75%", "unverifiable"),
    ("thu hồi trên 1,2 tỷ đồng, đã thu gần 0,9 tỷ đồng, đạt 95%", "fails"),
])
def test_a_rate_under_readings_is_compared_as_rounded(text: str, verdict: str) -> None:
    """A printed rate is a rounded figure under the readings too, not a point."""
    (found,) = [f for f in check(text) if f.claim.kind.code == "ratio"]
    assert found.verdict.code == verdict, found.explanation
