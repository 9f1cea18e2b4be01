"""Results as a tidy table of numbers: one row per value, one column per fact.

:meth:`Result.to_table() <danvan.indicators.engine.Result.to_table>` and
:meth:`Report.to_table() <danvan.indicators.reporting.Report.to_table>` give a
:class:`Table`: plain Python (a tuple of column names and a tuple of rows), so
the core needs no data-frame library. Its columns, in order:

* ``indicator``, ``name_vi``, ``name_en``, ``value_kind`` (``count``, ``rate``, …);
* ``unit_code``, ``unit_name``, ``unit_level``: the scope's unit; ``period_start``
  and ``period_end``: the period, ``[start, end)`` as everywhere in danvan;
* ``breakdown``: the dimensions of the row's breakdown (``unit``, ``unit,directive``;
  empty for a total), then, for each dimension met, its code and its label beside it
  (``kind`` and ``kind_label``, ``unit`` and ``unit_label``, ``quarter`` and
  ``quarter_label``, …);
* ``rank`` and ``record``: for a ranking, one row per record listed, after the row
  giving how many;
* ``numerator`` and ``denominator`` (whole numbers, or empty); ``value``, the exact
  value as text (``2453/2484`` for a rate, ``2588`` for a count, the difference for
  a change, whose numerator is the count after and denominator the count before);
  ``value_float``, the same as a float (empty when not defined: a rate over 0);
* ``count``, ``median``, ``p90``, ``mean``, ``max``: for a summary or durations (a
  ranking's ``count`` is how many records it lists);
* ``text``, the value as a report prints it (a ranking: how many it lists), with
  ``rounding`` and ``places``, the rounding used for it; ``notes``, one per line.

Empty cells are ``None`` (never an empty string, never a float NaN), so a CSV
written by :meth:`Table.to_csv` reads back the same with :meth:`Table.read_csv`.

>>> t = Table(("indicator", "numerator", "value_float"), (("a.b", 3, 0.5), ("a.c", None, None)))
>>> len(t), t.column("numerator"), t.records()[0]
(2, (3, None), {'indicator': 'a.b', 'numerator': 3, 'value_float': 0.5})
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Iterable, Iterator, Mapping
from fractions import Fraction
from pathlib import Path
from typing import IO, Any, Final

from attrs import field, frozen

from danvan.errors import FieldError
from danvan.records.vocabulary import Term
from danvan.values.exact import Change, Durations, Ranking, Rate, Summary
from danvan.values.numbers import Rounding, format_number
from danvan.values.periods import Period

__all__ = ["COLUMN_TYPES", "Table", "rows_of", "table_of"]

#: The type of each fixed column: ``string``, ``int``, ``float`` or ``date``; a
#: dimension's columns (``kind``, ``kind_label``, …) are ``string``.
COLUMN_TYPES: Final[Mapping[str, str]] = {
    "indicator": "string", "name_vi": "string", "name_en": "string", "value_kind": "string",
    "unit_code": "string", "unit_name": "string", "unit_level": "string",
    "period_start": "date", "period_end": "date", "breakdown": "string",
    "rank": "int", "record": "string", "numerator": "int", "denominator": "int",
    "value": "string", "value_float": "float", "count": "int", "median": "float",
    "p90": "int", "mean": "float", "max": "int", "text": "string", "rounding": "string",
    "places": "int", "notes": "string",
}
_HEAD: Final = tuple(COLUMN_TYPES)[:10]
_TAIL: Final = tuple(COLUMN_TYPES)[10:]
_UNKNOWN: Final = "(không rõ)"


def _as_tuple(items: Iterable[Any]) -> tuple[Any, ...]:
    return tuple(items)


def _check_rows(table: Table, _: object, rows: tuple[tuple[Any, ...], ...]) -> None:
    for index, row in enumerate(rows):
        if not isinstance(row, tuple) or len(row) != len(table.columns):
            raise FieldError(f"rows[{index}]", row, f"expected a tuple of {len(table.columns)} cells")


@frozen
class Table:
    """Named columns and rows of plain values (``str``, ``int``, ``float``, ``date`` or ``None``)."""

    columns: tuple[str, ...] = field(converter=_as_tuple)
    rows: tuple[tuple[Any, ...], ...] = field(converter=_as_tuple, validator=_check_rows, repr=False)

    def __len__(self) -> int:
        return len(self.rows)

    def __iter__(self) -> Iterator[dict[str, Any]]:
        """Each row as a dict of column to value."""
        columns = self.columns
        return (dict(zip(columns, row, strict=True)) for row in self.rows)

    def __repr__(self) -> str:
        return f"<Table {len(self.rows)} rows × {len(self.columns)} columns>"

    def records(self) -> list[dict[str, Any]]:
        """The rows as a list of dicts."""
        return list(self)

    def json_records(self) -> list[dict[str, Any]]:
        """The rows as dicts ready for JSON: dates as ISO text, the rest as is."""
        return [{name: value.isoformat() if isinstance(value, dt.date) else value
                 for name, value in row.items()} for row in self]

    def column(self, name: str) -> tuple[Any, ...]:
        """The values of one column, in row order."""
        try:
            index = self.columns.index(name)
        except ValueError:
            raise FieldError("column", name, "expected one of " + ", ".join(self.columns)) from None
        return tuple(row[index] for row in self.rows)

    def type_of(self, column: str) -> str:
        """``string``, ``int``, ``float`` or ``date`` (see :data:`COLUMN_TYPES`)."""
        return COLUMN_TYPES.get(column, "string")

    # -- exports: the heavy libraries are imported only when called -------------------------

    def to_csv(self, target: str | Path | IO[str] | None = None) -> str | None:
        """Write UTF-8 CSV (RFC 4180; dates ISO, empty cells empty) to a path or text stream;
        without ``target``, return the text."""
        if target is None:
            buffer = io.StringIO()
            _write_csv(self, buffer)
            return buffer.getvalue()
        if isinstance(target, str | Path):
            with Path(target).open("w", encoding="utf-8", newline="") as stream:
                _write_csv(self, stream)
        else:
            _write_csv(self, target)
        return None

    @classmethod
    def read_csv(cls, source: str | Path | IO[str]) -> Table:
        """A table written by :meth:`to_csv`, each column read back with its type."""
        if isinstance(source, str | Path):
            with Path(source).open(encoding="utf-8", newline="") as stream:
                return _read_csv(stream)
        return _read_csv(source)

    def to_pandas(self) -> Any:
        """A ``pandas.DataFrame``: nullable ``Int64`` and ``Float64`` numbers, dates as
        ``datetime64``, text as strings (needs ``danvan[pandas]``)."""
        from danvan.indicators._export import to_pandas

        return to_pandas(self)

    def to_polars(self) -> Any:
        """A ``polars.DataFrame`` with typed columns (needs ``danvan[polars]``)."""
        from danvan.indicators._export import to_polars

        return to_polars(self)

    def to_arrow(self) -> Any:
        """A ``pyarrow.Table`` with typed columns (needs ``danvan[arrow]``)."""
        from danvan.indicators._export import to_arrow

        return to_arrow(self)

    def to_parquet(self, path: str | Path) -> None:
        """Write the Arrow table to a Parquet file (needs ``danvan[arrow]``)."""
        from danvan.indicators._export import to_parquet

        to_parquet(self, path)

    def to_sdmx(self, dataflow: str = "DANVAN:DV_INDICATORS(1.0)") -> Table:
        """The values in the SDMX-CSV layout (one observation per row; see ``docs/indicators.md``)."""
        from danvan.indicators._export import to_sdmx

        return Table(*to_sdmx(self, dataflow))


def _cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float):
        return repr(value)
    return str(value)


def _write_csv(table: Table, stream: IO[str]) -> None:
    writer = csv.writer(stream)  # RFC 4180: CRLF rows, so a cell's own line breaks are quoted
    writer.writerow(table.columns)
    writer.writerows([_cell_text(cell) for cell in row] for row in table.rows)


_READERS: Final[Mapping[str, Any]] = {"int": int, "float": float, "date": dt.date.fromisoformat,
                                      "string": str}


def _read_csv(stream: IO[str]) -> Table:
    reader = csv.reader(stream)
    try:
        columns = tuple(next(reader))
    except StopIteration:
        raise FieldError("csv", "", "expected a header row") from None
    types = [_READERS[COLUMN_TYPES.get(c, "string")] for c in columns]
    rows = []
    for number, line in enumerate(reader, 2):
        if len(line) != len(columns):
            raise FieldError(f"row {number}", line, f"expected {len(columns)} cells")
        try:
            rows.append(tuple(None if text == "" else read(text)
                              for read, text in zip(types, line, strict=True)))
        except ValueError as error:
            raise FieldError(f"row {number}", line, f"expected typed cells ({error})") from None
    return Table(columns, rows)


# -- building the rows ----------------------------------------------------------------------


def _key_cells(dim: str, item: Any, scope: Any) -> tuple[str | None, str]:
    """A breakdown key's code and label."""
    if item is None:
        return None, _UNKNOWN
    if isinstance(item, Term):
        return item.code, item.label
    if isinstance(item, Period):
        return str(item), item.label
    code = str(item)
    if dim == "unit" and scope is not None and scope.registry.exists(code, scope.on):
        return code, scope.registry.get(code, scope.on).name
    return code, code


