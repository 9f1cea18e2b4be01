"""Sources of rows: CSV files, Excel sheets, Parquet files and Arrow-compatible tables.

Each becomes a :class:`Sheet`: its headers as written, its cells column by
column, and the row number a spreadsheet shows for each row (the header is row
1). Fully empty rows are skipped, keeping the numbers of the others. pyarrow
and openpyxl are imported only here, by the function that needs them.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

from attrs import define

from danvan._text import nfc
from danvan.errors import RowError, TableError

__all__ = ["Sheet", "arrow_sheet", "csv_sheet", "excel_sheets", "header_key", "parquet_sheet",
           "sheets_of"]


def header_key(header: str) -> str:
    """How headers are compared: NFC, case-folded, blanks collapsed (``"Ngày  nhận"`` = ``"ngày nhận"``)."""
    return " ".join(nfc(header).casefold().split())


@define
class Sheet:
    """Rows from one source: ``name`` is the file's stem or the sheet's title."""

    source: str
    name: str
    headers: list[str]
    columns: list[Sequence[Any]]
    rows: Sequence[int]

    def column(self, header: str) -> Sequence[Any] | None:
        """The cells under ``header`` (compared by :func:`header_key`), if the sheet has it."""
        key = header_key(header)
        for name, cells in zip(self.headers, self.columns, strict=True):
            if header_key(name) == key:
                return cells
        return None


def _from_rows(source: str, name: str, rows: list[list[Any]], first: int) -> Sheet:
    """A sheet from its rows, the first being the header on spreadsheet row ``first``."""
    if not rows:
        raise RowError(source, None, "", None, "expected a header row")
    header = [("" if h is None else str(h)).strip() for h in rows[0]]
    while header and not header[-1]:
        header.pop()
    width = len(header)
    if not width:
        raise RowError(source, first, "", None, "expected a header row")
    body = rows[1:]
    numbers: Sequence[int] = range(first + 1, first + 1 + len(body))
    # any(row) is a quick test; only rows it fails (all cells falsy) are looked at closely.
    blank = set() if all(map(any, body)) else {
        i for i, row in enumerate(body) if not any(row) and all(c in (None, "") for c in row)}
    if blank:
        numbers = [n for i, n in enumerate(numbers) if i not in blank]
        body = [row for i, row in enumerate(body) if i not in blank]
    if set(map(len, body)) - {width}:
        problems = [RowError(source, n, "", row[width:], f"expected at most {width} cells")
                    for n, row in zip(numbers, body, strict=True)
                    if len(row) > width and any(c not in (None, "") for c in row[width:])]
        if problems:
            raise TableError("rows that do not describe danvan records", problems)
        body = [row[:width] if len(row) >= width else [*row, *[None] * (width - len(row))]
                for row in body]
    columns: list[Sequence[Any]] = [list(c) for c in zip(*body, strict=True)] if body else [
        [] for _ in header]
    for index, h in enumerate(header):
        if not h:
            raise RowError(source, first, f"column {index + 1}", "", "expected a header")
    return Sheet(source, name, header, columns, numbers)


def csv_sheet(path: str | Path, *, delimiter: str | None = None) -> Sheet:
    """A CSV file: UTF-8 with or without BOM, ``,`` or ``;`` (sniffed from the header)."""
    path = Path(path)
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise RowError(path.name, None, "", str(error.object[error.start:error.start + 8]),
                       f"expected UTF-8 text ({error.reason} at byte {error.start})") from None
    if delimiter is None:
        line = text.split("\n", 1)[0]
        delimiter = ";" if line.count(";") > line.count(",") else ","
    rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    return _from_rows(path.name, path.stem, rows, 1)


def excel_sheets(path: str | Path) -> Iterator[Sheet]:
    """Every non-empty sheet of an ``.xlsx`` workbook (needs ``danvan[excel]``)."""
    try:
        import openpyxl
    except ImportError:  # pragma: no cover - depends on the environment
        raise ImportError("reading .xlsx needs openpyxl: pip install 'danvan[excel]'") from None
    path = Path(path)
    book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    try:
        for sheet in book.worksheets:
            rows = [list(r) for r in sheet.iter_rows(values_only=True)]
            if any(any(c not in (None, "") for c in r) for r in rows):
                yield _from_rows(f"{path.name}[{sheet.title}]", sheet.title, rows, 1)
    finally:
        book.close()


def _pyarrow() -> Any:
    try:
        import pyarrow
    except ImportError:  # pragma: no cover - depends on the environment
        raise ImportError("reading Parquet or Arrow tables needs pyarrow: "
                          "pip install 'danvan[arrow]'") from None
    return pyarrow


def arrow_sheet(data: Any, name: str, source: str | None = None) -> Sheet:
    """An Arrow-compatible table (pyarrow, pandas, polars, DuckDB: ``__arrow_c_stream__``)."""
    pa = _pyarrow()
    if isinstance(data, pa.Table):
        arrow = data
    elif hasattr(data, "__arrow_c_stream__"):
        arrow = pa.RecordBatchReader.from_stream(data).read_all()
    else:
        raise RowError(source or name, None, "", type(data).__name__,
                       "expected an Arrow-compatible table (one with __arrow_c_stream__)")
    columns = [arrow.column(i).to_pylist() for i in range(arrow.num_columns)]
    return Sheet(source or name, name, list(arrow.column_names), columns,
                 range(2, arrow.num_rows + 2))


def parquet_sheet(path: str | Path) -> Sheet:
    """A Parquet file (needs ``danvan[arrow]``)."""
    _pyarrow()
    import pyarrow.parquet as pq

    path = Path(path)
    return arrow_sheet(pq.read_table(path), path.stem, path.name)


def sheets_of(path: str | Path) -> list[Sheet]:
    """The sheets of a file (by its suffix) or of every table file in a directory."""
    path = Path(path)
    if path.is_dir():
        files = sorted(p for p in path.iterdir() if p.suffix.lower() in _READERS)
        return [sheet for file in files for sheet in sheets_of(file)]
    reader = _READERS.get(path.suffix.lower())
    if reader is None:
        raise RowError(path.name, None, "", path.suffix,
                       f"expected a file ending {', '.join(_READERS)}")
    if not path.exists():
        raise FileNotFoundError(2, "No such file or directory", str(path))
    return list(reader(path))


_READERS: dict[str, Callable[[Path], Iterable[Sheet]]] = {
    ".csv": lambda p: [csv_sheet(p)],
    ".xlsx": excel_sheets,
    ".parquet": lambda p: [parquet_sheet(p)],
}
