"""Tests for danvan.values.numbers: Vietnamese number text, exact rounding, qualifiers, intervals."""

from __future__ import annotations

import contextlib
from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given, strategies as st

from danvan.errors import DanvanError, NumberFormatError
from danvan.values import numbers
from danvan.values.numbers import (
    Interval,
    Qualifier,
    Quantity,
    Rounding,
    format_number,
    format_percent,
    parse_number,
    parse_percent,
    parse_quantity,
    preimage,
    round_fraction,
)

VALID = [
    # thousands groups and decimal comma, as reports print them
    ("2.808.657,0", Decimal("2808657.0")),
    ("1.693.395", Decimal("1693395")),
    ("107.732,0", Decimal("107732.0")),
    ("0,5", Decimal("0.5")),
    ("98,7", Decimal("98.7")),
    # a leading zero ("trong 05 năm") and numbers printed without separators
    ("05", Decimal("5")),
    ("12500", Decimal("12500")),
    # the Vietnamese convention wins for text an English reader would read otherwise
    ("1.234", Decimal("1234")),
    # ratios a/b
    ("2.453/2.484", Fraction(2453, 2484)),
    ("10/10", Fraction(1)),
    # spaces, no-break spaces and signs
    ("  1.015 ", Decimal("1015")),
    ("1\u00a0/\u00a02", Fraction(1, 2)),
    ("-3,5", Decimal("-3.5")),
]

INVALID = [
    ("", 0),
    ("1.23", 1),
    ("1234.567", 4),
    ("1,", 1),
    ("12a", 2),
    ("1.234.56", 5),
    ("3/0", 1),
    ("1,5/2", 3),
    ("abc", 0),
    ("٣", 0),
]


@pytest.mark.parametrize(("text", "expected"), VALID)
def test_parse_number_valid(text: str, expected: Decimal | Fraction) -> None:
    """Vietnamese-printed numbers parse to the exact value."""
    value = parse_number(text)
    assert value == expected
    assert type(value) is type(expected)


@pytest.mark.parametrize(("text", "position"), INVALID)
def test_parse_number_invalid_names_position(text: str, position: int) -> None:
    """Bad text raises NumberFormatError naming the offending position."""
    with pytest.raises(NumberFormatError) as info:
        parse_number(text)
    assert info.value.position == position
    assert repr(text) in str(info.value)


def test_parse_number_keeps_decimal_places() -> None:
    """A printed trailing zero is kept ('2.808.657,0' has one decimal place)."""
    assert str(parse_number("2.808.657,0")) == "2808657.0"


def test_english_style_only_when_asked() -> None:
    """'2,808,657.0' is read only with english=True."""
    assert parse_number("2,808,657.0", english=True) == Decimal("2808657.0")
    with pytest.raises(NumberFormatError):
        parse_number("2,808,657.0")


def test_parse_number_rejects_non_text() -> None:
    """A non-string input is a danvan error, not a TypeError."""
    with pytest.raises(NumberFormatError):
        parse_number(12)  # type: ignore[arg-type]


def test_parse_percent() -> None:
    """'98,7%' is the figure 98.7; a missing '%' is an error."""
    assert parse_percent("98,7%") == Decimal("98.7")
    assert parse_percent("0,5 %") == Decimal("0.5")
    with pytest.raises(NumberFormatError):
        parse_percent("98,7")


@pytest.mark.parametrize(("text", "value", "unit", "qualifier", "scale"), [
    ("2.588 đơn", Decimal(2588), "đơn", Qualifier.EXACT, 0),
    ("hơn 2.453 lượt", Decimal(2453), "lượt", Qualifier.MORE_THAN, 0),
    ("trên 3,7 tỷ đồng", Decimal("3.7"), "đồng", Qualifier.MORE_THAN, 9),
    ("gần 3,1 tỷ đồng", Decimal("3.1"), "đồng", Qualifier.NEARLY, 9),
    ("gần như 100%", Decimal(100), "%", Qualifier.ALMOST, 0),
    ("khoảng 108 TTHC", Decimal(108), "TTHC", Qualifier.ABOUT, 0),
    ("xấp xỉ 5 nghìn người", Decimal(5), "người", Qualifier.ABOUT, 3),
    ("5.200m2", Decimal(5200), "m2", Qualifier.EXACT, 0),
    ("2ha", Decimal(2), "ha", Qualifier.EXACT, 0),
    ("378 ngày công", Decimal(378), "ngày công", Qualifier.EXACT, 0),
    ("05", Decimal(5), None, Qualifier.EXACT, 0),
])
def test_parse_quantity(text: str, value: Decimal, unit: str | None, qualifier: Qualifier,
                        scale: int) -> None:
    """Qualifier, scale word and unit are read and kept as such."""
    q = parse_quantity(text)
    assert (q.value, q.unit, q.qualifier, q.scale) == (value, unit, qualifier, scale)


