"""A report: every catalogued indicator over a scope and period, as a printable table.

:func:`report` picks the scope and period (by default the dataset's single top
unit and the span of its records), computes the indicators in one pass per
collection, and returns a :class:`Report` that prints as a Vietnamese text
table, gives its display rows as dicts, renders as HTML in a notebook, gives
its values as a tidy table (:meth:`Report.to_table`, with CSV, SDMX-CSV,
pandas, polars, Arrow and Parquet exports) and draws charts (:meth:`Report.plot`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import IO, Any

from danvan._progress import tracker
from danvan.errors import FieldError
from danvan.indicators._catalogue import catalogue, get
from danvan.indicators.engine import Indicator, Result, Value, evaluate
from danvan.indicators.scope import Scope
from danvan.indicators.tidy import Table, rows_of, table_of
from danvan.records.dataset import Dataset
from danvan.records.units import UnitRegistry
from danvan.records.vocabulary import Term
from danvan.values.exact import Change, Ranking, Rate
from danvan.values.numbers import Rounding, format_number
from danvan.values.periods import Period

__all__ = ["Report", "compute", "record_dates", "report", "resolve"]


def record_dates(dataset: Dataset) -> list[dt.date]:
    """Every day a record mentions: receipts and their events, meetings, sessions,
    registrations, recognitions, replications, mediations, plans."""
    days = [p.received_on for p in dataset.petitions]
    days += [e.on for p in dataset.petitions for e in p.events]
    days += [d.held_on for d in dataset.dialogues]
    days += [r.on for r in dataset.receptions]
    days += [c.received_on for c in dataset.mediations]
    days += [c.mediated_on for c in dataset.mediations if c.mediated_on is not None]
    days += [m.registered_on for m in dataset.models]
    days += [r.on for m in dataset.models for r in m.recognitions]
    days += [r.on for m in dataset.models for r in m.replications]
    days += [i.issued_on for i in dataset.implementations]
    return days


def resolve_over(registry: UnitRegistry, dates: Callable[[], Iterable[dt.date]],
                 scope: Scope | str | None, period: Period | str | None,
                 source: str = "the dataset has") -> tuple[Scope, Period]:
    """:func:`resolve` over any records: ``dates`` gives their days when no period is given.

    Shared by both engines (the columnar one reads its dates from tables).
    """
    if period is None:
        period = Period.span(dates())
    elif isinstance(period, str):
        period = Period.parse(period)
    elif not isinstance(period, Period):
        raise FieldError("period", period, "expected a Period or text such as '2021-H1'")
    if isinstance(scope, Scope):
        return scope, period
    if scope is None:
        tops = [u.code for u in registry.as_of(period.last) if u.parent is None]
        if len(tops) != 1:
            raise FieldError("unit", tops, f"expected a unit to report on: {source} "
                                           f"{'no' if not tops else 'several'} top units "
                                           f"on {period.last.isoformat()}")
        scope = tops[0]
    if not isinstance(scope, str):
        raise FieldError("scope", scope, "expected a Scope or a unit code")
    return Scope(registry, scope, period.last), period


def resolve(dataset: Dataset, scope: Scope | str | None = None,
            period: Period | str | None = None) -> tuple[Scope, Period]:
    """The scope and period a report uses, from what the caller gave (or the defaults).

    ``period``: a :class:`Period`, text for :meth:`Period.parse`, or ``None`` for
    the span of the records. ``scope``: a :class:`Scope`, a unit code (the scope
    is taken on the period's last day), or ``None`` for the single top unit on
    that day.
    """
    if not isinstance(dataset, Dataset):
        raise FieldError("dataset", dataset, "expected a Dataset")
    return resolve_over(dataset.registry, lambda: record_dates(dataset), scope, period)


def _indicator(value: Any, path: str = "indicator") -> Indicator:
    if isinstance(value, str):
        return get(value)
    if not isinstance(value, Indicator):
        raise FieldError(path, value, "expected an Indicator or a catalogued id such as "
                                      "'petitions.resolution_rate'")
    return value


def compute(dataset: Dataset, indicator: Indicator | str, *, scope: Scope | str | None = None,
            period: Period | str | None = None, by: str | Sequence[str] = (),
            **params: Any) -> Result:
    """One indicator over a scope and period; ``by`` breaks it down (``result.parts``).

    ``params`` reach calculators that take them (``level``, ``directive``, ``model``);
    one the indicator does not take is a :class:`~danvan.errors.FieldError`.
    """
    indicator = _indicator(indicator)
    if isinstance(by, str):
        dims: tuple[str, ...] = (by,)
    elif isinstance(by, Sequence):
        dims = tuple(by)
    else:
        raise FieldError("by", by, "expected a dimension such as 'unit', or a sequence of them")
    the_scope, the_period = resolve(dataset, scope, period)
    results = evaluate(dataset, [indicator], the_scope, the_period,
                       {indicator.id: [dims]} if dims else None, params)[indicator.id]
    return results[-1]


def _label(key: Any, registry: UnitRegistry, on: dt.date) -> str:
    items = key if isinstance(key, tuple) else (key,)
    words = []
    for item in items:
        if isinstance(item, Term | Period):
            words.append(item.label)
        elif isinstance(item, str) and registry.exists(item, on):
            words.append(registry.get(item, on).name)
        else:
            words.append("(không rõ)" if item is None else str(item))
    return " – ".join(words)


def _numbers(value: Value) -> tuple[int | None, int | None]:
    if isinstance(value, int):
        return value, None
    if isinstance(value, Rate):
        return value.numerator, value.denominator
    if isinstance(value, Change):
        return value.after, value.before
    return value.count, None


class Report:
    """The results of a report, in catalogue order, with their breakdowns.

    ``notes`` are about the records as a whole: the defaults and assumptions a
    table mapping supplied (:func:`danvan.tables.read`), printed under the table.
    """

    __slots__ = ("dataset", "notes", "period", "results", "scope")

    def __init__(self, dataset: Dataset, scope: Scope, period: Period,
                 results: Iterable[Result], notes: Iterable[str] = ()) -> None:
        self.dataset, self.scope, self.period = dataset, scope, period
        self.results: tuple[Result, ...] = tuple(results)
        self.notes: tuple[str, ...] = tuple(notes)

    def noted(self, notes: Iterable[str]) -> Report:
        """This report with ``notes`` added (the defaults a mapping supplied, say)."""
        return Report(self.dataset, self.scope, self.period, self.results,
                      (*self.notes, *notes))

    @property
    def title(self) -> str:
        """``Huyện Tam Nông (TN), từ 01/07/2016 đến 30/06/2021``."""
        return f"{self.scope.unit.name} ({self.scope.root}), {self.period.label}"

    def __getitem__(self, indicator_id: str) -> Result:
        """The total result of ``indicator_id``."""
        for result in self.results:
            if result.id == indicator_id and not result.by:
                return result
        raise KeyError(indicator_id)

    def __iter__(self) -> Any:
        return iter(self.results)

    def __len__(self) -> int:
        return len(self.results)

    def rows(self, style: str = "vi") -> list[dict[str, Any]]:
        """One dict per line: ``id``, ``name``, ``name_en``, ``breakdown``, ``value`` (text),
        ``numerator`` and ``denominator`` (ints, or ``None``).

        A ranking (the oldest pending petitions) gives a line with how many are
        listed, then one line per record: ``breakdown`` is its rank and id,
        ``numerator`` its number (age in days).
        """
        rows = []
        for result in self.results:
            cells: Mapping[Any, Result] = result.parts if result.by else {None: result}
            for key, cell in cells.items():
                label = "" if key is None else _label(key, self.scope.registry, self.scope.on)
                value = cell.value
                numerator, denominator = _numbers(value)
                row = {"id": result.id, "name": result.indicator.name_vi,
                       "name_en": result.indicator.name_en, "breakdown": label,
                       "value": cell.format(style=style), "numerator": numerator,
                       "denominator": denominator}
                if not isinstance(value, Ranking):
                    rows.append(row)
                    continue
                rows.append({**row, "value": format_number(value.count,
                                                           english=style == "en")})
                rows += [{**row, "breakdown": " – ".join(filter(None, (label, f"{rank}. {ident}"))),
                          "value": value.format_item(rank - 1, style), "numerator": number}
                         for rank, (ident, number) in enumerate(value.items, 1)]
        return rows

    def _lines(self) -> list[tuple[str, str, str]]:
        lines = []
        for row in self.rows():
            if row["breakdown"]:
                lines.append(("", f"  · {row['breakdown']}", row["value"]))
            else:
                lines.append((row["id"], row["name"], row["value"]))
        return lines

    def __str__(self) -> str:
        lines = [("id", "chỉ tiêu", "giá trị"), *self._lines()]
        widths = [max(len(line[i]) for line in lines) for i in range(2)]
        text = [f"Báo cáo: {self.title}"]
        for number, (ident, name, value) in enumerate(lines):
            text.append(f"{ident.ljust(widths[0])}  {name.ljust(widths[1])}  {value}".rstrip())
            if number == 0:
                text.append("-" * (widths[0] + widths[1] + 12))
        if self.notes:
            text += ["Ghi chú:", *(f"  - {note}" for note in self.notes)]
        return "\n".join(text)

    def __repr__(self) -> str:
        return f"<Report {self.title}: {len(self.results)} results>"

    def _repr_html_(self) -> str:
        from danvan.indicators._html import report_html

        return report_html(self)

    # -- tidy results ----------------------------------------------------------------------

    def to_table(self, *, style: str = "vi", places: int = 1,
                 rounding: Rounding = Rounding.TRUNCATE) -> Table:
        """One row per value: each indicator's total once, then the cells of each of its
        breakdowns (see :mod:`danvan.indicators.tidy` for the columns)."""
        seen: set[str] = set()
        rows: list[dict[str, Any]] = []
        for result in self.results:
            rows += rows_of(result, total=result.id not in seen, style=style, places=places,
                            rounding=rounding)
            seen.add(result.id)
        return table_of(rows)

    def to_pandas(self) -> Any:
        """:meth:`to_table` as a ``pandas.DataFrame`` (nullable ``Int64`` numbers; needs
        ``danvan[pandas]``)."""
        return self.to_table().to_pandas()

    def to_polars(self) -> Any:
        """:meth:`to_table` as a ``polars.DataFrame`` (needs ``danvan[polars]``)."""
        return self.to_table().to_polars()

    def to_arrow(self) -> Any:
        """:meth:`to_table` as a ``pyarrow.Table`` (needs ``danvan[arrow]``)."""
        return self.to_table().to_arrow()

    def to_csv(self, target: str | Path | IO[str] | None = None) -> str | None:
        """:meth:`to_table` as UTF-8 CSV, written to ``target`` or returned as text."""
        return self.to_table().to_csv(target)

    def to_parquet(self, path: str | Path) -> None:
        """:meth:`to_table` as a Parquet file (needs ``danvan[arrow]``)."""
        self.to_table().to_parquet(path)

    def to_sdmx(self, dataflow: str = "DANVAN:DV_INDICATORS(1.0)") -> Table:
        """The values in the SDMX-CSV layout (``.to_csv()`` writes it)."""
        return self.to_table().to_sdmx(dataflow)

    def _danvan_json_(self) -> dict[str, Any]:
        """The JSON layout :func:`danvan.dumps` writes (``docs/indicators.md``)."""
        return {"unit": self.scope.root, "unit_name": self.scope.unit.name,
                "period": str(self.period), "period_start": self.period.start.isoformat(),
                "period_end": self.period.end.isoformat(),
                "notes": list(self.notes), "rows": self.to_table().json_records()}

    def plot(self, indicator: str, ax: Any = None, *, by: str | None = None) -> Any:
        """A chart of ``indicator`` on matplotlib ``ax`` (new when ``None``); returns the Axes.

        ``by`` picks the breakdown shown (default: the first the report has; a
        ``cadence.*`` indicator gives a unit × period compliance grid, computed
        here by sub-period). Needs ``danvan[plot]``.
        """
        from danvan.indicators._plot import cadence_grid, grid_split, plot_report

        if indicator.startswith("cadence.") and by is None and any(r.id == indicator for r in self):
            total = self[indicator]
            parts = self.period.split(grid_split(self.period))
            columns = [(part, evaluate(self.dataset, [total.indicator], self.scope, part,
                                       {indicator: [("unit",)]})[indicator][-1]) for part in parts]
            return cadence_grid(total, columns, ax)
        return plot_report(self, indicator, ax, by)


def report(dataset: Dataset, scope: Scope | str | None = None,
           period: Period | str | None = None, *,
           indicators: Iterable[Indicator | str] | None = None, details: bool = True,
           progress: Any = None, **params: Any) -> Report:
    """Every catalogued indicator (or those given) over ``scope`` and ``period``.

    Without ``indicators``, those reading a collection the dataset has no
    records of are left out (successions are not needed: a unit may simply
    end). An indicator given twice is reported once. ``details`` adds each
    indicator's usual breakdowns. ``params`` go to the indicators that take
    them; one that none of them takes is a :class:`~danvan.errors.FieldError`.
    ``progress``: ``True`` draws a bar on stderr as passes over 100.000 records or
    more go, a callable is called as ``progress(done, total, what)`` (see
    :mod:`danvan._progress`); ``None`` (default) or ``False`` stays silent.
    """
    callback = tracker(progress)
    the_scope, the_period = resolve(dataset, scope, period)
    if indicators is None:
        chosen = [i for i in catalogue() if _has_data(dataset, i)]
    else:
        chosen = [_indicator(i, f"indicators[{n}]") for n, i in enumerate(indicators)]
    by = {i.id: list(i.details) for i in chosen} if details else None
    computed = evaluate(dataset, chosen, the_scope, the_period, by, params, callback)
    return Report(dataset, the_scope, the_period,
                  [r for results in computed.values() for r in results])


def _has_data(dataset: Dataset, indicator: Indicator) -> bool:
    """Whether the dataset has records (or units) of every collection the indicator counts.

    Successions only say where units went; a restructuring needs units, not them.
    """
    return all(getattr(dataset, source, True) for source in indicator.sources
               if source != "successions")
