"""Exact values and the notation they are printed in: rates, shares, changes
and statistics (:mod:`~danvan.values.exact`), reporting periods
(:mod:`~danvan.values.periods`) and Vietnamese numbers read and printed as
reports write them (:mod:`~danvan.values.numbers`).

Above :mod:`danvan.records` (its enumerations), below the law and the
indicators, which compute these values, and the text, which reads them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from danvan._lazy import attach

if TYPE_CHECKING:
    from danvan.values.exact import (
        Change as Change,
        Durations as Durations,
        Ranking as Ranking,
        Rate as Rate,
        Share as Share,
        Summary as Summary,
    )
    from danvan.values.numbers import (
        Interval as Interval,
        Qualifier as Qualifier,
        Quantity as Quantity,
        Rounding as Rounding,
        decimal_places as decimal_places,
        format_exact as format_exact,
        format_number as format_number,
        format_percent as format_percent,
        parse_number as parse_number,
        parse_percent as parse_percent,
        parse_quantity as parse_quantity,
        preimage as preimage,
        round_fraction as round_fraction,
    )
    from danvan.values.periods import (
        SPLITS as SPLITS,
        Period as Period,
    )

__getattr__, __dir__, __all__ = attach(__name__, {
    ".exact": (
        "Change",
        "Durations",
        "Ranking",
        "Rate",
        "Share",
        "Summary",
    ),
    ".numbers": (
        "Interval",
        "Qualifier",
        "Quantity",
        "Rounding",
        "decimal_places",
        "format_exact",
        "format_number",
        "format_percent",
        "parse_number",
        "parse_percent",
        "parse_quantity",
        "preimage",
        "round_fraction",
    ),
    ".periods": (
        "Period",
        "SPLITS",
    ),
})
