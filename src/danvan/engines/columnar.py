"""The catalogue on columns: the same indicators as the record engine, computed by DuckDB, Polars or Spark.

:func:`report` and :func:`compute` take tables (a mapping of table names to
Arrow tables or native frames, or a folder of Parquet tables, hive-partitioned
or not) instead of a :class:`~danvan.records.dataset.Dataset`, and give the
same :class:`~danvan.indicators.reporting.Report` and
:class:`~danvan.indicators.engine.Result` s: integer numerators and
denominators, durations as exact histograms. The backend does the heavy work
(filters, joins with the working calendar and the time-limit rules, group-bys)
through narwhals; what comes back is a few rows per unit, placed in the scope
by the same :class:`~danvan.indicators.scope.Scope` the record engine uses.

What differs: results carry no record ids (provenance stays with the record
engine; ``numerator_ids`` and ``denominator_ids`` are empty), and the notes that
list record ids are summarised. An indicator that cannot run on columns raises
:class:`NotColumnarError`, naming it.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

from danvan._progress import Callback, tracker
from danvan.engines import _time_limits, _units
from danvan.engines._cells import Cell, Roll, results
from danvan.engines._convert import dataset_tables, registry_from_columns
from danvan.engines._errors import NotColumnarError
from danvan.engines._frames import Frames
from danvan.engines._record_rules import COLUMN_RULES, KIND_COLUMN, ColumnRule, prepared
from danvan.engines._small import SMALL, small_results
from danvan.indicators._catalogue import catalogue, get
from danvan.indicators.engine import Indicator, Key, Result, _prepare
from danvan.indicators.reporting import Report, resolve_over
from danvan.indicators.scope import Scope
from danvan.law.cadence import Activity
from danvan.records.dataset import Dataset
from danvan.records.units import UnitRegistry
from danvan.values.periods import SPLITS, Period

__all__ = ["COLUMNAR", "NotColumnarError", "columnar_ids", "compute", "evaluate", "report"]


#: Indicators computed by a columnar calculator rather than a record rule.
COLUMNAR: dict[str, _time_limits.Calculator] = {
    **_time_limits.CALCULATORS,
    "models.replication_coverage": _units.replication_coverage,
    "cadence.reception_compliance": _units.cadence(Activity.RECEPTION),
    "cadence.dialogue_compliance": _units.cadence(Activity.DIALOGUE),
}


def columnar_ids() -> tuple[str, ...]:
    """The ids of the catalogued indicators the columnar engine computes, in catalogue order."""
    return tuple(i.id for i in catalogue()
                 if i.id in COLUMN_RULES or i.id in COLUMNAR or i.id in SMALL)


Breakdowns = list[tuple[str, ...]]


Job = tuple[Indicator, ColumnRule, Breakdowns]


def _groups(jobs: list[Job]) -> dict[tuple[str, str], list[Job]]:
    """The record-rule jobs by the collection and day they read (one group-by each)."""
    groups: dict[tuple[str, str], list[Job]] = defaultdict(list)
    for job in jobs:
        groups[job[1].collection, job[1].when].append(job)
    return groups


def _record_rules(context: _time_limits.Context, groups: dict[tuple[str, str], list[Job]],
                  out: dict[str, list[Result]], step: Callable[[], None]) -> None:
    """Indicators reading the same collection by the same day: one filtered group-by (over
    the petitions the time-limit calculators have prepared, if they have)."""
    frames, scope, period, nw = context.frames, context.scope, context.period, context.frames.nw
    for (collection, when), group in groups.items():
        dims = {d for _, _, breakdowns in group for b in breakdowns for d in b}
        keys = ["unit", "_kind", *(["field"] if "field" in dims else [])]
        columns = [nw.col(KIND_COLUMN[collection]).alias("_kind")]
        if dims & set(SPLITS):
            keys += ["_y", "_m"]
            columns += [nw.col(when).dt.year().alias("_y"), nw.col(when).dt.month().alias("_m")]
        day = nw.col(when)
        kept = _time_limits.kept_petitions(context) if collection == "petitions" else None
        table = (prepared(frames, collection) if kept is None else kept).filter(
            ~day.is_null() & (day >= nw.lit(period.start)) & (day < nw.lit(period.end)))
        placements = _time_limits.kept_placements(context) if kept is not None else None
        if placements is not None:
            # the calculators have placed these petitions' units: the backend groups by
            # placement (a few rows a branch) rather than by unit (thousands)
            keys = ["_branch", "_level", "_note", *keys[1:]]
            table = table.join(placements, on="unit", how="inner")
        sums = {}
        for n, (_, rule, _) in enumerate(group):
            total = rule.total(nw, period).fill_null(0)
            sums[f"_t{n}"] = total
            sums[f"_n{n}"] = nw.when(total != 0).then(1).otherwise(0)
            if rule.part is not None:
                sums[f"_p{n}"] = nw.when(total != 0).then(rule.part(nw, period)).otherwise(0)
        rows = frames.rows(table.with_columns(*columns, **sums).group_by(*keys)
                           .agg(*(nw.col(name).sum() for name in sums)))
        roll = Roll(scope, period, collection)
        for n, (indicator, rule, breakdowns) in enumerate(group):
            total_cell = Cell()
            cells: list[tuple[tuple[str, ...], Any, dict[Key, Cell]]] = [
                (b, roll.key_of(b), defaultdict(Cell)) for b in breakdowns]
            for row in rows:
                if not row[f"_n{n}"]:
                    continue
                placement = roll.place(row)
                if placement is None:
                    continue
                total = int(row[f"_t{n}"])
                part = int(row[f"_p{n}"]) if rule.part is not None else 0
                total_cell.add(total, part, placement.note)
                for _, key_of, keyed in cells:
                    keyed[key_of(row, placement)].add(total, part, placement.note)
            out[indicator.id] = results(indicator, total_cell, [(b, c) for b, _, c in cells])
        step()


def evaluate(frames: Frames, indicators: Iterable[Indicator], scope: Scope, period: Period,
             by: Mapping[str, Sequence[tuple[str, ...]]] | None = None,
             params: Mapping[str, Any] | None = None,
             progress: Callback | None = None) -> dict[str, list[Result]]:
    """:func:`danvan.indicators.engine.evaluate` on columns: each indicator's total, then its breakdowns.

    ``progress`` (:mod:`danvan._progress`) is called as ``progress(done, total, what)`` with
    ``done`` steps of ``total`` computed by the backend: ``0`` first, then after each
    calculated indicator and each group-by of record rules, ending at ``total``.
    """
    wanted, given, breakdowns = _prepare(indicators, by, params)
    jobs = []
    calculated = []
    for ident, indicator in wanted.items():
        rule = COLUMN_RULES.get(ident)
        if rule is not None and indicator.rule is not None:
            jobs.append((indicator, rule, breakdowns[ident]))
        elif indicator.calculator is not None and (ident in COLUMNAR or ident in SMALL):
            calculated.append((ident, indicator))
        else:
            raise NotColumnarError(ident, "no columnar form yet; use the record engine "
                                          "(danvan.report(dataset))")
    groups = _groups(jobs)
    step = _stepper(progress, len(calculated) + len(groups), f"indicators on {frames.engine}")
    out: dict[str, list[Result]] = {}
    context = _time_limits.Context(frames, scope, period, given)
    for ident, indicator in calculated:
        if ident in COLUMNAR:
            total, cells = COLUMNAR[ident](context, indicator, breakdowns[ident])
            out[ident] = results(indicator, total, cells)
        else:
            out[ident] = small_results(frames, indicator, scope, period, breakdowns[ident], given)
        step()
    _record_rules(context, groups, out, step)
    return {ident: out[ident] for ident in wanted}


def _stepper(progress: Callback | None, total: int, what: str) -> Callable[[], None]:
    """A function to call after each of ``total`` steps: it reports them done to ``progress``."""
    done = 0
    if progress is not None:
        progress(0, total, what)

    def step() -> None:
        nonlocal done
        done += 1
        if progress is not None:
            progress(done, total, what)

    return step


def _frames(tables: Any, engine: str, options: Mapping[str, Any]) -> Frames:
    if isinstance(tables, Frames):
        return tables
    if isinstance(tables, Dataset):
        tables = dataset_tables(tables)
    return Frames(tables, engine, **options)


def _registry(frames: Frames, registry: UnitRegistry | None) -> UnitRegistry:
    if registry is not None:
        return registry
    units = frames.arrow(frames.get("units")).to_pydict()
    found = [frames.arrow(frames.get(name)).to_pydict() if frames.has(name) else None for name in (
        "successions", "succession_predecessors", "succession_successors")]
    return registry_from_columns(units, *found)


def _dates(frames: Frames) -> list[Any]:
    """The first and last day of the records' main dates (a span for the default period)."""
    nw = frames.nw
    days = []
    for table, column in (("petitions", "received_on"), ("petition_events", "on"),
                          ("dialogues", "held_on"), ("receptions", "on"),
                          ("mediations", "received_on"), ("mediations", "mediated_on"),
                          ("models", "registered_on"), ("model_recognitions", "on"),
                          ("model_replications", "on")):
        if frames.has(table):
            found = frames.rows(frames.get(table).select(
                nw.col(column).min().alias("a"), nw.col(column).max().alias("b")))
            days += [d for d in found[0].values() if d is not None]
    return days