def test_money_scales() -> None:
    """1,2 tỷ đồng is 1.200 triệu đồng, exactly."""
    q = parse_quantity("1,2 tỷ đồng")
    assert q.base_value == 1_200_000_000
    assert q.rescale(6).value == Decimal(1200)
    assert str(q.rescale(6)) == "1.200 triệu đồng"


def test_qualifiers_are_bounds_not_numbers() -> None:
    """'hơn 300' excludes 300 itself; 'khoảng' sets no bound."""
    more = parse_quantity("hơn 300 đơn").bounds
    assert not more.contains(Fraction(300))
    assert more.contains(Fraction(301))
    assert parse_quantity("khoảng 300 đơn").bounds.high is None
    assert parse_quantity("gần 300 đơn").bounds.contains(Fraction(299))
    assert not parse_quantity("gần 300 đơn").bounds.contains(Fraction(300))


def test_parse_quantity_errors() -> None:
    """A quantity without a number, or with digits in the unit, is a NumberFormatError."""
    for text in ("đơn", "12 đơn3x", "12%x"):
        with pytest.raises(NumberFormatError):
            parse_quantity(text)


def test_round_fraction_reports() -> None:
    """Real figures: 2.453/2.484 and 24/172 truncate to the printed values."""
    ratio = Fraction(2453, 2484) * 100
    assert round_fraction(ratio, 1, Rounding.TRUNCATE) == Decimal("98.7")
    assert round_fraction(ratio, 1, Rounding.HALF_UP) == Decimal("98.8")
    assert round_fraction(Fraction(24, 172) * 100, 1, Rounding.TRUNCATE) == Decimal("13.9")
    assert round_fraction(Fraction(5, 2), 0, Rounding.HALF_EVEN) == Decimal(2)
    assert round_fraction(Fraction(5, 2), 0, Rounding.HALF_UP) == Decimal(3)
    assert round_fraction(Fraction(-5, 2), 0, Rounding.TRUNCATE) == Decimal(-2)


def test_format_examples() -> None:
    """Numbers and percentages print the Vietnamese way."""
    assert format_number(Decimal("2808657.0")) == "2.808.657,0"
    assert format_number(1693395) == "1.693.395"
    assert format_number(Fraction(2453, 2484)) == "2.453/2.484"
    assert format_number(Fraction(1, 3), places=2) == "0,33"
    assert format_number(Decimal("1234.5"), english=True) == "1,234.5"
    assert format_percent(Fraction(72, 77), places=1, rounding=Rounding.HALF_UP) == "93,5%"
    with pytest.raises(NumberFormatError):
        format_number(1.5)  # type: ignore[arg-type]
    with pytest.raises(NumberFormatError):
        format_number(Decimal("NaN"))


def test_interval_arithmetic() -> None:
    """Sums, differences and quotients of intervals bound every combination."""
    a = Interval(Fraction(1), Fraction(2), True, False)
    b = Interval.point(Fraction(4))
    assert (a + b) == Interval(Fraction(5), Fraction(6), True, False)
    assert (b - a) == Interval(Fraction(2), Fraction(3), False, True)
    assert (a / b) == Interval(Fraction(1, 4), Fraction(1, 2), True, False)
    assert (a / Interval(Fraction(0), None, True, False)).high is None
    assert a.issubset(Interval(Fraction(1), None))
    assert not a.issubset(Interval(Fraction(1), Fraction(2), False, True))
    assert a.isdisjoint(Interval.point(Fraction(2)))
    assert not a.isdisjoint(Interval.point(Fraction(1)))


