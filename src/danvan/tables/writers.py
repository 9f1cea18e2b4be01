"""Write a :class:`~danvan.records.dataset.Dataset` as tables: CSV files, Parquet files, Arrow, Excel.

Each table of :mod:`danvan.tables.schema` becomes one file (``petitions.csv``,
``petition_events.csv``, …; empty tables are left out) that the readers take
back unchanged: codes, ISO dates, ``true``/``false``, Vietnamese text as is.

>>> import tempfile
>>> from danvan.records.units import Unit
>>> from danvan.records.vocabulary import UnitLevel
>>> from danvan.tables.readers import read_csv
>>> data = Dataset(units=(Unit("X1", "Xã Hòa", UnitLevel.COMMUNE),))
>>> folder = tempfile.mkdtemp()
>>> [p.name for p in write_csv(data, folder)]
['units.csv']
>>> read_csv(folder) == data
True
"""

from __future__ import annotations

import csv
import datetime as dt
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from danvan.errors import RowError
from danvan.records.dataset import Dataset
from danvan.tables._flat import dataset_columns
from danvan.tables.schema import arrow_schema, table

__all__ = ["tables_of", "to_arrow", "write_csv", "write_excel", "write_parquet"]

#: Characters a worksheet cannot hold (openpyxl's ILLEGAL_CHARACTERS_RE, and a carriage
#: return, which the workbook's XML turns into a line feed).
_ILLEGAL = re.compile(r"[\000-\010\013\014\015\016-\037]")


def tables_of(data: Dataset, *, empty: bool = False) -> dict[str, dict[str, list[Any]]]:
    """Every table of ``data`` as columns of cells (dates as ``datetime.date``, codes as text)."""
    columns = dataset_columns(data)
    return {name: cells for name, cells in columns.items()
            if empty or any(len(c) for c in cells.values())}


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def write_csv(data: Dataset, folder: str | Path, *, delimiter: str = ",",
              headers: Mapping[str, Mapping[str, str]] | None = None) -> list[Path]:
    """One UTF-8 CSV file per non-empty table in ``folder``; returns the paths written.

    ``headers`` renames columns, by table (``{"petitions": {"id": "Số đơn"}}``).
    """
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, cells in tables_of(data).items():
        path = folder / f"{name}.csv"
        names = list(cells)
        renamed = (headers or {}).get(name, {})
        with path.open("w", encoding="utf-8", newline="") as out:
            writer = csv.writer(out, delimiter=delimiter)
            writer.writerow([renamed.get(n, n) for n in names])
            writer.writerows(zip(*([_text(v) for v in cells[n]] for n in names), strict=True))
        written.append(path)
    return written


def to_arrow(data: Dataset) -> dict[str, Any]:
    """Every non-empty table as a ``pyarrow.Table`` with its :func:`arrow_schema` (``danvan[arrow]``)."""
    import pyarrow as pa

    return {name: pa.table(cells, schema=arrow_schema(name))
            for name, cells in tables_of(data).items()}


def write_parquet(data: Dataset, folder: str | Path) -> list[Path]:
    """One Parquet file per non-empty table in ``folder`` (needs ``danvan[arrow]``)."""
    import pyarrow.parquet as pq

    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, arrow in to_arrow(data).items():
        path = folder / f"{name}.parquet"
        pq.write_table(arrow, path)
        written.append(path)
    return written


def write_excel(data: Dataset, path: str | Path, *,
                headers: Mapping[str, Mapping[str, str]] | None = None,
                sheets: Mapping[str, str] | None = None) -> Path:
    """One workbook, a sheet per non-empty table (needs ``danvan[excel]``).

    Cells are text, numbers, booleans and dates; ``sheets`` renames sheets by table.
    """
    try:
        import openpyxl
    except ImportError:  # pragma: no cover - depends on the environment
        raise ImportError("writing .xlsx needs openpyxl: pip install 'danvan[excel]'") from None
    path = Path(path)
    book = openpyxl.Workbook()
    book.remove(book.active)
    for name, cells in tables_of(data).items():
        sheet = book.create_sheet((sheets or {}).get(name, name))
        names = list(cells)
        renamed = (headers or {}).get(name, {})
        sheet.append([renamed.get(n, n) for n in names])
        kinds = [table(name).column(n).kind for n in names]
        for number, row in enumerate(zip(*(cells[n] for n in names), strict=True), start=2):
            # Codes and text stay text (a code "08440" keeps its zero); dates stay dates.
            values = [v if kind in ("count", "position", "flag", "date") else
                      ("" if v is None else str(v)) for v, kind in zip(row, kinds, strict=True)]
            for header, value in zip(names, values, strict=True):
                if isinstance(value, str) and (_ILLEGAL.search(value) or len(value) > 32767):
                    raise RowError(f"{path.name}[{sheet.title}]", number, header, value,
                                   "expected text a worksheet can hold (no control characters, "
                                   "at most 32.767 characters)")
            sheet.append(values)
            for c in sheet[sheet.max_row]:
                if c.data_type == "f":  # text such as "=x" is text, not a formula
                    c.data_type = "s"
        for column in sheet.iter_cols(min_row=2):
            for c in column:
                if isinstance(c.value, dt.date):
                    c.number_format = "dd/mm/yyyy"
    book.save(path)
    return path