def _resolve(frames: Frames, registry: UnitRegistry, scope: Scope | str | None,
             period: Period | str | None) -> tuple[Scope, Period]:
    return resolve_over(registry, lambda: _dates(frames), scope, period, "the tables have")


def _chosen(frames: Frames, indicators: Iterable[Indicator | str] | None) -> list[Indicator]:
    if indicators is not None:
        return [get(i) if isinstance(i, str) else i for i in indicators]
    ids = columnar_ids()
    return [i for i in catalogue() if i.id in ids and all(
        frames.has(source) for source in i.sources if source not in ("units", "successions"))]


def report(tables: Any, scope: Scope | str | None = None, period: Period | str | None = None, *,
           engine: str = "duckdb", indicators: Iterable[Indicator | str] | None = None,
           details: bool = True, registry: UnitRegistry | None = None,
           connection: Any = None, spark: Any = None, progress: Any = None,
           **params: Any) -> Report:
    """Every columnar indicator (or those given) over ``scope`` and ``period``, on ``engine``.

    ``tables``: a mapping of table names to Arrow tables or native frames, a
    folder of Parquet tables, or a Dataset (converted). ``registry`` gives the
    units (default: from the ``units`` and ``successions`` tables); ``connection``
    a DuckDB connection and ``spark`` a SparkSession to run on. ``progress``:
    ``True`` draws a bar on stderr as the indicators are computed, a callable is
    called as ``progress(done, total, what)`` (:mod:`danvan._progress`).
    """
    callback = tracker(progress)
    options = {"connection": connection} if engine == "duckdb" else (
        {"spark": spark} if engine == "spark" else {})
    frames = _frames(tables, engine, options)
    the_registry = _registry(frames, registry)
    the_scope, the_period = _resolve(frames, the_registry, scope, period)
    chosen = _chosen(frames, indicators)
    by = {i.id: list(i.details) for i in chosen} if details else None
    computed = evaluate(frames, chosen, the_scope, the_period, by, params, callback)
    holder = Dataset.with_units(the_registry)
    return Report(holder, the_scope, the_period, [r for rs in computed.values() for r in rs])


def compute(tables: Any, indicator: Indicator | str, *, scope: Scope | str | None = None,
            period: Period | str | None = None, by: str | Sequence[str] = (),
            engine: str = "duckdb", registry: UnitRegistry | None = None,
            connection: Any = None, spark: Any = None, **params: Any) -> Result:
    """One indicator on ``engine``, as :func:`danvan.indicators.reporting.compute` gives it."""
    chosen = get(indicator) if isinstance(indicator, str) else indicator
    dims = (by,) if isinstance(by, str) else tuple(by)
    options = {"connection": connection} if engine == "duckdb" else (
        {"spark": spark} if engine == "spark" else {})
    frames = _frames(tables, engine, options)
    the_scope, the_period = _resolve(frames, _registry(frames, registry), scope, period)
    found = evaluate(frames, [chosen], the_scope, the_period,
                     {chosen.id: [dims]} if dims else None, params)[chosen.id]
    return found[-1]