def test_quantity_validates() -> None:
    """A Quantity refuses a float value and an unknown scale."""
    with pytest.raises(DanvanError):
        Quantity(1.5)  # type: ignore[arg-type]
    with pytest.raises(DanvanError):
        Quantity(Decimal(1), scale=4)


def test_public_names_exist() -> None:
    """Every name in __all__ exists and __all__ is sorted."""
    assert list(numbers.__all__) == sorted(numbers.__all__)
    for name in numbers.__all__:
        assert hasattr(numbers, name)


decimals = st.decimals(min_value=Decimal("-1e12"), max_value=Decimal("1e12"), places=3,
                       allow_nan=False, allow_infinity=False)
fractions = st.fractions(min_value=-10**9, max_value=10**9, max_denominator=10**6)


@given(st.one_of(st.integers(-10**15, 10**15), decimals, fractions))
def test_format_then_parse_is_identity(value: int | Decimal | Fraction) -> None:
    """parse_number(format_number(x)) == x for every int, Decimal and Fraction in range."""
    assert parse_number(format_number(value)) == value
    assert parse_number(format_number(value, english=True), english=True) == value


@given(decimals)
def test_decimal_round_trip_keeps_places(value: Decimal) -> None:
    """A Decimal comes back with the same digits and exponent."""
    assert str(parse_number(format_number(value))) == str(value)


@given(st.text(alphabet=st.sampled_from("0123456789.,/ -%đơnaà\u00a0"), max_size=12)
       | st.text(max_size=12))
def test_parse_raises_only_danvan_errors(text: str) -> None:
    """Arbitrary text either parses or raises a DanvanError, nothing else."""
    for parse in (parse_number, parse_percent, parse_quantity):
        with contextlib.suppress(DanvanError):
            parse(text)


@given(fractions.map(abs), st.integers(0, 3), st.sampled_from(list(Rounding)))
def test_preimage_matches_rounding(value: Fraction, places: int, rounding: Rounding) -> None:
    """A value lies in the preimage of its rounded figure, and nowhere else nearby."""
    printed = round_fraction(value, places, rounding)
    assert preimage(printed, rounding).contains(value)
    step = Decimal(1).scaleb(-places)
    assert not preimage(printed + step, rounding).contains(value)
    if printed - step >= 0:
        assert not preimage(printed - step, rounding).contains(value)


# -- regressions ------------------------------------------------------------------------------


def test_round_fraction_is_exact_beyond_28_digits() -> None:
    """round_fraction keeps every digit of values longer than decimal's default precision."""
    big = 10**30 + 1
    assert round_fraction(big, 0, Rounding.TRUNCATE) == Decimal(big)
    assert str(round_fraction(-big, 0, Rounding.TRUNCATE)) == str(-big)
    assert round_fraction(Fraction(big * 10 + 7, 10), 0, Rounding.HALF_UP) == Decimal(big + 1)
    assert round_fraction(Fraction(big, 100), 2, Rounding.TRUNCATE) == Decimal(
        "10000000000000000000000000000.01")
    assert format_number(big) == format_number(round_fraction(big, 0, Rounding.HALF_EVEN))


@pytest.mark.parametrize("call", [
    lambda: format_percent(Decimal("NaN"), places=1, rounding=Rounding.TRUNCATE),
    lambda: format_percent(Decimal("Infinity"), places=1, rounding=Rounding.TRUNCATE),
    lambda: format_percent(True, places=1, rounding=Rounding.TRUNCATE),
    lambda: round_fraction(1, -1, Rounding.TRUNCATE),
    lambda: round_fraction(1, "1", Rounding.TRUNCATE),
    lambda: round_fraction(1, True, Rounding.TRUNCATE),
    lambda: round_fraction(1, 1, None),
    lambda: round_fraction(Decimal("NaN"), 1, Rounding.TRUNCATE),
    lambda: format_number(1, places=-1),
    lambda: format_number(1, places="2"),
    lambda: format_number(1, places=1, rounding=None),
    lambda: format_percent(Fraction(1, 3), places=-1, rounding=Rounding.TRUNCATE),
    lambda: format_percent(Fraction(1, 3), places=1, rounding="truncate"),
], ids=["nan", "infinity", "bool", "negative-places", "text-places", "bool-places",
        "no-rounding", "nan-round", "format-negative", "format-text", "format-no-rounding",
        "percent-negative", "percent-text-rounding"])
