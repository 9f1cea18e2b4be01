"""Indicators over the small tables (directives and their plans, the units), computed in Python.

Directives, their implementation plans and the unit registry are small even
at national scale (thousands of rows, not millions): the engine reads them
from the backend into records and hands them to the record engine's own
calculators, so the answers are the record engine's by construction. Results
carry no record ids, like every columnar result.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, Final

import attrs

from danvan.engines._frames import Frames
from danvan.indicators.engine import Indicator, Result, evaluate
from danvan.indicators.scope import Scope
from danvan.records.dataset import Dataset
from danvan.tables.readers import read_arrow
from danvan.values.periods import Period

__all__ = ["SMALL", "small_results"]

_DIRECTIVES: Final = ("directives", "directive_implements", "implementations")
_UNITS: Final = ("units", "successions", "succession_predecessors", "succession_successors")

#: The indicators computed from small tables, with the tables each reads (beside the units).
SMALL: Final[dict[str, tuple[str, ...]]] = {
    "directives.coverage": _DIRECTIVES,
    "directives.days_to_plan": _DIRECTIVES,
    "restructuring.communes": (),
    "restructuring.residential_areas": (),
}


def _anonymous(result: Result) -> Result:
    return attrs.evolve(result, numerator_ids=(), denominator_ids=(),
                        parts={key: _anonymous(part) for key, part in result.parts.items()})


def small_results(frames: Frames, indicator: Indicator, scope: Scope, period: Period,
                  breakdowns: Sequence[tuple[str, ...]], params: Mapping[str, Any]) -> list[Result]:
    """``indicator`` (one of :data:`SMALL`) with its breakdowns, by the record engine."""
    data = Dataset.with_units(scope.registry)
    names = [name for name in SMALL[indicator.id] if frames.has(name)]
    if names:
        # the plans are checked against the units they name, so the units come too
        names += [name for name in _UNITS if frames.has(name)]
        found = read_arrow({name: frames.get(name).collect().to_arrow() for name in names})
        data = attrs.evolve(data, directives=found.directives,
                            implementations=found.implementations)
    given = {name: value for name, value in params.items() if name in indicator.params}
    computed = evaluate(data, [indicator], scope, period, {indicator.id: list(breakdowns)}, given)
    return [_anonymous(r) for r in computed[indicator.id]]
