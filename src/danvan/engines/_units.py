"""Columnar calculators of the indicators about units: model replication coverage.

The backend finds the distinct units where a model started or was replicated
before the end of the period (one row a unit); each is then placed in the
scope and counted over the units at the level, as the record engine does.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from danvan.engines._cells import Cell
from danvan.engines._time_limits import Cells, Context
from danvan.errors import FieldError
from danvan.indicators._units import level_of
from danvan.indicators.engine import Indicator, Key, key_function
from danvan.records.vocabulary import UnitLevel

__all__ = ["replication_coverage"]


def _reached_units(context: Context) -> set[str]:
    """The unit codes of models registered before the end, and of their replications before it."""
    frames, end = context.frames, context.period.end
    nw = frames.nw
    models = frames.get("models").filter(nw.col("registered_on") < nw.lit(end))
    only = context.params.get("model")
    if only is not None:
        known = frames.rows(frames.get("models").filter(nw.col("id") == nw.lit(str(only)))
                            .select(nw.col("id").count().alias("n")))
        if not isinstance(only, str) or not known[0]["n"]:
            raise FieldError("model", only, "expected the id of a model held in the dataset")
        models = models.filter(nw.col("id") == nw.lit(only))
    codes = {row["unit"] for row in frames.rows(models.select("unit").unique())}
    if frames.has("model_replications"):
        replicated = (frames.get("model_replications").filter(nw.col("on") < nw.lit(end))
                      .join(models.select(nw.col("id").alias("model")), on="model", how="inner")
                      .select("unit").unique())
        codes.update(row["unit"] for row in frames.rows(replicated))
    return codes


def replication_coverage(context: Context, indicator: Indicator,
                         breakdowns: list[tuple[str, ...]]) -> tuple[Cell, Cells]:
    """Units at a level (communes by default) where a model started or was replicated."""
    scope = context.scope
    level = level_of(scope, context.params, UnitLevel.COMMUNE)
    reached = {area for area in (scope.area(code, level) for code in _reached_units(context))
               if area is not None}
    total = Cell()
    keyed: list[tuple[tuple[str, ...], Any, dict[Key, Cell]]] = [
        (b, key_function(b, context.period), defaultdict(Cell)) for b in breakdowns]
    for unit in scope.units(level):
        hit = int(unit.code in reached)
        total.add(1, hit)
        placement = scope.place(unit.code)
        assert placement is not None, unit.code  # a unit listed by the scope is in it
        for _, key_of, cells in keyed:
            cells[key_of(unit, placement, None)].add(1, hit)
    return total, [(b, cells) for b, _, cells in keyed]