def test_bad_arguments_are_danvan_errors(call: object) -> None:
    """Bad values, places or roundings raise a danvan error naming the value, never a bare one."""
    with pytest.raises(DanvanError) as info:
        call()  # type: ignore[operator]
    assert "got" in str(info.value)


def test_rescale_is_exact_for_long_values() -> None:
    """Quantity.rescale keeps every digit of a value longer than 28 digits."""
    value = Decimal("1234567890123456789012345678901.5")
    assert Quantity(value).rescale(3).value == Decimal("1234567890123456789012345678.9015")
    assert Quantity(value, scale=9).rescale(0).value == Decimal(
        "1234567890123456789012345678901500000000")
    assert Quantity(Decimal(10**30), scale=9).rescale(0).value == Decimal(10**39)


@pytest.mark.parametrize(("text", "position"), [
    ("hơn 1.23 đơn  ", 5),
    ("  hơn 1.23 đơn", 7),
    ("12 đơn3x  ", 6),
    ("  12 đơn3x", 8),
    ("12 đơn3x", 6),
])
def test_parse_quantity_error_positions(text: str, position: int) -> None:
    """Error positions index the text given, whatever spaces surround it."""
    with pytest.raises(NumberFormatError) as info:
        parse_quantity(text)
    assert info.value.position == position


def test_qualifier_aliases_are_the_qualifier_words() -> None:
    """Every qualifier word the scanner reads is a label or alias of its Qualifier."""
    from danvan.values._numbers_words import QUALIFIER_WORDS

    for word, code in QUALIFIER_WORDS.items():
        member = Qualifier.from_code(code)
        assert word in (member.label, *member.aliases)
    for member in Qualifier:
        if member is not Qualifier.EXACT:
            assert all(QUALIFIER_WORDS[w] == member.code for w in (member.label, *member.aliases))


def test_decimal_places() -> None:
    """The printed decimal places of a Decimal: 0 for whole numbers and exponents."""
    assert numbers.decimal_places(Decimal("2808657.0")) == 1
    assert numbers.decimal_places(Decimal("98.75")) == 2
    assert numbers.decimal_places(Decimal("12")) == 0
    assert numbers.decimal_places(Decimal("1E+3")) == 0


def test_positions_count_in_the_callers_text() -> None:
    """In decomposed (NFD) text, NumberFormatError.position indexes the text given (F16)."""
    import unicodedata

    text = "5 " + unicodedata.normalize("NFD", "ơơơ") + "1"
    with pytest.raises(NumberFormatError) as info:
        numbers.parse_quantity(text)
    assert info.value.text is text
    assert text[info.value.position] == "1"
    bad = unicodedata.normalize("NFD", "ơ") + "1"
    with pytest.raises(NumberFormatError) as info:
        numbers.parse_number(bad)
    assert info.value.position == 0


def test_integers_beyond_the_conversion_limit() -> None:
    """Numbers over CPython's 4.300-digit int/str limit print, never ValueError (F7)."""
    ratio = Fraction(10**5000 + 1, 3)
    assert numbers.format_number(ratio).count(".") > 1000
    assert len(numbers.format_number(10**5000).replace(".", "")) == 5001
    assert numbers.format_number(1, places=5000).startswith("1,000")
    assert numbers.format_exact(ratio).endswith("…")
    assert numbers.parse_number("1" * 5000) == Decimal("1" * 5000)


def test_a_ratio_too_long_to_print_is_refused() -> None:
    """F7: a ratio with a side over 4.300 digits is a NumberFormatError, not a Fraction no one can print."""
    from danvan.errors import NumberFormatError
    from danvan.values.numbers import parse_number

    with pytest.raises(NumberFormatError, match="at most 4300 digits"):
        parse_number("1" * 5000 + "/3")
    assert str(parse_number("1" * 4300 + "/3")).endswith("/3")
