"""Columnar calculators of the indicators about units: model replication coverage, cadence.

For replication coverage the backend finds the distinct units where a model
started or was replicated before the end of the period (one row a unit); each
is then placed in the scope and counted over the units at the level, as the
record engine does. For cadence compliance it counts the sessions of each unit,
day, host and kind (regular or not) in the period; the rules of
:mod:`danvan.law.cadence` are then applied to those counts by the same
:func:`~danvan.law.cadence.compliance` the record engine calls.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from danvan.engines._cells import Cell
from danvan.engines._time_limits import Calculator, Cells, Context
from danvan.errors import FieldError
from danvan.indicators._timeliness import cadence_compliance
from danvan.indicators._units import level_of
from danvan.indicators.engine import Indicator, Key, Tally, key_function
from danvan.law.cadence import Activity, Counted
from danvan.records.vocabulary import ChairRole, UnitLevel

__all__ = ["cadence", "replication_coverage"]


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


#: Per activity: the table, its day column, host column, and the test of a regular session.
_SESSIONS: dict[Activity, tuple[str, str, str, Any]] = {
    Activity.RECEPTION: ("receptions", "on", "host", lambda nw: nw.col("regular")),
    Activity.DIALOGUE: ("dialogues", "held_on", "chair",
                        lambda nw: (nw.col("mode") == "periodic").fill_null(False)),
}


def _counted(context: Context, activity: Activity) -> dict[str, list[Counted]]:
    """The sessions of ``activity`` in the period, counted by unit, day, host and regular."""
    frames, period = context.frames, context.period
    nw = frames.nw
    table, day, host, regular = _SESSIONS[activity]
    if not frames.has(table):
        return {"counts": []}
    rows = frames.rows(
        frames.get(table).filter((nw.col(day) >= nw.lit(period.start)) & (nw.col(day) < nw.lit(period.end)))
        .select(nw.col("unit"), nw.col(day).alias("_day"), nw.col(host).alias("_host"),
                regular(nw).alias("_regular"))
        .group_by("unit", "_day", "_host", "_regular").agg(nw.len().alias("_n")))
    return {"counts": [(row["unit"], row["_day"], ChairRole.from_code(row["_host"]),
                        bool(row["_regular"]), activity, int(row["_n"])) for row in rows]}


def _cell(tally: Tally) -> Cell:
    cell = Cell()
    cell.add(tally.total, tally.part)
    cell.notes.update(tally.notes)
    return cell


def cadence(activity: Activity) -> Calculator:
    """Units in scope meeting the cadence rules of ``activity`` for their level."""

    def calculate(context: Context, indicator: Indicator,
                  breakdowns: list[tuple[str, ...]]) -> tuple[Cell, Cells]:
        total: Cell | None = None
        cells: Cells = []
        read: dict[str, list[Counted]] = {}

        def sessions() -> dict[str, list[Counted]]:  # the backend is asked once
            if not read:
                read.update(_counted(context, activity))
            return read

        for by in [(), *breakdowns]:
            found, keyed = cadence_compliance(activity, context.scope, context.period,
                                              context.params, by, sessions)
            if total is None:
                total = _cell(found)
            else:
                cells.append((by, {key: _cell(tally) for key, tally in keyed.items()}))
        assert total is not None
        return total, cells

    return calculate