def _fraction_text(value: Fraction) -> str:
    return str(value.numerator) if value.denominator == 1 else f"{value.numerator}/{value.denominator}"


def _value_cells(value: Any) -> dict[str, Any]:
    """numerator, denominator, value, value_float and the statistics of one value."""
    if isinstance(value, bool):
        raise FieldError("value", value, "expected an indicator's value")
    if isinstance(value, int):
        return {"numerator": value, "value": str(value), "value_float": float(value)}
    if isinstance(value, Rate):
        exact = value.value
        return {"numerator": value.numerator, "denominator": value.denominator,
                "value": None if exact is None else f"{value.numerator}/{value.denominator}",
                "value_float": None if exact is None else float(exact)}
    if isinstance(value, Change):
        return {"numerator": value.after, "denominator": value.before,
                "value": str(value.difference), "value_float": float(value.difference)}
    if isinstance(value, Ranking):
        return {"count": value.count, "value": str(value.count), "value_float": float(value.count)}
    if isinstance(value, Summary):
        median, mean = value.median, value.mean
        return {"count": value.count, "median": None if median is None else float(median),
                "p90": value.percentile(90), "mean": None if mean is None else float(mean),
                "max": value.maximum}
    raise FieldError("value", value, "expected an indicator's value")


def _rounding(value: Any, places: int, rounding: Rounding) -> dict[str, Any]:
    if isinstance(value, Rate | Change):
        return {"rounding": rounding.code, "places": places}
    if isinstance(value, Durations) and value.count:
        return {"rounding": Rounding.TRUNCATE.code, "places": 1}  # the mean, as printed
    return {}


