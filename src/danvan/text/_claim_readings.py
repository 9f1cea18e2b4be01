"""Readings of the qualifier words, used when plain interval arithmetic leaves a claim open.

A qualifier ("hơn", "gần", "khoảng") makes a printed figure a bound. How far
below X "gần X" may be is not in the words themselves; the readings here are
*assumed* ones, taken from the verdict rules of the annotated corpus
(``corpus/README.md``). They are data, each with its basis, and every verdict
reached with one names it in its explanation. ``QUALIFIER_READINGS`` is the
module constant to change (or empty) to check under other readings.
"""

from __future__ import annotations

from fractions import Fraction

from attrs import frozen

from danvan.values.numbers import Interval, Qualifier, Quantity

__all__ = ["QUALIFIER_READINGS", "Reading", "read"]


@frozen
class Reading:
    """The values ``X`` printed with a qualifier is read to allow: ``low·X`` to ``high·X``."""

    low: Fraction
    high: Fraction | None
    low_closed: bool
    high_closed: bool
    text: str
    basis: str

    def interval(self, value: Fraction) -> Interval:
        high = None if self.high is None else value * self.high
        return Interval(value * self.low, high, self.low_closed,
                        self.high_closed and high is not None)


_BASIS = "an assumed reading of the word, from the corpus verdict rules"

QUALIFIER_READINGS: dict[Qualifier, Reading] = {
    Qualifier.NEARLY: Reading(Fraction(9, 10), Fraction(1), True, True,
                              "gần X = 90–100% of X", _BASIS),
    Qualifier.ALMOST: Reading(Fraction(9, 10), Fraction(1), True, True,
                              "gần như X = 90–100% of X", _BASIS),
    Qualifier.ABOUT: Reading(Fraction(9, 10), Fraction(11, 10), True, True,
                             "khoảng X = X ± 10%", _BASIS),
}


def read(q: Quantity) -> tuple[Interval, str | None]:
    """The base values ``q`` allows under its reading, and the reading's text (``None``: none used)."""
    reading = QUALIFIER_READINGS.get(q.qualifier)
    if reading is None:
        return q.bounds, None
    return reading.interval(q.base_value), reading.text


def read_all(*qs: Quantity) -> tuple[list[Interval], str]:
    """Every figure under its reading, and the readings used, joined (``""``: none)."""
    bounds, texts = [], []
    for q in qs:
        interval, text = read(q)
        bounds.append(interval)
        if text is not None and text not in texts:
            texts.append(text)
    return bounds, "; ".join(texts)
