"""The exports of a :class:`~danvan.indicators.tidy.Table`: pandas, polars, Arrow, Parquet, SDMX-CSV.

Each library is imported inside the function that needs it, with an
:class:`ImportError` naming the extra to install. The table is read through
its ``columns``, ``column()``, ``type_of()`` and rows (``tidy`` imports this
module, not the reverse).
"""

from __future__ import annotations

import datetime as dt
import importlib
from pathlib import Path
from typing import Any, Final

from danvan.values.periods import SPLITS, Period

#: A :class:`~danvan.indicators.tidy.Table`, read by its attributes.
Table = Any

__all__ = ["sdmx_time", "to_arrow", "to_pandas", "to_parquet", "to_polars", "to_sdmx"]


def _need(module: str, extra: str, what: str) -> Any:
    try:
        return importlib.import_module(module)
    except ImportError as error:
        raise ImportError(f"{what} needs {module.split('.')[0]}; install it with "
                          f"pip install 'danvan[{extra}]'") from error


def to_pandas(table: Table) -> Any:
    """A ``pandas.DataFrame`` with nullable ``Int64``/``Float64`` numbers and ``datetime64`` dates."""
    pandas = _need("pandas", "pandas", "to_pandas()")
    data: dict[str, Any] = {}
    for name in table.columns:
        values = table.column(name)
        kind = table.type_of(name)
        if kind == "int":
            data[name] = pandas.array(values, dtype="Int64")
        elif kind == "float":
            data[name] = pandas.array(values, dtype="Float64")
        elif kind == "date":
            data[name] = pandas.to_datetime(pandas.Series(values, dtype="object"))
        else:
            data[name] = pandas.array(values, dtype="string")
    return pandas.DataFrame(data, columns=list(table.columns))


def _arrow_schema(pyarrow: Any, table: Table) -> Any:
    types = {"int": pyarrow.int64(), "float": pyarrow.float64(), "date": pyarrow.date32(),
             "string": pyarrow.string()}
    return pyarrow.schema([(name, types[table.type_of(name)]) for name in table.columns])


def to_arrow(table: Table) -> Any:
    """A ``pyarrow.Table`` typed by column: int64, float64, date32, string."""
    pyarrow = _need("pyarrow", "arrow", "to_arrow()")
    schema = _arrow_schema(pyarrow, table)
    return pyarrow.table({name: table.column(name) for name in table.columns}, schema=schema)


def to_parquet(table: Table, path: str | Path) -> None:
    """Write the table as Parquet."""
    parquet = _need("pyarrow.parquet", "arrow", "to_parquet()")
    parquet.write_table(to_arrow(table), str(path))


def to_polars(table: Table) -> Any:
    """A ``polars.DataFrame`` typed by column: Int64, Float64, Date, String."""
    polars = _need("polars", "polars", "to_polars()")
    types = {"int": polars.Int64, "float": polars.Float64, "date": polars.Date,
             "string": polars.String}
    schema = {name: types[table.type_of(name)] for name in table.columns}
    return polars.DataFrame({name: list(table.column(name)) for name in table.columns},
                            schema=schema)


# -- SDMX-CSV ----------------------------------------------------------------------------

_SDMX_HEAD: Final = ("DATAFLOW", "REF_AREA", "TIME_PERIOD", "INDICATOR", "BREAKDOWN", "STATISTIC")
_SDMX_TAIL: Final = ("OBS_VALUE", "UNIT_MEASURE", "UNIT_MULT", "OBS_STATUS")
_MEASURE: Final = {"count": "NUMBER", "rate": "RATIO", "change": "NUMBER", "ranking": "NUMBER",
                   "summary": "NUMBER", "durations": "DAYS"}
_STATISTICS: Final = (("COUNT", "count"), ("MEDIAN", "median"), ("P90", "p90"), ("MEAN", "mean"),
                      ("MAX", "max"))


def sdmx_time(period: Period) -> str:
    """The SDMX ``TIME_PERIOD`` of a period: ``2021``, ``2021-S1``, ``2021-Q3``, ``2021-05``,
    or a start and an ISO 8601 duration: ``2016-07-01/P1826D``, ``2020-01-01/P6Y``.

    >>> [sdmx_time(Period.parse(t)) for t in ("2021", "2021-H2", "2021-Q3", "2021-05", "2020-2025")]
    ['2021', '2021-S2', '2021-Q3', '2021-05', '2020-01-01/P6Y']
    >>> sdmx_time(Period.parse("2016-07-01..2021-07-01"))
    '2016-07-01/P1826D'
    """
    text = str(period)
    if ".." in text:
        return f"{period.start.isoformat()}/P{period.days}D"
    if "-H" in text:
        return text.replace("-H", "-S")
    if len(text) == 9:  # a range of whole years
        first, last = (int(y) for y in text.split("-"))
        return f"{first}-01-01/P{last - first + 1}Y"
    return text


def to_sdmx(table: Table, dataflow: str) -> tuple[tuple[str, ...], list[tuple[Any, ...]]]:
    """One observation per row: ``REF_AREA`` is the unit of a ``unit`` breakdown (else the
    scope's unit), ``TIME_PERIOD`` the sub-period of a split (else the period); other
    dimensions follow as columns of their own (upper case; ``_T``, the SDMX total, where the
    row is not broken down by it); ``BREAKDOWN`` names the row's dimensions (``_T`` for a
    total), which tells a total from the root's own records in a ``unit`` breakdown;
    durations give one row per statistic (``STATISTIC``: COUNT, MEDIAN, P90, MEAN, MAX;
    ``_Z`` otherwise); a rate is a ratio (``OBS_VALUE`` 0.9875…); an undefined rate is
    ``OBS_STATUS`` ``M``, with no value.
    The records of a ranking are not observations and are left out."""
    others = [c for c in table.columns[10:table.columns.index("rank")] if not c.endswith("_label")
              and c != "unit" and c not in SPLITS]
    columns = (*_SDMX_HEAD, *(c.upper() for c in others), *_SDMX_TAIL)
    rows = []
    for row in table:
        if row["rank"] is not None:
            continue
        dims = (row["breakdown"] or "").split(",")
        area = row["unit"] if "unit" in dims and row.get("unit") else row["unit_code"]
        split = next((d for d in dims if d in SPLITS), None)
        if split is not None:
            time = sdmx_time(Period.parse(row[split]))
        elif isinstance(row["period_start"], dt.date) and isinstance(row["period_end"], dt.date):
            time = sdmx_time(Period(row["period_start"], row["period_end"]))
        else:
            time = None
        kind = row["value_kind"]
        observed = ([(name, row[column]) for name, column in _STATISTICS]
                    if kind in ("summary", "durations") else [("_Z", row["value_float"])])
        for statistic, value in observed:
            measure = "NUMBER" if statistic == "COUNT" else _MEASURE[kind]
            rows.append((dataflow, area, time, row["indicator"], row["breakdown"] or "_T",
                         statistic, *(row[c] if c in dims else "_T" for c in others),
                         value, measure, 0, "A" if value is not None else "M"))
    return columns, rows