def rows_of(result: Any, *, total: bool = True, style: str = "vi", places: int = 1,
            rounding: Rounding = Rounding.TRUNCATE) -> Iterator[dict[str, Any]]:
    """The rows of one :class:`~danvan.indicators.engine.Result`: its total (unless
    ``total=False``), then one per cell of its breakdown, as dicts of the columns
    that are set. ``places`` and ``rounding`` are those of the ``text`` column."""
    indicator, scope, period = result.indicator, result.scope, result.period
    unit = scope.unit if scope is not None else None
    head: dict[str, Any] = {
        "indicator": indicator.id, "name_vi": indicator.name_vi, "name_en": indicator.name_en,
        "value_kind": indicator.kind,
        "unit_code": None if unit is None else unit.code,
        "unit_name": None if unit is None else unit.name,
        "unit_level": None if unit is None else unit.level.code,
        "period_start": None if period is None else period.start,
        "period_end": None if period is None else period.end,
    }
    cells: list[tuple[dict[str, Any], Any]] = [({}, result)] if total else []
    if result.by:
        for key, part in result.parts.items():
            items = key if len(result.by) > 1 else (key,)
            dims: dict[str, Any] = {"breakdown": ",".join(result.by)}
            for dim, item in zip(result.by, items, strict=True):
                dims[dim], dims[f"{dim}_label"] = _key_cells(dim, item, scope)
            cells.append((dims, part))
    for dims, cell in cells:
        value = cell.value
        if isinstance(value, Ranking):  # how many are listed; each record has its own row
            text = format_number(value.count, english=style == "en")
        else:
            text = cell.format(style=style, **({"places": places, "rounding": rounding}
                                               if isinstance(value, Rate | Change) else {}))
        row = {**head, **dims, **_value_cells(value), "text": text,
               **_rounding(value, places, rounding), "notes": "\n".join(cell.notes) or None}
        yield row
        if isinstance(value, Ranking):
            for rank, (ident, number) in enumerate(value.items, 1):
                yield {**head, **dims, "rank": rank, "record": ident, "numerator": number,
                       "value": str(number), "value_float": float(number),
                       "text": value.format_item(rank - 1, style)}


def table_of(rows: Iterable[Mapping[str, Any]]) -> Table:
    """The table of some rows: the fixed columns, and two per dimension met, in order met."""
    found = list(rows)
    dims: dict[str, None] = {}
    for row in found:
        for dim in (row.get("breakdown") or "").split(","):
            if dim:
                dims.setdefault(dim, None)
    columns = (*_HEAD, *(c for dim in dims for c in (dim, f"{dim}_label")), *_TAIL)
    return Table(columns, tuple(tuple(row.get(c) for c in columns) for row in found))
