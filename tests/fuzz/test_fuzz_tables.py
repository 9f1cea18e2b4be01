"""Fuzz targets for the table readers (danvan.tables): arbitrary cells, one-cell mutations, round trips.

Each reader gives a dataset or a danvan error naming the row and column, never another
exception; what it accepts writes back to the same bytes; its time is linear in the rows.
"""

from __future__ import annotations

import csv
import io
import tempfile
from pathlib import Path
from typing import Any

from hypothesis import strategies as st

from danvan.records.dataset import Dataset
from danvan.tables import read_csv, write_csv
from danvan.tables.writers import tables_of
from danvan.testing import datasets

_CELL = st.one_of(
    st.text(max_size=12),
    st.sampled_from(["", " ", "01/02/2024", "2024-02-01", "31/02/2024", "1.000", "-1", "khiếu nại",
                     "Khiếu nại", "complaint", "true", "Có", "\ufeff", "a;b", "x\r\ny", '"', "NaN"]),
    st.integers(-10**6, 10**20).map(str),
)


def _write(folder: Path, tables: dict[str, tuple[list[str], list[list[str]]]]) -> None:
    for name, (header, rows) in tables.items():
        with (folder / f"{name}.csv").open("w", encoding="utf-8", newline="") as out:
            writer = csv.writer(out)
            writer.writerow(header)
            writer.writerows(rows)


def _read(tables: dict[str, tuple[list[str], list[list[str]]]], fuzz: Any) -> Dataset | None:
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        _write(folder, tables)
        result: Dataset | None = fuzz.call(read_csv, folder)
        return result


def _as_rows(data: Dataset) -> dict[str, tuple[list[str], list[list[str]]]]:
    """The CSV tables danvan writes for ``data``, read back as header and rows of text."""
    with tempfile.TemporaryDirectory() as name:
        out: dict[str, tuple[list[str], list[list[str]]]] = {}
        for path in write_csv(data, name):
            rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"))))
            out[path.stem] = (rows[0], rows[1:])
        return out


@st.composite
def _mutated(draw: st.DrawFn) -> dict[str, tuple[list[str], list[list[str]]]]:
    """A valid dataset's tables with one cell replaced (or one column dropped)."""
    tables = _as_rows(draw(datasets(max_records=4)))
    names = [n for n, (_, rows) in tables.items() if rows]
    if not names:
        return tables
    name = draw(st.sampled_from(names))
    header, rows = tables[name]
    column = draw(st.integers(0, len(header) - 1))
    if draw(st.booleans()):
        row = draw(st.integers(0, len(rows) - 1))
        rows[row][column] = draw(_CELL)
    else:
        header = header[:column] + header[column + 1:]
        rows = [r[:column] + r[column + 1:] for r in rows]
    tables[name] = (header, rows)
    return tables


def test_csv_reader_over_mutated_tables(fuzz: Any) -> None:
    """Valid tables with one cell changed or one column dropped: a dataset or a danvan error."""
    fuzz.run(_mutated(), lambda tables: _read(tables, fuzz))


def test_csv_reader_over_arbitrary_cells(fuzz: Any) -> None:
    """A table of arbitrary cells under real headers: a dataset or a danvan error."""
    headers = {name: list(cells) for name, cells in tables_of(Dataset(), empty=True).items()}

    @st.composite
    def tables(draw: st.DrawFn) -> dict[str, tuple[list[str], list[list[str]]]]:
        name = draw(st.sampled_from(sorted(headers)))
        header = headers[name]
        rows = draw(st.lists(st.lists(_CELL, min_size=len(header), max_size=len(header)),
                             max_size=4))
        return {name: (header, rows)}

    fuzz.run(tables(), lambda t: _read(t, fuzz))


def test_csv_round_trip_is_byte_identical(fuzz: Any) -> None:
    """Tables danvan wrote read back to a dataset that writes the very same bytes."""

    def check(data: Dataset) -> None:
        with tempfile.TemporaryDirectory() as one, tempfile.TemporaryDirectory() as two:
            first = {p.name: p.read_bytes() for p in write_csv(data, one)}
            second = {p.name: p.read_bytes() for p in write_csv(read_csv(one), two)}
            assert first == second

    fuzz.run(datasets(max_records=4), check)


def test_csv_reader_is_linear_in_rows(fuzz: Any) -> None:
    """Reading n petitions rows and 8n takes about 8 times as long."""
    import datetime as dt

    from danvan.records.petitions import Petition
    from danvan.records.units import Unit
    from danvan.records.vocabulary import PetitionKind, UnitLevel

    def work(n: int) -> Any:
        data = Dataset(units=(Unit("H", "Huyện H", UnitLevel.DISTRICT),), petitions=tuple(
            Petition(f"P{i}", PetitionKind.COMPLAINT, dt.date(2024, 1, 1 + i % 28), "H")
            for i in range(n)))
        folder = tempfile.mkdtemp()
        write_csv(data, folder)
        return lambda: read_csv(folder)

    fuzz.linear(work, 500)
