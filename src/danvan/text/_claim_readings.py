"""Readings of the qualifier words, used when plain interval arithmetic leaves a claim open.

A qualifier ("hơn", "gần", "khoảng") makes a printed figure a bound. How far
below X "gần X" may be is not in the words themselves; the readings here are
*assumed* ones, taken from the verdict rules of the annotated corpus
(``corpus/README.md``). They are data, each with its basis, and every verdict
reached with one names it in its explanation. :data:`QUALIFIER_READINGS` is the
default; :func:`danvan.text.claims.check` takes ``readings=`` to check under others
(an empty mapping: none, so only what the bounds alone settle).
"""

from __future__ import annotations

from collections.abc import Mapping
from fractions import Fraction
from types import MappingProxyType
from typing import Final

from attrs import field, frozen

from danvan import _validators as v
from danvan.errors import FieldError
from danvan.values.numbers import Interval, Qualifier, Quantity

__all__ = ["QUALIFIER_READINGS", "QualifierReading", "Readings", "read", "read_all"]


@frozen
class QualifierReading:
    """The values ``X`` printed with a qualifier is read to allow: ``low·X`` to ``high·X``
    (``high`` ``None``: no upper bound); ``text`` names it in explanations, ``basis`` says
    where it comes from.

    >>> QualifierReading(Fraction(1), Fraction(6, 5), True, False, "X to 120% of X",
    ...                  "our office's house style").interval(Fraction(100)).high
    Fraction(120, 1)
    """

    low: Fraction = field(validator=v.typed(Fraction, "a Fraction"))
    high: Fraction | None = field(validator=v.optional(v.typed(Fraction, "a Fraction")))
    low_closed: bool = field(validator=v.flag)
    high_closed: bool = field(validator=v.flag)
    text: str = field(validator=v.text)
    basis: str = field(validator=v.text)

    def __attrs_post_init__(self) -> None:
        if self.low < 0:
            raise FieldError("low", self.low, "expected a fraction of X of 0 or more")
        if self.high is not None and self.high < self.low:
            raise FieldError("high", self.high, f"expected at least low ({self.low})")

    def interval(self, value: Fraction) -> Interval:
        high = None if self.high is None else value * self.high
        return Interval(value * self.low, high, self.low_closed,
                        self.high_closed and high is not None)


_BASIS = "an assumed reading of the word, from the corpus verdict rules"

#: What the assumed readings map: a qualifier to its reading.
Readings = Mapping[Qualifier, QualifierReading]

#: The default readings (read-only; pass another mapping as ``check(readings=…)``).
QUALIFIER_READINGS: Final[Readings] = MappingProxyType({
    Qualifier.NEARLY: QualifierReading(Fraction(9, 10), Fraction(1), True, True,
                                       "gần X = 90–100% of X", _BASIS),
    Qualifier.ALMOST: QualifierReading(Fraction(9, 10), Fraction(1), True, True,
                                       "gần như X = 90–100% of X", _BASIS),
    Qualifier.ABOUT: QualifierReading(Fraction(9, 10), Fraction(11, 10), True, True,
                                      "khoảng X = X ± 10%", _BASIS),
})


def read(readings: Readings, q: Quantity) -> tuple[Interval, str | None]:
    """The base values ``q`` allows under its reading, and the reading's text (``None``: none used)."""
    reading = readings.get(q.qualifier)
    if reading is None:
        return q.bounds, None
    return reading.interval(q.base_value), reading.text


def read_all(readings: Readings, *qs: Quantity) -> tuple[list[Interval], str]:
    """Every figure under its reading, and the readings used, joined (``""``: none)."""
    bounds, texts = [], []
    for q in qs:
        interval, text = read(readings, q)
        bounds.append(interval)
        if text is not None and text not in texts:
            texts.append(text)
    return bounds, "; ".join(texts)
