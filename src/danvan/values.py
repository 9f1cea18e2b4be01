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
>>> format_number(Decimal("107732.0"), style="en")
'107,732.0'
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from fractions import Fraction

from attrs import field, frozen

from danvan import _validators as v
from danvan.errors import FieldError
from danvan.vocabulary import Term

__all__ = ["Rate", "Rounding", "Share", "format_number", "round_fraction"]


class Rounding(Term):
    """How a value is rounded when printed; reports often truncate."""

    TRUNCATE = "truncate", "cắt bỏ", "truncation", "round down"
    HALF_UP = "half_up", "làm tròn lên từ nửa", "round half up"
    HALF_EVEN = "half_even", "làm tròn chẵn", "banker's rounding"


def round_fraction(value: Fraction | int, places: int = 1,
                   rounding: Rounding = Rounding.TRUNCATE) -> Decimal:
    """``value`` rounded to ``places`` decimals on the exact fraction (no float on the way).

    >>> round_fraction(Fraction(24, 172) * 100), round_fraction(Fraction(1, 40) * 100, 1, Rounding.HALF_EVEN)
    (Decimal('13.9'), Decimal('2.5'))
    """
    scaled = abs(Fraction(value)) * 10**places
    whole, remainder = divmod(scaled, 1)
    half = Fraction(1, 2)
    if rounding is Rounding.HALF_UP:
        whole += remainder >= half
    elif rounding is Rounding.HALF_EVEN:
        whole += remainder > half or (remainder == half and whole % 2 == 1)
    sign = -1 if value < 0 else 1
    return Decimal(sign * int(whole)).scaleb(-places).quantize(Decimal(1).scaleb(-places))


def format_number(value: int | Decimal | Fraction, *, places: int | None = None,
                  rounding: Rounding = Rounding.TRUNCATE, style: str = "vi") -> str:
    """``value`` as a report prints it: ``2.808.657``, ``98,7`` (``style="en"``: ``2,808,657``).

    A ``Decimal`` keeps its own places unless ``places`` is given; a
    ``Fraction`` needs ``places``.
    """
    if style not in ("vi", "en"):
        raise FieldError("style", style, "expected 'vi' or 'en'")
    if isinstance(value, Fraction):
        if places is None:
            raise FieldError("places", None, "expected the number of places for a fraction")
        value = round_fraction(value, places, rounding)
    elif isinstance(value, Decimal) and places is not None:
        value = round_fraction(Fraction(value), places, rounding)
    elif isinstance(value, int) and places:
        value = Decimal(value).quantize(Decimal(1).scaleb(-places))
    text = f"{value:,}" if isinstance(value, int) else f"{value:,f}"
    if style == "en":
        return text
    return text.replace(",", "\0").replace(".", ",").replace("\0", ".")


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
        return format_number(value * 100, places=places, rounding=rounding, style=style) + "%"

    def format_ratio(self, style: str = "vi") -> str:
        """``2.453/2.484``."""
        return f"{format_number(self.numerator, style=style)}/{format_number(self.denominator, style=style)}"

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
